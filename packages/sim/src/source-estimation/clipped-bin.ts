// The mean of a bin whose readings partly sat at the top of the detector's range. A detector
// near the plume's axis reads 100 %LEL (its range) in some seconds of a bin and less in others;
// the plain mean of those readings is below the air's mean by as much as the clipped seconds
// were above the top, and read as exact it fits a release rate too low (on the demo park most
// rate misses were low, from such bins). Read only as "at least this much" it fits one too high.
// Instead the bin's readings are taken as a sample of a log-normal concentration censored at the
// top — the Tobit model (Tobin 1958, Econometrica 26, 24–36) for each second — its median and
// spread fitted by maximum likelihood (a weak prior on the spread), and each clipped second replaced by the fitted
// distribution's mean above the top, E[C | C > T] = e^(μ+σ²/2)·Q(z − σ)/Q(z), z = (ln T − μ)/σ,
// Q the standard normal tail (the truncated log-normal's mean: Johnson, Kotz & Balakrishnan 1994,
// Continuous Univariate Distributions vol. 1, §14.3). The log-normal is fitted to the seconds in the
// cloud only: a cloud is intermittent at a fixed point — its edge meanders across the detector, a
// dense cloud's zone grows and shrinks with the gusts — and the air between is clean (the
// intermittency factor of concentration-fluctuation models: Wilson 1995, Concentration
// Fluctuations and Averaging Time in Vapor Clouds, CCPS, ch. 3). Fitted to both, "eight clean
// seconds and two at the top" gave a median near zero and imputed the two as barely above the top,
// where on the demo park they were a dense cloud's core at 10⁵ ppm and more. A bin with fewer
// than MIN_UNCLIPPED readings in the cloud below the top stays a lower bound — its plain mean, the
// clipped seconds at the top — censored in error-model.ts: nothing in it tells how far above
// the top the air was. So does a bin with most of its seconds at the top: its mean above the top
// would be the fitted tail, extrapolated beyond every reading.
import { lnErfc } from '../palazzi.ts';
import { goldenSectionMax } from '../search.ts';
import { SATURATION_SHARE } from './error-model.ts';

/**
 * Prior on the spread of ln(concentration + floor) within one 10-s bin: log-normal about 0.8 with a log-sd of 0.7 (our
 * choice: the within-bin log spread of unclipped, well-measured bins in the demo park's staged leaks has median 0.34,
 * rms 0.52 and a long tail, 0.9 at the 90th percentile; bins that reach the top lie nearer the plume's axis, where it
 * swings across the detector; over 200 staged leaks a median of 0.8 fitted the rates best of 0.5, 0.8 and 1.2). It
 * keeps a bin with few readings below the top from fitting any spread at all.
 */
const SPREAD_PRIOR_MEDIAN = 0.8;
const SPREAD_PRIOR_LN_SD = 0.7;
/** Spreads tried (geometric grid, our choice) and the bracket of the median's search about ln top, in ln units. */
const SPREADS = Array.from({ length: 13 }, (_, i) => 0.15 * Math.pow(2 / 0.15, i / 12));
const MEDIAN_BELOW_TOP_LN = 8;
const MEDIAN_ABOVE_TOP_LN = 4;
const GOLDEN_STEPS = 30;
/** Fewer readings in the cloud (above the floor) below the top than this, and the bin is only a lower bound (our choice: two points do not fit a median and a spread). */
const MIN_UNCLIPPED = 3;
/** More of a bin's seconds in the cloud at the top than this share, and it is only a lower bound too (our choice; see clippedBinMean). */
const MAX_CLIPPED_SHARE = 0.5;

/** One bin's readings summarised: their mean (clipped seconds imputed), or a lower bound of it (too few seconds in the cloud below the top, or most of them at it). */
export interface BinMean {
  mean: number;
  lowerBound: boolean;
}

/** ln Q(z), Q the standard normal's upper tail. */
function lnTail(z: number): number {
  return Math.log(0.5) + lnErfc(z / Math.SQRT2);
}

/**
 * Mean of one bin's `values` from a detector with range top `top` and floor `floor` (same unit; see the header): the
 * plain mean when no reading reached the top (within SATURATION_SHARE), and as a lower bound when fewer than
 * MIN_UNCLIPPED of its seconds in the cloud (above `floor`) are below it, or more than MAX_CLIPPED_SHARE of those in the
 * cloud are at it.
 */
export function clippedBinMean(values: readonly number[], top: number | undefined, floor: number): BinMean {
  const n = values.length;
  const plain = values.reduce((s, v) => s + v, 0) / n;
  if (top === undefined || !Number.isFinite(top)) return { mean: plain, lowerBound: false };
  const clipAt = SATURATION_SHARE * top;
  const unclipped = values.filter((v) => v < clipAt);
  const k = n - unclipped.length;
  if (k === 0) return { mean: plain, lowerBound: false };
  // The seconds in the cloud: a reading at or below the floor was clean air (the plume's edge swung off, a dense cloud's
  // zone shrank in a gust), not the low tail of the cloud's concentration (header, intermittency).
  const inCloud = unclipped.filter((v) => v > floor);
  // Most seconds at the top: the fitted median lies above it and the mean above the top is the log-normal's tail, set
  // by a spread that a few readings at the cloud's edge hardly fix (1.1, 1.2, 1.7 ppm and seven at 10 gave 164).
  if (inCloud.length < MIN_UNCLIPPED || k > MAX_CLIPPED_SHARE * (k + inCloud.length)) return { mean: plain, lowerBound: true };
  const c = Math.log(clipAt + floor);
  const xs = inCloud.map((v) => Math.log(v + floor));
  const logLik = (mu: number, sigma: number): number => {
    let s = k * lnTail((c - mu) / sigma) - xs.length * Math.log(sigma) - (Math.log(sigma / SPREAD_PRIOR_MEDIAN) ** 2) / (2 * SPREAD_PRIOR_LN_SD ** 2);
    for (const x of xs) s -= ((x - mu) / sigma) ** 2 / 2;
    return s;
  };
  let best = { mu: c, sigma: SPREAD_PRIOR_MEDIAN, ll: -Infinity };
  for (const sigma of SPREADS) {
    // Concave in μ for a fixed σ (Tobit).
    const { x: mu, value: ll } = goldenSectionMax((m) => logLik(m, sigma), c - MEDIAN_BELOW_TOP_LN, c + MEDIAN_ABOVE_TOP_LN, GOLDEN_STEPS);
    if (ll > best.ll) best = { mu, sigma, ll };
  }
  const z = (c - best.mu) / best.sigma;
  const aboveTop = Math.exp(best.mu + best.sigma ** 2 / 2 + lnTail(z - best.sigma) - lnTail(z)) - floor;
  return { mean: (unclipped.reduce((s, v) => s + v, 0) + k * Math.max(clipAt, aboveTop)) / n, lowerBound: false };
}
