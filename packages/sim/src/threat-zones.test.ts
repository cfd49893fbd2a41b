import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model.ts';
import { parseInput, zonesScenarioSchema } from './scenario.ts';
import type { Point2 } from './geo.ts';
import { plumeToLocal } from './geo.ts';
import { runZones } from './run-zones.ts';
import { uncertaintyHalfAngleDeg } from './threat-zones.ts';

const scenario = {
  chemical: 'Cl2',
  model: 'gaussian-plume',
  release: { kind: 'continuous', rateKgS: 1, heightM: 0 },
  weather: { windSpeedMS: 3, stability: 'D', windFromDeg: 270 },
};

const ringOf = (r: ReturnType<typeof runZones>, kind: string, color: string): Point2[] => {
  const f = r.features.find((x) => x.properties.kind === kind && x.properties.color === color);
  if (!f) throw new Error(`no ${kind} ${color}`);
  return f.geometry.coordinates[0]!;
};

/** Ray-casting point-in-polygon. */
function inside([px, py]: Point2, ring: readonly Point2[]): boolean {
  let ins = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) ins = !ins;
  }
  return ins;
}

describe('threat zones (plume-physics.md §9)', () => {
  it('draws red, orange, yellow AEGL zones downwind (wind from the west → zones to the east), nested by distance', () => {
    const r = runZones(scenario);
    expect(r.metadata.coordinates).toBe('local-m');
    const d = r.metadata.zones.map((z) => z.distanceM);
    expect(r.metadata.zones.map((z) => z.color)).toEqual(['red', 'orange', 'yellow']);
    expect(d[0]!).toBeLessThan(d[1]!);
    expect(d[1]!).toBeLessThan(d[2]!);
    const red = ringOf(r, 'threat-zone', 'red');
    const maxEast = Math.max(...red.map(([e]) => e));
    expect(maxEast / d[0]!).toBeCloseTo(1, 2);
    for (const [e] of red) expect(e).toBeGreaterThanOrEqual(0);
    expect(inside([d[0]! / 2, 0], red)).toBe(true);
    expect(inside([d[0]! / 2, 0], ringOf(r, 'threat-zone', 'yellow'))).toBe(true);
  });
  it('the uncertainty envelope contains the zone and reaches sideways by about the sweep angle', () => {
    const r = runZones(scenario);
    const zone = ringOf(r, 'threat-zone', 'orange');
    const env = ringOf(r, 'uncertainty', 'orange');
    for (const p of zone.filter((_, i) => i % 10 === 5)) expect(inside([p[0] * 0.98, p[1] * 0.98], env), `${p}`).toBe(true);
    const d = r.metadata.zones[1]!.distanceM;
    const theta = (r.metadata.uncertaintyHalfAngleDeg * Math.PI) / 180;
    const maxNorth = Math.max(...env.map(([, n]) => n));
    expect(maxNorth / (d * Math.sin(theta))).toBeGreaterThan(0.9);
  });
  it('a wind below 1 m/s gives circles of the threat distance', () => {
    const r = runZones({ ...scenario, weather: { ...scenario.weather, windSpeedMS: 0.5 } });
    expect(r.features.every((f) => f.properties.kind === 'calm-circle')).toBe(true);
    const ring = r.features[0]!.geometry.coordinates[0]!;
    for (const [e, n] of ring) expect(Math.hypot(e, n) / r.features[0]!.properties.distanceM).toBeCloseTo(1, 3);
  });
  it('projects to lon/lat around an origin', () => {
    const r = runZones({ ...scenario, origin: { lon: 118.8, lat: 32.05 } });
    expect(r.metadata.coordinates).toBe('lonlat');
    const ring = ringOf(r, 'threat-zone', 'red');
    const maxLon = Math.max(...ring.map(([lon]) => lon));
    const dLonM = (maxLon - 118.8) * (Math.PI / 180) * 6_371_008.8 * Math.cos((32.05 * Math.PI) / 180);
    expect(dLonM / r.metadata.zones[0]!.distanceM).toBeCloseTo(1, 2);
  });
  it('rotation: plume axis bearing is wind-from + 180° (wind from the north blows south)', () => {
    const [p] = plumeToLocal([[100, 0]], 0);
    expect(p![0]).toBeCloseTo(0, 9);
    expect(p![1]).toBeCloseTo(-100, 9);
  });
  it('sweep angle is 1.96 σθ, wider in light wind, a circle when calm', () => {
    expect(uncertaintyHalfAngleDeg('D', 4)).toBeCloseTo(1.96 * 12.5, 10);
    expect(uncertaintyHalfAngleDeg('D', 1)).toBeCloseTo(2 * 1.96 * 12.5, 10);
    expect(uncertaintyHalfAngleDeg('D', 0.5)).toBe(180);
    expect(uncertaintyHalfAngleDeg('F', 4, 30)).toBeCloseTo(58.8, 10);
  });
  it('needs the wind direction', () => {
    expect(() => runZones({ ...scenario, weather: { windSpeedMS: 3, stability: 'D' } })).toThrow(/windFromDeg/);
  });
});

/** Share of a's area outside b (turf difference); 0 when a ⊂ b. */
function outsideShare(a: ReturnType<typeof turf.polygon>, b: ReturnType<typeof turf.polygon>): number {
  const rest = turf.difference(turf.featureCollection([a, b]));
  return rest ? turf.area(rest) / turf.area(a) : 0;
}

describe('threat-zone polygons with turf (validity, extent, area, nesting)', () => {
  const origin = { lon: 118.8, lat: 32.05 };
  const o: Point2 = [origin.lon, origin.lat];
  const cases = [
    ['Gaussian plume', scenario],
    ['Britter–McQuaid plume', { ...scenario, model: 'dense' }],
    ['finite release', { ...scenario, model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 1, durationS: 600 } }],
  ] as const;
  for (const [name, sc] of cases) {
    it(`${name}: every polygon is valid and closed, reaches the threshold distance and nests red ⊂ orange ⊂ yellow`, () => {
      const r = runZones({ ...sc, origin });
      const poly = (kind: string, color: string) => turf.polygon([ringOf(r, kind, color)]);
      for (const f of r.features) {
        const p = turf.polygon(f.geometry.coordinates);
        expect(turf.booleanValid(p), `${f.properties.kind} ${f.properties.color}`).toBe(true);
        expect(turf.kinks(p).features, `${f.properties.kind} ${f.properties.color}`).toHaveLength(0);
      }
      for (const z of r.metadata.zones) {
        const ring = ringOf(r, 'threat-zone', z.color);
        const farM = Math.max(...ring.map((p) => turf.distance(o, p) * 1000));
        expect(farM / z.distanceM, z.color).toBeGreaterThan(0.999);
        expect(farM / z.distanceM, z.color).toBeLessThan(1.01);
      }
      // Nesting judged by the area left outside (zones of a top-hat model share their sides, so "within" is up to
      // round-off): footprints share the x grid and nest exactly; envelopes are built from copies thinned by
      // SWEEP_SIMPLIFY_RELATIVE = 1e-4 of each zone's length, which may cut up to that far inside.
      expect(outsideShare(poly('threat-zone', 'red'), poly('threat-zone', 'orange'))).toBeLessThan(1e-6);
      expect(outsideShare(poly('threat-zone', 'orange'), poly('threat-zone', 'yellow'))).toBeLessThan(1e-6);
      expect(outsideShare(poly('uncertainty', 'red'), poly('uncertainty', 'orange'))).toBeLessThan(1e-3);
      expect(outsideShare(poly('uncertainty', 'orange'), poly('uncertainty', 'yellow'))).toBeLessThan(1e-3);
      for (const c of ['red', 'orange', 'yellow']) expect(outsideShare(poly('threat-zone', c), poly('uncertainty', c)), c).toBeLessThan(1e-3);
      // A polygon really outside is caught by the same measure.
      expect(outsideShare(poly('threat-zone', 'yellow'), poly('threat-zone', 'red'))).toBeGreaterThan(0.5);
    });
  }
  it('the zone area equals ∫ 2·y½(x) dx of the model (projection keeps areas)', () => {
    const r = runZones({ ...scenario, origin });
    const m = resolveModel(parseInput(zonesScenarioSchema, scenario));
    const z = r.metadata.zones[1]!;
    const thr = m.ppmToKgM3(z.ppm);
    // Trapezoid on a geometric grid from 1 m to the threshold distance.
    const n = 4000;
    let integral = 0;
    let prevX = 1, prevW = m.halfWidthM(1, 0, thr);
    for (let k = 1; k <= n; k++) {
      const x = Math.pow(z.distanceM, k / n);
      const w = m.halfWidthM(x, 0, thr);
      integral += (x - prevX) * (w + prevW);
      prevX = x;
      prevW = w;
    }
    const areaM2 = turf.area(turf.polygon([ringOf(r, 'threat-zone', 'orange')]));
    expect(areaM2 / integral).toBeGreaterThan(0.99);
    expect(areaM2 / integral).toBeLessThan(1.01);
  });
  it('the uncertainty envelope contains the footprint turned to any angle within ±θc (the union of rotations)', () => {
    const r = runZones({ ...scenario, origin });
    const theta = r.metadata.uncertaintyHalfAngleDeg;
    const env = turf.polygon([ringOf(r, 'uncertainty', 'yellow')]);
    const zone = turf.polygon([ringOf(r, 'threat-zone', 'yellow')]);
    for (const a of [-theta, -theta / 2, -theta / 7, theta / 3, theta * 0.9, theta]) {
      expect(outsideShare(turf.transformRotate(zone, a, { pivot: o }), env), `${a}°`).toBeLessThan(1e-3);
    }
    // …and is not much bigger than the sector of the zone length over 2θc plus the two turned footprints.
    const d = r.metadata.zones[2]!.distanceM;
    const sectorM2 = Math.PI * d * d * ((2 * theta) / 360);
    expect(turf.area(env)).toBeLessThan(sectorM2 + 2 * turf.area(zone));
    expect(turf.area(env)).toBeGreaterThan(sectorM2 * 0.99);
  });
  it('calm circles are turf circles of the threat distance', () => {
    const r = runZones({ ...scenario, origin, weather: { ...scenario.weather, windSpeedMS: 0.5 } });
    for (const f of r.features) {
      for (const p of f.geometry.coordinates[0]!) expect((turf.distance(o, p) * 1000) / f.properties.distanceM).toBeCloseTo(1, 4);
    }
  });
});

describe('zones warn like the plume command (review #8)', () => {
  it('a zone cut at the 100 km scan limit and zones beyond the dense → passive hand-over are warned', () => {
    const calm = runZones({ chemical: 'Cl2', model: 'gaussian-plume', release: { kind: 'continuous', rateKgS: 1 }, weather: { windSpeedMS: 0.5, stability: 'F', windFromDeg: 250 } });
    expect(calm.metadata.zones.some((z) => z.distanceM > 99_000)).toBe(true);
    expect(calm.metadata.warnings.join(' ')).toMatch(/still exceeded at the scan limit 100000 m/);
    const dense = runZones({ chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2 }, weather: { windSpeedMS: 4, stability: 'D', windFromDeg: 250 } });
    expect(dense.metadata.model).toBe('dense');
    expect(dense.metadata.warnings.join(' ')).toMatch(/beyond the dense → passive hand-over/);
  });
});
