// Unit conversions for gas concentrations (plume-physics.md §8.4).
import { GAS_CONSTANT_J_MOL_K, STANDARD_PRESSURE_PA } from './constants.ts';

/** Molar volume at 25 °C, 1 atm [L/mol], the EPA/CCOHS rounding (EPA chlorine fact sheet: mg/m³ = ppm × MW / 24.45). */
export const MOLAR_VOLUME_25C_L_MOL = 24.45;

/** mg/m³ from ppm at 25 °C, 1 atm: ppm × M[g/mol] / 24.45 (plume-physics.md §8.4). */
export function ppmToMgM3(ppm: number, molarMassGMol: number): number {
  return (ppm * molarMassGMol) / MOLAR_VOLUME_25C_L_MOL;
}

/** ppm from mg/m³ at 25 °C, 1 atm: mg/m³ × 24.45 / M[g/mol] (plume-physics.md §8.4). */
export function mgM3ToPpm(mgM3: number, molarMassGMol: number): number {
  return (mgM3 * MOLAR_VOLUME_25C_L_MOL) / molarMassGMol;
}

/** Volume fraction ×1e6 from mass concentration at the prevailing T, p: ppm = C·R·T/(p·M)·1e6 (ideal gas, §8.4). */
export function kgM3ToPpm(concentrationKgM3: number, molarMassKgMol: number, temperatureK = 298.15, pressurePa = STANDARD_PRESSURE_PA): number {
  return ((concentrationKgM3 * GAS_CONSTANT_J_MOL_K * temperatureK) / (pressurePa * molarMassKgMol)) * 1e6;
}

/** Mass concentration [kg/m³] from ppm at the prevailing T, p: C = ppm·1e-6·p·M/(R·T) (ideal gas, §8.4). */
export function ppmToKgM3(ppm: number, molarMassKgMol: number, temperatureK = 298.15, pressurePa = STANDARD_PRESSURE_PA): number {
  return (ppm * 1e-6 * pressurePa * molarMassKgMol) / (GAS_CONSTANT_J_MOL_K * temperatureK);
}

/** Ideal-gas density [kg/m³]: ρ = p·M/(R·T). */
export function idealGasDensityKgM3(molarMassKgMol: number, temperatureK: number, pressurePa = STANDARD_PRESSURE_PA): number {
  return (pressurePa * molarMassKgMol) / (GAS_CONSTANT_J_MOL_K * temperatureK);
}
