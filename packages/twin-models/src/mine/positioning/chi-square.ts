// Upper quantiles of the χ² distribution for the residual test of a range fit.

/** χ² quantiles at 0.99 for 1…10 degrees of freedom (Abramowitz & Stegun, Handbook of Mathematical Functions, table 26.8). */
const CHI2_099 = [6.635, 9.21, 11.345, 13.277, 15.086, 16.812, 18.475, 20.09, 21.666, 23.209];
/** Standard normal quantile at 0.99. */
const Z_099 = 2.3263;

/**
 * The 0.99 quantile of χ² with `dof` degrees of freedom: the table up to 10, the Wilson–Hilferty
 * cube-root approximation beyond (Wilson & Hilferty 1931; error < 0.5 % there).
 */
export function chiSquare99(dof: number): number {
  if (dof < 1) return Infinity;
  if (dof <= CHI2_099.length) return CHI2_099[dof - 1]!;
  const a = 2 / (9 * dof);
  return dof * (1 - a + Z_099 * Math.sqrt(a)) ** 3;
}
