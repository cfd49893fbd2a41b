// The release rate q of one candidate for one wind offset and start time. The prediction is
// linear in q (μ = q·p, p the unit-rate prediction), so with log-normal errors on the hit bins the
// maximum-likelihood ln q has the closed form mean(ln y − ln p) (the ML estimate of a log-normal
// location: Aitchison & Brown 1957, The Lognormal Distribution, §5.2); we take the median (robust
// to a stuck detector). That is the start; the
// full robust likelihood (floors, non-hits, outliers, censoring; error-model.ts) times a normal
// prior N(μ, τ²) on ln q is then scanned and maximised by golden-section search (Kiefer 1953;
// Press et al., Numerical Recipes 3rd ed. §10.2) about its best scanned point, and the curvature
// of the log posterior at its mode m gives the Laplace approximation of the evidence (MacKay 2003,
// Information Theory, Inference and Learning Algorithms, ch. 27):
//   ∫ L π d ln q ≈ L(m)·π(m)·√(2π)·s,  s = (−(ln L + ln π)'')^(−½) at m,
// and the posterior of ln q is N(m, s²). At the posterior's mode, not the likelihood's: where the
// readings only bound q (every reading at the top of its range) the likelihood is a plateau with
// no curvature, and the posterior is the prior cut at the bound — its mode at the bound, its width
// the prior's — where a Gaussian fitted to the likelihood alone had no width and fell back on the prior's median.
// Prior (our choice): median 1 kg/s, τ = one decade — process leaks span ~0.01–100 kg/s (the HSE's
// offshore release statistics call < 0.1 kg/s "minor" and > 10 kg/s "major"); it keeps a far-off
// candidate from "explaining" the readings with a 300 kg/s release.
import { goldenSectionMax } from '../search.ts';
import type { Observations } from './error-model.ts';
import { flowLnRate, flowLogLikelihood, type FlowTerm } from './flow-evidence.ts';

/** Rates searched, kg/s (1 g/s to 1 t/s, our choice: a pinhole to a line rupture). */
export const MIN_RATE_KGS = 1e-3;
export const MAX_RATE_KGS = 1e3;
/** Prior on ln q: median and standard deviation (see header). */
export const RATE_PRIOR_MEDIAN_KGS = 1;
export const RATE_PRIOR_LN_SD = Math.LN10;
/** Half-width of the golden-section bracket around the closed-form start, in ln q. */
const BRACKET_LN = 3;
/** Step of the scan of ln q (our choice: narrower than a factor of 2, so a peak of that width is not missed) and how far it widens at a time. */
const SCAN_STEP_LN = 0.5;
const SCAN_WIDEN = 4;
/** Golden-section steps between the scan's best point's neighbours: 1.0 in ln q shrinks to 0.618⁸ ≈ 0.02 (2 % in q). */
const GOLDEN_STEPS = 8;
/** Step of the finite-difference curvature, in ln q. */
const CURVATURE_STEP = 0.05;

/**
 * A prediction below this share of the reading's floor counts as none: the log-likelihood moves by at most
 * |∂ ln L/∂ ln(μ + d)| · μ/d, and that derivative is under 15 (r/σ over the instrument's log span, error-model.ts), so
 * by under 2·10⁻⁸ nats a reading — far below anything the ranking or the rate resolves — while the plume's far tails,
 * most of the predictions a rate search meets, skip two logarithms and an exponential each.
 */
const NEGLIGIBLE_SHARE_OF_FLOOR = 1e-9;

/** A fitted rate: posterior ln q (its mode) and its standard deviation, the log-likelihood there and the Laplace log evidence. */
export interface RateFit {
  lnRate: number;
  lnRateSd: number;
  logLik: number;
  logEvidence: number;
}

/**
 * Log-likelihood at ln q of the `active` observations, marginalised over the wind-direction offset group by group:
 * `groupEnd[g]` is the end (exclusive) of group g in `active` (the observations that share one offset: those whose air
 * left the source in the same wind bin, estimate-source.ts); `unit` holds the unit-rate predictions offset by offset
 * (offset o at o·n … o·n + n − 1, n = active.length), `lnW` the offsets' log weights (−Infinity: not used); plus `rest`.
 * Each group's marginal is tempered (error-model.ts). To evaluate at many rates, {@link rateTerms} once and
 * {@link termsLogLikelihood} at each.
 */
export function rateLogLikelihood(obs: Observations, active: Int32Array, groupEnd: Int32Array, unit: Float64Array, lnW: readonly number[], rest: number, lnQ: number): number {
  return termsLogLikelihood(obs, rateTerms(obs, active, groupEnd, unit, lnW), lnW, rest, lnQ);
}

/**
 * The likelihood's terms that change with q: per group and used offset, the observations predicted some gas (index and
 * unit-rate prediction); those predicted none add their zero-prediction log-likelihood whatever q is, summed once.
 * Most of a candidate's active observations are zero under most starts and offsets (before the cloud's front, off the
 * offset's axis): a rate search then sums only the rest.
 */
export interface RateTerms {
  groups: number;
  offsets: number;
  /** Σ of the zero-prediction log-likelihoods of group g under offset o, at g·offsets + o. */
  zeroSum: Float64Array;
  /** Group g under offset o has the entries from[g·offsets + o] … from[g·offsets + o + 1] − 1 of `obsIndex` and `unit`. */
  from: Int32Array;
  obsIndex: Int32Array;
  unit: Float64Array;
}

/** The {@link RateTerms} of the `active` observations in groups ending at `groupEnd` (as in {@link rateLogLikelihood}). */
export function rateTerms(obs: Observations, active: Int32Array, groupEnd: Int32Array, unit: Float64Array, lnW: readonly number[]): RateTerms {
  const n = active.length, offsets = lnW.length, groups = groupEnd.length;
  let count = 0;
  for (let o = 0; o < offsets; o++) if (lnW[o] !== -Infinity) for (let a = 0; a < n; a++) if (unit[o * n + a]! > 0) count++;
  const t: RateTerms = { groups, offsets, zeroSum: new Float64Array(groups * offsets), from: new Int32Array(groups * offsets + 1), obsIndex: new Int32Array(count), unit: new Float64Array(count) };
  let e = 0, first = 0;
  for (let g = 0; g < groups; g++) {
    const end = groupEnd[g]!;
    for (let o = 0; o < offsets; o++) {
      t.from[g * offsets + o] = e;
      if (lnW[o] === -Infinity) continue;
      let zero = 0;
      for (let a = first; a < end; a++) {
        const u = unit[o * n + a]!;
        if (u > 0) {
          t.obsIndex[e] = active[a]!;
          t.unit[e++] = u;
        } else zero += obs.zeroRaw[active[a]!]!;
      }
      t.zeroSum[g * offsets + o] = zero;
    }
    first = end;
  }
  t.from[groups * offsets] = e;
  return t;
}

/** {@link rateLogLikelihood} from its {@link rateTerms}. */
export function termsLogLikelihood(obs: Observations, t: RateTerms, lnW: readonly number[], rest: number, lnQ: number): number {
  const q = Math.exp(lnQ);
  const acc = new Float64Array(t.offsets);
  let s = rest;
  for (let g = 0; g < t.groups; g++) {
    let m = -Infinity;
    for (let o = 0; o < t.offsets; o++) {
      if (lnW[o] === -Infinity) {
        acc[o] = -Infinity;
        continue;
      }
      const i = g * t.offsets + o;
      let v = t.zeroSum[i]!;
      for (let e = t.from[i]!, end = t.from[i + 1]!; e < end; e++) {
        const k = t.obsIndex[e]!, mu = q * t.unit[e]!;
        v += mu < NEGLIGIBLE_SHARE_OF_FLOOR * obs.floor[k]! ? obs.zeroRaw[k]! : obs.rawLogLikelihood(k, mu);
      }
      acc[o] = lnW[o]! + v;
      if (acc[o]! > m) m = acc[o]!;
    }
    // Log-sum-exp over the offsets.
    let sum = 0;
    for (let o = 0; o < t.offsets; o++) if (acc[o]! > -Infinity) sum += Math.exp(acc[o]! - m);
    s += obs.em.kappa * (m + Math.log(sum));
  }
  return s;
}

/**
 * Closed-form ln q on the unsaturated bins that saw gas where the candidate predicts some (under its most
 * favourable offset): the median of
 * ln y − ln p (the ML estimate is their mean; the median keeps a stuck detector from dragging it off by
 * decades — Huber & Ronchetti 2009, Robust Statistics, §3.2); null when there are none.
 */
export function closedFormLnRate(obs: Observations, active: Int32Array, unit: Float64Array, lnW: readonly number[]): number | null {
  const logs: number[] = [];
  const n = active.length;
  for (let a = 0; a < n; a++) {
    const k = active[a]!;
    // The offset that predicts most there (the plume's axis may have passed over the detector).
    let p = 0;
    for (let o = 0; o < lnW.length; o++) if (lnW[o]! > -Infinity && unit[o * n + a]! > p) p = unit[o * n + a]!;
    if (p <= 0 || obs.saturated[k]) continue;
    const y = obs.value(k);
    if (y <= obs.floor[k]!) continue;
    logs.push(Math.log(y) - Math.log(p));
  }
  if (logs.length === 0) return null;
  logs.sort((x, y) => x - y);
  const m = logs.length >> 1;
  return logs.length % 2 ? logs[m]! : (logs[m - 1]! + logs[m]!) / 2;
}

/**
 * Fits q to the observations `active` (indices into `obs`, in offset groups ending at `groupEnd`) with unit-rate
 * predictions `unit` per offset (as in {@link rateLogLikelihood}); `rest` is the log-likelihood of every other observation (predicted 0);
 * `start` the closed-form ln q (null: search the whole prior range). The likelihood in ln q is a product of mixtures
 * over the offsets and can have several peaks (one offset puts the plume on a detector at one rate, another at
 * another): it is scanned first, every SCAN_STEP_LN over the bracket (widened while its best point is on the edge),
 * and only the best point's neighbourhood is refined by golden-section search.
 */
export function fitRate(obs: Observations, active: Int32Array, groupEnd: Int32Array, unit: Float64Array, lnW: readonly number[], rest: number, start: number | null, flow: FlowTerm | null = null): RateFit {
  const terms = rateTerms(obs, active, groupEnd, unit, lnW);
  const ll = (lnQ: number): number => termsLogLikelihood(obs, terms, lnW, rest, lnQ) + flowLogLikelihood(flow, lnQ) + lnRatePrior(lnQ);
  const lo0 = Math.log(MIN_RATE_KGS), hi0 = Math.log(MAX_RATE_KGS);
  let lo = start !== null ? Math.max(lo0, start - BRACKET_LN) : lo0;
  let hi = start !== null ? Math.min(hi0, start + BRACKET_LN) : hi0;
  // The flow's own rate (a metered line's transmitters: flow-evidence.ts) inside the scanned range too.
  const fromFlow = flowLnRate(flow);
  if (fromFlow !== null) [lo, hi] = [Math.max(lo0, Math.min(lo, fromFlow - 1)), Math.min(hi0, Math.max(hi, fromFlow + 1))];
  if (lo >= hi) lo = hi - 2 * BRACKET_LN;
  // Scan: the grid's best point, the grid widened while that point is on an edge of the searched range.
  const scan = new Map<number, number>();
  const at = (i: number) => {
    let v = scan.get(i);
    if (v === undefined) scan.set(i, (v = ll(lo + i * SCAN_STEP_LN)));
    return v;
  };
  let iMin = 0, iMax = Math.ceil((hi - lo) / SCAN_STEP_LN);
  let best = 0;
  for (;;) {
    for (let i = iMin; i <= iMax; i++) if (at(i) > at(best)) best = i;
    if (best === iMin && lo + (iMin - 1) * SCAN_STEP_LN >= lo0) iMin -= SCAN_WIDEN;
    else if (best === iMax && lo + (iMax + 1) * SCAN_STEP_LN <= hi0) iMax += SCAN_WIDEN;
    else break;
  }
  // Refine between the best point's neighbours.
  const { x: mode, value: f0 } = goldenSectionMax(ll, lo + (best - 1) * SCAN_STEP_LN, lo + (best + 1) * SCAN_STEP_LN, GOLDEN_STEPS);
  const curvature = -(ll(mode + CURVATURE_STEP) - 2 * f0 + ll(mode - CURVATURE_STEP)) / (CURVATURE_STEP * CURVATURE_STEP);
  return laplaceAtMode(mode, f0 - lnRatePrior(mode), curvature > 0 ? 1 / Math.sqrt(curvature) : widthFromScan(scan, best, f0));
}

/**
 * Width in ln q of a log posterior whose curvature at its mode is not negative (a kink of the outlier mixture): the
 * distance from the mode to the first scanned points either side half a nat below it (a normal's ±1 σ), at most the
 * prior's.
 */
function widthFromScan(scan: ReadonlyMap<number, number>, best: number, peakLl: number): number {
  let width = 0;
  for (const dir of [-1, 1]) {
    let i = best + dir;
    while (scan.has(i) && scan.get(i)! > peakLl - 0.5) i += dir;
    width += scan.has(i) ? Math.abs(i - best) * SCAN_STEP_LN : RATE_PRIOR_LN_SD;
  }
  return Math.min(RATE_PRIOR_LN_SD, width / 2);
}

/** Log density of the prior on ln q (header). */
export function lnRatePrior(lnQ: number): number {
  const t2 = RATE_PRIOR_LN_SD ** 2;
  return -0.5 * ((lnQ - Math.log(RATE_PRIOR_MEDIAN_KGS)) ** 2) / t2 - 0.5 * Math.log(2 * Math.PI * t2);
}

/** Evidence and posterior of ln q from the posterior's mode `mode`, the log-likelihood there and the posterior's width `sd` (header). */
export function laplaceAtMode(mode: number, logLikAtMode: number, sd: number): RateFit {
  const s = Math.min(RATE_PRIOR_LN_SD, sd);
  return { lnRate: mode, lnRateSd: s, logLik: logLikAtMode, logEvidence: logLikAtMode + lnRatePrior(mode) + 0.5 * Math.log(2 * Math.PI * s * s) };
}
