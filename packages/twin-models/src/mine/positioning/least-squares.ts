// Weighted nonlinear least squares for UWB ranges (Levenberg–Marquardt with Huber IRLS).
// The position is an affine map of at most three parameters, p = origin + Σ θ_k · axis_k: the
// free 3D fix (axes = east, north, up) and the fix on one roadway (axes = along, across, up
// the roadway) share this one solver. Pure: no I/O, no randomness.

/** A point or direction in local east/north/up metres, as [east, north, up]. */
export type Vec3 = readonly [number, number, number];

/** One range measurement: the anchor's position, the measured range and its standard deviation. */
export interface RangeObservation {
  anchor: Vec3;
  rangeM: number;
  sigmaM: number;
}

/** How the parameters map to a position, with optional Gaussian priors and box bounds per parameter. */
export interface AffineModel {
  origin: Vec3;
  /** One direction per parameter (1 to 3). */
  axes: readonly Vec3[];
  /** Prior mean and standard deviation per parameter; σ = Infinity: no prior. */
  priorMean?: readonly number[];
  priorSigma?: readonly number[];
  lower?: readonly number[];
  upper?: readonly number[];
}

/** Tunables of {@link fitRanges}. */
export interface FitOptions {
  /**
   * Huber threshold in standard deviations; residuals beyond it get weight k/|u| (iteratively
   * reweighted). 1.345 gives 95 % efficiency under Gaussian noise (Huber, Robust Statistics,
   * 1981, §4.6). Infinity: plain least squares. @defaultValue 1.345
   */
  huberK?: number;
  /** Most Levenberg–Marquardt iterations. @defaultValue 30 */
  maxIterations?: number;
}

/** Result of a fit. */
export interface RangeFit {
  theta: number[];
  position: Vec3;
  /** Residuals measured − predicted range, m, per observation (positive: measured too long, as NLOS makes it). */
  residualsM: number[];
  /** Σ (residual/σ)² over the observations, unweighted (the χ² test statistic). */
  chi2: number;
  /** The minimised robust cost: Huber loss of the ranges plus the prior terms. */
  cost: number;
  /** Parameter covariance (JᵀWJ + priors)⁻¹, row-major n×n; entries are Infinity where a parameter is unobservable. */
  covariance: number[];
}

const DEFAULT_HUBER_K = 1.345;

/** Huber loss ρ(u) (½u² inside ±k, k|u| − ½k² outside), doubled to match the u² scale. */
function huberLoss(u: number, k: number): number {
  const a = Math.abs(u);
  return a <= k ? u * u : 2 * k * a - k * k;
}

/** Position of the parameters `theta`. */
function positionOf(model: AffineModel, theta: readonly number[]): [number, number, number] {
  const p: [number, number, number] = [model.origin[0], model.origin[1], model.origin[2]];
  for (let k = 0; k < theta.length; k++) {
    const ax = model.axes[k]!;
    p[0] += theta[k]! * ax[0];
    p[1] += theta[k]! * ax[1];
    p[2] += theta[k]! * ax[2];
  }
  return p;
}

/** Clamps each parameter into its bounds. */
function clampInto(model: AffineModel, theta: number[]): void {
  for (let k = 0; k < theta.length; k++) {
    const lo = model.lower?.[k] ?? -Infinity, hi = model.upper?.[k] ?? Infinity;
    theta[k] = Math.min(hi, Math.max(lo, theta[k]!));
  }
}

/**
 * Solves A x = b for a small symmetric system by Gaussian elimination with partial pivoting.
 * Returns null when A is singular.
 */
export function solveSmall(a: readonly number[], b: readonly number[], n: number): number[] | null {
  const m = a.slice();
  const x = b.slice();
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]!) > Math.abs(m[piv * n + col]!)) piv = r;
    if (Math.abs(m[piv * n + col]!) < 1e-14) return null;
    if (piv !== col) {
      for (let c = 0; c < n; c++) [m[col * n + c], m[piv * n + c]] = [m[piv * n + c]!, m[col * n + c]!];
      [x[col], x[piv]] = [x[piv]!, x[col]!];
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col]! / m[col * n + col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c] = m[r * n + c]! - f * m[col * n + c]!;
      x[r] = x[r]! - f * x[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let c = r + 1; c < n; c++) s -= m[r * n + c]! * x[c]!;
    x[r] = s / m[r * n + r]!;
  }
  return x;
}

/** Inverse of a small symmetric matrix, column by column; Infinity on the diagonal where singular. */
function inverseSmall(a: readonly number[], n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let c = 0; c < n; c++) {
    const e = new Array<number>(n).fill(0);
    e[c] = 1;
    const col = solveSmall(a, e, n);
    for (let r = 0; r < n; r++) out[r * n + c] = col ? col[r]! : r === c ? Infinity : 0;
  }
  return out;
}

interface Linearised {
  /** JᵀWJ + prior information, n×n. */
  normal: number[];
  /** Jᵀ W f (gradient of ½ cost), n. */
  gradient: number[];
  cost: number;
  chi2: number;
  residualsM: number[];
}

/**
 * Linearises the robust cost at `theta`. Range residual e = r − |p − a|; its derivative with
 * respect to θ_k is −(p − a)/|p − a| · axis_k. Huber weights w = min(1, k/|e/σ|) (IRLS).
 */
function linearise(obs: readonly RangeObservation[], model: AffineModel, theta: readonly number[], k: number): Linearised {
  const n = theta.length;
  const p = positionOf(model, theta);
  const normal = new Array<number>(n * n).fill(0);
  const gradient = new Array<number>(n).fill(0);
  const residualsM: number[] = [];
  let cost = 0, chi2 = 0;
  const jac = new Array<number>(n);
  for (const o of obs) {
    const dx = p[0] - o.anchor[0], dy = p[1] - o.anchor[1], dz = p[2] - o.anchor[2];
    const d = Math.hypot(dx, dy, dz);
    const e = o.rangeM - d;
    residualsM.push(e);
    const u = e / o.sigmaM;
    chi2 += u * u;
    cost += huberLoss(u, k);
    const w = Math.abs(u) <= k ? 1 : k / Math.abs(u);
    const inv = d > 1e-9 ? 1 / d : 0;
    for (let c = 0; c < n; c++) {
      const ax = model.axes[c]!;
      // ∂f/∂θ for f = e/σ: −(unit vector · axis)/σ.
      jac[c] = (-(dx * ax[0] + dy * ax[1] + dz * ax[2]) * inv) / o.sigmaM;
    }
    for (let r = 0; r < n; r++) {
      gradient[r] = gradient[r]! + w * jac[r]! * u;
      for (let c = 0; c < n; c++) normal[r * n + c] = normal[r * n + c]! + w * jac[r]! * jac[c]!;
    }
  }
  for (let c = 0; c < n; c++) {
    const s = model.priorSigma?.[c] ?? Infinity;
    if (!Number.isFinite(s)) continue;
    const u = (theta[c]! - (model.priorMean?.[c] ?? 0)) / s;
    cost += u * u;
    gradient[c] = gradient[c]! + u / s;
    normal[c * n + c] = normal[c * n + c]! + 1 / (s * s);
  }
  return { normal, gradient, cost, chi2, residualsM };
}

/**
 * Fits the parameters of `model` to the ranges: Levenberg–Marquardt on the Huber-weighted cost
 * (Marquardt 1963; Nocedal & Wright, Numerical Optimization, 2nd ed., §10.3), bounds enforced by
 * clamping each step. `theta0` is the start; the nearest local minimum is returned.
 */
export function fitRanges(obs: readonly RangeObservation[], model: AffineModel, theta0: readonly number[], options: FitOptions = {}): RangeFit {
  const k = options.huberK ?? DEFAULT_HUBER_K;
  const maxIterations = options.maxIterations ?? 30;
  const n = theta0.length;
  let theta = theta0.slice();
  clampInto(model, theta);
  let lin = linearise(obs, model, theta, k);
  let lambda = 1e-3;
  for (let it = 0; it < maxIterations; it++) {
    const damped = lin.normal.slice();
    for (let c = 0; c < n; c++) damped[c * n + c] = damped[c * n + c]! * (1 + lambda) + lambda * 1e-3 + 1e-12;
    const step = solveSmall(damped, lin.gradient.map((g) => -g), n);
    if (!step) {
      lambda *= 10;
      continue;
    }
    const next = theta.map((t, c) => t + step[c]!);
    clampInto(model, next);
    const moved = Math.hypot(...next.map((t, c) => t - theta[c]!));
    const trial = linearise(obs, model, next, k);
    if (trial.cost <= lin.cost) {
      theta = next;
      lin = trial;
      lambda = Math.max(1e-9, lambda / 3);
      if (moved < 1e-5) break;
    } else {
      lambda *= 5;
      if (lambda > 1e8) break;
    }
  }
  return {
    theta,
    position: positionOf(model, theta),
    residualsM: lin.residualsM,
    chi2: lin.chi2,
    cost: lin.cost,
    covariance: inverseSmall(lin.normal, n),
  };
}
