// The plume forecast of an assessment: one engine scenario (@safetwin/sim) for the chosen source,
// the live wind and the release that stops when isolation completes; its threat zones (AEGL-3/2/1
// at 60 min, or 60 % / 10 % of the LEL for a flammable without AEGLs) as the view draws them, and
// its concentration field in site metres and time for the evacuation plan and the doses — and, while
// the source is one of several likely items, the envelope of their forecasts (forecastLikely).
import { buildZones, findChemical, parseInput, resolveModel, zonesEnvelope, zonesScenarioSchema, CALM_WIND_MS, mergeLevels, type Chemical, type ResolvedModel } from '@safetwin/sim';
import type { ThreatZoneView } from '@safetwin/protocol';
import type { ConcentrationField, ExposureLevels, GeoOrigin } from '@safetwin/twin-models';
import { engineSaid, said, uniqueSaid, type Said } from '../../said.ts';
import { bothForms } from './site-place.ts';
import type { ChosenSource } from './source-step.ts';
import type { WindSummary } from './wind-summary.ts';

/**
 * Height of the wind the stations report, m: the 10 m standard anemometer height (WMO-No. 8,
 * Guide to Instruments and Methods of Observation, Vol. I §5.1.2); the demo simulator's weather is
 * the 10 m wind too (packages/simulator/bench/source-staging.ts).
 */
export const STATION_WIND_HEIGHT_M = 10;
/** Air temperature when no station reports one, K (the engine's own default, 20 °C). */
const DEFAULT_AIR_TEMP_K = 293.15;
/**
 * Floor and cap of the direction spread the evacuation field sweeps over, degrees: the source
 * estimator's own meander bounds (DIR_SPREAD_FLOOR_DEG / DIR_SPREAD_CAP_DEG of @safetwin/sim), so
 * the people plan and the source ranking see the same plume wander.
 */
const FIELD_SPREAD_FLOOR_DEG = 5;
const FIELD_SPREAD_CAP_DEG = 20;

/** One level of concern: its name in the view and its concentration, ppm. */
export interface ForecastLevel { level: string; ppm: number }

/** The forecast's levels, and those the evacuation plan decides on (the zone is AEGL-1, else AEGL-2; shelter holds below AEGL-2). */
export function forecastLevels(chemical: Chemical): { levels: ForecastLevel[]; exposure: ExposureLevels; basis: string } | null {
  const a = chemical.aeglPpm;
  const aegl = (tier: 'aegl1' | 'aegl2' | 'aegl3') => a?.[tier].min60;
  if (aegl('aegl2') !== undefined) {
    const levels = (['aegl3', 'aegl2', 'aegl1'] as const).flatMap((t) => (aegl(t) === undefined ? [] : [{ level: `aegl-${t.slice(4)}`, ppm: aegl(t)! }]));
    return { levels, exposure: { aegl2Ppm: aegl('aegl2')!, ...(aegl('aegl1') === undefined ? {} : { aegl1Ppm: aegl('aegl1') }), ...(aegl('aegl3') === undefined ? {} : { aegl3Ppm: aegl('aegl3') }) }, basis: 'AEGL-3/2/1, 60 min' };
  }
  if (chemical.lelVolPct) {
    // ALOHA's flammable levels of concern: 60 % LEL (flame pockets possible) and 10 % LEL (the area to
    // keep ignition sources out of) — ALOHA 5.4 Technical Documentation (Jones et al. 2013) §4.1.
    // 100 % LEL = LEL vol % × 10⁴ ppm. People plan on 10 % LEL both as the zone and for sheltering.
    const lelPpm = chemical.lelVolPct * 1e4;
    return { levels: [{ level: 'lel-60', ppm: 0.6 * lelPpm }, { level: 'lel-10', ppm: 0.1 * lelPpm }], exposure: { aegl2Ppm: 0.1 * lelPpm, aegl3Ppm: 0.6 * lelPpm }, basis: '60 % / 10 % of the LEL' };
  }
  return null;
}

/** The forecast of one assessment. */
export interface Forecast {
  zones: ThreatZoneView[];
  /** ppm at (east, north) m of the site and t s after the release began. */
  field: ConcentrationField;
  exposure: ExposureLevels;
  chemical: Chemical;
  /** The engine's warnings (its notes, repeats dropped) and the envelope's own. */
  warnings: Said[];
}

/**
 * Zones and field for the chosen source, the wind and the release: `durationS` from the start, or
 * null for a release that runs on (a steady plume, the largest footprint). The engine's finite
 * release (the Palazzi puff-train limit) takes a constant rate and a duration, which is exactly the
 * isolated release here (isolatedRelease drains the trapped inventory at the leak rate); a dense
 * (Britter–McQuaid) plume ignores the duration and stays steady — conservative, the engine says so.
 */
export function forecast(origin: GeoOrigin, source: ChosenSource, wind: WindSummary, airTempK: number | null, durationS: number | null): Forecast | null {
  const chemical = source.chemical ? findChemical(source.chemical) : undefined;
  if (!chemical) return null;
  const lv = forecastLevels(chemical);
  if (!lv) return null;
  const scenario = parseInput(zonesScenarioSchema, {
    chemical: chemical.id,
    model: 'auto',
    release: { kind: 'continuous', rateKgS: source.rateKgS, heightM: source.releaseHeightM, ...(durationS === null ? {} : { durationS: Math.max(1, durationS) }) },
    weather: {
      windSpeedMS: Math.max(0.1, wind.windSpeedMS), windHeightM: STATION_WIND_HEIGHT_M, stability: wind.stability, windFromDeg: wind.windFromDeg,
      airTempK: airTempK ?? DEFAULT_AIR_TEMP_K, ...(wind.samples >= 2 && wind.sigmaThetaDeg > 0 ? { sigmaThetaDeg: wind.sigmaThetaDeg } : {}),
    },
    thresholdsPpm: lv.levels.map((l) => l.ppm),
  });
  const model = resolveModel(scenario);
  const { result } = buildZones(scenario, wind.windFromDeg, model);
  const zones: ThreatZoneView[] = [];
  for (const f of result.features) {
    if (f.properties.kind === 'uncertainty') continue;
    const level = lv.levels.find((l) => l.ppm === f.properties.ppm);
    if (!level) continue;
    const ring = bothForms(origin, f.geometry.coordinates[0]!.map(([e, n]) => ({ eastM: source.eastM + e, northM: source.northM + n })));
    zones.push({ level: level.level, thresholdPpm: level.ppm, distanceM: f.properties.distanceM, sourceIds: source.id === null ? [] : [source.id], ringLonLat: ring.lonLat, ringEnu: ring.enu });
  }
  const spreadDeg = wind.windSpeedMS < CALM_WIND_MS ? 180 : Math.min(FIELD_SPREAD_CAP_DEG, Math.max(FIELD_SPREAD_FLOOR_DEG, wind.sigmaThetaDeg));
  const field = plumeField(model, source, wind.windFromDeg, spreadDeg, scenario.thresholdHeightM, durationS);
  return { zones, field, exposure: lv.exposure, chemical, warnings: uniqueSaid(mergeLevels(model.warnings).map(engineSaid)) };
}

/** A likely source and how long its release would last, s from its own start (null: it runs on). */
export interface LikelyRelease {
  source: ChosenSource;
  durationS: number | null;
}

/**
 * The forecast when the source is not known to one item: `releases` are the chosen source's (first)
 * and those of the estimate's other likely sources (the items the valves isolate together), each
 * with its own fitted rate and start, and its release as long as the same valves and its own rate
 * make it (releaseDurationS in isolation-step.ts). Each level's zone is the envelope of the sources'
 * zones of that level (zonesEnvelope in @safetwin/sim), and the field the most any of them gives at
 * a place and time on the chosen source's clock — the people plan keeps everyone out of the cloud
 * whichever item leaks. Neighbours a few metres apart are forecast too: their fitted rates and
 * release heights differ. A source of another flammable (only %LEL detectors saw gas) joins on the
 * same footing — its zones are at the same fractions of its own LEL, its field scaled to the chosen
 * one's LEL; one whose levels of concern cannot be compared (another toxic gas) is left out with a
 * warning. One source: exactly {@link forecast}.
 */
export function forecastLikely(origin: GeoOrigin, releases: readonly LikelyRelease[], wind: WindSummary, airTempK: number | null): Forecast | null {
  const [chosen, ...rest] = releases;
  if (!chosen) return null;
  const first = forecast(origin, chosen.source, wind, airTempK, chosen.durationS);
  if (!first) return null;
  const parts: { fc: Forecast; shiftS: number; scale: number }[] = [{ fc: first, shiftS: 0, scale: 1 }];
  const warnings: Said[] = [];
  for (const { source, durationS } of rest) {
    const fc = forecast(origin, source, wind, airTempK, durationS);
    if (!fc) continue;
    const comparable = fc.chemical.id === first.chemical.id || (isLelBasis(fc) && isLelBasis(first));
    if (!comparable) {
      warnings.push(said(`likely source ${source.id} holds ${fc.chemical.id}, whose levels of concern do not compare with ${first.chemical.id}'s: its zones are not drawn`, 'assess.zones-left-out', { id: source.id ?? '—', held: fc.chemical.id, chemical: first.chemical.id }));
      continue;
    }
    // Seconds between the chosen source's start and this one's: its clock runs that far ahead.
    parts.push({ fc, shiftS: (chosen.source.releaseStartMs - source.releaseStartMs) / 1000, scale: first.exposure.aegl2Ppm / fc.exposure.aegl2Ppm });
  }
  if (parts.length === 1) return warnings.length === 0 ? first : { ...first, warnings: [...first.warnings, ...warnings] };
  return {
    zones: envelopeZones(origin, parts.map((p) => p.fc.zones)),
    field: (eastM, northM, tS) => {
      let ppm = 0;
      for (const p of parts) ppm = Math.max(ppm, p.scale * p.fc.field(eastM, northM, tS + p.shiftS));
      return ppm;
    },
    exposure: first.exposure,
    chemical: first.chemical,
    warnings: uniqueSaid([...parts.flatMap((p) => p.fc.warnings), ...warnings]),
  };
}

/** Whether a forecast's levels are fractions of the LEL (a flammable without AEGLs: forecastLevels). */
const isLelBasis = (fc: Forecast) => forecastLevels(fc.chemical)?.levels.every((l) => l.level.startsWith('lel-')) === true;

/** Per level, the envelope of the sources' zones (highest level first, as {@link forecast} lists them). */
function envelopeZones(origin: GeoOrigin, zoneSets: readonly ThreatZoneView[][]): ThreatZoneView[] {
  const byLevel = new Map<string, ThreatZoneView[]>();
  for (const zones of zoneSets) for (const z of zones) byLevel.set(z.level, [...(byLevel.get(z.level) ?? []), z]);
  return [...byLevel.values()]
    .sort((a, b) => b[0]!.thresholdPpm - a[0]!.thresholdPpm)
    .map((same) => {
      if (same.length === 1) return same[0]!;
      const ring = bothForms(origin, zonesEnvelope(same.map((z) => z.ringEnu)).map(([eastM, northM]) => ({ eastM, northM })));
      return {
        level: same[0]!.level,
        thresholdPpm: same[0]!.thresholdPpm,
        distanceM: Math.max(...same.map((z) => z.distanceM)),
        sourceIds: same.flatMap((z) => z.sourceIds),
        ringLonLat: ring.lonLat,
        ringEnu: ring.enu,
      };
    });
}

/**
 * The engine's concentration as a field of the site: the plume frame turned to the wind, each
 * point read at the nearest direction within ±`spreadDeg` of the wind's (the most exposed one: the
 * plume may wander that far — the swept envelope of the zones' uncertainty lines, narrowed to the
 * measured spread), at the height of the zones. A steady model (the running release, or a dense
 * plume) is gated by the cloud's arrival x/u and, for a finite release, its passage (end + x/u):
 * frozen transport, the rule the estimator uses for travel time.
 */
function plumeField(m: ResolvedModel, source: { eastM: number; northM: number }, windFromDeg: number, spreadDeg: number, heightM: number, durationS: number | null): ConcentrationField {
  const downwindRad = ((windFromDeg + 180) * Math.PI) / 180;
  const spreadRad = (spreadDeg * Math.PI) / 180;
  const perPpm = m.ppmToKgM3(1);
  const u = Math.max(0.1, m.windSpeedMS);
  return (eastM, northM, tS) => {
    const de = eastM - source.eastM, dn = northM - source.northM;
    const r = Math.hypot(de, dn);
    if (r === 0) return 0;
    // Angle of the point off the downwind axis, brought toward it by up to the spread.
    let off = Math.atan2(de, dn) - downwindRad;
    off = Math.atan2(Math.sin(off), Math.cos(off));
    const a = Math.sign(off) * Math.max(0, Math.abs(off) - spreadRad);
    const x = r * Math.cos(a), y = r * Math.sin(a);
    if (x <= 0 || tS < 0) return 0;
    if (m.time.kind === 'steady') {
      if (tS < x / u || (durationS !== null && tS > durationS + x / u)) return 0;
      return m.concentrationKgM3(x, y, heightM).concentrationKgM3 / perPpm;
    }
    return m.concentrationKgM3(x, y, heightM, tS).concentrationKgM3 / perPpm;
  };
}
