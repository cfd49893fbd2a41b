import { describe, expect, it } from 'vitest';
import { requireChemical } from '../chemicals/lookup.ts';
import { SimError } from '../errors.ts';
import { clausiusClapeyronVapourPressurePa, flashFraction, gasOrificeRate, liquidOrificeRate } from '../source-terms.ts';
import { holeRelease } from './hole-release.ts';

const cl2 = requireChemical('Cl2');

describe('holeRelease', () => {
  it('chlorine above its vapour pressure leaks as a flashing liquid: Bernoulli rate, airborne 2·x_v, duration from inventory', () => {
    const r = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293.15, inventoryKg: 1000 });
    expect(clausiusClapeyronVapourPressurePa(293.15, cl2.boilingPointK, cl2.heatOfVaporizationJKg!, cl2.molarMassKgMol)).toBeLessThan(8e5);
    expect(r.phase).toBe('liquid');
    const ref = liquidOrificeRate({ liquidDensityKgM3: cl2.liquidDensityKgM3!, pressurePa: 8e5, holeDiameterM: 0.01 });
    expect(r.rateKgS).toBeCloseTo(ref.rateKgS, 12);
    const xv = flashFraction(cl2.liquidHeatCapacityJKgK!, 293.15, cl2.boilingPointK, cl2.heatOfVaporizationJKg!);
    expect(r.flashFraction).toBeCloseTo(xv, 12);
    expect(xv).toBeGreaterThan(0.1);
    expect(r.airborneRateKgS).toBeCloseTo(2 * xv * ref.rateKgS, 12);
    expect(r.maxDurationS).toBeCloseTo(1000 / ref.rateKgS, 9);
    expect(r.warnings.join(' ')).toMatch(/Clausius–Clapeyron/);
  });
  it('chlorine below its vapour pressure leaks as gas (choked at 4 bar), all airborne', () => {
    const r = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 4e5, temperatureK: 293.15, dischargeCoefficient: 0.8 });
    const ref = gasOrificeRate({ pressurePa: 4e5, temperatureK: 293.15, molarMassKgMol: cl2.molarMassKgMol, heatCapacityRatio: cl2.heatCapacityRatio!, holeDiameterM: 0.01, dischargeCoefficient: 0.8 });
    expect(r.phase).toBe('gas');
    expect(r.choked).toBe(true);
    expect(r.rateKgS).toBeCloseTo(ref.rateKgS, 12);
    expect(r.airborneRateKgS).toBe(r.rateKgS);
    expect(r.maxDurationS).toBeNull();
  });
  it('a gas far above its critical temperature (methane, 50 bar, 20 °C) is gas; low pressure is subsonic', () => {
    expect(holeRelease({ chemical: 'CH4', holeDiameterM: 0.02, pressurePa: 50e5, temperatureK: 293.15 }).phase).toBe('gas');
    expect(holeRelease({ chemical: 'CH4', holeDiameterM: 0.02, pressurePa: 1.5e5, temperatureK: 293.15 }).choked).toBe(false);
  });
  it('names the bad field', () => {
    const code = (f: () => unknown) => {
      try { f(); } catch (e) { return e instanceof SimError ? `${e.code} ${e.path}` : String(e); }
      return 'no error';
    };
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: -1, pressurePa: 8e5, temperatureK: 293 }))).toBe('sim:bad-input holeDiameterM');
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293, dischargeCoefficient: 1.2 }))).toBe('sim:bad-input dischargeCoefficient');
    expect(code(() => holeRelease({ chemical: 'XYZ', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293 }))).toBe('sim:unknown-chemical chemical');
  });
});
