// Continuous release: steady Gaussian plume with ground reflection and an elevated source (plume-physics.md §2).
import { maximumAlongM } from './search.ts';
import { sigmaYM, sigmaZM, type SigmaSet } from './sigma.ts';
import type { StabilityClass } from './stability.ts';

/** Inputs of a steady plume. */
export interface PlumeParams {
  rateKgS: number;
  /** Transport wind speed at release height [m/s] (floor applied by the caller, §1). */
  windSpeedMS: number;
  /** Effective release height H [m]. */
  releaseHeightM: number;
  stabilityClass: StabilityClass;
  sigmaSet: SigmaSet;
  /** Optional mixing-lid height L [m] (unstable/neutral); absent = no lid. */
  mixingHeightM?: number;
}

/**
 * Reflected Gaussian plume for given σ: C = Q/(2π u σy σz)·exp(−y²/2σy²)·[exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 * (CCPS 1999; ALOHA TM NOS OR&R 43 eq. 4.3; plume-physics.md §2). Returns kg/m³.
 */
export function gaussianPlumeKgM3(rateKgS: number, windSpeedMS: number, releaseHeightM: number, sigmaYM: number, sigmaZM: number, yM: number, zM: number): number {
  const lateral = Math.exp((-yM * yM) / (2 * sigmaYM * sigmaYM));
  const dz = zM - releaseHeightM;
  const sz = zM + releaseHeightM;
  const vertical = Math.exp((-dz * dz) / (2 * sigmaZM * sigmaZM)) + Math.exp((-sz * sz) / (2 * sigmaZM * sigmaZM));
  return (rateKgS / (2 * Math.PI * windSpeedMS * sigmaYM * sigmaZM)) * lateral * vertical;
}

/** Vertical term with a mixing lid at L: image sources at ±2nL ± H (Beychok 1994 via GasDispersion.jl); uniform once σz > 1.6 L (Fundamentals of Air Pollution 3E p.298). */
function lidVerticalTerm(zM: number, hM: number, sigmaZ: number, lidM: number): number {
  if (sigmaZ > 1.6 * lidM) return (Math.sqrt(2 * Math.PI) * sigmaZ) / lidM;
  let sum = 0;
  for (let n = -4; n <= 4; n++) {
    const a = zM - hM + 2 * n * lidM;
    const b = zM + hM + 2 * n * lidM;
    sum += Math.exp((-a * a) / (2 * sigmaZ * sigmaZ)) + Math.exp((-b * b) / (2 * sigmaZ * sigmaZ));
  }
  return sum;
}

/** Steady-plume concentration [kg/m³] at (x downwind, y crosswind, z height) [m]; 0 upwind (x ≤ 0, §1). */
export function plumeConcentrationKgM3(p: PlumeParams, xM: number, yM: number, zM: number): number {
  if (xM <= 0) return 0;
  return plumeWithSigmaKgM3(p, sigmaYM(xM, p.stabilityClass, p.sigmaSet), sigmaZM(xM, p.stabilityClass, p.sigmaSet), yM, zM);
}

/** The plume of p for given σy, σz [m] (reflected form, mixing lid when p has one; §2): for virtual sources whose σy and σz come from different travel distances. */
export function plumeWithSigmaKgM3(p: PlumeParams, sy: number, sz: number, yM: number, zM: number): number {
  if (p.mixingHeightM === undefined) return gaussianPlumeKgM3(p.rateKgS, p.windSpeedMS, p.releaseHeightM, sy, sz, yM, zM);
  const lateral = Math.exp((-yM * yM) / (2 * sy * sy));
  return (p.rateKgS / (2 * Math.PI * p.windSpeedMS * sy * sz)) * lateral * lidVerticalTerm(zM, p.releaseHeightM, sz, p.mixingHeightM);
}

/** Crosswind half-width [m] of the isopleth C = threshold at x: y½ = σy·sqrt(2 ln(C(x,0,z)/Cthr)) (§2); 0 where C(x,0,z) ≤ Cthr. */
export function plumeHalfWidthM(p: PlumeParams, xM: number, zM: number, thresholdKgM3: number): number {
  const c0 = plumeConcentrationKgM3(p, xM, 0, zM);
  if (!(c0 > thresholdKgM3)) return 0;
  return sigmaYM(xM, p.stabilityClass, p.sigmaSet) * Math.sqrt(2 * Math.log(c0 / thresholdKgM3));
}

/** Maximum centreline concentration at height z and where it occurs, by geometric scan + golden section (§2, §10). */
export function plumeMaximumKgM3(p: PlumeParams, zM = 0, xMaxM = 100_000): { xM: number; concentrationKgM3: number } {
  const m = maximumAlongM((x) => plumeConcentrationKgM3(p, x, 0, zM), { xMinM: 1, xMaxM });
  return { xM: m.xM, concentrationKgM3: m.value };
}
