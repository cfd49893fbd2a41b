// Dense → passive hand-over (the idea of a heavy-gas model handing over to a Gaussian, as ALOHA and DEGADIS do; the
// rules below are ours, [M]): the Britter–McQuaid cloud is followed while it is dense; from the hand-over distance on
// it is a passive Gaussian plume (puff) from two virtual sources placed upwind, one for σy and one for σz:
//  * σy matching rule (our choice, [M]): the Gaussian has the top hat's peak and its crosswind integral, so
//    √(2π)·σy = 2·b for a plume of top-hat half-width b (σy0 = 2b/√(2π) ≈ 0.80 b), and 2π·σy² = π·R² for a puff of
//    radius R (σy0 = R/√2, σx = σy): the cloud keeps its width and its crosswind mass distribution;
//  * σz is then chosen so that the ground-level centreline concentration is continuous: C = Q/(π u σy0 σz0)
//    (plume) or 2M/((2π)^{3/2} σy0² σz0) (puff), the reflected ground-level forms of §2/§3;
//  * each virtual source lies where the scenario's σ curve reaches σy0 (resp. σz0), and both grow with the same
//    travel x − x_h beyond the hand-over (the usual separate-virtual-source construction for an area source).
// The handed-over cloud is still shallow (σz0 ≈ 0.8·LV): heights up to DENSE_GROUND_LAYER_M read its ground-level
// value, the same rule as the dense part (our choice, [M]), so breathing-height values are continuous too.
// So the concentration is continuous on the centreline and the threat-zone width does not pinch at x_h (for a threshold
// below C_h/e^{π/4} ≈ C_h/2.2 the Gaussian isopleth is wider than the top hat: protective).
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
import { DENSE_GROUND_LAYER_M } from './dense-gas.ts';
import { gaussianPuffKgM3 } from './gaussian-puff.ts';
import { plumeWithSigmaKgM3, type PlumeParams } from './gaussian-plume.ts';
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
  /** Passive travel distance of the σz virtual source at the hand-over [m] (it lies this far upwind of the hand-over point). */
  virtualTravelM: number;
  /** Passive travel distance of the σy virtual source at the hand-over [m] (width matched to the dense cloud's). */
  virtualTravelYM: number;
  /** Dense cloud half-width at the hand-over [m]: top-hat half-width b (plume) or radius R (puff). */
  denseHalfWidthM: number;
}

/** σy of the passive cloud that matches a dense one of half-width b (plume: 2b/√(2π)) or radius R (puff: R/√2); see the header. */
export function matchedSigmaYM(kind: 'plume' | 'puff', denseHalfWidthM: number): number {
  return kind === 'plume' ? (2 * denseHalfWidthM) / Math.sqrt(2 * Math.PI) : denseHalfWidthM / Math.SQRT2;
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

/** Receptor height for the handed-over cloud: its ground value up to DENSE_GROUND_LAYER_M (see the header). */
const groundLayer = (zM: number) => (zM <= DENSE_GROUND_LAYER_M ? 0 : zM);

/** Travel distance ξ [m] at which an increasing σ(ξ) equals target (log bisection, 1 mm … 1000 km). */
export function travelForSigmaM(sigmaAt: (travelM: number) => number, targetM: number): number {
  return virtualTravelM((s) => 1 / sigmaAt(s), 1 / targetM);
}

/** Passive part of a handed-over cloud: ground-level source, the scenario's σ set and the dense model's wind. */
export interface PassiveTail {
  windSpeedMS: number;
  stabilityClass: StabilityClass;
  sigmaSet: SigmaSet;
  mixingHeightM?: number;
}

/**
 * Continuous release: hands a dense plume (isothermal ratio C′(x), centreline concentration c(x) [kg/m³], top-hat
 * half-width b(x) [m]) over to a passive Gaussian plume of the full rate, ground level, with separate σy and σz virtual
 * sources (see the header). Returns the hand-over and the passive plume's concentration and isopleth half-width
 * beyond it.
 */
export function plumeHandover(
  dense: { isothermalRatio(xM: number): number; centrelineKgM3(xM: number): number; halfWidthM(xM: number): number; sourceRichardson: number },
  rateKgS: number,
  tail: PassiveTail,
): { handover: Handover; passive: PlumeParams; passiveKgM3(xM: number, yM: number, zM: number): number; sigmaYAtM(xM: number): number; halfWidthM(xM: number, zM: number, thresholdKgM3: number): number } {
  const { ratio, criterion } = handoverRatio('plume', dense.sourceRichardson);
  const distanceM = Math.max(1, distanceAtRatioM(dense.isothermalRatio, ratio));
  const target = dense.centrelineKgM3(distanceM);
  const passive: PlumeParams = { rateKgS, releaseHeightM: 0, ...tail };
  const b = dense.halfWidthM(distanceM);
  const sy0 = matchedSigmaYM('plume', b);
  const sz0 = rateKgS / (Math.PI * tail.windSpeedMS * sy0 * target);
  const xiY = travelForSigmaM((s) => sigmaYM(s, tail.stabilityClass, tail.sigmaSet), sy0);
  const xiZ = travelForSigmaM((s) => sigmaZM(s, tail.stabilityClass, tail.sigmaSet), sz0);
  const sigmaYAtM = (x: number) => sigmaYM(xiY + x - distanceM, tail.stabilityClass, tail.sigmaSet);
  const passiveKgM3 = (x: number, y: number, z: number) => (x < distanceM ? 0 : plumeWithSigmaKgM3(passive, sigmaYAtM(x), sigmaZM(xiZ + x - distanceM, tail.stabilityClass, tail.sigmaSet), y, groundLayer(z)));
  return {
    handover: { distanceM, isothermalRatio: dense.isothermalRatio(distanceM), concentrationKgM3: target, criterion, virtualTravelM: xiZ, virtualTravelYM: xiY, denseHalfWidthM: b },
    passive,
    passiveKgM3,
    sigmaYAtM,
    halfWidthM(x, z, thr) {
      const c0 = passiveKgM3(x, 0, z);
      return c0 > thr ? sigmaYAtM(x) * Math.sqrt(2 * Math.log(c0 / thr)) : 0;
    },
  };
}

/**
 * Instantaneous release: hands a dense puff over to a passive Gaussian puff of the full mass when its centre reaches
 * the hand-over distance (time t_h = x_h/cloudSpeed); the passive puff then moves at the wind speed from there, its σy
 * (= σx) and σz taken at the travel distances ξy + u(t − t_h) and ξz + u(t − t_h) from virtual sources matched to the
 * dense cloud's radius and maximum concentration there (see the header).
 */
export function puffHandover(
  dense: { isothermalRatio(xM: number): number; maxConcentrationKgM3(xM: number): number; radiusAtM(xM: number): number; sourceRichardson: number; cloudSpeedMS: number },
  massKg: number,
  tail: PassiveTail,
): { handover: Handover & { timeS: number }; passiveKgM3(xM: number, yM: number, zM: number, tS: number): number; centreKgM3(xM: number, zM: number): number; sigmaYAtM(xM: number): number } {
  const { ratio, criterion } = handoverRatio('puff', dense.sourceRichardson);
  const distanceM = Math.max(1, distanceAtRatioM(dense.isothermalRatio, ratio));
  const target = dense.maxConcentrationKgM3(distanceM);
  const u = tail.windSpeedMS;
  const r = dense.radiusAtM(distanceM);
  const sy0 = matchedSigmaYM('puff', r);
  const sz0 = (2 * massKg) / ((2 * Math.PI) ** 1.5 * sy0 * sy0 * target);
  const xiY = travelForSigmaM((s) => sigmaYM(s, tail.stabilityClass, tail.sigmaSet), sy0);
  const xiZ = travelForSigmaM((s) => sigmaZM(s, tail.stabilityClass, tail.sigmaSet), sz0);
  const at = (travel: number, dx: number, y: number, z: number) => {
    const sy = sigmaYM(xiY + travel, tail.stabilityClass, tail.sigmaSet);
    return gaussianPuffKgM3(massKg, sy, sy, sigmaZM(xiZ + travel, tail.stabilityClass, tail.sigmaSet), dx, y, groundLayer(z), 0);
  };
  const timeS = distanceM / dense.cloudSpeedMS;
  return {
    handover: { distanceM, isothermalRatio: dense.isothermalRatio(distanceM), concentrationKgM3: target, criterion, virtualTravelM: xiZ, virtualTravelYM: xiY, denseHalfWidthM: r, timeS },
    passiveKgM3(x, y, z, t) {
      const travel = Math.max(0, u * (t - timeS));
      return at(travel, x - distanceM - travel, y, z);
    },
    centreKgM3: (x, z) => at(Math.max(0, x - distanceM), 0, 0, z),
    sigmaYAtM: (x) => sigmaYM(xiY + Math.max(0, x - distanceM), tail.stabilityClass, tail.sigmaSet),
  };
}
