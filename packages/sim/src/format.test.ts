import { describe, expect, it } from 'vitest';
import { holeRelease } from './assessment/hole-release.ts';
import { runAssessment } from './assessment/run-assessment.ts';
import { fmt } from './format.ts';

/** A number with 7 or more decimals: a raw float left in a sentence. */
const RAW_FLOAT = /\d\.\d{7,}/;
const t = 273.15 + 10.7; // 283.84999999999997 in IEEE doubles

describe('explanations and warnings print rounded numbers (review #11)', () => {
  it('fmt rounds and drops trailing zeros', () => {
    expect(fmt(t, 1)).toBe('283.8');
    expect(fmt(4, 1)).toBe('4');
    expect(fmt(0.1 + 0.2, 1)).toBe('0.3');
  });

  it('no raw floats in assessment and holeRelease texts (dense, elevated, finite, calm, windHeightM)', () => {
    const weather = { windSpeedMS: 0.1 + 0.2 + 3, stability: 'D', windFromDeg: 250, airTempK: t };
    const inputs = [
      { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, temperatureK: t, heightM: 0.1 + 0.2 }, weather, thresholdHeightM: 0.1 + 0.2 },
      { chemical: 'Cl2', model: 'dense', release: { kind: 'instantaneous', massKg: 500, temperatureK: t, heightM: 0.1 + 0.2 }, weather, frames: 2 },
      { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, heightM: 30.1 + 0.2 }, weather: { ...weather, windHeightM: 0.1 + 0.2 + 10 } },
      { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 1, rateSteps: [{ tS: 0, rateKgS: 1 }, { tS: 0.1 + 0.2 + 100, rateKgS: 0 }] }, weather, frames: 2 },
      { chemical: 'Cl2', model: 'gaussian-plume', release: { kind: 'continuous', rateKgS: 1 }, weather: { ...weather, windSpeedMS: 0.1 + 0.2 } },
    ];
    for (const input of inputs) {
      const r = runAssessment(input);
      for (const line of [...r.explanations, ...r.warnings]) expect(line, line).not.toMatch(RAW_FLOAT);
    }
    const h = holeRelease({ chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5 + 0.1 + 0.2, temperatureK: t, liquidHeadM: 0.1 + 0.2 });
    for (const line of [...h.explanations, ...h.warnings]) expect(line, line).not.toMatch(RAW_FLOAT);
  });
});
