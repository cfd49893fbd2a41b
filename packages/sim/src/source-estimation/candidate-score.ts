// One candidate's evidence and release rate, each emission bin (the readings of the air that left
// the source in one wind bin) marginalised over the wind-direction offset it shares, the whole
// window over the release start (estimate-source.ts header). A passive plume is linear in the rate: the
// unit-rate predictions are computed once and q is fitted per (offset, start) (rate-fit.ts). A
// dense (Britter–McQuaid) cloud is not — its size, hand-over distance and hence the shape of the
// field change with the rate (plume-physics.md §6) and the likelihood can have several peaks in q
// — so it is evaluated exactly on a log grid of rates, the model resolved at each (a broad scan
// first, then every offset and start near its best), the peak refined by Brent's parabolic
// interpolation and its width taken from a parabola in ln q through the grid (the Laplace
// approximation again, MacKay 2003 ch. 27).
import type { Chemical } from '../chemicals/types.ts';
import { erf } from '../palazzi.ts';
import { binCentreMs, type TimeGrid, type WindBins } from './binning.ts';
import type { ErrorModel, Observations } from './error-model.ts';
import { flowLnRate, flowLogLikelihood, type FlowTerm } from './flow-evidence.ts';
import { predict, travelAtM, type CandidatePredictions, type ModelCache, type ObservationLayout } from './predictions.ts';
import {
  closedFormLnRate, fitRate, laplaceAtMode, lnRatePrior, MAX_RATE_KGS, MIN_RATE_KGS, RATE_PRIOR_LN_SD, rateLogLikelihood, type RateFit,
} from './rate-fit.ts';
import type { SourceCandidate, SourceDetector } from './types.ts';

/** A reading the candidate cannot bring above this share of its floor even at `ACTIVE_RATE_KGS` keeps its zero-prediction likelihood. */
const NEGLIGIBLE_SHARE_OF_FLOOR = 0.01;
const ACTIVE_RATE_KGS = 100;
/** Starts whose log-likelihood at the closed-form rate is this far below the best are not refined (e^−20 of the evidence). */
const COARSE_MARGIN_NATS = 20;
/** Dense candidates: rates tried per decade, and at most this many. */
const DENSE_STEPS_PER_DECADE = 5;
const DENSE_MAX_RATES = 24;
/** Broad scan of a dense candidate's rate, kg/s, every BROAD_STEP grid steps (our choice: the plausible range). */
const BROAD_MIN_RATE_KGS = 0.01;
const BROAD_MAX_RATE_KGS = 100;
const BROAD_STEP = 2;
/** Steps refining a dense candidate's rate inside the grid's bracket, and the bracket width (in ln q) that ends them (5 %). */
const DENSE_PEAK_STEPS = 6;
const DENSE_PEAK_TOLERANCE_LN = 0.05;
const INV_PHI = (Math.sqrt(5) - 1) / 2;
const SQRT2 = Math.SQRT2;

/** The data of one estimate, shared by the candidates. */
export interface Evidence {
  grid: TimeGrid;
  wind: WindBins;
  em: ErrorModel;
  layout: ObservationLayout;
  obs: Observations;
  zeroLl: Float64Array;
  totalZero: number;
  offsetsDeg: number[];
  lnOffsetWeights: number[];
  startsMs: (number | null)[];
  detectors: SourceDetector[];
  hit: boolean[];
  cache: ModelCache;
}

/** A candidate's evidence and its rate, marginalised over offsets (per emission bin) and starts. */
export interface CandidateScore {
  /** Predictions of the best fit (resolved at its rate for a dense cloud). */
  predictions: CandidatePredictions;
  active: Int32Array;
  logEvidence: number;
  lnRateMean: number;
  lnRateVar: number;
  bestStart: number;
  /** ln q of the best fit (the q its predictions are multiplied by). */
  bestLnRate: number;
}

/** One start: its unit-rate predictions on the active observations, offset by offset. */
interface Combo {
  start: number;
  unit: Float64Array;
}

/** The candidate's unit-rate predictions at `refRateKgS` under the offsets weighted by `lnW`, its active observations and the rest's likelihood. */
function setUp(ev: Evidence, c: SourceCandidate, chemical: Chemical, refRateKgS: number, lnW: readonly number[]) {
  const nObs = ev.obs.length;
  const offsetUsed = lnW.map((w) => w > -Infinity);
  const predictions = predict({ chemical, position: c.position, releaseHeightM: c.releaseHeightM, refRateKgS }, ev.layout, ev.grid, ev.wind, ev.offsetsDeg, ev.cache, offsetUsed);
  // Observations the candidate can reach under some offset; the rest keep their zero-prediction likelihood.
  const activeList: number[] = [];
  let rest = ev.totalZero;
  for (let k = 0; k < nObs; k++) {
    const negligible = (NEGLIGIBLE_SHARE_OF_FLOOR * ev.obs.floor[k]!) / ACTIVE_RATE_KGS;
    for (let off = 0; off < ev.offsetsDeg.length; off++) {
      if (predictions.steady[off * nObs + k]! > negligible) {
        activeList.push(k);
        rest -= ev.zeroLl[k]!;
        break;
      }
    }
  }
  // Observations sharing an offset (their air left the source in the same wind bin) next to each other.
  activeList.sort((x, y) => predictions.emissionBin[x]! - predictions.emissionBin[y]! || x - y);
  const ends: number[] = [];
  for (let a = 1; a <= activeList.length; a++) {
    if (a === activeList.length || predictions.emissionBin[activeList[a]!] !== predictions.emissionBin[activeList[a - 1]!]) ends.push(a);
  }
  const groupEnd = Int32Array.from(ends);
  const active = Int32Array.from(activeList);
  const n = active.length;
  const combos: Combo[] = ev.startsMs.map((startMs, start) => {
    const unit = new Float64Array(ev.offsetsDeg.length * n);
    for (let off = 0; off < ev.offsetsDeg.length; off++) if (offsetUsed[off]) unitPredictions(ev, predictions, active, off, startMs, unit.subarray(off * n, (off + 1) * n));
    return { start, unit };
  });
  return { predictions, active, groupEnd, rest, combos };
}

/** Log-sum-exp. */
function lse(xs: readonly number[]): number {
  const m = Math.max(...xs);
  return Number.isFinite(m) ? m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0)) : m;
}

/** Offset log weights of the screening pass: the stations' wind direction only. */
export function screeningWeights(ev: Evidence): number[] {
  return ev.offsetsDeg.map((o) => (o === 0 ? 0 : -Infinity));
}

/**
 * Refines a linearised score `first` (model resolved at 1 kg/s): again with the model resolved at the fitted
 * rate ('auto' may choose another model there); the exact rate scan when either resolved dense.
 */
export function refineRate(ev: Evidence, c: SourceCandidate, chemical: Chemical, first: CandidateScore, flow: FlowTerm | null = null): CandidateScore {
  if (!first.predictions.dense) {
    const second = scoreLinear(ev, c, chemical, roundRate(Math.exp(first.lnRateMean)), ev.lnOffsetWeights, flow);
    if (!second.predictions.dense) return second;
  }
  return scoreDense(ev, c, chemical, flow);
}

/**
 * Screening score: the stations' wind direction only, every start at its closed-form rate (no search; the likelihood
 * there is a lower bound of its maximum). Candidates far below the best are left with this score.
 */
export function screenLinear(ev: Evidence, c: SourceCandidate, chemical: Chemical, flow: FlowTerm | null = null): CandidateScore {
  const lnW = screeningWeights(ev);
  const { predictions, active, groupEnd, rest, combos } = setUp(ev, c, chemical, 1, lnW);
  const coarse = coarseFits(ev, active, groupEnd, rest, combos, lnW, flow);
  let best = coarse[0]!;
  for (const x of coarse) if (x.ll0 > best.ll0) best = x;
  const lnRate = best.lnQ0 ?? Math.log(MIN_RATE_KGS);
  const logEvidence = lse(coarse.map((x) => x.ll0)) - Math.log(ev.startsMs.length);
  return { predictions, active, logEvidence, lnRateMean: lnRate, lnRateVar: RATE_PRIOR_LN_SD ** 2, bestStart: best.start, bestLnRate: lnRate };
}

/**
 * Every start at its closed-form rate — the detectors' or, on a metered line, the flow's (flow-evidence.ts), whichever
 * explains both better: the rate and the log-likelihood there (the flow's included).
 */
function coarseFits(ev: Evidence, active: Int32Array, groupEnd: Int32Array, rest: number, combos: Combo[], lnW: readonly number[], flow: FlowTerm | null) {
  const fromFlow = flowLnRate(flow);
  return combos.map((x) => {
    let lnQ0 = closedFormLnRate(ev.obs, active, x.unit, lnW);
    const ll = (lnQ: number) => rateLogLikelihood(ev.obs, active, groupEnd, x.unit, lnW, rest, lnQ) + flowLogLikelihood(flow, lnQ);
    let ll0 = ll(lnQ0 ?? Math.log(MIN_RATE_KGS));
    if (fromFlow !== null && (lnQ0 === null || Math.abs(fromFlow - lnQ0) > 1e-9)) {
      const llFlow = ll(fromFlow);
      if (llFlow > ll0) [lnQ0, ll0] = [fromFlow, llFlow];
    }
    return { ...x, lnQ0, ll0 };
  });
}

/** Linear in q: fits q per start, coarse to fine, with the model resolved at `refRateKgS` and offsets weighted by `lnW`. */
export function scoreLinear(ev: Evidence, c: SourceCandidate, chemical: Chemical, refRateKgS: number, lnW: readonly number[] = ev.lnOffsetWeights, flow: FlowTerm | null = null): CandidateScore {
  const { predictions, active, groupEnd, rest, combos } = setUp(ev, c, chemical, refRateKgS, lnW);
  const lnStartWeight = -Math.log(ev.startsMs.length);
  // Coarse: every start at its closed-form rate; fine: the full fit for those within reach of the best.
  const coarse = coarseFits(ev, active, groupEnd, rest, combos, lnW, flow);
  const bestCoarse = Math.max(...coarse.map((x) => x.ll0));
  const fits: { lnW: number; fit: RateFit; start: number }[] = [];
  for (const x of coarse) {
    if (x.ll0 < bestCoarse - COARSE_MARGIN_NATS) continue;
    const fit = fitRate(ev.obs, active, groupEnd, x.unit, lnW, rest, x.lnQ0, flow);
    fits.push({ lnW: lnStartWeight + fit.logEvidence, fit, start: x.start });
  }
  const logEvidence = lse(fits.map((f) => f.lnW));
  let best = fits[0]!;
  for (const f of fits) if (f.lnW > best.lnW) best = f;
  // Report the rate of the most probable start; its spread includes the other starts' rates.
  let variance = 0;
  for (const f of fits) variance += Math.exp(f.lnW - logEvidence) * (f.fit.lnRateSd ** 2 + (f.fit.lnRate - best.fit.lnRate) ** 2);
  return { predictions, active, logEvidence, lnRateMean: best.fit.lnRate, lnRateVar: variance, bestStart: best.start, bestLnRate: best.fit.lnRate };
}

/** The exact likelihood at rate 10^(k/steps), marginalised over offsets and starts, with its best start. */
function denseAt(ev: Evidence, c: SourceCandidate, chemical: Chemical, k: number, lnW: readonly number[], flow: FlowTerm | null) {
  const rate = Math.pow(10, k / DENSE_STEPS_PER_DECADE);
  const { predictions, active, groupEnd, rest, combos } = setUp(ev, c, chemical, rate, lnW);
  const lnStartWeight = -Math.log(ev.startsMs.length);
  const lnRate = Math.log(rate);
  const terms = combos.map((x) => lnStartWeight + rateLogLikelihood(ev.obs, active, groupEnd, x.unit, lnW, rest, lnRate));
  let best = 0;
  for (let i = 1; i < terms.length; i++) if (terms[i]! > terms[best]!) best = i;
  const logLik = lse(terms) + flowLogLikelihood(flow, lnRate);
  return { k, lnRate, logLik, logPost: logLik + lnRatePrior(lnRate), predictions, active, best: combos[best]! };
}

/**
 * Dense: a broad scan of ln q (0.01–100 kg/s, 2.5 rates a decade) along the stations' wind, then every
 * offset on the fine grid around its best rate while the peak sits on the fine grid's edge; then the peak between the
 * best grid rate's neighbours (Brent's parabolic interpolation with golden-section safeguard). Each step compares the
 * log posterior (likelihood × the rate's prior), as the linear fit does (rate-fit.ts header).
 */
function scoreDense(ev: Evidence, c: SourceCandidate, chemical: Chemical, flow: FlowTerm | null): CandidateScore {
  const toK = (rateKgS: number) => Math.round(Math.log10(rateKgS) * DENSE_STEPS_PER_DECADE);
  const kMin = toK(MIN_RATE_KGS), kMax = toK(MAX_RATE_KGS);
  const screen = screeningWeights(ev);
  let k0 = 0, best0 = -Infinity;
  for (let k = toK(BROAD_MIN_RATE_KGS); k <= toK(BROAD_MAX_RATE_KGS); k += BROAD_STEP) {
    const p = denseAt(ev, c, chemical, k, screen, flow);
    if (p.logPost > best0) [k0, best0] = [k, p.logPost];
  }
  const points = new Map<number, ReturnType<typeof denseAt>>();
  const at = (k: number) => {
    let p = points.get(k);
    if (!p) points.set(k, (p = denseAt(ev, c, chemical, k, ev.lnOffsetWeights, flow)));
    return p;
  };
  let lo = k0 - 1, hi = k0 + 1;
  for (let k = lo; k <= hi; k++) at(k);
  // Extend the grid while the peak sits on its edge.
  for (;;) {
    const best = [...points.values()].reduce((a, b) => (b.logPost > a.logPost ? b : a));
    if (points.size >= DENSE_MAX_RATES) break;
    if (best.k === lo && lo > kMin) at(--lo);
    else if (best.k === hi && hi < kMax) at(++hi);
    else break;
  }
  const grid = [...points.values()].reduce((a, b) => (b.logPost > a.logPost ? b : a));
  const h = Math.LN10 / DENSE_STEPS_PER_DECADE;
  const left = points.get(grid.k - 1), right = points.get(grid.k + 1);
  // Width from the parabola through the grid's best rate and its neighbours; the peak inside that bracket by
  // parabolic interpolation safeguarded by golden section (Brent 1973, Algorithms for Minimization without Derivatives, ch. 5).
  let sd = h;
  if (left && right) {
    const curvature = (left.logPost - 2 * grid.logPost + right.logPost) / (h * h);
    if (curvature < 0) sd = 1 / Math.sqrt(-curvature);
  }
  let best = grid;
  if (left && right) {
    // Brent's rule: the parabola's vertex when it falls well inside the bracket, else the golden-section point of its larger side.
    let [a, b, d] = [left, grid, right];
    for (let i = 0; i < DENSE_PEAK_STEPS && d.lnRate - a.lnRate > DENSE_PEAK_TOLERANCE_LN; i++) {
      const num = (b.lnRate - a.lnRate) ** 2 * (b.logPost - d.logPost) - (b.lnRate - d.lnRate) ** 2 * (b.logPost - a.logPost);
      const den = (b.lnRate - a.lnRate) * (b.logPost - d.logPost) - (b.lnRate - d.lnRate) * (b.logPost - a.logPost);
      const vertex = den !== 0 ? b.lnRate - (0.5 * num) / den : NaN;
      const margin = 0.1 * (d.lnRate - a.lnRate);
      const golden = b.lnRate - a.lnRate > d.lnRate - b.lnRate ? b.lnRate - (1 - INV_PHI) * (b.lnRate - a.lnRate) : b.lnRate + (1 - INV_PHI) * (d.lnRate - b.lnRate);
      const x = vertex > a.lnRate + margin && vertex < d.lnRate - margin && Math.abs(vertex - b.lnRate) > DENSE_PEAK_TOLERANCE_LN / 2 ? vertex : golden;
      const p = denseAt(ev, c, chemical, x / h, ev.lnOffsetWeights, flow);
      if (p.logPost > b.logPost) [a, b, d] = x < b.lnRate ? [a, p, b] : [b, p, d];
      else [a, b, d] = x < b.lnRate ? [p, b, d] : [a, b, p];
    }
    best = b;
  }
  const fit = laplaceAtMode(best.lnRate, best.logLik, sd);
  return {
    predictions: best.predictions,
    active: best.active,
    logEvidence: fit.logEvidence,
    lnRateMean: fit.lnRate,
    lnRateVar: fit.lnRateSd ** 2,
    bestStart: best.best.start,
    bestLnRate: best.lnRate,
  };
}

/** Unit-rate predictions of the `active` observations under offset `off` for a start at `startMs` (null: steady). */
export function unitPredictions(ev: Evidence, p: CandidatePredictions, active: Int32Array, off: number, startMs: number | null, out: Float64Array): void {
  const nObs = ev.obs.length;
  const travelAtStartM = startMs === null ? 0 : travelAtM(p, ev.wind, startMs);
  for (let a = 0; a < active.length; a++) {
    const k = active[a]!;
    const idx = off * nObs + k;
    const steady = p.steady[idx]!;
    if (startMs === null || steady === 0) {
      out[a] = steady;
      continue;
    }
    const tMs = binCentreMs(ev.grid, ev.layout.bin[k]!);
    if (tMs <= startMs) {
      out[a] = 0;
      continue;
    }
    // A dense cloud no farther upwind or across than its gravity current has spread; then the Palazzi front factor, the
    // front carried by each bin's wind since the start (predictions.ts header).
    if ((tMs - startMs) / 1000 < p.gravityArrivalS[idx]!) {
      out[a] = 0;
      continue;
    }
    const frontM = travelAtM(p, ev.wind, tMs) - travelAtStartM;
    out[a] = steady * 0.5 * (1 - erf((p.downwindM[idx]! - frontM) / (SQRT2 * p.sigmaXM[idx]!)));
  }
}

/** Rates a dense model is re-resolved at: 8 steps a decade, so candidates share models. */
function roundRate(rateKgS: number): number {
  return Math.pow(10, Math.round(Math.log10(rateKgS) * 8) / 8);
}
