// Modelling a toxic release from the site wall: the form's values → the hub's
// `POST /api/v1/sim/runs` body (kind `assessment`, /work/prompts/contract.md), field by field
// validation with a message key per field, and the stored result as it comes back (grids as
// base64 Float32) → typed arrays. No React, no fetch: see sim-run-client.ts for the calls.
import { decodeF32Base64, type EngineNote, type SimReleaseContext, type SimRunContext, type SimRunRequest, type SimSource } from '@safetwin/protocol';
import type { AssessmentFrame, AssessmentGrid, AssessmentResult, PointThreat, ZoneFeature, ZonesResult } from '@safetwin/sim';

/** The engine's chemical library (packages/sim/src/chemicals/library.ts): what a release can be modelled for. */
export const ENGINE_CHEMICALS = ['Cl2', 'NH3', 'H2S', 'HCl', 'HF', 'SO2', 'CO', 'CH4', 'C3H8', 'LPG'] as const;
/** One of {@link ENGINE_CHEMICALS}. */
export type EngineChemical = (typeof ENGINE_CHEMICALS)[number];
/** Pasquill–Gifford stability classes. */
export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** One of {@link STABILITY_CLASSES}. */
export type Stability = (typeof STABILITY_CLASSES)[number];

/** Limits the form enforces before the hub sees a request (the engine checks again). */
export const RELEASE_LIMITS = {
  /** Release rate, kg/s: a full-bore rupture of a large line is of order 100 kg/s (CCPS 1999 examples); 10 000 catches typos. */
  rateKgS: { min: 0.001, max: 10_000 },
  /** Hole diameter, mm: a pinhole to a 1 m nozzle. */
  holeMm: { min: 1, max: 1_000 },
  /** Duration, min: up to a day. */
  durationMin: { min: 0.1, max: 1_440 },
  /** Wind speed, m/s: below 1 m/s the engine draws calm circles; above 30 m/s is not a plume situation. */
  windSpeedMS: { min: 0.1, max: 30 },
} as const;

/** Where the release is. */
export type ReleaseSource = { kind: 'equipment'; equipmentId: string } | { kind: 'point'; eastM: number; northM: number };

/** The release form as the user filled it (numbers still as typed). */
export interface ReleaseFormValues {
  source: ReleaseSource | null;
  /** The chemical to model; '' until chosen (the form fills it from the equipment). */
  chemical: string;
  sizing: 'rate' | 'hole';
  rateKgS: string;
  holeDiameterMm: string;
  /**
   * Where the hole is (hole sizing only): in the liquid space, the vapour space, or `auto` to let
   * the engine decide from the operating pressure and the vapour pressure → `release.phase`.
   */
  holePhase: 'auto' | 'liquid' | 'gas';
  /** Minutes; empty = continuous (steady state). */
  durationMin: string;
  weather: 'live' | 'manual';
  /** Stability computed from the live station and the sun (the KPI's class); null when the wall has no live weather. */
  liveStability: Stability | null;
  windSpeedMS: string;
  windFromDeg: string;
  stability: Stability | '';
}

/** Fields a validation message can sit next to. */
export type ReleaseField = 'source' | 'chemical' | 'rateKgS' | 'holeDiameterMm' | 'durationMin' | 'weather' | 'windSpeedMS' | 'windFromDeg' | 'stability';

/** Message keys of the release bundle used for validation (apps/web/src/i18n/messages/release.ts). */
export type ReleaseProblem =
  | 'errSourceMissing'
  | 'errChemicalMissing'
  | 'errChemicalUnknown'
  | 'errNumber'
  | 'errRange'
  | 'errHoleNeedsEquipment'
  | 'errNoLiveWeather'
  | 'errStabilityMissing';

/** A field's problem and the values its message needs. */
export interface FieldProblem {
  key: ReleaseProblem;
  values?: Record<string, number | string>;
}

/** `POST /api/v1/sim/runs` body for an assessment (SimRunRequest with kind `assessment`). */
export type AssessmentRequest = Omit<SimRunRequest, 'kind'> & { kind: 'assessment' };

/** The request to send, or what is wrong with the form. */
export type BuiltRelease = { ok: true; request: AssessmentRequest } | { ok: false; problems: Partial<Record<ReleaseField, FieldProblem>> };

/** True for a chemical the engine knows. */
export function isEngineChemical(chemical: string | null | undefined): chemical is EngineChemical {
  return (ENGINE_CHEMICALS as readonly string[]).includes(chemical ?? '');
}

/** Parses a typed number (',' accepted as the decimal mark); null when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

/** A required number within [min, max], or its problem. */
function numberIn(text: string, range: { min: number; max: number }, problems: Partial<Record<ReleaseField, FieldProblem>>, field: ReleaseField, optional = false): number | null {
  const v = parseNumber(text);
  if (v === null) {
    if (!optional) problems[field] = { key: 'errNumber' };
    return null;
  }
  if (!Number.isFinite(v)) {
    problems[field] = { key: 'errNumber' };
    return null;
  }
  if (v < range.min || v > range.max) {
    problems[field] = { key: 'errRange', values: { min: range.min, max: range.max } };
    return null;
  }
  return v;
}

/** Grid cells per side the wall asks for: 160² cells × 4 B ≈ 100 kB a frame (a 2 km park at ~13 m cells). */
export const WALL_GRID_CELLS = 160;
/** Margin round the site's bounds for the grid, as a share of the larger side. */
export const SITE_GRID_MARGIN = 0.1;

/**
 * The ground-level grid's box at the site's scale, metres east/north of the SOURCE: the site's
 * bounds and the source, with a margin. Without it the engine sizes the grid to the zones' box,
 * which for a 12 km AEGL-1 zone leaves ~100 m cells over a 2 km park (packages/sim: grid.extent);
 * the plan shows the zones' full reach anyway.
 */
export function siteGridExtent(boundary: readonly { eastM: number; northM: number }[], source: { eastM: number; northM: number }) {
  let minE = source.eastM, maxE = source.eastM, minN = source.northM, maxN = source.northM;
  for (const p of boundary) {
    minE = Math.min(minE, p.eastM);
    maxE = Math.max(maxE, p.eastM);
    minN = Math.min(minN, p.northM);
    maxN = Math.max(maxN, p.northM);
  }
  const pad = Math.max(maxE - minE, maxN - minN, 100) * SITE_GRID_MARGIN;
  const r = (v: number) => Math.round(v);
  return { east0M: r(minE - pad - source.eastM), north0M: r(minN - pad - source.northM), east1M: r(maxE + pad - source.eastM), north1M: r(maxN + pad - source.northM) };
}

/** Where the chosen source is (equipment position or the point), metres east/north of the site origin; null when unknown. */
export function sourcePosition(source: ReleaseSource | null, equipment: readonly { id: string; eastM: number; northM: number }[]): { eastM: number; northM: number } | null {
  if (!source) return null;
  if (source.kind === 'point') return { eastM: source.eastM, northM: source.northM };
  const e = equipment.find((x) => x.id === source.equipmentId);
  return e ? { eastM: e.eastM, northM: e.northM } : null;
}

/**
 * Builds `POST /api/v1/sim/runs` for an assessment from the form, or names each bad field.
 * Rate or hole: `scenario.release.rateKgS`, or `holeDiameterM` (only from a piece of equipment:
 * the hub takes its pressure, temperature and inventory) with `phase` ('liquid' | 'gas') when the
 * user says where the hole is. Duration in minutes → `durationS`
 * (empty: a steady plume). With the site's boundary and the source's position the grid is
 * asked for at the site's scale ({@link siteGridExtent}). Weather: `'live'` (the hub reads the station; the stability class
 * the wall computed from it goes in `scenario.weather.stability`) or the manual values.
 */
export function buildReleaseRequest(siteId: string, form: ReleaseFormValues, site?: { boundary: readonly { eastM: number; northM: number }[]; sourceAt: { eastM: number; northM: number } | null }): BuiltRelease {
  const problems: Partial<Record<ReleaseField, FieldProblem>> = {};
  if (!form.source) problems.source = { key: 'errSourceMissing' };
  if (!form.chemical) problems.chemical = { key: 'errChemicalMissing' };
  else if (!isEngineChemical(form.chemical)) problems.chemical = { key: 'errChemicalUnknown', values: { chemical: form.chemical } };

  const release: Record<string, unknown> = { kind: 'continuous', heightM: 0 };
  if (form.sizing === 'rate') {
    const rate = numberIn(form.rateKgS, RELEASE_LIMITS.rateKgS, problems, 'rateKgS');
    if (rate !== null) release.rateKgS = rate;
  } else {
    if (form.source && form.source.kind !== 'equipment') problems.holeDiameterMm = { key: 'errHoleNeedsEquipment' };
    const mm = numberIn(form.holeDiameterMm, RELEASE_LIMITS.holeMm, problems, 'holeDiameterMm');
    if (mm !== null) release.holeDiameterM = mm / 1000;
    if (form.holePhase !== 'auto') release.phase = form.holePhase;
  }
  const minutes = numberIn(form.durationMin, RELEASE_LIMITS.durationMin, problems, 'durationMin', true);
  if (minutes !== null) release.durationS = Math.round(minutes * 60);

  let weather: SimRunRequest['weather'];
  let stability: Stability | null = null;
  if (form.weather === 'live') {
    weather = 'live';
    if (form.liveStability) stability = form.liveStability;
    else problems.weather = { key: 'errNoLiveWeather' };
  } else {
    const speed = numberIn(form.windSpeedMS, RELEASE_LIMITS.windSpeedMS, problems, 'windSpeedMS');
    const from = numberIn(form.windFromDeg, { min: 0, max: 360 }, problems, 'windFromDeg');
    if (form.stability) stability = form.stability;
    else problems.stability = { key: 'errStabilityMissing' };
    weather = speed !== null && from !== null ? { windSpeedMS: speed, windFromDeg: from % 360 } : undefined;
  }

  if (Object.keys(problems).length > 0 || !form.source || !stability) return { ok: false, problems };
  const source: SimSource = form.source.kind === 'equipment' ? { equipmentId: form.source.equipmentId } : { eastM: form.source.eastM, northM: form.source.northM };
  return {
    ok: true,
    request: {
      siteId,
      kind: 'assessment',
      scenario: {
        chemical: form.chemical,
        model: 'auto',
        release,
        weather: { stability },
        ...(site?.sourceAt && site.boundary.length > 0 ? { grid: { maxCellsPerSide: WALL_GRID_CELLS, extent: siteGridExtent(site.boundary, site.sourceAt) } } : {}),
      },
      source,
      weather,
    },
  };
}

// ---- the result as the hub stores it -------------------------------------------------------
// The engine's own types (packages/sim): the web decodes into exactly what `runAssessment` returns.

/** A threat zone level as the engine reports it (label, ppm, ALOHA colour name, farthest distance). */
export type ZoneLevel = ZonesResult['metadata']['zones'][number];
/** A zone polygon (lon/lat rings: the hub gives the engine the source's lon/lat as `origin`). */
export type ZoneFeatureView = ZoneFeature;
/** The `zones` part of an assessment. */
export type ZonesView = ZonesResult;
/** Threat at a point of interest. */
export type PointThreatView = PointThreat;
/** One time step of the ground-level grid, decoded (tS null: a steady plume's only frame). */
export type GridFrame = AssessmentFrame;
/** The ground-level grid, decoded: cell (i, j) centre at (east0M + i·cellM, north0M + j·cellM) from the source, row-major by j. */
export type AssessmentGridView = AssessmentGrid;
/**
 * An assessment result with its grids decoded: what the engine's `runAssessment` returned; its notes as sent
 * (a key this wall may not know; none in a run stored before they were sent).
 */
export type AssessmentView = Omit<AssessmentResult, 'warningNotes' | 'explanationNotes'> & { warningNotes: EngineNote[]; explanationNotes: EngineNote[] };

/** Thrown when a stored result is not an assessment as the contract describes it. */
export class ResultShapeError extends Error {
  override readonly name = 'ResultShapeError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An engine note as the engine sends it (@safetwin/sim notes.ts); a malformed one is dropped (its English is still in `warnings`). */
const isEngineNote = (v: unknown): v is EngineNote =>
  isObject(v) && typeof v.key === 'string' && typeof v.text === 'string' && isObject(v.values) && Object.values(v.values).every((x) => typeof x === 'string');

/**
 * Decodes a stored assessment: every `grid.frames[k].valuesPpmF32Base64` becomes a Float32Array
 * of nx·ny values (a frame that already carries `valuesPpm` as numbers is taken as is). Throws
 * {@link ResultShapeError} naming the first part that does not fit.
 */
export function decodeAssessment(result: unknown): AssessmentView {
  if (!isObject(result) || result.kind !== 'assessment') throw new ResultShapeError('the run result is not an assessment');
  const grid = result.grid;
  if (!isObject(grid)) throw new ResultShapeError('result.grid is missing');
  const nx = Number(grid.nx), ny = Number(grid.ny);
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) throw new ResultShapeError(`result.grid has bad dimensions ${String(grid.nx)}×${String(grid.ny)}`);
  if (!Array.isArray(grid.frames) || grid.frames.length === 0) throw new ResultShapeError('result.grid.frames is empty');
  const frames: GridFrame[] = grid.frames.map((f: unknown, k: number) => {
    if (!isObject(f)) throw new ResultShapeError(`result.grid.frames[${k}] is not an object`);
    let values: Float32Array;
    if (typeof f.valuesPpmF32Base64 === 'string') values = decodeF32Base64(f.valuesPpmF32Base64);
    else if (f.valuesPpm instanceof Float32Array) values = f.valuesPpm;
    else if (Array.isArray(f.valuesPpm)) values = Float32Array.from(f.valuesPpm as number[]);
    else throw new ResultShapeError(`result.grid.frames[${k}] has no values`);
    if (values.length !== nx * ny) throw new ResultShapeError(`result.grid.frames[${k}] holds ${values.length} values, expected ${nx}×${ny} = ${nx * ny}`);
    return { tS: typeof f.tS === 'number' ? f.tS : null, maxPpm: Number(f.maxPpm), valuesPpm: values };
  });
  const zones = result.zones;
  if (!isObject(zones) || !Array.isArray(zones.features) || !isObject(zones.metadata)) throw new ResultShapeError('result.zones is not a FeatureCollection with metadata');
  return {
    ...(result as unknown as Omit<AssessmentView, 'grid'>),
    points: Array.isArray(result.points) ? (result.points as PointThreatView[]) : [],
    explanations: Array.isArray(result.explanations) ? (result.explanations as string[]) : [],
    warnings: Array.isArray(result.warnings) ? (result.warnings as string[]) : [],
    warningNotes: Array.isArray(result.warningNotes) ? result.warningNotes.filter(isEngineNote) : [],
    explanationNotes: Array.isArray(result.explanationNotes) ? result.explanationNotes.filter(isEngineNote) : [],
    grid: { nx, ny, east0M: Number(grid.east0M), north0M: Number(grid.north0M), cellM: Number(grid.cellM), zM: Number(grid.zM), unit: 'ppm', frames },
  };
}

/** Points of interest sorted worst first: highest level reached, then earliest arrival, then highest peak. */
export function worstFirst(points: readonly PointThreatView[]): PointThreatView[] {
  const rank = (p: PointThreatView) => p.worstLevel?.ppm ?? -1;
  return [...points].sort((a, b) => rank(b) - rank(a) || (a.arrivalS ?? Infinity) - (b.arrivalS ?? Infinity) || b.peakPpm - a.peakPpm);
}

/** `context.release` of a run when the hub derived the rate from a hole size, else null. */
export function releaseContextOf(context: SimRunContext | null | undefined): SimReleaseContext | null {
  return context?.release ?? null;
}
