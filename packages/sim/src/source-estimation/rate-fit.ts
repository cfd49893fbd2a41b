// The release rate q of one candidate for one wind offset and start time. The prediction is
// linear in q (μ = q·p, p the unit-rate prediction), so with log-normal errors on the hit bins the
// maximum-likelihood ln q has the closed form mean(ln y − ln p) (the ML estimate of a log-normal
// location: Aitchison & Brown 1957, The Lognormal Distribution, §5.2); we take the median (robust
// to a stuck detector). That is the start; the
// full robust likelihood (floors, non-hits, outliers, censoring; error-model.ts) is then
// maximised over ln q by golden-section search (Kiefer 1953; Press et al., Numerical Recipes 3rd
// ed. §10.2) around it, and the curvature at the maximum gives the Laplace approximation of the
// evidence (MacKay 2003, Information Theory, Inference and Learning Algorithms, ch. 27): with
// L(ln q) ≈ L̂·exp(−(ln q − m)²/2s²), s = (−ℓ'')^(−½), and a normal prior N(μ, τ²) on ln q,
//   ∫ L π d ln q = L̂ · √(2π)·s · N(m; μ, s² + τ²),
// and the posterior of ln q is normal with mean (m τ² + μ s²)/(s² + τ²) and variance s²τ²/(s² + τ²).
// Prior (our choice): median 1 kg/s, τ = one decade — process leaks span ~0.01–100 kg/s (the HSE's
// offshore release statistics call < 0.1 kg/s "minor" and > 10 kg/s "major"); it keeps a far-off
// candidate from "explaining" the readings with a 300 kg/s release.
import type { Observations } from './error-model.ts';

/** Rates searched, kg/s (1 g/s to 1 t/s, our choice: a pinhole to a line rupture). */
export const MIN_RATE_KGS = 1e-3;
export const MAX_RATE_KGS = 1e3;
/** Prior on ln q: median and standard deviation (see header). */
export const RATE_PRIOR_MEDIAN_KGS = 1;
export const RATE_PRIOR_LN_SD = Math.LN10;
/** Largest likelihood width in ln q (a likelihood that does not constrain q). */
const MAX_LIKELIHOOD_SD = 100;
/** Half-width of the golden-section bracket around the closed-form start, in ln q. */
const BRACKET_LN = 3;
/** Golden-section steps: the bracket (6 in ln q) shrinks to 6·0.618¹⁰ ≈ 0.05 (5 % in q, well inside any rate's uncertainty). */
const GOLDEN_STEPS = 10;
const INV_PHI = (Math.sqrt(5) - 1) / 2;
/** Step of the finite-difference curvature, in ln q. */
const CURVATURE_STEP = 0.05;

/** A fitted rate: posterior ln q and its standard deviation, the maximised log-likelihood and the Laplace log evidence. */
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
 * Each group's marginal is tempered (error-model.ts).
 */
export function rateLogLikelihood(obs: Observations, active: Int32Array, groupEnd: Int32Array, unit: Float64Array, lnW: readonly number[], rest: number, lnQ: number): number {
  const q = Math.exp(lnQ);
  const n = active.length, nOff = lnW.length;
  const acc = new Float64Array(nOff);
  let s = rest;
  let a = 0;
  for (let g = 0; g < groupEnd.length; g++) {
    const end = groupEnd[g]!;
    acc.fill(0);
    for (; a < end; a++) {
      const k = active[a]!;
      for (let o = 0; o < nOff; o++) if (lnW[o]! > -Infinity) acc[o]! += obs.rawLogLikelihood(k, q * unit[o * n + a]!);
    }
    // Log-sum-exp over the offsets.
    let m = -Infinity;
    for (let o = 0; o < nOff; o++) if (lnW[o]! + acc[o]! > m) m = lnW[o]! + acc[o]!;
    let sum = 0;
    for (let o = 0; o < nOff; o++) if (lnW[o]! > -Infinity) sum += Math.exp(lnW[o]! + acc[o]! - m);
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
 * `start` the closed-form ln q (null: search the whole prior range).
 */
export function fitRate(obs: Observations, active: Int32Array, groupEnd: Int32Array, unit: Float64Array, lnW: readonly number[], rest: number, start: number | null): RateFit {
  const ll = (lnQ: number): number => rateLogLikelihood(obs, active, groupEnd, unit, lnW, rest, lnQ);
  const lo0 = Math.log(MIN_RATE_KGS), hi0 = Math.log(MAX_RATE_KGS);
  let lo = start !== null ? Math.max(lo0, start - BRACKET_LN) : lo0;
  let hi = start !== null ? Math.min(hi0, start + BRACKET_LN) : hi0;
  if (lo >= hi) lo = hi - 2 * BRACKET_LN;
  let a = hi - INV_PHI * (hi - lo), b = lo + INV_PHI * (hi - lo);
  let fa = ll(a), fb = ll(b);
  for (let k = 0; k < GOLDEN_STEPS; k++) {
    if (fa >= fb) {
      hi = b; b = a; fb = fa;
      a = hi - INV_PHI * (hi - lo); fa = ll(a);
    } else {
      lo = a; a = b; fa = fb;
      b = lo + INV_PHI * (hi - lo); fb = ll(b);
    }
  }
  const peak = fa >= fb ? a : b;
  const f0 = Math.max(fa, fb);
  const curvature = -(ll(peak + CURVATURE_STEP) - 2 * f0 + ll(peak - CURVATURE_STEP)) / (CURVATURE_STEP * CURVATURE_STEP);
  return laplace(peak, f0, curvature > 0 ? 1 / Math.sqrt(curvature) : MAX_LIKELIHOOD_SD);
}

/** Evidence and posterior of ln q for a likelihood peaking at `peak` with log value `logPeak` and width `sd` (header). */
export function laplace(peak: number, logPeak: number, sd: number): RateFit {
  const s2 = Math.min(MAX_LIKELIHOOD_SD, sd) ** 2, t2 = RATE_PRIOR_LN_SD ** 2, mu = Math.log(RATE_PRIOR_MEDIAN_KGS);
  const v = s2 + t2;
  const logNormal = -0.5 * ((peak - mu) ** 2) / v - 0.5 * Math.log(2 * Math.PI * v);
  return {
    lnRate: (peak * t2 + mu * s2) / v,
    lnRateSd: Math.sqrt((s2 * t2) / v),
    logLik: logPeak,
    logEvidence: logPeak + 0.5 * Math.log(2 * Math.PI * s2) + logNormal,
  };
}
