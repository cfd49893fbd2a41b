import { describe, expect, it } from 'vitest';
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
