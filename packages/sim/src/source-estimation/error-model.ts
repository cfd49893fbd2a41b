// The error model of a binned detector reading given a predicted concentration: log-normal
// about the prediction with a floor, mixed with a broad outlier density, censored at the top of
// the range. Sources and choices:
// - Log space with an additive floor d: ln((y + d)/(μ + d)) — concentration errors of dispersion
//   models are multiplicative (model skill is judged on the ratio, "FAC2": Chang & Hanna 2004,
//   Meteorol. Atmos. Phys. 87, 167–196); the floor keeps a zero reading and a zero prediction
//   finite and makes "nothing seen where the plume should be" cost ln((μ + d)/d).
// - σ = 0.8 in ln units (our choice): a good Gaussian-plume model is within a factor of 2 of
//   observations about half the time (Chang & Hanna 2004, FAC2 ≈ 0.5 → σ ≈ ln 2 / 0.67 ≈ 1.0
//   for paired-in-time data; 10-s averages of a steady release a little better), plus the 10 %
//   sensor noise.
// - Mixture with an outlier share ε (our choice 0.1) and a flat density 1/W over the log span W
//   of the instrument (Hogg, Bovy & Lang 2010, "Data analysis recipes: fitting a model to data",
//   arXiv:1008.4686, §5 mixture model for outliers): a stuck, silent or drifting detector costs at
//   most ln(ε/W) per bin, so it cannot outvote the others.
// - Readings at the top of the range are right-censored: P(y ≥ b) = Φ((ln(μ+d) − ln(b+d))/σ), b the
//   top, or a lower bound below it (a bin of clipped and clean seconds: clipped-bin.ts) (Tobit
//   likelihood, Tobin 1958, Econometrica 26, 24–36).
// - Bins are correlated in time (meander, τ ≈ 30 s); each emission bin's marginal log-likelihood
//   (rate-fit.ts) is tempered by κ = min(1, bin/τ) (a power likelihood: Holmes & Walker 2017,
//   Biometrika 104, 497–503), so a
//   5-min window counts as ~10 independent looks per detector, not 30.
import { normalCdf } from '../palazzi.ts';

/** Default σ of ln(observed/predicted), see header. */
export const DEFAULT_LOG_SIGMA = 0.8;
/** Default outlier share per bin, see header. */
export const DEFAULT_OUTLIER_FRACTION = 0.1;
/** Correlation time of the errors, ms (the simulator's and a typical site's meander time scale, our choice). */
export const ERROR_CORRELATION_MS = 30_000;
/** Log span of an instrument without a stated range (4 decades above its floor). */
const DEFAULT_LOG_SPAN = Math.log(1e4);
/** A reading within this share of the range top counts as saturated. */
export const SATURATION_SHARE = 0.98;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** The error model's constants for one estimate. */
export interface ErrorModel {
  sigma: number;
  /** ln(1 − ε) − ln σ − ln √(2π): log of the good part's peak density. */
  lnGood: number;
  /** 1 − ε. */
  good: number;
  epsilon: number;
  /** Tempering of every bin. */
  kappa: number;
}

/** The constants of the error model for `sigma`, outlier share `epsilon` and bins of `binMs`. */
export function errorModel(sigma: number, epsilon: number, binMs: number): ErrorModel {
  return { sigma, epsilon, good: 1 - epsilon, lnGood: Math.log(1 - epsilon) - Math.log(sigma) - LN_SQRT_2PI, kappa: Math.min(1, binMs / ERROR_CORRELATION_MS) };
}

/** Binned readings as typed arrays: ln(value + floor), floor, censoring flag, ln(bound + floor) (the top, or a censored bin's own value), ln(ε/W). */
export class Observations {
  readonly valueLn: Float64Array;
  readonly floor: Float64Array;
  readonly saturated: Uint8Array;
  readonly satLn: Float64Array;
  readonly lnOutlier: Float64Array;
  /** Untempered log-likelihood of each observation when nothing is predicted (the commonest case off the plume: kept, not recomputed). */
  readonly zeroRaw: Float64Array;

  constructor(readonly length: number, readonly em: ErrorModel) {
    this.valueLn = new Float64Array(length);
    this.floor = new Float64Array(length);
    this.saturated = new Uint8Array(length);
    this.satLn = new Float64Array(length);
    this.lnOutlier = new Float64Array(length);
    this.zeroRaw = new Float64Array(length);
  }

  /**
   * Sets observation `k`: a binned `value` of a detector with `floor` and range top `saturation`; `censored`: the value
   * is only a lower bound (most readings of the bin at the top: clipped-bin.ts; by default, a value within SATURATION_SHARE of it).
   */
  set(k: number, value: number, floor: number, saturation: number | undefined, censored?: boolean): void {
    const sat = saturation ?? Infinity;
    const finite = Number.isFinite(sat);
    const span = finite ? Math.max(1, Math.log((sat + floor) / floor)) : DEFAULT_LOG_SPAN;
    this.valueLn[k] = Math.log(Math.max(0, value) + floor);
    this.floor[k] = floor;
    this.saturated[k] = finite && (censored ?? value >= SATURATION_SHARE * sat) ? 1 : 0;
    // The bound a censored bin gives: its value (a bin of clipped and clean seconds is bounded by its plain mean, the
    // clipped ones at the top: clipped-bin.ts), at most the top.
    this.satLn[k] = finite ? Math.log(Math.min(Math.max(0, value), SATURATION_SHARE * sat) + floor) : Infinity;
    this.lnOutlier[k] = Math.log(this.em.epsilon / span);
    this.zeroRaw[k] = this.rawLogLikelihood(k, 0);
  }

  /** The binned value of observation `k`, in its detector's unit. */
  value(k: number): number {
    return Math.exp(this.valueLn[k]!) - this.floor[k]!;
  }

  /** Untempered log-likelihood of observation `k` when the model predicts `mu` (detector units). */
  rawLogLikelihood(k: number, mu: number): number {
    const em = this.em;
    const lnMu = Math.log(mu + this.floor[k]!);
    let lnGood: number;
    if (this.saturated[k]) {
      // Right-censored: P(reading ≥ top) under the log-normal part.
      const z = (lnMu - this.satLn[k]!) / em.sigma;
      lnGood = Math.log(em.good * normalCdf(z) + 1e-300);
    } else {
      const r = (this.valueLn[k]! - lnMu) / em.sigma;
      lnGood = em.lnGood - 0.5 * r * r;
    }
    // log(e^a + e^b), stable.
    const b = this.lnOutlier[k]!;
    return lnGood > b ? lnGood + Math.log1p(Math.exp(b - lnGood)) : b + Math.log1p(Math.exp(lnGood - b));
  }
}

/**
 * Five-point Gauss–Hermite rule for a standard normal (probabilists' nodes and weights,
 * Abramowitz & Stegun 1964, Table 25.10, rescaled to N(0, 1)): ∫ f(x) φ(x) dx ≈ Σ wᵢ f(xᵢ),
 * exact for polynomials up to degree 9. Used to marginalise each bin over the wind-direction offset.
 */
export const GAUSS_HERMITE_5: readonly { node: number; weight: number }[] = [
  { node: -2.856970013872806, weight: 0.011257411327720691 },
  { node: -1.355626179974266, weight: 0.22207592200561266 },
  { node: 0, weight: 0.5333333333333333 },
  { node: 1.355626179974266, weight: 0.22207592200561266 },
  { node: 2.856970013872806, weight: 0.011257411327720691 },
];

/** Three-point Gauss–Hermite rule for a standard normal (nodes 0, ±√3; weights 2/3, 1/6; same source), exact up to degree 5. */
export const GAUSS_HERMITE_3: readonly { node: number; weight: number }[] = [
  { node: -Math.sqrt(3), weight: 1 / 6 },
  { node: 0, weight: 2 / 3 },
  { node: Math.sqrt(3), weight: 1 / 6 },
];
