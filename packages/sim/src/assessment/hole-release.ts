// Release rate from a hole in a piece of equipment: gas or liquid phase from the operating state (issue 4 contract). Pure.
import { requireChemical } from '../chemicals/lookup.ts';
import type { Chemical } from '../chemicals/types.ts';
import { GRAVITY_M_S2, STANDARD_PRESSURE_PA } from '../constants.ts';
import { SimError } from '../errors.ts';
import { clausiusClapeyronVapourPressurePa, DEFAULT_GAS_CD, DEFAULT_LIQUID_CD, flashFraction, gasOrificeRate, liquidOrificeRate } from '../source-terms.ts';
import { saidNotes, simNote, type SimNote } from '../notes.ts';

/** Input of holeRelease: pressures absolute [Pa]. */
export interface HoleReleaseInput {
  chemical: string;
  holeDiameterM: number;
  pressurePa: number;
  temperatureK: number;
  ambientPressurePa?: number;
  dischargeCoefficient?: number;
  inventoryKg?: number;
  /**
   * Phase at the hole when known: 'liquid' for a hole below the liquid level (liquid space), 'gas' for a hole in the
   * vapour space (or a gas-filled line). Overrides the estimate from the vapour pressure (ignored above the critical
   * temperature, where there is no liquid).
   */
  phase?: 'gas' | 'liquid';
  /** Height of the liquid surface above the hole [m] (liquid phase: adds ρ·g·h to the driving pressure, CCPS 1999 p.40); default 0. */
  liquidHeadM?: number;
}

/** Result of holeRelease (contract). */
export interface HoleReleaseResult {
  /** Total discharge rate through the hole [kg/s]. */
  rateKgS: number;
  phase: 'gas' | 'liquid';
  choked?: boolean;
  flashFraction?: number;
  /** What goes into the dispersion model [kg/s]. */
  airborneRateKgS: number;
  /** inventoryKg / rateKgS [s], null without an inventory. */
  maxDurationS: number | null;
  /** The English of `explanationNotes`. */
  explanations: string[];
  explanationNotes: SimNote[];
  /** The English of `warningNotes`. */
  warnings: string[];
  warningNotes: SimNote[];
}

/**
 * Band around the estimated vapour pressure Pv in which a liquefied gas is taken as saturated liquid (the usual state
 * of a liquefied-gas tank: liquid under its own vapour pressure) and a warning says so: P ≥ (1 − band)·Pv → liquid.
 * 10 % covers the error of the Clausius–Clapeyron estimate (Cl2 at 20 °C: 6.72 bar estimated vs ~6.78 bar tabulated).
 * [M] — our choice.
 */
export const SATURATION_BAND = 0.1;

/** Airborne fraction below which holeRelease warns that the (unmodelled) pool dominates the source: 5 %, our choice. */
export const SMALL_AIRBORNE_FRACTION = 0.05;

/**
 * Aerosol rule for a flashing liquid jet: airborne fraction = min(1, 2·x_v) — the liquid carried as fine aerosol is
 * taken equal to the flashed vapour (Kletz 1977, as quoted in CCPS 1999 Guidelines for Consequence Analysis §2.3 and
 * Crowl & Louvar, Chemical Process Safety, ch. 4 — a rule of thumb; TNO Yellow Book ch. 2 gives rain-out models).
 * [M]: not in plume-physics.md and not re-read in those sources during this work; plume-physics.md §7 only warns that
 * x_v alone under-predicts. Verify before relying on it.
 */
export const AEROSOL_FACTOR = 2;

const num = (v: unknown, path: string, positive = true): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || (positive ? v <= 0 : v < 0)) throw new SimError('sim:bad-input', `${path} must be a ${positive ? 'positive' : 'non-negative'} number`, path);
  return v;
};

/** A library property or a SimError naming it. */
function property(c: Chemical, field: 'boilingPointK' | 'heatOfVaporizationJKg' | 'liquidDensityKgM3' | 'liquidHeatCapacityJKgK' | 'heatCapacityRatio'): number {
  const v = c[field];
  if (typeof v !== 'number') throw new SimError('sim:missing-property', `${c.id} has no ${field} in the library; holeRelease needs it`, 'chemical');
  return v;
}

/**
 * Rate through a hole. Phase: gas at or above the library's critical temperature (no liquid at any pressure); else
 * `phase` when given (hole in the liquid or the vapour space); else liquid when the operating pressure is at least
 * (1 − SATURATION_BAND) of the vapour pressure at the operating temperature (a liquefied gas under its own pressure or
 * padded; within the band a warning says saturated liquid was assumed), gas below. The vapour pressure is the
 * Clausius–Clapeyron estimate from Tb and ΔHvap (no Antoine data in the library: warned).
 * Gas: isentropic orifice, choked or subsonic (TNO Yellow Book; plume-physics.md §7), all airborne.
 * Liquid: Bernoulli through the hole with ΔP = P − Pa plus the liquid head ρ·g·liquidHeadM (CCPS 1999 p.40; for holes the liquid has no time to flash
 * inside the opening — as we recall Crowl & Louvar §4-7, [M], not in plume-physics.md — so this is the
 * non-equilibrium upper estimate), flash fraction
 * x_v = cp,l (T − Tb)/ΔHvap, airborne = min(1, 2·x_v) of the rate (AEROSOL_FACTOR; the rest rains out to a pool,
 * whose evaporation is not added). maxDurationS = inventory / rate.
 */
export function holeRelease(input: HoleReleaseInput): HoleReleaseResult {
  const c = requireChemical(String(input?.chemical ?? ''));
  const d = num(input.holeDiameterM, 'holeDiameterM');
  const p0 = num(input.pressurePa, 'pressurePa');
  const t0 = num(input.temperatureK, 'temperatureK');
  const pa = input.ambientPressurePa === undefined ? STANDARD_PRESSURE_PA : num(input.ambientPressurePa, 'ambientPressurePa');
  if (input.dischargeCoefficient !== undefined && (num(input.dischargeCoefficient, 'dischargeCoefficient') > 1)) throw new SimError('sim:bad-input', 'dischargeCoefficient must be ≤ 1', 'dischargeCoefficient');
  const inventoryKg = input.inventoryKg === undefined ? undefined : num(input.inventoryKg, 'inventoryKg', false);
  const headM = input.liquidHeadM === undefined ? 0 : num(input.liquidHeadM, 'liquidHeadM', false);
  const explanations: SimNote[] = [];
  const warnings: SimNote[] = [];
  const tb = property(c, 'boilingPointK');
  const hv = property(c, 'heatOfVaporizationJKg');
  if (input.phase !== undefined && input.phase !== 'gas' && input.phase !== 'liquid') throw new SimError('sim:bad-input', "phase must be 'gas' or 'liquid'", 'phase');
  const pv = clausiusClapeyronVapourPressurePa(t0, tb, hv, c.molarMassKgMol);
  const tc = c.criticalTemperatureK;
  const pvBar = (pv / 1e5).toFixed(2);
  const tK = t0.toFixed(1);
  if (p0 <= pa) warnings.push(simNote('hole.no-overpressure', { pressurePa: Math.round(p0), ambientPa: Math.round(pa) }));
  const maxDuration = (rate: number) => (inventoryKg === undefined ? null : rate > 0 ? inventoryKg / rate : null);
  let liquid: boolean;
  if (tc !== undefined && t0 >= tc) {
    liquid = false;
    explanations.push(simNote('why.hole-above-critical', { temperatureK: tK, chemical: c.id, criticalK: tc, source: c.sources.criticalTemperatureK ?? 'library' }));
    if (input.phase === 'liquid') warnings.push(simNote('hole.liquid-above-critical', { temperatureK: tK, criticalK: tc }));
  } else {
    if (tc === undefined) warnings.push(simNote('hole.no-critical-temperature', { chemical: c.id }));
    warnings.push(simNote('hole.vapour-pressure-estimated', { chemical: c.id, temperatureK: tK, boilingK: tb, vapourBar: pvBar }));
    if (input.phase !== undefined) {
      liquid = input.phase === 'liquid';
      explanations.push(simNote(liquid ? 'why.hole-liquid-as-given' : 'why.hole-gas-as-given', { vapourBar: pvBar, temperatureK: tK }));
      if (!liquid && p0 > (1 + SATURATION_BAND) * pv) warnings.push(simNote('hole.gas-would-condense', { pressureBar: (p0 / 1e5).toFixed(2), vapourBar: pvBar, chemical: c.id }));
    } else {
      liquid = p0 >= (1 - SATURATION_BAND) * pv;
      explanations.push(simNote(liquid ? 'why.hole-liquid-phase' : 'why.hole-gas-phase', { pressureBar: (p0 / 1e5).toFixed(2), sharePct: (1 - SATURATION_BAND) * 100, vapourBar: pvBar, temperatureK: tK }));
      if (Math.abs(p0 - pv) <= SATURATION_BAND * pv) warnings.push(simNote('hole.taken-saturated', { bandPct: SATURATION_BAND * 100 }));
    }
  }
  if (liquid) {
    const rho = property(c, 'liquidDensityKgM3');
    const cd = input.dischargeCoefficient ?? DEFAULT_LIQUID_CD;
    const r = liquidOrificeRate({ liquidDensityKgM3: rho, pressurePa: p0, holeDiameterM: d, dischargeCoefficient: cd, ambientPressurePa: pa, liquidHeadM: headM });
    const xv = t0 > tb ? flashFraction(property(c, 'liquidHeatCapacityJKgK'), t0, tb, hv) : 0;
    const airborneFraction = Math.min(1, AEROSOL_FACTOR * xv);
    const orifice = { cd, densityKgM3: rho, dpBar: ((p0 - pa) / 1e5).toFixed(2), rateKgS: r.rateKgS.toFixed(3), velocityMS: r.velocityMS.toFixed(1) };
    explanations.push(headM > 0
      ? simNote('why.liquid-orifice-head', { ...orifice, headM: headM.toFixed(1), headBar: ((rho * GRAVITY_M_S2 * headM) / 1e5).toFixed(2) })
      : simNote('why.liquid-orifice', orifice));
    if (headM === 0 && input.liquidHeadM === undefined) warnings.push(simNote('hole.no-liquid-head'));
    if (airborneFraction < SMALL_AIRBORNE_FRACTION) warnings.push(simNote('hole.small-airborne', { airbornePct: (airborneFraction * 100).toFixed(1) }));
    explanations.push(xv > 0
      ? simNote('why.flash', { flash: xv.toFixed(3), airborne: airborneFraction.toFixed(3) })
      : simNote('why.no-flash', { temperatureK: tK, boilingK: tb }));
    if (xv > 0) warnings.push(simNote('hole.flashing-jet'));
    return { rateKgS: r.rateKgS, phase: 'liquid', flashFraction: xv, airborneRateKgS: r.rateKgS * airborneFraction, maxDurationS: maxDuration(r.rateKgS), ...saidNotes(explanations, warnings) };
  }
  const cd = input.dischargeCoefficient ?? DEFAULT_GAS_CD;
  const k = property(c, 'heatCapacityRatio');
  const g = gasOrificeRate({ pressurePa: p0, temperatureK: t0, molarMassKgMol: c.molarMassKgMol, heatCapacityRatio: k, holeDiameterM: d, dischargeCoefficient: cd, ambientPressurePa: pa });
  explanations.push(simNote(g.choked ? 'why.gas-orifice-choked' : 'why.gas-orifice-subsonic', { cd, k, ratio: (p0 / pa).toFixed(2), critical: g.criticalPressureRatio.toFixed(2), rateKgS: g.rateKgS.toFixed(4) }));
  return { rateKgS: g.rateKgS, phase: 'gas', choked: g.choked, airborneRateKgS: g.rateKgS, maxDurationS: maxDuration(g.rateKgS), ...saidNotes(explanations, warnings) };
}

