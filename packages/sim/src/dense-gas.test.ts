import { describe, expect, it } from 'vitest';
import { BM_PLUME_LINES, BM_PUFF_LINES, DENSE_GROUND_LAYER_M, densePlume, densePlumeCriterion, densePuff, densePuffCriterion, gravityArrivalS, gravityFrontRadiusM, lineBeta, nonIsothermalCorrection } from './dense-gas.ts';
import type { Handover } from './dense-handover.ts';
import { resolveModel } from './resolve-model.ts';
import { plumeScenarioSchema } from './scenario.ts';

// Correlation-line values from GasDispersion.jl test/models/britter_mcquaid_{plume,puff}_tests.jl (CCPS 1999 digitisation).
const PLUME_LINE_CASES = [
  { title: 'plume lines at α = −0.75', alpha: -0.75, expected: [1.75, 1.92, 2.08, 2.25, 2.4, 2.6] },
  { title: 'plume lines at α = −0.40', alpha: -0.4, expected: [1.784, 2.016, 2.21, 2.394, 2.564, 2.714] },
  { title: 'plume lines at α = −0.20', alpha: -0.2, expected: [1.832, 2.06, 2.25, 2.45, 2.63, 2.77] },
  { title: 'plume lines at α = 0', alpha: 0, expected: [1.78, 1.96, 2.16, 2.35, 2.56, 2.71] },
];
const PUFF_LINE_CASES = [
  { title: 'puff lines at α = −0.75', alpha: -0.75, expected: [0.7, 0.85, 0.95, 1.15, 1.48, 1.83, 2.075] },
  { title: 'puff lines at α = 0', alpha: 0, expected: [0.81, 1.0, 1.19, 1.39, 1.62, 1.83, 2.05] },
  { title: 'puff lines at α = 0.75', alpha: 0.75, expected: [0.93, 1.03, 1.185, 1.375, 1.525, 1.68, 1.8475] },
];

describe('Britter–McQuaid correlation lines', () => {
  for (const c of PLUME_LINE_CASES) {
    it(c.title, () => BM_PLUME_LINES.forEach((l, i) => expect(lineBeta(l.line, c.alpha), `${c.title} Cm/C0 = ${l.ratio}`).toBeCloseTo(c.expected[i]!, 10)));
  }
  for (const c of PUFF_LINE_CASES) {
    it(c.title, () => BM_PUFF_LINES.forEach((l, i) => expect(lineBeta(l.line, c.alpha), `${c.title} Cm/C0 = ${l.ratio}`).toBeCloseTo(c.expected[i]!, 10)));
  }
});

const lng = { releaseDensityKgM3: 1.76, ambientDensityKgM3: 1.1845, releaseTemperatureK: 111.15, ambientTemperatureK: 298, windSpeed10MS: 10.9, volumeRateM3S: (0.23 * 425.6) / 1.76 };

describe('Britter–McQuaid models', () => {
  it('non-isothermal correction is the identity for an isothermal release and raises C for a cold one', () => {
    expect(nonIsothermalCorrection(0.05, 293, 293)).toBeCloseTo(0.05, 15);
    expect(nonIsothermalCorrection(0.05, 111, 298)).toBeGreaterThan(0.12);
  });
  it('LNG (CCPS p.122): the LFL (5 % v/v) lies near 367 m; without the correction it would be ~230 m', () => {
    const pl = densePlume(lng);
    expect(pl.centrelineVolumeFraction(367)).toBeCloseTo(0.0507, 3);
    expect(pl.isothermalRatio(231)).toBeCloseTo(0.05, 2);
  });
  it('the plume centreline falls monotonically and the top hat widens', () => {
    const pl = densePlume(lng);
    let prev = Infinity;
    for (let x = 1; x < 5000; x *= 1.1) {
      const c = pl.centrelineVolumeFraction(x);
      expect(c, `x = ${x}`).toBeLessThanOrEqual(prev);
      prev = c;
    }
    expect(pl.halfWidthM(500)).toBeGreaterThan(pl.halfWidthM(50));
    expect(pl.volumeFraction(100, pl.halfWidthM(100) + 1, 0)).toBe(0);
    const top = Math.max(pl.heightM(100), DENSE_GROUND_LAYER_M);
    expect(pl.volumeFraction(100, 0, top + 0.01)).toBe(0);
    expect(pl.volumeFraction(100, 0, top)).toBe(pl.centrelineVolumeFraction(100));
  });
  it('criteria: a chlorine release at 4 m/s is dense; methane at ambient temperature is not', () => {
    const cl2 = densePlumeCriterion({ releaseDensityKgM3: 2.95, ambientDensityKgM3: 1.2, releaseTemperatureK: 293, ambientTemperatureK: 293, windSpeed10MS: 4, volumeRateM3S: 0.4 });
    expect(cl2.dense).toBe(true);
    const ch4 = densePlumeCriterion({ releaseDensityKgM3: 0.67, ambientDensityKgM3: 1.2, releaseTemperatureK: 293, ambientTemperatureK: 293, windSpeed10MS: 4, volumeRateM3S: 1 });
    expect(ch4.dense).toBe(false);
    const puff = densePuffCriterion({ releaseDensityKgM3: 2.95, ambientDensityKgM3: 1.2, releaseTemperatureK: 293, ambientTemperatureK: 293, windSpeed10MS: 4, volumeM3: 30 });
    expect(puff.dense).toBe(true);
  });
  it('puff: near field 3.24/(3.24 + x′²), cloud confined to its cylinder', () => {
    const pf = densePuff({ releaseDensityKgM3: 1.434, ambientDensityKgM3: 1.204, releaseTemperatureK: 293.15, ambientTemperatureK: 293.15, windSpeed10MS: 2, volumeM3: 38e3 / 1.434 });
    const v13 = Math.cbrt(38e3 / 1.434);
    expect(pf.isothermalRatio(v13)).toBeCloseTo(Math.max(3.24 / 4.24, 0.1), 10);
    expect(pf.volumeFraction(160, 0, 0, 200)).toBeGreaterThan(0);
    expect(pf.volumeFraction(5000, 0, 0, 200)).toBe(0);
  });
});

describe('gravity spreading of a continuous dense release (Britter 1979)', () => {
  it('reaches 0.84 (g0′Q0)^{1/4} t^{3/4}: nothing before the start, ×2^{3/4} for twice the time, ×2^{1/4} for twice the flux', () => {
    expect(gravityFrontRadiusM(1, 1)).toBeCloseTo(0.84, 12);
    expect(gravityFrontRadiusM(16, 81)).toBeCloseTo(0.84 * 2 * 27, 10);
    expect(gravityFrontRadiusM(5, 0)).toBe(0);
    expect(gravityFrontRadiusM(0, 60)).toBe(0);
    expect(gravityFrontRadiusM(5, 120) / gravityFrontRadiusM(5, 60)).toBeCloseTo(2 ** 0.75, 12);
    expect(gravityFrontRadiusM(10, 60) / gravityFrontRadiusM(5, 60)).toBeCloseTo(2 ** 0.25, 12);
  });

  it('reaches a point upwind once that radius reaches it, across downwind once it reaches its distance from the axis, beyond the hand-over at once', () => {
    const model = { buoyancyFluxM4S3: 10, handover: { distanceM: 500 } as Handover };
    const upwindS = gravityArrivalS(model, -30, 40);
    expect(gravityFrontRadiusM(10, upwindS)).toBeCloseTo(50, 9); // 50 m from the source
    expect(gravityFrontRadiusM(10, gravityArrivalS(model, 200, 40))).toBeCloseTo(40, 9); // 40 m from the axis
    expect(gravityArrivalS(model, 200, 0)).toBe(0); // on the axis the wind brings it
    expect(gravityArrivalS(model, 600, 40)).toBe(0); // passive beyond the hand-over: the wind's turbulence spreads it
    expect(gravityArrivalS({ buoyancyFluxM4S3: undefined, handover: undefined }, -30, 40)).toBe(0); // a passive plume
    expect(gravityArrivalS({ ...model, buoyancyFluxM4S3: 80 }, -30, 40)).toBeCloseTo(upwindS / 2, 9); // t ∝ F^{-1/3}: 8× the flux, half the time
  });

  it('a dense model carries its buoyancy flux g0′Q0; a passive one none', () => {
    const weather = { windSpeedMS: 1.5, windHeightM: 10, stability: 'F' as const };
    const cl2 = resolveModel(plumeScenarioSchema.parse({ chemical: 'Cl2', model: 'auto', release: { kind: 'continuous', rateKgS: 2, heightM: 0 }, weather }));
    expect(cl2.model).toBe('dense');
    // g0′ ≈ g·(ρ − ρa)/ρa ≈ 9.8·(3 − 1.2)/1.2 ≈ 15 m/s², Q0 ≈ 2/3 m³/s: about 10 m⁴/s³ for chlorine vapour near its boiling point.
    expect(cl2.buoyancyFluxM4S3).toBeGreaterThan(5);
    expect(cl2.buoyancyFluxM4S3).toBeLessThan(20);
    const nh3 = resolveModel(plumeScenarioSchema.parse({ chemical: 'NH3', model: 'auto', release: { kind: 'continuous', rateKgS: 2, heightM: 0 }, weather: { ...weather, windSpeedMS: 3, stability: 'D' } }));
    expect(nh3.model).toBe('gaussian-plume');
    expect(nh3.buoyancyFluxM4S3).toBeUndefined();
  });
});
