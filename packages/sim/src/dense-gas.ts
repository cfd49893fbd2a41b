// Dense (heavier-than-air) gas: Britter–McQuaid (1988) workbook correlations, continuous and instantaneous,
// with the non-isothermal correction, and the Richardson-type criterion for choosing it (plume-physics.md §6).
import { GRAVITY_M_S2 } from './constants.ts';
import { simNote, type SimNote } from './notes.ts';
import type { ResolvedModel } from './resolve-model.ts';

/**
 * Height [m] up to which a dense cloud is read at its ground-level (centreline) value even where the top-hat height LV
 * is lower: the workbook correlations give the ground-level concentration and the top-hat LV is a mass-balance
 * idealisation (Farrell, §6.1), so a person standing in a 0.2 m deep cloud breathes the ground value, not zero.
 * 2 m = the upper end of the receptor heights "normally 1.5–2 m" of plume-physics.md §9. [M] — our choice.
 */
export const DENSE_GROUND_LAYER_M = 2;

/**
 * Lowest α used: every correlation line is flat below α = −0.71 (the lowest breakpoint of the CCPS lines below), so
 * clamping there changes nothing and keeps a neutral release (g0' = 0, α = −∞) from giving 0·∞ = NaN.
 */
const ALPHA_FLOOR = -5;

/** A correlation line β(α) as segments [upper α, slope, intercept]; the last segment is open-ended. */
type Line = readonly (readonly [number, number, number])[];

/** Continuous-release lines (Cm/C0 → β(α)), CCPS 1999 p.118 digitisation via GasDispersion.jl britter_mcquaid_correls.jl (§6.1). */
export const BM_PLUME_LINES: readonly { ratio: number; line: Line }[] = [
  { ratio: 0.1, line: [[-0.55, 0, 1.75], [-0.14, 0.24, 1.88], [Infinity, -0.5, 1.78]] },
  { ratio: 0.05, line: [[-0.68, 0, 1.92], [-0.29, 0.36, 2.16], [-0.18, 0, 2.06], [Infinity, -0.56, 1.96]] },
  { ratio: 0.02, line: [[-0.69, 0, 2.08], [-0.31, 0.45, 2.39], [-0.16, 0, 2.25], [Infinity, -0.54, 2.16]] },
  { ratio: 0.01, line: [[-0.7, 0, 2.25], [-0.29, 0.49, 2.59], [-0.2, 0, 2.45], [Infinity, -0.52, 2.35]] },
  { ratio: 0.005, line: [[-0.67, 0, 2.4], [-0.28, 0.59, 2.8], [-0.15, 0, 2.63], [Infinity, -0.48, 2.56]] },
  { ratio: 0.002, line: [[-0.69, 0, 2.6], [-0.25, 0.39, 2.87], [-0.13, 0, 2.77], [Infinity, -0.5, 2.71]] },
];

/** Instantaneous-release lines (Cm/C0 → β(α)), CCPS 1999 via GasDispersion.jl `_bm_pf_c_*` (§6.1). */
export const BM_PUFF_LINES: readonly { ratio: number; line: Line }[] = [
  { ratio: 0.1, line: [[-0.44, 0, 0.7], [0.43, 0.26, 0.81], [Infinity, 0, 0.93]] },
  { ratio: 0.05, line: [[-0.56, 0, 0.85], [0.31, 0.26, 1.0], [Infinity, -0.12, 1.12]] },
  { ratio: 0.02, line: [[-0.66, 0, 0.95], [0.32, 0.36, 1.19], [Infinity, -0.26, 1.38]] },
  { ratio: 0.01, line: [[-0.71, 0, 1.15], [0.37, 0.34, 1.39], [Infinity, -0.38, 1.66]] },
  { ratio: 0.005, line: [[-0.52, 0, 1.48], [0.24, 0.26, 1.62], [Infinity, -0.3, 1.75]] },
  { ratio: 0.002, line: [[0.27, 0, 1.83], [Infinity, -0.32, 1.92]] },
  { ratio: 0.001, line: [[-0.1, 0, 2.075], [Infinity, -0.27, 2.05]] },
];

/** β of one correlation line at α. */
export function lineBeta(line: Line, alpha: number): number {
  for (const [upper, slope, intercept] of line) if (alpha <= upper) return slope * alpha + intercept;
  const last = line[line.length - 1]!;
  return last[1] * alpha + last[2];
}

/** Non-isothermal correction C = C'/(C' + (1 − C')·T0/Ta) (Britter & McQuaid 1988; plume-physics.md §6.1). */
export function nonIsothermalCorrection(ratio: number, releaseTemperatureK: number, ambientTemperatureK: number): number {
  if (ratio <= 0) return 0;
  return ratio / (ratio + (1 - ratio) * (releaseTemperatureK / ambientTemperatureK));
}

/**
 * Leading edge of a continuously fed dense cloud over flat ground in calm air: r = 0.84 (g0′Q0)^{1/4} t^{3/4}, the
 * laboratory fit 0.84 ± 0.06 of Britter (1979), "The spread of a negatively buoyant plume in a calm environment",
 * Atmos. Environ. 13, 1241–1247. The Britter–McQuaid source zone (upwind extent D/2 + 2 l_b, half-width D + 8 l_b) is a
 * steady state: it takes the gravity current this long to get there, and no wind carries the cloud upwind or across.
 */
export const CALM_SPREAD_COEFFICIENT = 0.84;

/** Radius [m] the gravity current of a continuous dense release with buoyancy flux g0′Q0 [m⁴/s³] has reached `tS` s after it began (see {@link CALM_SPREAD_COEFFICIENT}). */
export function gravityFrontRadiusM(buoyancyFluxM4S3: number, tS: number): number {
  return tS > 0 && buoyancyFluxM4S3 > 0 ? CALM_SPREAD_COEFFICIENT * buoyancyFluxM4S3 ** 0.25 * tS ** 0.75 : 0;
}

/**
 * When the gravity current of a continuous dense release reaches the point x m downwind, y m across of its source, s
 * after the release began — gravityFrontRadiusM solved for t: upwind it must reach the point itself, downwind only
 * the axis (the wind carries the cloud along the axis: its front there is the plume's, the Palazzi factor). 0 where
 * nothing holds the cloud back: a passive model (no buoyancy flux), or beyond the model's hand-over to passive
 * dispersion (dense-handover.ts), where the wind's turbulence spreads it, not gravity.
 */
export function gravityArrivalS(model: Pick<ResolvedModel, 'buoyancyFluxM4S3' | 'handover'>, xM: number, yM: number): number {
  const fluxM4S3 = model.buoyancyFluxM4S3 ?? 0;
  if (!(fluxM4S3 > 0) || xM >= (model.handover?.distanceM ?? Infinity)) return 0;
  const reachM = Math.sqrt((xM < 0 ? xM * xM : 0) + yM * yM);
  return (reachM / (CALM_SPREAD_COEFFICIENT * fluxM4S3 ** 0.25)) ** (4 / 3);
}

/** Reduced gravity g0' = g(ρ0 − ρa)/ρa [m/s²]. */
export function reducedGravityMS2(releaseDensityKgM3: number, ambientDensityKgM3: number): number {
  return (GRAVITY_M_S2 * (releaseDensityKgM3 - ambientDensityKgM3)) / ambientDensityKgM3;
}

/** Common inputs of the Britter–McQuaid models; all at the source, wind at 10 m. */
export interface DenseGasBase {
  releaseDensityKgM3: number;
  ambientDensityKgM3: number;
  releaseTemperatureK: number;
  ambientTemperatureK: number;
  windSpeed10MS: number;
}

/** Continuous release: Q0 is the volume rate at release conditions [m³/s]. */
export interface DensePlumeParams extends DenseGasBase {
  volumeRateM3S: number;
}

/** Richardson-type criterion for a continuous release: (g0' Q0/(u³ D))^{1/3} ≥ 0.15 (Britter–McQuaid workbook as usually quoted, [M] §6.2). */
export function densePlumeCriterion(p: DensePlumeParams): { value: number; threshold: number; dense: boolean } {
  const g0 = reducedGravityMS2(p.releaseDensityKgM3, p.ambientDensityKgM3);
  const d = Math.sqrt(p.volumeRateM3S / p.windSpeed10MS);
  const value = g0 > 0 ? Math.cbrt((g0 * p.volumeRateM3S) / (p.windSpeed10MS ** 3 * d)) : 0;
  return { value, threshold: 0.15, dense: value >= 0.15 };
}

/** A solved Britter–McQuaid plume: centreline volume fraction and top-hat extent (§6.1). */
export interface DensePlume {
  alpha: number;
  /** Length scale D = sqrt(Q0/u10) [m]. */
  lengthScaleM: number;
  /** Buoyancy length lb = g0' Q0/u10³ [m]. */
  buoyancyLengthM: number;
  warnings: SimNote[];
  /** Isothermal centreline ratio Cm/C0 at x [m] from the correlations (before the non-isothermal correction). */
  isothermalRatio(xM: number): number;
  /** Centreline volume fraction at x [m], non-isothermal correction applied. */
  centrelineVolumeFraction(xM: number): number;
  /** Top-hat half-width LH(x) [m] = LH0 + 2.5 (lb x²)^{1/3}. */
  halfWidthM(xM: number): number;
  /** Top-hat height LV(x) [m] = D²/(2 (C/C0) LH) (Farrell's mass-balance form, §6.1). */
  heightM(xM: number): number;
  /** Volume fraction at a point: centreline value inside the top hat (height at least DENSE_GROUND_LAYER_M), 0 outside. */
  volumeFraction(xM: number, yM: number, zM: number): number;
}

/** Britter–McQuaid continuous ground-level release (workbook, CCPS 1999 p.118 lines; plume-physics.md §6.1). */
export function densePlume(p: DensePlumeParams): DensePlume {
  const warnings: SimNote[] = [];
  const g0 = reducedGravityMS2(p.releaseDensityKgM3, p.ambientDensityKgM3);
  const u = p.windSpeed10MS;
  const d = Math.sqrt(p.volumeRateM3S / u);
  // A release not denser than air (model forced to dense) has g0' ≤ 0: no gravity spreading, lb = 0 (no negative widths).
  const lb = (Math.max(0, g0) * p.volumeRateM3S) / u ** 3;
  const alpha = Math.max(ALPHA_FLOOR, 0.2 * Math.log10((g0 * g0 * p.volumeRateM3S) / u ** 5));
  if (alpha > 1) warnings.push(simNote('dense.plume-alpha', { alpha: alpha.toFixed(2) }));
  const pts = BM_PLUME_LINES.map((l) => ({ ratio: l.ratio, beta: lineBeta(l.line, alpha) }));
  const beta01 = pts[0]!.beta;
  const nearFieldLimit = Math.min(30, 10 ** beta01);
  // Interpolation nodes in β: optionally the end of the near field (x' = 30) then the correlation points.
  const nodes = nearFieldLimit === 30 ? [{ ratio: 306 / (306 + 900), beta: Math.log10(30) }, ...pts] : pts;
  const last = pts[pts.length - 1]!;
  const xLast = 10 ** last.beta;
  const isothermalRatio = (xM: number): number => {
    if (xM <= 0) return 1;
    const xp = xM / d;
    if (xp <= nearFieldLimit) return Math.max(306 / (306 + xp * xp), nearFieldLimit < 30 ? pts[0]!.ratio : 0);
    if (xp >= xLast) return last.ratio * (xLast / xp) ** 2;
    const beta = Math.log10(xp);
    for (let i = 1; i < nodes.length; i++) {
      const a = nodes[i - 1]!;
      const b = nodes[i]!;
      if (beta <= b.beta) return a.ratio + ((b.ratio - a.ratio) * (beta - a.beta)) / (b.beta - a.beta);
    }
    return last.ratio;
  };
  const centrelineVolumeFraction = (xM: number) => nonIsothermalCorrection(isothermalRatio(xM), p.releaseTemperatureK, p.ambientTemperatureK);
  const lh0 = d + 8 * lb;
  const upwindM = d / 2 + 2 * lb;
  const halfWidthM = (xM: number) => lh0 + 2.5 * Math.cbrt(lb * Math.max(xM, 0) ** 2);
  const heightM = (xM: number) => (d * d) / (2 * isothermalRatio(xM) * halfWidthM(xM));
  return {
    alpha,
    lengthScaleM: d,
    buoyancyLengthM: lb,
    warnings,
    isothermalRatio,
    centrelineVolumeFraction,
    halfWidthM,
    heightM,
    volumeFraction(xM, yM, zM) {
      if (xM < -upwindM || zM < 0) return 0;
      if (Math.abs(yM) > halfWidthM(xM) || zM > Math.max(heightM(xM), DENSE_GROUND_LAYER_M)) return 0;
      return centrelineVolumeFraction(xM);
    },
  };
}

/** Instantaneous release: V0 is the cloud volume at release conditions [m³]. */
export interface DensePuffParams extends DenseGasBase {
  volumeM3: number;
}

/** Richardson-type criterion for an instantaneous release: sqrt(g0' V0^{1/3})/u ≥ 0.2 (workbook as usually quoted, [M] §6.2). */
export function densePuffCriterion(p: DensePuffParams): { value: number; threshold: number; dense: boolean } {
  const g0 = reducedGravityMS2(p.releaseDensityKgM3, p.ambientDensityKgM3);
  const value = g0 > 0 ? Math.sqrt(g0 * Math.cbrt(p.volumeM3)) / p.windSpeed10MS : 0;
  return { value, threshold: 0.2, dense: value >= 0.2 };
}

/** A solved Britter–McQuaid puff (§6.1). */
export interface DensePuff {
  alpha: number;
  warnings: SimNote[];
  isothermalRatio(xM: number): number;
  /** Maximum volume fraction when the cloud passes x [m] (non-isothermal correction applied). */
  maxVolumeFraction(xM: number): number;
  /** Volume fraction at (x, y, z, t): the max value inside the cylinder of radius R(t) centred at 0.4·u10·t, height from continuity (at least DENSE_GROUND_LAYER_M). */
  volumeFraction(xM: number, yM: number, zM: number, tS: number): number;
}

/** Britter–McQuaid instantaneous ground-level release (workbook; GasDispersion.jl britter_mcquaid_puff.jl; §6.1). */
export function densePuff(p: DensePuffParams): DensePuff {
  const warnings: SimNote[] = [];
  const g0 = reducedGravityMS2(p.releaseDensityKgM3, p.ambientDensityKgM3);
  const v13 = Math.cbrt(p.volumeM3);
  const alpha = Math.max(ALPHA_FLOOR, 0.5 * Math.log10((Math.abs(g0) * v13) / p.windSpeed10MS ** 2));
  if (alpha > 1) warnings.push(simNote('dense.puff-alpha', { alpha: alpha.toFixed(2) }));
  const pts = BM_PUFF_LINES.map((l) => ({ ratio: l.ratio, beta: lineBeta(l.line, alpha) }));
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const xNear = 10 ** first.beta;
  const xFar = 10 ** last.beta;
  const isothermalRatio = (xM: number): number => {
    if (xM <= 0) return 1;
    const xp = xM / v13;
    if (xp <= xNear) return Math.max(3.24 / (3.24 + xp * xp), first.ratio);
    if (xp >= xFar) return last.ratio * (xFar / xp) ** 2;
    const beta = Math.log10(xp);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      if (beta <= b.beta) return a.ratio + ((b.ratio - a.ratio) * (beta - a.beta)) / (b.beta - a.beta);
    }
    return last.ratio;
  };
  const maxVolumeFraction = (xM: number) => nonIsothermalCorrection(isothermalRatio(xM), p.releaseTemperatureK, p.ambientTemperatureK);
  const r0 = Math.cbrt((3 * p.volumeM3) / (4 * Math.PI));
  return {
    alpha,
    warnings,
    isothermalRatio,
    maxVolumeFraction,
    volumeFraction(xM, yM, zM, tS) {
      if (tS < 0 || zM < 0) return 0;
      const xc = 0.4 * p.windSpeed10MS * tS;
      const r2 = r0 * r0 + 1.2 * Math.sqrt(Math.max(0, g0) * p.volumeM3) * tS;
      if ((xM - xc) ** 2 + yM * yM > r2) return 0;
      const ratio = isothermalRatio(xM);
      if (zM > Math.max(p.volumeM3 / (ratio * Math.PI * r2), DENSE_GROUND_LAYER_M)) return 0;
      return maxVolumeFraction(xM);
    },
  };
}
