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
    // Review #10: the 2·x_v rule is not in plume-physics.md and is tagged [M] where users read it.
    expect(r.explanations.join(' ')).toMatch(/2·x_v.*\[M\]/);
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
  it('a gas far above its critical temperature (methane at 20 °C, even at 250 bar) is gas; low pressure is subsonic', () => {
    expect(holeRelease({ chemical: 'CH4', holeDiameterM: 0.02, pressurePa: 50e5, temperatureK: 293.15 }).phase).toBe('gas');
    // 250 bar is above the extrapolated Clausius–Clapeyron "vapour pressure" of methane at 293 K (~237 bar): only the
    // critical-temperature check (190.6 K) keeps it a gas.
    expect(clausiusClapeyronVapourPressurePa(293.15, 111.66, requireChemical('CH4').heatOfVaporizationJKg!, 0.016043)).toBeLessThan(250e5);
    const r = holeRelease({ chemical: 'CH4', holeDiameterM: 0.02, pressurePa: 250e5, temperatureK: 293.15, phase: 'liquid' });
    expect(r.phase).toBe('gas');
    expect(r.explanations.join(' ')).toMatch(/critical temperature/);
    expect(r.warnings.join(' ')).toMatch(/phase 'liquid' given/);
    expect(holeRelease({ chemical: 'CH4', holeDiameterM: 0.02, pressurePa: 1.5e5, temperatureK: 293.15 }).choked).toBe(false);
  });
  it('near the vapour pressure a liquefied gas is saturated liquid, not a knife edge (Cl2 20 °C: 6.70 vs 6.80 bar)', () => {
    const a = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 6.7e5, temperatureK: 293.15 });
    const b = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 6.8e5, temperatureK: 293.15 });
    expect(a.phase).toBe('liquid');
    expect(b.phase).toBe('liquid');
    expect(a.rateKgS / b.rateKgS).toBeGreaterThan(0.98);
    expect(a.warnings.join(' ')).toMatch(/saturated liquid/);
    // Well below the vapour pressure (−10 % band): gas.
    expect(holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 5.5e5, temperatureK: 293.15 }).phase).toBe('gas');
  });
  it('an explicit phase (hole in the vapour or the liquid space) overrides the estimate', () => {
    const v = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 6.8e5, temperatureK: 293.15, phase: 'gas' });
    expect(v.phase).toBe('gas');
    expect(v.rateKgS).toBeCloseTo(gasOrificeRate({ pressurePa: 6.8e5, temperatureK: 293.15, molarMassKgMol: cl2.molarMassKgMol, heatCapacityRatio: cl2.heatCapacityRatio!, holeDiameterM: 0.01 }).rateKgS, 12);
    expect(holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 4e5, temperatureK: 293.15, phase: 'liquid' }).phase).toBe('liquid');
    expect(holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 12e5, temperatureK: 293.15, phase: 'gas' }).warnings.join(' ')).toMatch(/would condense/);
  });
  it('liquid head counts: refrigerated ammonia tank, 8 kPa(g), 20 m of liquid above the hole (review #5)', () => {
    const nh3 = requireChemical('NH3');
    const base = { chemical: 'NH3', holeDiameterM: 0.05, pressurePa: 101_325 + 8000, temperatureK: 240 };
    const flat = holeRelease(base);
    const tall = holeRelease({ ...base, liquidHeadM: 20 });
    expect(tall.phase).toBe('liquid');
    const ref = liquidOrificeRate({ liquidDensityKgM3: nh3.liquidDensityKgM3!, pressurePa: base.pressurePa, holeDiameterM: 0.05, liquidHeadM: 20 });
    expect(tall.rateKgS).toBeCloseTo(ref.rateKgS, 12);
    expect(tall.rateKgS / flat.rateKgS).toBeGreaterThan(4);
    expect(tall.explanations.join(' ')).toMatch(/liquid head 20\.0 m/);
    expect(flat.warnings.join(' ')).toMatch(/no liquidHeadM/);
    // Barely above its boiling point: almost nothing flashes; the pool is warned about.
    expect(tall.airborneRateKgS / tall.rateKgS).toBeLessThan(0.05);
    expect(tall.warnings.join(' ')).toMatch(/pool whose evaporation is not modelled/);
  });
  it('names the bad field', () => {
    const code = (f: () => unknown) => {
      try { f(); } catch (e) { return e instanceof SimError ? `${e.code} ${e.path}` : String(e); }
      return 'no error';
    };
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: -1, pressurePa: 8e5, temperatureK: 293 }))).toBe('sim:bad-input holeDiameterM');
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293, dischargeCoefficient: 1.2 }))).toBe('sim:bad-input dischargeCoefficient');
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293, phase: 'plasma' as 'gas' }))).toBe('sim:bad-input phase');
    expect(code(() => holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293, liquidHeadM: -1 }))).toBe('sim:bad-input liquidHeadM');
    expect(code(() => holeRelease({ chemical: 'XYZ', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293 }))).toBe('sim:unknown-chemical chemical');
  });
});
