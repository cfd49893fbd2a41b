import { describe, expect, it } from 'vitest';
import { densePlume } from './dense-gas.ts';
import { CORRELATION_END_RATIO, handoverRatio, virtualTravelM } from './dense-handover.ts';
import { gaussianPuffKgM3 } from './gaussian-puff.ts';
import { gaussianPlumeKgM3 } from './gaussian-plume.ts';
import { resolveModel } from './resolve-model.ts';
import { runPlume } from './run-plume.ts';
import { parseInput, plumeScenarioSchema } from './scenario.ts';
import { farthestCrossingM } from './search.ts';
import { sigmaYM, sigmaZM } from './sigma.ts';
import { idealGasDensityKgM3 } from './units.ts';

/** The chlorine scenario of the CLI contract (README `plume` example). */
const CL2 = {
  chemical: 'Cl2', model: 'auto',
  release: { kind: 'continuous', rateKgS: 1.2, heightM: 2, temperatureK: 293 },
  weather: { windSpeedMS: 4, stability: 'D', terrain: 'rural', airTempK: 293 },
  sigma: 'briggs-rural', thresholdsPpm: [20, 2, 0.5], thresholdHeightM: 0,
};
const model = (input: unknown) => resolveModel(parseInput(plumeScenarioSchema, input));

describe('dense → passive hand-over (Britter–McQuaid → Gaussian from a virtual source)', () => {
  it('continuous chlorine: dense near field, hand-over at the correlation end, continuous centreline there', () => {
    const m = model(CL2);
    expect(m.model).toBe('dense');
    const h = m.handover!;
    expect(h.criterion).toBe('correlation-end');
    expect(h.isothermalRatio).toBeCloseTo(CORRELATION_END_RATIO.plume, 9);
    const before = m.centrelineKgM3(h.distanceM * (1 - 1e-9), 0);
    const after = m.centrelineKgM3(h.distanceM * (1 + 1e-9), 0);
    expect(after / before).toBeCloseTo(1, 5);
    expect(h.concentrationKgM3 / before).toBeCloseTo(1, 6);
    expect(m.explanations.map((n) => n.text).join(' ')).toMatch(/hand-over at \d+ m downwind .*σy virtual source lies \d+ m and σz virtual source \d+ m upwind/);
  });

  it('beyond the hand-over the field is a ground-level Gaussian plume of the full rate with separate σy and σz virtual sources', () => {
    const m = model(CL2);
    const h = m.handover!;
    const pp = { rateKgS: 1.2, windSpeedMS: 4, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' } as const;
    const at = (x: number, y: number, z: number) => {
      const sy = sigmaYM(h.virtualTravelYM + x - h.distanceM, 'D', 'briggs-rural'), sz = sigmaZM(h.virtualTravelM + x - h.distanceM, 'D', 'briggs-rural');
      return gaussianPlumeKgM3(pp.rateKgS, pp.windSpeedMS, 0, sy, sz, y, z);
    };
    // Matching rule: σy = 2b/√(2π) at x_h (same peak and crosswind integral as the top hat), σz from the concentration.
    expect(sigmaYM(h.virtualTravelYM, 'D', 'briggs-rural') / ((2 * h.denseHalfWidthM) / Math.sqrt(2 * Math.PI))).toBeCloseTo(1, 6);
    expect(at(h.distanceM, 0, 0) / h.concentrationKgM3).toBeCloseTo(1, 6);
    for (const [x, y, z] of [[h.distanceM + 10, 0, 0], [1000, 30, 0], [5000, -200, 1.5], [20000, 0, 10]] as const) {
      // Up to 2 m the handed-over cloud reads its ground value (DENSE_GROUND_LAYER_M).
      const ref = at(x, y, z <= 2 ? 0 : z);
      expect(m.concentrationKgM3(x, y, z).concentrationKgM3 / ref, `${x},${y},${z}`).toBeCloseTo(1, 9);
    }
    const thr = m.ppmToKgM3(2);
    const c0 = at(2500, 0, 0);
    expect(m.halfWidthM(2500, 0, thr)).toBeGreaterThan(0);
    expect(m.halfWidthM(2500, 0, thr)).toBeCloseTo(sigmaYM(2500 - h.distanceM + h.virtualTravelYM, 'D', 'briggs-rural') * Math.sqrt(2 * Math.log(c0 / thr)), 6);
  });

  it('instantaneous chlorine: the passive puff takes over with the dense maximum and width at the hand-over distance', () => {
    const m = model({ ...CL2, release: { kind: 'instantaneous', massKg: 500, temperatureK: 293 } });
    const h = m.handover!;
    expect(h.isothermalRatio).toBeCloseTo(CORRELATION_END_RATIO.puff, 9);
    expect(h.timeS).toBeCloseTo(h.distanceM / (0.4 * 4), 9);
    const before = m.centrelineKgM3(h.distanceM * (1 - 1e-9), 0);
    const after = m.centrelineKgM3(h.distanceM * (1 + 1e-9), 0);
    expect(after / before).toBeCloseTo(1, 5);
    // σy = R/√2 at the hand-over (same peak and horizontal integral as the dense disc).
    expect(sigmaYM(h.virtualTravelYM, 'D', 'briggs-rural') / (h.denseHalfWidthM / Math.SQRT2)).toBeCloseTo(1, 6);
    // Beyond: a puff of the full mass whose σy (σz) are those of travel ξy (ξz) + (x − x_h), centre at x_h + u (t − t_h).
    const x = 3000, t = h.timeS! + (x - h.distanceM) / 4;
    const sy = sigmaYM(h.virtualTravelYM + x - h.distanceM, 'D', 'briggs-rural');
    const ref = gaussianPuffKgM3(500, sy, sy, sigmaZM(h.virtualTravelM + x - h.distanceM, 'D', 'briggs-rural'), 0, 20, 0, 0);
    expect(m.concentrationKgM3(x, 20, 0, t).concentrationKgM3 / ref).toBeCloseTo(1, 9);
  });

  it('the threat-zone width does not pinch at the hand-over (review #3: Cl2, D 4 m/s and F 1.5 m/s, plume and puff)', () => {
    for (const weather of [{ ...CL2.weather }, { ...CL2.weather, windSpeedMS: 1.5, stability: 'F' }]) {
      for (const release of [CL2.release, { kind: 'instantaneous', massKg: 500, temperatureK: 293 }]) {
        const m = model({ ...CL2, weather, release });
        const xh = m.handover!.distanceM;
        for (const ppm of [20, 2, 0.5]) {
          const thr = m.ppmToKgM3(ppm);
          const before = m.halfWidthM(xh * 0.999, 0, thr), after = m.halfWidthM(xh * 1.001, 0, thr);
          const tag = `${weather.stability} ${release.kind} ${ppm} ppm: ${before.toFixed(1)} → ${after.toFixed(1)} m`;
          expect(before, tag).toBeGreaterThan(0);
          expect(after / before, tag).toBeGreaterThanOrEqual(0.99);
        }
      }
    }
  });

  it('a barely dense release hands over earlier, where the local Richardson number falls below 0.15', () => {
    expect(handoverRatio('plume', 0.16)).toEqual({ ratio: (0.15 / 0.16) ** 6, criterion: 'local-richardson' });
    expect(handoverRatio('plume', 2).criterion).toBe('correlation-end');
    expect(handoverRatio('puff', 0.1).ratio).toBe(1);
    // Warm, slightly heavy gas at a high rate in a strong wind: just above the criterion.
    const m = model({ ...CL2, chemical: 'H2S', model: 'dense', release: { kind: 'continuous', rateKgS: 0.5, temperatureK: 293 }, weather: { ...CL2.weather, windSpeedMS: 6 } });
    expect(m.handover!.criterion).toBe('local-richardson');
    expect(m.handover!.isothermalRatio).toBeGreaterThan(CORRELATION_END_RATIO.plume);
  });

  it('virtualTravelM inverts a decreasing centreline', () => {
    expect(virtualTravelM((s) => 1 / (s * s), 1e-4)).toBeCloseTo(100, 6);
  });

  it('chlorine CLI scenario: AEGL distances before (1/x′² extrapolation) and after the hand-over', () => {
    const after = runPlume(CL2).thresholds.map((t) => t.distanceM);
    const gauss = runPlume({ ...CL2, model: 'gaussian-plume' }).thresholds.map((t) => t.distanceM);
    // "Before": the workbook alone, 1/x′² beyond the last line (what the engine did until the hand-over).
    const rhoA = idealGasDensityKgM3(0.0289644, 293), rho0 = idealGasDensityKgM3(0.070906, 293);
    const pl = densePlume({ releaseDensityKgM3: rho0, ambientDensityKgM3: rhoA, releaseTemperatureK: 293, ambientTemperatureK: 293, windSpeed10MS: 4, volumeRateM3S: 1.2 / rho0 });
    const before = [20, 2, 0.5].map((ppm) => farthestCrossingM((x) => pl.centrelineVolumeFraction(x) * 1e6, ppm).distanceM);
    console.log(`Cl2 1.2 kg/s, 4 m/s D rural: AEGL 20/2/0.5 ppm distances — B–M 1/x′² ${before.map(Math.round).join('/')} m; with hand-over ${after.map(Math.round).join('/')} m; passive Gaussian plume ${gauss.map(Math.round).join('/')} m`);
    for (let i = 0; i < 3; i++) {
      expect(after[i]!).toBeLessThan(before[i]!);
      // Width-matched hand-over: within 10 % of the passive plume from the real source (a shallow, wide cloud).
      expect(after[i]! / gauss[i]!).toBeGreaterThan(0.9);
      expect(after[i]! / gauss[i]!).toBeLessThan(1.1);
    }
  });
});
