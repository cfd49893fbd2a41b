import { describe, expect, it } from 'vitest';
import { findChemical } from '../chemicals/lookup.ts';
import { binWind } from './binning.ts';
import { GAUSS_HERMITE_3 } from './error-model.ts';
import { ModelCache, predict } from './predictions.ts';
import type { WindSample } from './types.ts';
import { windRegimes } from './wind-regimes.ts';

// A bin's plume is the mean over the wind its samples gave, not the plume at its mean wind.
const T0 = Date.UTC(2026, 5, 1, 2, 0);
const BIN_MS = 10_000;
const sample = (tMs: number, windSpeedMS: number, stability: WindSample['stability']): WindSample => ({ tMs, windSpeedMS, windFromDeg: 270, stability });

describe('windRegimes', () => {
  it('splits a bin by class with each class’s share, mean speed and ln-speed spread; an empty bin keeps the one before', () => {
    const samples = [sample(T0 + 1000, 4, 'E'), sample(T0 + 2000, 5, 'E'), sample(T0 + 3000, 4.5, 'E'), sample(T0 + 4000, 6, 'D'), sample(T0 + 25_000, 3, 'F')];
    const r = windRegimes(samples, T0 - BIN_MS, BIN_MS, 4);
    // Bin 0 (before the first sample) takes the first measured bin's.
    expect(r[0]).toBe(r[1]);
    expect(r[1]).toHaveLength(2);
    const [d, e] = [r[1]!.find((x) => x.stability === 'D')!, r[1]!.find((x) => x.stability === 'E')!];
    expect(e.fraction).toBeCloseTo(0.75, 12);
    expect(e.speedMS).toBeCloseTo(4.5, 12);
    const ln = [4, 5, 4.5].map(Math.log), mean = (ln[0]! + ln[1]! + ln[2]!) / 3;
    expect(e.lnSpeedSd).toBeCloseTo(Math.sqrt(ln.reduce((s, x) => s + (x - mean) ** 2, 0) / 2), 12);
    expect(d).toEqual({ stability: 'D', fraction: 0.25, speedMS: 6, lnSpeedSd: 0 });
    expect(r[2]).toBe(r[1]);
    expect(r[3]).toEqual([{ stability: 'F', fraction: 1, speedMS: 3, lnSpeedSd: 0 }]);
    expect(windRegimes([], T0, BIN_MS, 2)).toEqual([[], []]);
  });
});

describe('a bin’s plume over its regimes', () => {
  const layout = (points: [number, number][]) => ({
    detector: Int32Array.from(points.map((_, i) => i)), bin: Int32Array.from(points.map(() => 0)),
    positions: points.map(([e, n]) => ({ eastM: e, northM: n, upM: 0.5 })), units: points.map(() => 'ppm' as const), gases: points.map(() => undefined),
  });
  const grid = { startMs: T0, binMs: BIN_MS, bins: 1 };
  const origin = { eastM: 0, northM: 0, upM: 0 };

  it('is each class’s plume by its share (a passive plume at each class’s mean speed)', () => {
    const nh3 = findChemical('NH3')!;
    const points: [number, number][] = [[150, 0], [150, 40]];
    const wind = binWind([sample(T0 + 1000, 4.6, 'E'), sample(T0 + 4000, 4.4, 'E'), sample(T0 + 7000, 5.2, 'D'), sample(T0 + 9000, 4.6, 'E')], T0, T0 + BIN_MS, BIN_MS)!;
    const cache = new ModelCache();
    const p = predict({ chemical: nh3, position: origin, releaseHeightM: 1, refRateKgS: 0.5 }, layout(points), grid, wind, [0], cache);
    const [e, d] = [cache.get('NH3', 1, 4.533, 10, 'E', 0.5), cache.get('NH3', 1, 5.2, 10, 'D', 0.5)];
    const perUnit = 1 / (e.ppmToKgM3(1) * 0.5);
    points.forEach(([x, y], k) => {
      const want = (0.75 * e.concentrationKgM3(x, y, 0.5).concentrationKgM3 + 0.25 * d.concentrationKgM3(x, y, 0.5).concentrationKgM3) * perUnit;
      expect(p.steady[k]).toBeCloseTo(want, 9);
    });
    // Off the axis the D quarter dominates: the E plume alone would under-read it by more than the share.
    expect(p.steady[1]! / (e.concentrationKgM3(150, 40, 0.5).concentrationKgM3 * perUnit)).toBeGreaterThan(2);
    // The front moves at the shares' mean transport speed.
    expect(p.travelM[1]! / 10).toBeCloseTo(0.75 * e.windSpeedMS + 0.25 * d.windSpeedMS, 9);
  });

  it('averages a dense cloud over the bin’s gusts: a lull reaches a detector the mean wind’s cloud does not', () => {
    const cl2 = findChemical('Cl2')!;
    // 4 kg/s of chlorine at night (F) in a light wind gusting 0.8–1.4 m/s: the source zone grows as 1/u³.
    const speeds = [1.4, 0.8, 1.3, 0.9, 1.2, 0.8, 1.4, 1.0, 1.2, 0.9];
    const wind = binWind(speeds.map((u, i) => sample(T0 + i * 1000, u, 'F')), T0, T0 + BIN_MS, BIN_MS)!;
    const sd = wind.regimes[0]![0]!.lnSpeedSd, mean = wind.regimes[0]![0]!.speedMS;
    const cache = new ModelCache();
    const atMean = cache.get('Cl2', 1, mean, 10, 'F', 4);
    // A detector 200 m across the wind at the source: outside the mean wind's cloud (to ~125 m), inside the lull's (~310 m).
    const cross = (m: { concentrationKgM3: (x: number, y: number, z: number) => { concentrationKgM3: number } }) => m.concentrationKgM3(0.5, 200, 0.5).concentrationKgM3;
    expect(atMean.model).toBe('dense');
    expect(cross(atMean)).toBe(0);
    const nodes = GAUSS_HERMITE_3.map((g) => ({ w: g.weight, m: cache.get('Cl2', 1, mean * Math.exp(sd * g.node - (sd * sd) / 2), 10, 'F', 4) }));
    expect(cross(nodes[0]!.m)).toBeGreaterThan(0);
    const p = predict({ chemical: cl2, position: origin, releaseHeightM: 1, refRateKgS: 4 }, layout([[0.5, 200]]), grid, wind, [0], cache);
    const want = nodes.reduce((s, n) => s + n.w * cross(n.m), 0) / (atMean.ppmToKgM3(1) * 4);
    expect(p.steady[0]).toBeGreaterThan(0);
    expect(p.steady[0]).toBeCloseTo(want, 6);
  });
});
