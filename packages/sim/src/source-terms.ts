// Source terms: gas and liquid through a hole, flashing fraction, pool evaporation (plume-physics.md §7).
import { GAS_CONSTANT_J_MOL_K, GRAVITY_M_S2, STANDARD_PRESSURE_PA } from './constants.ts';

/** Default discharge coefficients: 0.85 for gas, 0.61 for liquid through sharp-edged holes ([S2] §7). */
export const DEFAULT_GAS_CD = 0.85;
/** Default liquid discharge coefficient (sharp-edged hole 0.61–0.63, [S2] §7). */
export const DEFAULT_LIQUID_CD = 0.61;

/** Inputs of an isentropic ideal-gas orifice; pressures absolute [Pa]. */
export interface GasOrificeInput {
  pressurePa: number;
  temperatureK: number;
  molarMassKgMol: number;
  heatCapacityRatio: number;
  holeDiameterM: number;
  dischargeCoefficient?: number;
  ambientPressurePa?: number;
}

/** Result of a gas orifice calculation. */
export interface GasOrificeResult {
  rateKgS: number;
  choked: boolean;
  /** Critical pressure ratio P0/Pa above which the flow is choked: ((k+1)/2)^{k/(k−1)}. */
  criticalPressureRatio: number;
  throatPressurePa: number;
  throatTemperatureK: number;
}

/**
 * Gas through a hole: η = max(Pa/P0, (2/(k+1))^{k/(k−1)}), ṁ = Cd·A·sqrt(ρ0 P0 (2k/(k−1)) (η^{2/k} − η^{(k+1)/k}))
 * (TNO Yellow Book; GasDispersion.jl jet_source.jl; plume-physics.md §7). Choked when P0/Pa ≥ ((k+1)/2)^{k/(k−1)}.
 */
export function gasOrificeRate(input: GasOrificeInput): GasOrificeResult {
  const k = input.heatCapacityRatio;
  const p0 = input.pressurePa;
  const pa = input.ambientPressurePa ?? STANDARD_PRESSURE_PA;
  const cd = input.dischargeCoefficient ?? DEFAULT_GAS_CD;
  const area = (Math.PI / 4) * input.holeDiameterM ** 2;
  const criticalPressureRatio = ((k + 1) / 2) ** (k / (k - 1));
  if (p0 <= pa) return { rateKgS: 0, choked: false, criticalPressureRatio, throatPressurePa: pa, throatTemperatureK: input.temperatureK };
  const choked = p0 / pa >= criticalPressureRatio;
  const eta = Math.max(pa / p0, 1 / criticalPressureRatio);
  const rho0 = (p0 * input.molarMassKgMol) / (GAS_CONSTANT_J_MOL_K * input.temperatureK);
  const rateKgS = cd * area * Math.sqrt(rho0 * p0 * ((2 * k) / (k - 1)) * (eta ** (2 / k) - eta ** ((k + 1) / k)));
  return { rateKgS, choked, criticalPressureRatio, throatPressurePa: eta * p0, throatTemperatureK: input.temperatureK * eta ** ((k - 1) / k) };
}

/** Inputs of a liquid orifice (Bernoulli); pressures absolute [Pa]. */
export interface LiquidOrificeInput {
  liquidDensityKgM3: number;
  pressurePa: number;
  holeDiameterM: number;
  dischargeCoefficient?: number;
  ambientPressurePa?: number;
  /** Liquid head above the hole [m]. */
  liquidHeadM?: number;
}

/** Liquid through a hole: u = Cd·sqrt(2ΔP/ρ + 2gh), ṁ = ρ·A·u (Bernoulli; CCPS 1999 p.40; plume-physics.md §7). */
export function liquidOrificeRate(input: LiquidOrificeInput): { rateKgS: number; velocityMS: number } {
  const pa = input.ambientPressurePa ?? STANDARD_PRESSURE_PA;
  const cd = input.dischargeCoefficient ?? DEFAULT_LIQUID_CD;
  const head = 2 * GRAVITY_M_S2 * (input.liquidHeadM ?? 0);
  const drive = (2 * (input.pressurePa - pa)) / input.liquidDensityKgM3 + head;
  if (drive <= 0) return { rateKgS: 0, velocityMS: 0 };
  const velocityMS = cd * Math.sqrt(drive);
  return { rateKgS: input.liquidDensityKgM3 * (Math.PI / 4) * input.holeDiameterM ** 2 * velocityMS, velocityMS };
}

/**
 * Adiabatic flash fraction of a superheated liquefied gas: x_v = cp,l (T − Tb)/ΔHvap, clamped to [0, 1]
 * (DisperSim3D docs, plume-physics.md §7). For high-momentum jets the airborne fraction approaches 1 (droplets
 * re-evaporate in the jet): taking only x_v as airborne under-predicts.
 */
export function flashFraction(liquidHeatCapacityJKgK: number, storageTemperatureK: number, boilingPointK: number, heatOfVaporizationJKg: number): number {
  return Math.min(1, Math.max(0, (liquidHeatCapacityJKgK * (storageTemperatureK - boilingPointK)) / heatOfVaporizationJKg));
}

/** Inputs of non-boiling pool evaporation. */
export interface PoolEvaporationInput {
  poolAreaM2: number;
  /** Pool diameter [m]; default the diameter of a circle of poolAreaM2. */
  poolDiameterM?: number;
  windSpeed10MS: number;
  molarMassKgMol: number;
  vapourPressurePa: number;
  temperatureK: number;
  /** Schmidt number, default 0.8 (Yellow Book). */
  schmidtNumber?: number;
}

/**
 * Non-boiling pool evaporation, Mackay & Matsugu as printed in the TNO Yellow Book: km = 0.004786·u10^0.78·d^−0.11·Sc^−0.67 [m/s],
 * E = km·A·M·Pv/(R T) [kg/s] ([S2] plume-physics.md §7). Boiling/cryogenic pools need a ground heat-flux model (not implemented).
 */
export function poolEvaporationRate(input: PoolEvaporationInput): { rateKgS: number; massTransferMS: number } {
  const d = input.poolDiameterM ?? Math.sqrt((4 * input.poolAreaM2) / Math.PI);
  const sc = input.schmidtNumber ?? 0.8;
  const massTransferMS = 0.004786 * input.windSpeed10MS ** 0.78 * d ** -0.11 * sc ** -0.67;
  const rateKgS = (massTransferMS * input.poolAreaM2 * input.molarMassKgMol * input.vapourPressurePa) / (GAS_CONSTANT_J_MOL_K * input.temperatureK);
  return { rateKgS, massTransferMS };
}

/** Vapour pressure estimate by Clausius–Clapeyron from Tb and ΔHvap: Pv = 1 atm·exp(ΔHvap·M/R·(1/Tb − 1/T)) ([M] approximation, ours; prefer a measured Pv). */
export function clausiusClapeyronVapourPressurePa(temperatureK: number, boilingPointK: number, heatOfVaporizationJKg: number, molarMassKgMol: number): number {
  return STANDARD_PRESSURE_PA * Math.exp(((heatOfVaporizationJKg * molarMassKgMol) / GAS_CONSTANT_J_MOL_K) * (1 / boilingPointK - 1 / temperatureK));
}
