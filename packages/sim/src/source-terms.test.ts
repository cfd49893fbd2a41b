import { describe, expect, it } from 'vitest';
import { clausiusClapeyronVapourPressurePa, flashFraction, gasOrificeRate, liquidOrificeRate, poolEvaporationRate } from './source-terms.ts';

const propane = { temperatureK: 298.15, molarMassKgMol: 0.044096, heatCapacityRatio: 1.142, holeDiameterM: 0.01, dischargeCoefficient: 0.85, ambientPressurePa: 101325 };

describe('source terms (plume-physics.md §7)', () => {
  it('gas orifice: choked above the critical ratio, subsonic below, continuous at the boundary', () => {
    expect(gasOrificeRate({ ...propane, pressurePa: 501325 }).choked).toBe(true);
    const sub = gasOrificeRate({ ...propane, pressurePa: 150000 });
    expect(sub.choked).toBe(false);
    expect(sub.throatPressurePa).toBeCloseTo(101325, 6);
    const crit = gasOrificeRate({ ...propane, pressurePa: 1 }).criticalPressureRatio * 101325;
    const below = gasOrificeRate({ ...propane, pressurePa: crit * 0.9999 }).rateKgS;
    const above = gasOrificeRate({ ...propane, pressurePa: crit * 1.0001 }).rateKgS;
    expect(Math.abs(above / below - 1)).toBeLessThan(1e-3);
    expect(gasOrificeRate({ ...propane, pressurePa: 90000 }).rateKgS).toBe(0);
  });
  it('choked flow equals the closed form Cd·A·P0·sqrt(kM/(RT0)·(2/(k+1))^((k+1)/(k−1)))', () => {
    const k = 1.142;
    const closed = 0.85 * (Math.PI / 4) * 1e-4 * 501325 * Math.sqrt(((k * 0.044096) / (8.314462618 * 298.15)) * (2 / (k + 1)) ** ((k + 1) / (k - 1)));
    expect(gasOrificeRate({ ...propane, pressurePa: 501325 }).rateKgS / closed).toBeCloseTo(1, 10);
  });
  it('liquid orifice adds the liquid head', () => {
    const base = { liquidDensityKgM3: 1000, pressurePa: 101325, holeDiameterM: 0.02, dischargeCoefficient: 0.61 };
    const r = liquidOrificeRate({ ...base, liquidHeadM: 5 });
    expect(r.velocityMS).toBeCloseTo(0.61 * Math.sqrt(2 * 9.80665 * 5), 10);
    expect(liquidOrificeRate(base).rateKgS).toBe(0);
  });
  it('flash fraction of chlorine stored at 20 °C is about 0.17 and clamps to [0, 1]', () => {
    expect(flashFraction(926, 293.15, 239.11, 287.8e3)).toBeCloseTo(0.174, 2);
    expect(flashFraction(926, 230, 239.11, 287.8e3)).toBe(0);
    expect(flashFraction(4440, 600, 239.82, 1371e3)).toBe(1);
  });
  it('pool evaporation grows with wind as u^0.78 and with area', () => {
    const base = { poolAreaM2: 10, windSpeed10MS: 2, molarMassKgMol: 0.02, vapourPressurePa: 1e4, temperatureK: 293 };
    const a = poolEvaporationRate(base).rateKgS;
    const b = poolEvaporationRate({ ...base, windSpeed10MS: 4 }).rateKgS;
    expect(b / a).toBeCloseTo(2 ** 0.78, 10);
    expect(poolEvaporationRate({ ...base, poolAreaM2: 20 }).rateKgS).toBeGreaterThan(a);
  });
  it('Clausius–Clapeyron gives 1 atm at the boiling point', () => {
    expect(clausiusClapeyronVapourPressurePa(292.67, 292.67, 374e3, 0.020006)).toBeCloseTo(101325, 6);
  });
});
