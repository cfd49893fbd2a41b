import { describe, expect, it } from 'vitest';
import { errorModel, Observations } from './error-model.ts';
import { fitRate, lnRatePrior, rateLogLikelihood } from './rate-fit.ts';

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

  it('a plume tail far below the floor counts as no prediction, within 10⁻⁸ nats; a thousandth of the floor still counts', () => {
    const one = Int32Array.from([0]), ends = Int32Array.from([1]), w = [0];
    const none = rateLogLikelihood(obs, one, ends, Float64Array.from([0]), w, 0, lnQ);
    const tail = rateLogLikelihood(obs, one, ends, Float64Array.from([1e-12]), w, 0, lnQ);
    expect(Math.abs(tail - none)).toBeLessThan(1e-8);
    expect(tail).toBe(em.kappa * obs.zeroRaw[0]!);
    const faint = rateLogLikelihood(obs, one, ends, Float64Array.from([2.5e-4]), w, 0, lnQ);
    expect(faint).toBeCloseTo(em.kappa * obs.rawLogLikelihood(0, 2 * 2.5e-4), 12);
    expect(faint).not.toBe(none);
  });
});

describe('fitRate', () => {
  it('finds the posterior mode between where the unit predictions scale onto the readings and the prior', () => {
    // One offset, readings exactly 2 × the unit predictions: the likelihood peaks at q = 2.
    const o = new Observations(2, em);
    o.set(0, 40, 0.5, undefined);
    o.set(1, 36, 0.5, undefined);
    const a = Int32Array.from([0, 1]), ends = Int32Array.from([1, 2]), u = Float64Array.from([20, 18]);
    const fit = fitRate(o, a, ends, u, [0], 0, Math.log(1.5));
    const ll = (lnQ: number) => rateLogLikelihood(o, a, ends, u, [0], 0, lnQ);
    expect(fit.logLik).toBeCloseTo(ll(fit.lnRate), 9);
    expect(fit.logLik).toBeLessThanOrEqual(ll(Math.log(2)) + 1e-9);
    // The mode: the posterior there is at least its value a little either side.
    for (const d of [-0.05, 0.05]) expect(fit.logLik + lnRatePrior(fit.lnRate)).toBeGreaterThan(ll(fit.lnRate + d) + lnRatePrior(fit.lnRate + d));
    // Posterior mean between the 1 kg/s prior median and the likelihood's peak.
    expect(fit.lnRate).toBeGreaterThan(0);
    expect(fit.lnRate).toBeLessThan(Math.log(2));
    expect(fit.lnRateSd).toBeGreaterThan(0);
  });
});

describe('fitRate on a likelihood with two peaks', () => {
  it('finds the higher peak even when the closed-form start sits beside the lower one, more than its bracket away', () => {
    // Three readings sharing one offset: offset 0 predicts all three alike (q = 50 fits every one), offset 1 puts a
    // narrow plume on the first only (q = 0.5 fits it, the other two see nothing). The start is offset 1's rate.
    const o = new Observations(3, em);
    [50, 50, 50].forEach((v, k) => o.set(k, v, 0.5, undefined));
    const a = Int32Array.from([0, 1, 2]), ends = Int32Array.from([3]);
    const u = Float64Array.from([1, 1, 1, 100, 0.001, 0.001]);
    const w = [Math.log(0.5), Math.log(0.5)];
    const fit = fitRate(o, a, ends, u, w, 0, Math.log(0.5));
    const post = (lnQ: number) => rateLogLikelihood(o, a, ends, u, w, 0, lnQ) + lnRatePrior(lnQ);
    expect(fit.logLik + lnRatePrior(fit.lnRate)).toBeGreaterThan(post(Math.log(50)) - 0.1);
    expect(fit.logLik + lnRatePrior(fit.lnRate)).toBeGreaterThan(post(Math.log(0.5)) + 1);
    expect(fit.lnRate).toBeGreaterThan(Math.log(20));
  });
});

describe('fitRate where the readings only bound the rate', () => {
  it('gives the prior cut at the bound: the mode at the bound, not the prior median below it', () => {
    // Two readings at the top of their range (100): any q ≥ 10 explains them with these unit predictions (10 each).
    const o = new Observations(2, em);
    o.set(0, 100, 0.5, 100);
    o.set(1, 100, 0.5, 100);
    const a = Int32Array.from([0, 1]), ends = Int32Array.from([1, 2]), u = Float64Array.from([10, 10]);
    const fit = fitRate(o, a, ends, u, [0], 0, null);
    expect(fit.lnRate).toBeGreaterThan(Math.log(8));
    expect(fit.lnRate).toBeLessThan(Math.log(40));
    expect(fit.lnRateSd).toBeGreaterThan(0);
  });
});
