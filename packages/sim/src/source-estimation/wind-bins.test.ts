import { describe, expect, it } from 'vitest';
import { findChemical } from '../chemicals/lookup.ts';
import { binWind } from './binning.ts';
import { airSwingRad, ModelCache, predict, travelAtM, VANE_NOISE_DEG } from './predictions.ts';
import type { WindSample } from './types.ts';

// The wind the estimator bins: a bin's stability class, and how far a release's front has got.
const T0 = Date.UTC(2026, 5, 1, 2, 0);
const BIN_MS = 10_000;
const sample = (tMs: number, windSpeedMS: number, stability: WindSample['stability']): WindSample => ({ tMs, windSpeedMS, windFromDeg: 270, stability });

describe('binWind', () => {
  it('gives a bin the class most of its samples give, a tie to the more stable one', () => {
    // Bin 0: one gust read as D among E readings (a night wind near the D/E boundary); bin 1: one D, one E.
    const w = binWind([sample(T0, 4.8, 'E'), sample(T0 + 3000, 5.3, 'D'), sample(T0 + 6000, 4.7, 'E'), sample(T0 + 9000, 4.9, 'E'), sample(T0 + 10_000, 5.2, 'D'), sample(T0 + 19_000, 4.9, 'E')], T0, T0 + 2 * BIN_MS, BIN_MS)!;
    expect(w.stability).toEqual(['E', 'E']);
    // The latest sample alone no longer decides: a bin ending on the gust stays E.
    const gustLast = binWind([sample(T0, 4.8, 'E'), sample(T0 + 4000, 4.6, 'E'), sample(T0 + 9000, 5.4, 'D')], T0, T0 + BIN_MS, BIN_MS)!;
    expect(gustLast.stability).toEqual(['E']);
  });
});

describe('the front of a release', () => {
  it('is carried by each bin’s transport speed, not by the latest speed times the time since the start', () => {
    // 6 bins at 2 m/s, then one at 6 m/s (10 m wind): the front after the fast bin is the sum of the bins' travel.
    const samples = Array.from({ length: 7 }, (_, j) => sample(T0 + j * BIN_MS + 5000, j === 6 ? 6 : 2, 'D'));
    const wind = binWind(samples, T0, T0 + 7 * BIN_MS, BIN_MS)!;
    const layout = { detector: Int32Array.from([0]), bin: Int32Array.from([6]), positions: [{ eastM: 100, northM: 0, upM: 1.5 }], units: ['ppm' as const], gases: [undefined] };
    const grid = { startMs: T0, binMs: BIN_MS, bins: 7 };
    const p = predict({ chemical: findChemical('Cl2')!, position: { eastM: 0, northM: 0, upM: 0 }, releaseHeightM: 1, refRateKgS: 0.1 }, layout, grid, wind, [0], new ModelCache());
    const speeds = Array.from({ length: 7 }, (_, j) => (p.travelM[j + 1]! - p.travelM[j]!) / (BIN_MS / 1000));
    // Each bin's transport is its own model's (the fast bin's three times the others').
    expect(speeds[6]).toBeGreaterThan(2 * speeds[0]!);
    const travelled = travelAtM(p, wind, T0 + 6.5 * BIN_MS) - travelAtM(p, wind, T0);
    expect(travelled).toBeCloseTo(6 * 10 * speeds[0]! + 5 * speeds[6]!, 6);
    // Elapsed time × the latest speed would put the front far ahead.
    expect(travelled).toBeLessThan(0.6 * 65 * speeds[6]!);
  });
});

describe('the direction’s spread inside a bin', () => {
  const at = (tMs: number, windFromDeg: number): WindSample => ({ tMs, windSpeedMS: 4, windFromDeg, stability: 'D' });

  it('is the circular standard deviation of the bin’s samples; a bin of one sample keeps the one before', () => {
    // Bin 0: 260° and 280° alternating (R̄ = cos 10°, √(−2 ln R̄) = 10.03°); bin 1: one sample; bin 2: all 270°.
    const samples = [at(T0, 260), at(T0 + 3000, 280), at(T0 + 6000, 260), at(T0 + 9000, 280), at(T0 + 15_000, 300), at(T0 + 21_000, 270), at(T0 + 25_000, 270)];
    const w = binWind(samples, T0, T0 + 3 * BIN_MS, BIN_MS)!;
    expect(w.dirSpreadDeg[0]).toBeCloseTo((Math.sqrt(-2 * Math.log(Math.cos((10 * Math.PI) / 180))) * 180) / Math.PI, 6);
    expect(w.dirSpreadDeg[0]).toBeCloseTo(10.03, 2);
    expect(w.dirSpreadDeg[1]).toBe(w.dirSpreadDeg[0]);
    expect(w.dirSpreadDeg[2]).toBeCloseTo(0, 6);
  });

  it('widens a passive plume’s bin mean as a meandering plume (σ² = σy² + (xσθ)²); a steady direction predicts the plume itself', () => {
    const nh3 = findChemical('NH3')!; // lighter than air: a passive plume
    const grid = { startMs: T0, binMs: BIN_MS, bins: 1 };
    // Wind from the west: the plume goes east. One detector on the axis 100 m downwind, one 20 m off it.
    const layout = { detector: Int32Array.from([0, 1]), bin: Int32Array.from([0, 0]), positions: [{ eastM: 100, northM: 0, upM: 1.5 }, { eastM: 100, northM: 20, upM: 1.5 }], units: ['ppm' as const, 'ppm' as const], gases: [undefined, undefined] };
    const candidate = { chemical: nh3, position: { eastM: 0, northM: 0, upM: 0 }, releaseHeightM: 1, refRateKgS: 0.05 };
    const predictAt = (dirs: number[]) => {
      const cache = new ModelCache();
      const wind = binWind(dirs.map((d, i) => at(T0 - BIN_MS + i * 1000, d)).concat(dirs.map((d, i) => at(T0 + i * 1000, d))), T0 - BIN_MS, T0 + BIN_MS, BIN_MS)!;
      const p = predict(candidate, layout, { ...grid, startMs: T0 }, wind, [0], cache);
      return { p, model: cache.get('NH3', 1, 4, 10, 'D', 0.05), measuredDeg: wind.dirSpreadDeg[1]!, spreadRad: airSwingRad(wind.dirSpreadDeg[1]!) };
    };
    const steady = predictAt([270, 270, 270, 270]);
    expect(steady.p.model).toBe('gaussian-plume');
    const perUnit = 1 / (steady.model.ppmToKgM3(1) * 0.05);
    expect(steady.p.steady[0]).toBeCloseTo(steady.model.concentrationKgM3(100, 0, 1.5).concentrationKgM3 * perUnit, 9);
    expect(steady.p.steady[1]).toBeCloseTo(steady.model.concentrationKgM3(100, 20, 1.5).concentrationKgM3 * perUnit, 9);

    const swinging = predictAt([264, 276, 264, 276]);
    const sigmaY = steady.p.sigmaXM[0]!;
    const sigmaMean = Math.hypot(sigmaY, 100 * swinging.spreadRad);
    const axis = steady.p.steady[0]!;
    expect(swinging.p.steady[0]).toBeCloseTo((axis * sigmaY) / sigmaMean, 9);
    expect(swinging.p.steady[1]).toBeCloseTo(((axis * sigmaY) / sigmaMean) * Math.exp(-(20 * 20) / (2 * sigmaMean * sigmaMean)), 9);
    // Off the axis the mean is several times the plume at the mean direction; on it, a little less.
    expect(swinging.p.steady[1]! / steady.p.steady[1]!).toBeGreaterThan(3);
    expect(swinging.p.steady[0]!).toBeLessThan(axis);
    // The swing is the stations' spread less their vanes' scatter: ±6° read as a 6° spread swings the air by 5.2°.
    expect(swinging.spreadRad).toBeCloseTo((Math.sqrt(swinging.measuredDeg ** 2 - VANE_NOISE_DEG ** 2) * Math.PI) / 180, 12);
    // Vanes scattering within their own accuracy about one direction: the plume is not widened.
    const scatter = predictAt([269, 271, 269, 271]);
    expect(scatter.measuredDeg).toBeLessThan(VANE_NOISE_DEG);
    expect(scatter.p.steady[1]).toBeCloseTo(steady.p.steady[1]!, 9);
  });
});
