// The `assessment` command (issue 4 contract): threat zones + a ground-level concentration grid (frames over time for
// transient releases) + the threat at points of interest, in one pure call with progress checkpoints.
import { DENSE_GROUND_LAYER_M } from '../dense-gas.ts';
import { resolveModel, type ResolvedModel } from '../resolve-model.ts';
import { ENGINE } from '../run-plume.ts';
import { buildZones, requireWindFromDeg, type ZonesResult } from '../run-zones.ts';
import { parseInput } from '../scenario.ts';
import { kgM3ToPpm } from '../units.ts';
import { CALM_GRID_HORIZON_S, CALM_GRID_MIN_HALF_SIDE_M, calmGridHalfSideM, cellsOverBox, fillFrame, GRID_MIN_CELL_M, frameTimesS, gridExtent, type AssessmentFrame, type AssessmentGrid } from './grid-frames.ts';
import { pointThreat, STEADY_HORIZON_S, type PointThreat } from './points.ts';
import { assessmentScenarioSchema } from './schema.ts';
import { fmt } from '../format.ts';
import { saidNotes, simNote, type SimNote } from '../notes.ts';

/** Output of the `assessment` command (contract). */
export interface AssessmentResult {
  kind: 'assessment';
  model: string;
  sigma: string;
  stability: string;
  windSpeedMS: number;
  windFromDeg: number;
  chemical: { id: string; cas: string; molarMassKgMol: number };
  /** The English of `explanationNotes`. */
  explanations: string[];
  explanationNotes: SimNote[];
  /** The English of `warningNotes`. */
  warnings: string[];
  warningNotes: SimNote[];
  engine: { name: string; version: string };
  /** Exactly what runZones returns for the same input. */
  zones: ZonesResult;
  grid: AssessmentGrid;
  points: PointThreat[];
}

/** Share of the progress bar after the zones, and where the grid frames end (the points take the rest). */
const ZONES_DONE = 0.3;
const FRAMES_DONE = 0.8;
/** Points per progress checkpoint. */
const POINTS_PER_CHECKPOINT = 50;

/**
 * Runs an assessment on unvalidated input (throws SimError naming the bad field). Pure: no clock, no I/O.
 * onProgress(fraction, stage) is called at real checkpoints — zones done, each grid frame, every 50 points — with a
 * non-decreasing fraction that ends at exactly 1 ('done').
 * Grid: square cells over the bounding box of every zone/uncertainty/calm-circle polygon plus a 10 % margin, at
 * thresholdHeightM (the height the zones are judged at), in ppm. A steady release (steady Gaussian plume or
 * Britter–McQuaid plume) gives one frame with tS null; a transient one (puff, finite duration, rate schedule,
 * dense puff) gives `frames` frames from shortly after the release until its cloud has passed the farthest zone.
 */
export function runAssessment(input: unknown, onProgress?: (fraction: number, stage: string) => void): AssessmentResult {
  const s = parseInput(assessmentScenarioSchema, input);
  const windFromDeg = requireWindFromDeg(s);
  const m = resolveModel(s);
  const { result: zones, localRings } = buildZones(s, windFromDeg, m);
  onProgress?.(ZONES_DONE, 'zones');
  const explanations = [...zones.metadata.explanationNotes];
  const toPpm = kgM3ToPpm(1, m.chemical.molarMassKgMol, s.weather.airTempK, s.weather.pressurePa);

  const calm = zones.features.some((f) => f.properties.kind === 'calm-circle');
  const h = s.grid.halfExtentM;
  const box = s.grid.extent ?? (h === undefined ? undefined : { east0M: -h, north0M: -h, east1M: h, north1M: h });
  // A caller-given box is used as is (cells ≥ GRID_MIN_CELL_M) and the frames follow the cloud until it has left it;
  // else the zones' box (clipped in calm wind).
  const capM = box ? Math.max(...[box.east0M, box.east1M].flatMap((e) => [box.north0M, box.north1M].map((n) => Math.hypot(e, n)))) : calm ? calmGridHalfSideM(m.windSpeedGivenMS) : Infinity;
  const extent = box ? cellsOverBox(box, s.grid.maxCellsPerSide, GRID_MIN_CELL_M) : gridExtent(localRings, s.grid.maxCellsPerSide, capM);
  const spec = { ...extent, zM: s.thresholdHeightM, windFromDeg };
  if (box) explanations.push(simNote('why.grid-extent', { widthM: Math.round(box.east1M - box.east0M), heightM: Math.round(box.north1M - box.north0M), cellM: GRID_MIN_CELL_M }));
  else if (calm) explanations.push(simNote('why.grid-calm', { minutes: CALM_GRID_HORIZON_S / 60, reachM: Math.round(capM), leastM: CALM_GRID_MIN_HALF_SIDE_M }));
  const farthestM = Math.min(capM, Math.max(0, ...zones.metadata.zones.map((z) => z.distanceM)));
  const framedM = farthestM > 1 ? farthestM : (Math.max(extent.nx, extent.ny) * extent.cellM) / 2;
  const times = frameTimesS(m, framedM, s.frames);
  const frameTimes: (number | null)[] = times.length ? times : [null];
  const frames: AssessmentFrame[] = frameTimes.map((t, k) => {
    const valuesPpm = new Float32Array(extent.nx * extent.ny);
    const maxPpm = fillFrame(m, spec, toPpm, t ?? undefined, valuesPpm);
    onProgress?.(ZONES_DONE + ((FRAMES_DONE - ZONES_DONE) * (k + 1)) / frameTimes.length, `grid frame ${k + 1}/${frameTimes.length}`);
    return { tS: t, maxPpm, valuesPpm };
  });
  explanations.push(gridExplanation(m, spec.cellM, spec.nx, spec.ny, s.thresholdHeightM, times));

  const levels = zones.metadata.zones.map((z) => ({ label: z.label, ppm: z.ppm }));
  const horizonS = m.time.kind === 'transient' ? m.time.passedS(framedM) : 0;
  // Steady plume: exposure from arrival for 60 min, or for the release duration when shorter (the steady model itself
  // ignores durationS and is conservative).
  const steadyExposureS = s.release.kind === 'continuous' && s.release.durationS !== undefined ? Math.min(STEADY_HORIZON_S, s.release.durationS) : STEADY_HORIZON_S;
  const points: PointThreat[] = [];
  for (let i = 0; i < s.points.length; i++) {
    points.push(pointThreat(m, s.points[i]!, windFromDeg, toPpm, levels, horizonS, steadyExposureS));
    if ((i + 1) % POINTS_PER_CHECKPOINT === 0 && i + 1 < s.points.length) onProgress?.(FRAMES_DONE + ((1 - FRAMES_DONE) * (i + 1)) / s.points.length, `points ${i + 1}/${s.points.length}`);
  }
  if (s.points.length) {
    explanations.push(m.time.kind === 'steady'
      ? simNote(steadyExposureS < STEADY_HORIZON_S ? 'why.points-steady-short' : 'why.points-steady', { minutes: Math.round(steadyExposureS / 60) })
      : simNote('why.points-transient'));
  }
  onProgress?.(1, 'done');
  return {
    kind: 'assessment',
    model: m.model,
    sigma: m.sigma,
    stability: s.weather.stability,
    windSpeedMS: m.windSpeedMS,
    windFromDeg,
    chemical: { id: m.chemical.id, cas: m.chemical.cas, molarMassKgMol: m.chemical.molarMassKgMol },
    ...saidNotes(explanations, zones.metadata.warningNotes),
    engine: ENGINE,
    zones,
    grid: { ...spec, unit: 'ppm', frames },
    points,
  };
}

/** What the grid shows, for `explanations`. */
function gridExplanation(m: ResolvedModel, cellM: number, nx: number, ny: number, zM: number, times: number[]): SimNote {
  const grid = { nx, ny, cellM: cellM.toFixed(1), zM: fmt(zM, 1) };
  const frames = { frames: times.length, timesS: times.map((t) => Math.round(t)).join(', ') };
  if (m.model === 'dense' && m.handover) {
    const handoverM = Math.round(m.handover.distanceM);
    return times.length === 0
      ? simNote('why.grid-dense-plume', { ...grid, layerM: DENSE_GROUND_LAYER_M, handoverM })
      : simNote('why.grid-dense-puff', { ...grid, ...frames, handoverM });
  }
  return times.length === 0 ? simNote('why.grid-plume', grid) : simNote('why.grid-transient', { ...grid, ...frames });
}
