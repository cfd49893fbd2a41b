import { describe, expect, it } from 'vitest';
import { findChemical } from '../chemicals/lookup.ts';
import { binWind } from './binning.ts';
import { unitPredictions, type Evidence } from './candidate-score.ts';
import { ModelCache, predict } from './predictions.ts';

// A dense candidate's source zone across the wind fills as its gravity current spreads (Britter 1979), as the demo
// simulator's leak field fills it: a release that started at t0 predicts nothing there until the current arrives.
const T0 = Date.UTC(2026, 5, 1, 2, 0);
const BIN_MS = 10_000;
const BINS = 30;

describe('a dense candidate’s predictions after a start', () => {
  const cl2 = findChemical('Cl2')!;
  // 4 kg/s of chlorine at night (F) in a steady 1 m/s west wind: the source zone reaches ~160 m either side.
  const wind = binWind(Array.from({ length: BINS * 10 }, (_, i) => ({ tMs: T0 + i * 1000, windSpeedMS: 1, windFromDeg: 270, stability: 'F' as const })), T0, T0 + BINS * BIN_MS, BIN_MS)!;
  const grid = { startMs: T0, binMs: BIN_MS, bins: BINS };
  // One detector 100 m north of the source (across the wind), 1 m east, every bin; one 80 m east (downwind), every bin.
  const positions = [{ eastM: 1, northM: 100, upM: 0.5 }, { eastM: 80, northM: 0, upM: 0.5 }];
  const layout = {
    detector: Int32Array.from({ length: 2 * BINS }, (_, k) => (k < BINS ? 0 : 1)), bin: Int32Array.from({ length: 2 * BINS }, (_, k) => k % BINS),
    positions, units: ['ppm', 'ppm'] as const, gases: [undefined, undefined],
  };
  const p = predict({ chemical: cl2, position: { eastM: 0, northM: 0, upM: 0 }, releaseHeightM: 1, refRateKgS: 4 }, layout, grid, wind, [0], new ModelCache());
  const ev = { obs: { length: 2 * BINS }, grid, layout, wind } as unknown as Evidence;
  const active = Int32Array.from({ length: 2 * BINS }, (_, k) => k);
  const out = (startMs: number | null) => {
    const o = new Float64Array(2 * BINS);
    unitPredictions(ev, p, active, 0, startMs, o);
    return o;
  };

  it('reads the steady source zone across the wind only once the gravity current has spread there', () => {
    expect(p.dense).toBe(true);
    expect(p.steady[0]).toBeGreaterThan(0);
    // Downwind of the source (x = 1 m) the current must have spread 100 m from the axis: g0′Q0 ≈ 20 m⁴/s³ for 4 kg/s
    // (≈ 1.3 m³/s at g0′ ≈ 15 m/s²) takes (100 / (0.84 · 20^{1/4}))^{4/3} ≈ 3.6 min.
    const arrivalS = p.gravityArrivalS[0]!;
    expect(arrivalS).toBeGreaterThan(120);
    expect(arrivalS).toBeLessThan(280);
    const started = out(T0);
    for (let b = 0; b < BINS; b++) {
      const tS = (b + 0.5) * (BIN_MS / 1000);
      if (tS < arrivalS) expect(started[b], `bin ${b}`).toBe(0);
      else expect(started[b], `bin ${b}`).toBeCloseTo(p.steady[b]!, 9);
    }
    // It does arrive inside the window, and a release that started long before is there all along.
    expect(started[BINS - 1]).toBeGreaterThan(0);
    expect(out(null)[0]).toBeCloseTo(p.steady[0]!, 9);
  });

  it('carries it downwind with the wind, not the gravity current', () => {
    const started = out(T0);
    // 80 m downwind at 1 m/s arrives after ~80 s, long before the current could spread 80 m (≈ 3 min).
    const arrived = started.slice(BINS).findIndex((v, b) => v > 0.5 * p.steady[BINS + b]!);
    expect(arrived * 10).toBeLessThan(120);
    expect(p.gravityArrivalS[BINS]).toBeLessThan(1e-6); // on the axis: nothing waits for the current
  });
});
