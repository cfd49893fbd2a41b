// The `zones` command: threat zones in ALOHA's colour convention (red AEGL-3, orange AEGL-2, yellow AEGL-1; §8.1/§9) as GeoJSON, with
// wind-direction uncertainty lines, or circles when the wind is too light to trust (plume-physics.md §9). Polygons are
// built with @turf/turf (zone-geometry.ts).
import { defaultLevelsOfConcern, type LevelOfConcern } from './chemicals/lookup.ts';
import { SimError } from './errors.ts';
import type { Feature, Polygon } from 'geojson';
import { lonLatToLocal, type Point2 } from './geo.ts';
import { resolveModel } from './resolve-model.ts';
import { ENGINE, thresholdDistance, thresholdWarnings } from './run-plume.ts';
import { saidNotes, simNote, type SimNote } from './notes.ts';
import { parseInput, zonesScenarioSchema, type ZonesScenario } from './scenario.ts';
import type { ResolvedModel } from './resolve-model.ts';
import { CALM_WIND_MS, footprintRing, uncertaintyHalfAngleDeg } from './threat-zones.ts';
import { calmCirclePolygon, footprintPolygon, LOCAL_REFERENCE_ORIGIN, sweptPolygon } from './zone-geometry.ts';
import { fmt } from './format.ts';

/** A GeoJSON polygon feature of a zone or its uncertainty envelope. */
export interface ZoneFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Point2[][] };
  properties: { kind: 'threat-zone' | 'uncertainty' | 'calm-circle'; label: string; ppm: number; color: string; distanceM: number };
}

/** Output of the `zones` command: a FeatureCollection plus a `metadata` foreign member. */
export interface ZonesResult {
  type: 'FeatureCollection';
  features: ZoneFeature[];
  metadata: {
    coordinates: 'lonlat' | 'local-m';
    model: string;
    sigma: string;
    windFromDeg: number;
    windSpeedMS: number;
    uncertaintyHalfAngleDeg: number;
    zones: { label: string; ppm: number; color: string; distanceM: number }[];
    /** The English of `explanationNotes`. */
    explanations: string[];
    explanationNotes: SimNote[];
    /** The English of `warningNotes`. */
    warnings: string[];
    warningNotes: SimNote[];
    engine: typeof ENGINE;
  };
}

const EXTRA_COLORS = ['purple', 'blue', 'green'];

/** Runs the `zones` command on unvalidated input (throws SimError naming the bad field). Pure. */
export function runZones(input: unknown): ZonesResult {
  const s = parseInput(zonesScenarioSchema, input);
  return buildZones(s, requireWindFromDeg(s), resolveModel(s)).result;
}

/** The wind direction of a zones scenario, or a SimError naming weather.windFromDeg. */
export function requireWindFromDeg(s: ZonesScenario): number {
  const windFromDeg = s.weather.windFromDeg;
  if (windFromDeg === undefined) throw new SimError('sim:bad-input', 'weather.windFromDeg (direction the wind comes from, degrees) is required for zones', 'weather.windFromDeg');
  return windFromDeg;
}

/**
 * The zones of a validated scenario with its resolved model (adds to m.warnings), plus every feature's ring in
 * local metres east/north of the source before rounding (for callers that need the extent). Pure.
 */
export function buildZones(s: ZonesScenario, windFromDeg: number, m: ResolvedModel): { result: ZonesResult; localRings: Point2[][] } {
  const localRings: Point2[][] = [];
  const levels: LevelOfConcern[] = s.thresholdsPpm
    ? s.thresholdsPpm.map((ppm, i) => ({ ppm, label: `${ppm} ppm`, color: (['red', 'orange', 'yellow'][i] ?? EXTRA_COLORS[i - 3] ?? 'gray') as LevelOfConcern['color'] }))
    : defaultLevelsOfConcern(m.chemical);
  if (levels.length === 0) m.warnings.push(simNote('levels.none-for-zones', { chemical: m.chemical.id }));
  const z = s.thresholdHeightM;
  const calm = m.windSpeedGivenMS < CALM_WIND_MS;
  const halfAngle = uncertaintyHalfAngleDeg(s.weather.stability, m.windSpeedGivenMS, s.weather.sigmaThetaDeg);
  if (calm) m.warnings.push(simNote('zones.calm', { windMS: fmt(m.windSpeedGivenMS, 1), calmMS: CALM_WIND_MS }));
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  // Geometry in lon/lat with turf around the origin (or a reference origin for local metres); output lon/lat to
  // 1e-7° (~1 cm) or local metres to 1 cm.
  const origin: Point2 = s.origin ? [s.origin.lon, s.origin.lat] : LOCAL_REFERENCE_ORIGIN;
  const originLonLat = { lon: origin[0], lat: origin[1] };
  const output = (p: Feature<Polygon>): Point2[] => {
    const lonLat = p.geometry.coordinates[0] as Point2[];
    const local = lonLatToLocal(lonLat, originLonLat);
    localRings.push(local);
    return s.origin ? lonLat.map(([a, b]): Point2 => [round(a, 7), round(b, 7)]) : local.map(([a, b]): Point2 => [round(a, 2), round(b, 2)]);
  };
  const features: ZoneFeature[] = [];
  const zones: ZonesResult['metadata']['zones'] = [];
  for (const level of levels) {
    const d = thresholdDistance(m, level.ppm, z);
    m.warnings.push(...thresholdWarnings(m, level.ppm, d));
    zones.push({ label: level.label, ppm: level.ppm, color: level.color, distanceM: d.distanceM });
    if (d.distanceM <= 1) continue;
    const props = { label: level.label, ppm: level.ppm, color: level.color, distanceM: d.distanceM };
    const feature = (kind: ZoneFeature['properties']['kind'], p: Feature<Polygon>): ZoneFeature => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [output(p)] }, properties: { kind, ...props } });
    if (calm || halfAngle >= 180) {
      features.push(feature('calm-circle', calmCirclePolygon(origin, d.distanceM)));
      continue;
    }
    const thr = m.ppmToKgM3(level.ppm);
    const ring = footprintRing(d.distanceM, (x) => m.halfWidthM(x, z, thr));
    if (ring.length < 4) continue;
    const footprint = footprintPolygon(ring, origin, windFromDeg);
    features.push(feature('threat-zone', footprint));
    const maxRadiusM = Math.max(...ring.map(([x, y]) => Math.hypot(x, y)));
    features.push(feature('uncertainty', sweptPolygon(ring, origin, windFromDeg, halfAngle, maxRadiusM)));
  }
  const result: ZonesResult = {
    type: 'FeatureCollection',
    features,
    metadata: {
      coordinates: s.origin ? 'lonlat' : 'local-m',
      model: m.model,
      sigma: m.sigma,
      windFromDeg,
      windSpeedMS: m.windSpeedMS,
      uncertaintyHalfAngleDeg: halfAngle,
      zones,
      ...saidNotes(m.explanations, m.warnings),
      engine: ENGINE,
    },
  };
  return { result, localRings };
}
