import { describe, expect, it } from 'vitest';
import { erf } from '../palazzi.ts';
import { clippedBinMean } from './clipped-bin.ts';
import { errorModel, Observations } from './error-model.ts';

/** Inverse of the standard normal CDF, by bisection. */
function normalQuantile(p: number): number {
  let lo = -8, hi = 8;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * (1 + erf(mid / Math.SQRT2)) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Ten seconds of a log-normal concentration (median `median`, log spread `sigma`) at its evenly spaced quantiles, the detector's readings clipped at `top`. */
function seconds(median: number, sigma: number, top: number): { air: number[]; read: number[] } {
  const air = Array.from({ length: 10 }, (_, i) => median * Math.exp(sigma * normalQuantile((i + 0.5) / 10)));
  return { air, read: air.map((c) => Math.min(c, top)) };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('clippedBinMean', () => {
  it('is the plain mean when no reading reached the top of the range, or when the detector has none', () => {
    expect(clippedBinMean([10, 20, 30], 100, 1)).toEqual({ mean: 20, lowerBound: false });
    expect(clippedBinMean([10, 200, 30], undefined, 1)).toEqual({ mean: 80, lowerBound: false });
  });

  it('is only a lower bound when too few readings sit below the top', () => {
    expect(clippedBinMean([100, 100, 100, 100], 100, 1)).toEqual({ mean: 100, lowerBound: true });
    expect(clippedBinMean([100, 100, 100, 100, 100, 100, 100, 100, 60, 70], 100, 1)).toEqual({ mean: 93, lowerBound: true });
  });

  it('takes clean seconds as clean air, not as the cloud\'s low tail: a bin of clean and clipped seconds is a lower bound', () => {
    // An intermittent cloud (a dense cloud's zone growing over the detector in the lulls): eight clean seconds, two at the top.
    const read = [0.1, 0.1, 0.1, 100, 0.1, 0.1, 0.1, 100, 0.1, 0.1];
    expect(clippedBinMean(read, 100, 1)).toEqual({ mean: mean(read), lowerBound: true });
    // With three seconds in the cloud below the top, the log-normal is fitted to those and the clipped ones only: the
    // clean seconds do not pull its median down (fitted with them, the clipped seconds were imputed barely above the top).
    const inCloud = [60, 70, 80, 100, 100, 100];
    const withClean = [...inCloud, 0.1, 0.1, 0.1, 0.1];
    const alone = clippedBinMean(inCloud, 100, 1), mixed = clippedBinMean(withClean, 100, 1);
    expect(mixed.lowerBound).toBe(false);
    expect(mixed.mean * withClean.length).toBeCloseTo(alone.mean * inCloud.length + 0.4, 6);
  });

  it('does not extrapolate a bin mostly at the top: a few seconds at the cloud\'s edge do not fix the tail above it', () => {
    // Seed 316 of the source bench: 1.1, 1.2 and 1.7 ppm and seven seconds at the 10 ppm top once imputed a mean of 164.
    const read = [1.1, 1.17, 10, 10, 10, 10, 1.74, 10, 10, 10];
    expect(clippedBinMean(read, 10, 0.06)).toEqual({ mean: mean(read), lowerBound: true });
    // The share is of the seconds in the cloud: five at the top of eight in it, two clean, is a bound as well.
    const withClean = [1.1, 1.17, 10, 10, 10, 0.01, 1.74, 10, 10, 0.01];
    expect(clippedBinMean(withClean, 10, 0.06)).toEqual({ mean: mean(withClean), lowerBound: true });
  });

  it('censors a lower-bound bin at its own value, not at the top of the range', () => {
    const obs = new Observations(2, errorModel(0.8, 0.1, 10_000));
    obs.set(0, 20, 1, 100, true);
    obs.set(1, 98, 1, 100);
    // At a prediction of 20 a bin known to be ≥ 20 is as likely as not (under the log-normal part); one at the top is not.
    expect(obs.rawLogLikelihood(0, 20)).toBeGreaterThan(obs.rawLogLikelihood(1, 20) + 1);
    expect(Math.exp(obs.rawLogLikelihood(0, 20))).toBeCloseTo(0.9 * 0.5 + 0.1 / Math.log(101 / 1), 5);
  });

  it('recovers the air\'s mean from a bin whose readings were partly clipped, where the plain mean falls short', () => {
    for (const [median, sigma] of [[80, 0.5], [60, 0.8], [100, 0.4]] as const) {
      const { air, read } = seconds(median, sigma, 100);
      const clipped = read.filter((v) => v >= 98).length;
      expect(clipped).toBeGreaterThan(0);
      expect(clipped).toBeLessThanOrEqual(5);
      const truth = mean(air);
      const fit = clippedBinMean(read, 100, 1);
      expect(fit.lowerBound).toBe(false);
      // The plain mean misses by 10 % or more; the imputed one is within 15 % of the air's mean.
      expect(mean(read) / truth).toBeLessThan(0.9);
      expect(Math.abs(fit.mean / truth - 1)).toBeLessThan(0.15);
    }
  });
});
