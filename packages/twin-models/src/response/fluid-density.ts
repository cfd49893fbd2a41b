// Density of what a pipe segment holds, for the inventory trapped in an isolated section.
// Liquefied gases are taken as liquid when the line's design pressure could keep them liquid at
// 20 °C (conservative: more mass than vapour); everything else is an ideal gas at the design
// pressure (an upper bound of the operating pressure). Liquid densities and vapour pressures at
// 20 °C: Perry's Chemical Engineers' Handbook, 8th ed., Table 2-32 / NIST Chemistry WebBook
// (rounded). Gas constant R = 8.314 J/(mol·K).
import type { Chemical } from '../chemicals.ts';
import { CHEMICAL_INFO } from '../chemicals.ts';
import type { PipeSegment } from '../schema/chemical-park.ts';

/** Saturated-liquid density, kg/m³, and vapour pressure, kPa absolute, at 20 °C of the liquefied gases. */
export const LIQUEFIED_AT_20C: Readonly<Partial<Record<Chemical, { liquidKgM3: number; vapourPressureKpaAbs: number }>>> = {
  Cl2: { liquidKgM3: 1410, vapourPressureKpaAbs: 680 },
  NH3: { liquidKgM3: 610, vapourPressureKpaAbs: 857 },
  SO2: { liquidKgM3: 1380, vapourPressureKpaAbs: 330 },
  C3H8: { liquidKgM3: 500, vapourPressureKpaAbs: 836 },
  // Commercial propane/butane mix: density and vapour pressure between the two.
  LPG: { liquidKgM3: 540, vapourPressureKpaAbs: 600 },
};

const R_J_MOL_K = 8.314;
const T_REF_K = 293.15;
const ATM_KPA = 101.325;

/** Density of a segment's content, kg/m³ (see the file comment for the assumptions). */
export function segmentDensityKgM3(segment: Pick<PipeSegment, 'chemical' | 'designPressureKpa'>): number {
  const pAbsKpa = segment.designPressureKpa + ATM_KPA;
  const liquid = LIQUEFIED_AT_20C[segment.chemical];
  if (liquid && pAbsKpa >= liquid.vapourPressureKpaAbs) return liquid.liquidKgM3;
  const molarMassKgMol = CHEMICAL_INFO[segment.chemical].molarMassGMol / 1000;
  return (pAbsKpa * 1000 * molarMassKgMol) / (R_J_MOL_K * T_REF_K);
}

/** Internal volume of a segment, m³ (nominal bore taken as the inside diameter). */
export function segmentVolumeM3(segment: Pick<PipeSegment, 'diameterMm' | 'lengthM'>): number {
  const dM = segment.diameterMm / 1000;
  return (Math.PI / 4) * dM * dM * segment.lengthM;
}
