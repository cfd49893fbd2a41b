import { describe, expect, it } from 'vitest';
import { runAssessment } from './assessment/run-assessment.ts';
import { plumeToLocal } from './geo.ts';
import { resolveModel } from './resolve-model.ts';
import { parseInput, plumeScenarioSchema } from './scenario.ts';

/** Chlorine of the CLI contract (auto → dense): 1.2 kg/s, 4 m/s, D; the cloud is ~0.2 m deep 100 m downwind. */
const CL2 = {
  chemical: 'Cl2', model: 'auto',
  release: { kind: 'continuous', rateKgS: 1.2, temperatureK: 293 },
  weather: { windSpeedMS: 4, stability: 'D', airTempK: 293, windFromDeg: 270 },
};
const PUFF = { ...CL2, release: { kind: 'instantaneous', massKg: 500, temperatureK: 293 } };
const model = (input: unknown) => resolveModel(parseInput(plumeScenarioSchema, input));
const downwind = (xM: number) => {
  const [[eastM, northM]] = plumeToLocal([[xM, 0]], 270) as [[number, number]];
  return { eastM, northM };
};

describe('dense cloud at breathing height (review #1)', () => {
  it('a point 1.5 m high 50 m downwind of a chlorine plume reads the ground-level value, not 0', () => {
    const m = model(CL2);
    expect(m.model).toBe('dense');
    const ground = m.concentrationKgM3(50, 0, 0).concentrationKgM3;
    expect(ground).toBeGreaterThan(0);
    expect(m.concentrationKgM3(50, 0, 1.5).concentrationKgM3).toBe(ground);
    const r = runAssessment({ ...CL2, points: [{ id: 'p', ...downwind(50) }] });
    expect(r.points[0]!.zM).toBe(1.5);
    expect(r.points[0]!.peakPpm).toBeGreaterThan(20_000);
    expect(r.points[0]!.worstLevel?.ppm).toBe(20);
  });

  it('zones judged at 1.5 m start at the source (red zone covers 0–185 m)', () => {
    const m = model({ ...CL2, thresholdHeightM: 1.5 });
    const thr = m.ppmToKgM3(20);
    for (const x of [10, 50, 100, 180]) expect(m.halfWidthM(x, 1.5, thr), `x = ${x}`).toBeGreaterThan(5);
  });

  it('a 500 kg chlorine puff reads its ground value at 1.5 m as it passes 50 m downwind', () => {
    const m = model(PUFF);
    const t = 50 / (0.4 * 4);
    const ground = m.concentrationKgM3(50, 0, 0, t).concentrationKgM3;
    expect(ground).toBeGreaterThan(0);
    expect(m.concentrationKgM3(50, 0, 1.5, t).concentrationKgM3).toBe(ground);
    const r = runAssessment({ ...PUFF, frames: 2, points: [{ id: 'p', ...downwind(50) }] });
    expect(r.points[0]!.peakPpm).toBeGreaterThan(20_000);
  });
});
