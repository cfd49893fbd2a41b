import { describe, expect, it } from 'vitest';
import { peakOverTime, puffConcentrationKgM3, type PuffParams } from './gaussian-puff.ts';
import { resolveModel } from './resolve-model.ts';
import { parseInput, plumeScenarioSchema } from './scenario.ts';

// The instantaneous Gaussian puff's peak over time at a point (what its zones are judged on) is found from
// PUFF_PEAK_SAMPLES uniform samples plus golden-section refinement; a fine 400-sample search must agree.
describe('instantaneous puff: peak over time with few samples', () => {
  for (const stability of ['A', 'D', 'F'] as const)
    for (const heightM of [0, 50]) {
      it(`class ${stability}, release at ${heightM} m: equals a 400-sample search`, () => {
        const s = parseInput(plumeScenarioSchema, {
          chemical: 'NH3', model: 'gaussian-puff', release: { kind: 'instantaneous', massKg: 500, heightM },
          weather: { windSpeedMS: 2, stability },
        });
        const m = resolveModel(s);
        const pp: PuffParams = { massKg: 500, windSpeedMS: m.windSpeedMS, releaseHeightM: heightM, stabilityClass: stability, sigmaSet: m.sigma };
        for (const [x, y, z] of [[5, 0, 0], [20, 0, 1.5], [100, 10, 0], [3000, 0, 0], [20_000, 200, 1.5]] as const) {
          const fine = peakOverTime((t) => puffConcentrationKgM3(pp, x, y, z, t), Math.max(0, (0.3 * x) / m.windSpeedMS), (3 * x) / m.windSpeedMS + 10, 400);
          const got = m.concentrationKgM3(x, y, z).concentrationKgM3;
          if (fine.value < 1e-15) expect(got).toBeLessThan(1e-14);
          else expect(Math.abs(got - fine.value) / fine.value).toBeLessThan(1e-6);
        }
      });
    }
});
