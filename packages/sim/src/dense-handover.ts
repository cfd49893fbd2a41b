// Dense → passive hand-over, ALOHA-style: the Britter–McQuaid cloud is followed while it is dense; from the hand-over
// distance on it is a passive Gaussian plume (puff) from a virtual source placed upwind so that the passive centreline
// concentration equals the dense one there (continuous concentration at the hand-over).
//
// Where the hand-over happens (first of the two along the cloud's path):
//  * the end of the workbook correlations, Cm/C0 = 0.002 (plume) / 0.001 (puff) (Britter & McQuaid 1988 via CCPS
//    1999 p.118; plume-physics.md §6.1) — beyond it the workbook only extrapolates 1/x′², which is what the
//    hand-over replaces;
//  * the local Richardson-type number falling below the workbook's own dense criterion (0.15 plume, 0.2 puff, §6.2):
//    the criterion evaluated with the local reduced gravity g′ = g0′·C′ (C′ = the isothermal Cm/C0), with the buoyancy
//    flux g′Q = g0′Q0 (plume) or buoyancy g′V = g0′V0 (puff) conserved and the local scale D = sqrt(Q/u) (plume) or
//    V^{1/3} (puff) of the diluted cloud: Ri(x) = Ri0·C′^{1/6} (plume), Ri0·C′^{1/3} (puff). This local use of a source
//    criterion is our derivation, [M] like the criterion itself.
import { gaussianPuffKgM3 } from './gaussian-puff.ts';
import { plumeConcentrationKgM3, type PlumeParams } from './gaussian-plume.ts';
import { sigmaYM, sigmaZM, type SigmaSet } from './sigma.ts';
import type { StabilityClass } from './stability.ts';

/** Lowest correlation line of the workbook: continuous 0.002, instantaneous 0.001 (CCPS 1999 p.118; §6.1). */
export const CORRELATION_END_RATIO = { plume: 0.002, puff: 0.001 } as const;
/** Dense criteria of the workbook as usually quoted (§6.2 [M]): continuous 0.15, instantaneous 0.2. */
export const DENSE_CRITERION = { plume: 0.15, puff: 0.2 } as const;
/** Exponent of C′ in the local Richardson number (see the header): plume 1/6, puff 1/3. */
const RI_EXPONENT = { plume: 1 / 6, puff: 1 / 3 } as const;

/** Where and why the cloud was handed over, and the virtual source of the passive part. */
export interface Handover {
  /** Hand-over distance downwind of the release [m]. */
  distanceM: number;
  /** Isothermal Cm/C0 at the hand-over. */
  isothermalRatio: number;
  /** Dense centreline concentration at the hand-over [kg/m³] (= the passive one there). */
  concentrationKgM3: number;
  criterion: 'correlation-end' | 'local-richardson';
  /** Passive travel distance at the hand-over [m]: the virtual source lies this far upwind of the hand-over point. */
  virtualTravelM: number;
}

/** Isothermal Cm/C0 at which the cloud stops being dense: the larger of the correlation end and (criterion/Ri0)^{1/exponent}, capped at 1. */
export function handoverRatio(kind: 'plume' | 'puff', sourceRichardson: number): { ratio: number; criterion: Handover['criterion'] } {
  const local = sourceRichardson > 0 ? (DENSE_CRITERION[kind] / sourceRichardson) ** (1 / RI_EXPONENT[kind]) : 1;
  const end = CORRELATION_END_RATIO[kind];
  return local > end ? { ratio: Math.min(1, local), criterion: 'local-richardson' } : { ratio: end, criterion: 'correlation-end' };
}

/** Farthest x [m] where a non-increasing ratio(x) is still ≥ target (bisection on a log scale, 1 mm … 1000 km). */
export function distanceAtRatioM(ratioAt: (xM: number) => number, target: number): number {
  let lo = 1e-3, hi = 1e6;
  if (ratioAt(lo) < target) return lo;
  for (let k = 0; k < 200 && hi / lo > 1 + 1e-12; k++) {
    const mid = Math.sqrt(lo * hi);
    if (ratioAt(mid) >= target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Travel distance ξ [m] at which a decreasing passive centreline c(ξ) equals target (log bisection, 1 mm … 1000 km). */
export function virtualTravelM(centrelineAt: (travelM: number) => number, targetKgM3: number): number {
  let lo = 1e-3, hi = 1e6;
  if (centrelineAt(lo) <= targetKgM3) return lo;
  for (let k = 0; k < 200 && hi / lo > 1 + 1e-12; k++) {
    const mid = Math.sqrt(lo * hi);
    if (centrelineAt(mid) > targetKgM3) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** Passive part of a handed-over cloud: ground-level source, the scenario's σ set and the dense model's wind. */
export interface PassiveTail {
  windSpeedMS: number;
  stabilityClass: StabilityClass;
  sigmaSet: SigmaSet;
  mixingHeightM?: number;
}

/**
 * Continuous release: hands a dense plume (isothermal ratio C′(x), centreline concentration c(x) [kg/m³]) over to a
 * passive Gaussian plume of the full rate from a ground-level virtual source. Returns the hand-over and the passive
 * plume's concentration at (x, y, z) for x beyond it: C_gauss(x − x_h + ξ, y, z).
 */
export function plumeHandover(
  dense: { isothermalRatio(xM: number): number; centrelineKgM3(xM: number): number; sourceRichardson: number },
  rateKgS: number,
  tail: PassiveTail,
): { handover: Handover; passive: PlumeParams; passiveKgM3(xM: number, yM: number, zM: number): number } {
  const { ratio, criterion } = handoverRatio('plume', dense.sourceRichardson);
  const distanceM = Math.max(1, distanceAtRatioM(dense.isothermalRatio, ratio));
  const target = dense.centrelineKgM3(distanceM);
  const passive: PlumeParams = { rateKgS, releaseHeightM: 0, ...tail };
  const xi = virtualTravelM((s) => plumeConcentrationKgM3(passive, s, 0, 0), target);
  return {
    handover: { distanceM, isothermalRatio: dense.isothermalRatio(distanceM), concentrationKgM3: target, criterion, virtualTravelM: xi },
    passive,
    passiveKgM3: (x, y, z) => plumeConcentrationKgM3(passive, x - distanceM + xi, y, z),
  };
}

/**
 * Instantaneous release: hands a dense puff over to a passive Gaussian puff of the full mass when its centre reaches
 * the hand-over distance (time t_h = x_h/cloudSpeed); the passive puff then moves at the wind speed from there, its σ
 * taken at the travel distance ξ + u(t − t_h) from a virtual source chosen so that its ground centre concentration at
 * the hand-over equals the dense cloud's maximum there.
 */
export function puffHandover(
  dense: { isothermalRatio(xM: number): number; maxConcentrationKgM3(xM: number): number; sourceRichardson: number; cloudSpeedMS: number },
  massKg: number,
  tail: PassiveTail,
): { handover: Handover & { timeS: number }; passiveKgM3(xM: number, yM: number, zM: number, tS: number): number; centreKgM3(xM: number, zM: number): number; sigmaYAtM(xM: number): number } {
  const { ratio, criterion } = handoverRatio('puff', dense.sourceRichardson);
  const distanceM = Math.max(1, distanceAtRatioM(dense.isothermalRatio, ratio));
  const target = dense.maxConcentrationKgM3(distanceM);
  const u = tail.windSpeedMS;
  const at = (s: number, dx: number, y: number, z: number) => {
    const sy = sigmaYM(s, tail.stabilityClass, tail.sigmaSet);
    return gaussianPuffKgM3(massKg, sy, sy, sigmaZM(s, tail.stabilityClass, tail.sigmaSet), dx, y, z, 0);
  };
  const xi = virtualTravelM((s) => at(s, 0, 0, 0), target);
  const timeS = distanceM / dense.cloudSpeedMS;
  return {
    handover: { distanceM, isothermalRatio: dense.isothermalRatio(distanceM), concentrationKgM3: target, criterion, virtualTravelM: xi, timeS },
    passiveKgM3(x, y, z, t) {
      const travel = u * (t - timeS);
      return at(xi + Math.max(0, travel), x - distanceM - travel, y, z);
    },
    centreKgM3: (x, z) => at(xi + x - distanceM, 0, 0, z),
    sigmaYAtM: (x) => sigmaYM(xi + x - distanceM, tail.stabilityClass, tail.sigmaSet),
  };
}
