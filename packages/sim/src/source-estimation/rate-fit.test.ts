import { describe, expect, it } from 'vitest';
import { errorModel, Observations } from './error-model.ts';
import { fitRate, rateLogLikelihood } from './rate-fit.ts';

// Three binned readings (ppm, floor 0.5, no range top) and their unit-rate predictions under two
// wind-direction offsets: offset 0 puts the plume on readings 0 and 1, offset 1 on reading 2.
const em = errorModel(0.8, 0.1, 10_000);
const obs = new Observations(3, em);
[40, 35, 50].forEach((v, k) => obs.set(k, v, 0.5, undefined));
const active = Int32Array.from([0, 1, 2]);
// unit[o · n + a]: offset 0 then offset 1.
const unit = Float64Array.from([20, 18, 0, 0, 0, 25]);
const lnW = [Math.log(0.6), Math.log(0.4)];
const lnQ = Math.log(2);

/** log Σ_o w_o Π_{a in group} L(a | q·unit), tempered by κ: the marginal of one group sharing an offset. */
function groupMarginal(members: number[]): number {
  const terms = lnW.map((w, o) => w + members.reduce((s, a) => s + obs.rawLogLikelihood(a, 2 * unit[o * 3 + a]!), 0));
  const m = Math.max(...terms);
  return em.kappa * (m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0)));
}

describe('rateLogLikelihood', () => {
  it('marginalises each group over the offset it shares: one group per reading, or readings that share one', () => {
    const singletons = rateLogLikelihood(obs, active, Int32Array.from([1, 2, 3]), unit, lnW, -1.5, lnQ);
    expect(singletons).toBeCloseTo(-1.5 + groupMarginal([0]) + groupMarginal([1]) + groupMarginal([2]), 10);
    const shared = rateLogLikelihood(obs, active, Int32Array.from([3]), unit, lnW, -1.5, lnQ);
    expect(shared).toBeCloseTo(-1.5 + groupMarginal([0, 1, 2]), 10);
  });

  it('a shared offset must explain every reading of its group at once: readings the plume cannot all match cost more together', () => {
    // Readings 0–1 want offset 0, reading 2 wants offset 1: apart, each picks its own; together, one offset misses some.
    const apart = rateLogLikelihood(obs, active, Int32Array.from([2, 3]), unit, lnW, 0, lnQ);
    const together = rateLogLikelihood(obs, active, Int32Array.from([3]), unit, lnW, 0, lnQ);
    expect(together).toBeLessThan(apart - 0.5);
  });
});

describe('fitRate', () => {
  it('finds the likelihood peak where the unit predictions scale onto the readings, and shrinks the rate towards the prior', () => {
    // One offset, readings exactly 2 × the unit predictions: the likelihood peaks at q = 2.
    const o = new Observations(2, em);
    o.set(0, 40, 0.5, undefined);
    o.set(1, 36, 0.5, undefined);
    const a = Int32Array.from([0, 1]), ends = Int32Array.from([1, 2]), u = Float64Array.from([20, 18]);
    const fit = fitRate(o, a, ends, u, [0], 0, Math.log(1.5));
    const atPeak = rateLogLikelihood(o, a, ends, u, [0], 0, Math.log(2));
    expect(fit.logLik).toBeGreaterThan(atPeak - 1e-3);
    expect(fit.logLik).toBeLessThanOrEqual(atPeak + 1e-9);
    // Posterior mean between the 1 kg/s prior median and the likelihood's peak.
    expect(fit.lnRate).toBeGreaterThan(0);
    expect(fit.lnRate).toBeLessThan(Math.log(2));
    expect(fit.lnRateSd).toBeGreaterThan(0);
  });
});
