// 1-D searches: along the downwind axis, the farthest threshold crossing and the maximum (plume-physics.md §10);
// the maximum of a unimodal function on a bracket (golden section).

/** Options of the geometric scan: from xMinM to xMaxM in steps of ratio stepRatio (0.1 % by default, as in §10). */
export interface ScanOptions {
  xMinM?: number;
  xMaxM?: number;
  stepRatio?: number;
}

const DEFAULTS = { xMinM: 1, xMaxM: 100_000, stepRatio: 1.001 };

/**
 * Farthest x where f(x) ≥ threshold: scan a geometric grid, then bisect the last up-crossing (§10: C(x)
 * is not monotone for elevated sources, report the farthest crossing). Returns 0 when f never reaches
 * the threshold on the grid, and xMaxM (with reachedLimit) when it is still above it there.
 */
export function farthestCrossingM(f: (xM: number) => number, threshold: number, options: ScanOptions = {}): { distanceM: number; reachedLimit: boolean } {
  const { xMinM, xMaxM, stepRatio } = { ...DEFAULTS, ...options };
  let lastAbove = -1;
  let x = xMinM;
  let xAbove = xMinM;
  for (let i = 0; x <= xMaxM; i++, x *= stepRatio) {
    if (f(x) >= threshold) {
      lastAbove = i;
      xAbove = x;
    }
  }
  if (lastAbove < 0) return { distanceM: 0, reachedLimit: false };
  if (xAbove * stepRatio > xMaxM) return { distanceM: xMaxM, reachedLimit: true };
  let lo = xAbove;
  let hi = xAbove * stepRatio;
  for (let k = 0; k < 60 && hi - lo > 1e-9 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) >= threshold) lo = mid;
    else hi = mid;
  }
  return { distanceM: lo, reachedLimit: false };
}

/** Maximum of f on a geometric grid, refined by golden-section search around the best grid point. */
export function maximumAlongM(f: (xM: number) => number, options: ScanOptions = {}): { xM: number; value: number } {
  const { xMinM, xMaxM, stepRatio } = { ...DEFAULTS, ...options };
  let bestX = xMinM;
  let best = -Infinity;
  for (let x = xMinM; x <= xMaxM; x *= stepRatio) {
    const v = f(x);
    if (v > best) {
      best = v;
      bestX = x;
    }
  }
  let a = bestX / stepRatio;
  let b = Math.min(bestX * stepRatio, xMaxM);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80 && b - a > 1e-10 * b; k++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) >= f(d)) b = d;
    else a = c;
  }
  const xM = 0.5 * (a + b);
  const value = f(xM);
  return value >= best ? { xM, value } : { xM: bestX, value: best };
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Maximum of a unimodal `f` on [lo, hi] by golden-section search (Kiefer 1953; Press et al., Numerical Recipes 3rd ed.
 * §10.2): `steps` shrinkings of the bracket by 0.618, one new evaluation each; the better of the last two points.
 */
export function goldenSectionMax(f: (x: number) => number, lo: number, hi: number, steps: number): { x: number; value: number } {
  let a = hi - INV_PHI * (hi - lo), b = lo + INV_PHI * (hi - lo);
  let fa = f(a), fb = f(b);
  for (let k = 0; k < steps; k++) {
    if (fa >= fb) {
      hi = b; b = a; fb = fa;
      a = hi - INV_PHI * (hi - lo); fa = f(a);
    } else {
      lo = a; a = b; fa = fb;
      b = lo + INV_PHI * (hi - lo); fb = f(b);
    }
  }
  return fa >= fb ? { x: a, value: fa } : { x: b, value: fb };
}
