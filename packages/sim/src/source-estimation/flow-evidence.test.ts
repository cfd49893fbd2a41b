import { describe, expect, it } from 'vitest';
import { FLOW_BASELINE_GAP_MS, FLOW_SHIFT_SD_SHARE, flowLogLikelihood, flowShifts, flowTermAt, leakFlowGain, type FlowShift } from './flow-evidence.ts';

const HIT_MS = Date.UTC(2026, 5, 1, 12, 0);

/** A transmitter's readings every 0.5 s from 20 min before the first hit to `untilS` after it: `base` plus `step` from `stepAtS`, alternating ±`jitter`. */
function meter(id: string, base: number, step: number, stepAtS: number, jitter = 0.002, untilS = 120) {
  const readings: [number, number][] = [];
  for (let t = HIT_MS - 1_200_000, i = 0; t <= HIT_MS + untilS * 1000; t += 500, i++) readings.push([t, base + (t >= HIT_MS + stepAtS * 1000 ? step : 0) + (i % 2 ? jitter : -jitter)]);
  return { id, readings };
}

describe('leakFlowGain (a hole splitting its draw over the line\'s two ends)', () => {
  it('gives 1 − f upstream of the hole and −f downstream, so what the two ends lose is the leak', () => {
    expect(leakFlowGain(100, 25, 10)).toBeCloseTo(0.75, 12);
    expect(leakFlowGain(100, 25, 60)).toBeCloseTo(-0.25, 12);
    // Mass balance across the hole: flow in − flow out = q.
    for (const hole of [0, 10, 50, 99]) expect(leakFlowGain(100, hole, hole - 1e-9) - leakFlowGain(100, hole, hole + 1e-6)).toBeCloseTo(1, 12);
    // A hole at the line's upstream end is fed by it alone; at its downstream end, by the downstream node alone.
    expect(leakFlowGain(100, 0, 0)).toBe(1);
    expect(leakFlowGain(100, 100, 50)).toBe(0);
  });
});

describe('flowShifts', () => {
  it('measures the step from the baseline before the first hit to the last minute, with the baseline\'s scatter floored', () => {
    const shifts = flowShifts([meter('FT', 0.8, 0.4, -30), meter('QUIET', 2, 0, 0)], HIT_MS, HIT_MS + 120_000);
    expect(shifts.get('FT')!.baseKgS).toBeCloseTo(0.8, 3);
    expect(shifts.get('FT')!.shiftKgS).toBeCloseTo(0.4, 3);
    expect(shifts.get('FT')!.sdKgS).toBeCloseTo(FLOW_SHIFT_SD_SHARE * 0.8, 3);
    expect(shifts.get('QUIET')!.shiftKgS).toBeCloseTo(0, 3);
  });

  it('keeps the leak out of the baseline and stops at a transmitter\'s untilMs (valves moving)', () => {
    // A step 2 min before the first hit lies inside the gap the baseline leaves (3 min): still measured in full.
    expect(FLOW_BASELINE_GAP_MS).toBeGreaterThan(120_000);
    expect(flowShifts([meter('FT', 0.8, 0.4, -120)], HIT_MS, HIT_MS + 120_000).get('FT')!.shiftKgS).toBeCloseTo(0.4, 3);
    // The line's valves closed 60 s after the hit (flow → 0 from then): readings up to then are the evidence.
    const closed = meter('FT', 0.8, 0.4, -30);
    const cut = { ...closed, readings: closed.readings.map(([t, v]) => [t, t > HIT_MS + 60_000 ? 0 : v] as [number, number]), untilMs: HIT_MS + 60_000 };
    expect(flowShifts([cut], HIT_MS, HIT_MS + 120_000).get('FT')!.shiftKgS).toBeCloseTo(0.4, 3);
    // No readings before the hit, or none since: no shift to compare.
    expect(flowShifts([{ id: 'NEW', readings: [[HIT_MS + 1000, 1]] }], HIT_MS, HIT_MS + 120_000).size).toBe(0);
  });
});

describe('flowLogLikelihood', () => {
  const shift = (shiftKgS: number): FlowShift => ({ baseKgS: 0.8, shiftKgS, sdKgS: 0.016 });
  const line = { lengthM: 100, fromAtM: 40, toAtM: 60, meters: [{ id: 'FT', atM: 10 }] };
  const spool = { line: { from: { eastM: 0, northM: 0, upM: 1 }, to: { eastM: 20, northM: 0, upM: 1 } }, flowLine: line };
  const lnQs = Array.from({ length: 121 }, (_, i) => Math.log(0.01) + (i * Math.log(1e4)) / 120);

  it('peaks at the rate the shift and the gain give, and is 0 for a candidate off every metered line', () => {
    // The hole 10 m along the spool is 50 m along the line: the transmitter upstream reads (1 − 0.5)·q more.
    const term = flowTermAt(spool, 10, new Map([['FT', shift(0.45)]]))!;
    expect(term.meters[0]!.gain).toBeCloseTo(0.5, 12);
    const best = lnQs.reduce((a, b) => (flowLogLikelihood(term, b) > flowLogLikelihood(term, a) ? b : a));
    // The model's own error is log-normal about the prediction: its mode lies a little below the mean (e^(−σ²)).
    expect(Math.exp(best)).toBeGreaterThan(0.9 * 0.8);
    expect(Math.exp(best)).toBeLessThan(0.9 * 1.1);
    expect(flowLogLikelihood(term, best)).toBeGreaterThan(3);
    expect(flowTermAt({ line: spool.line }, 10, new Map([['FT', shift(0.45)]]))).toBeNull();
    expect(flowLogLikelihood(null, 0)).toBe(0);
  });

  it('counts against a hole that should move the transmitter when it stayed put, or moved the other way', () => {
    const still = flowTermAt(spool, 10, new Map([['FT', shift(0)]]))!;
    expect(flowLogLikelihood(still, Math.log(1))).toBeLessThan(-5);
    // A small leak moves it by less than its noise: hardly any evidence either way.
    expect(Math.abs(flowLogLikelihood(still, Math.log(0.005)))).toBeLessThan(0.1);
    // A fall where the hole upstream of the transmitter predicts a rise: no rate explains it better than no leak.
    const fell = flowTermAt({ ...spool, flowLine: { ...line, meters: [{ id: 'FT', atM: 90 }] } }, 10, new Map([['FT', shift(0.3)]]))!;
    for (const lnQ of lnQs) expect(flowLogLikelihood(fell, lnQ)).toBeLessThan(1e-6);
  });

  it('bounds a one-way transmitter\'s fall at its whole flow: a hole drawing more than the line carried reads 0', () => {
    // Downstream, gain −0.5: 4 kg/s would take −2 kg/s from 0.8 — the transmitter reads 0, a shift of −0.8.
    const zero = flowTermAt({ ...spool, flowLine: { ...line, meters: [{ id: 'FT', atM: 90 }] } }, 10, new Map([['FT', shift(-0.8)]]))!;
    expect(flowLogLikelihood(zero, Math.log(4))).toBeGreaterThan(flowLogLikelihood(zero, Math.log(0.4)) + 5);
    expect(flowLogLikelihood(zero, Math.log(4))).toBeCloseTo(flowLogLikelihood(zero, Math.log(8)), 1);
  });
});
