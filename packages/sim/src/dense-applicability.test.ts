import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model.ts';
import { runZones } from './run-zones.ts';
import { parseInput, plumeScenarioSchema } from './scenario.ts';

const weather = { windSpeedMS: 4, stability: 'D', windFromDeg: 270 } as const;
const cl2 = (heightM: number, model = 'auto') => ({ chemical: 'Cl2', model, release: { kind: 'continuous', rateKgS: 1.2, heightM }, weather });
const model = (input: unknown) => resolveModel(parseInput(plumeScenarioSchema, input));

describe('dense model applicability (review #2)', () => {
  it('auto: a dense release from 30 m is modelled passive from its height, explained and warned; 2 m stays dense', () => {
    const m = model(cl2(30));
    expect(m.model).toBe('gaussian-plume');
    expect(m.explanations.map((n) => n.text).join(' ')).toMatch(/released at 30 m > 2 m/);
    expect(m.warnings.map((n) => n.text).join(' ')).toMatch(/slumping/);
    expect(model(cl2(2)).model).toBe('dense');
  });

  it('forced dense at 30 m warns that heightM is ignored', () => {
    const m = model(cl2(30, 'dense'));
    expect(m.model).toBe('dense');
    expect(m.warnings.map((n) => n.text).join(' ')).toMatch(/ground-level release; heightM 30 m is ignored/);
  });

  it('forced dense on a buoyant gas (methane) warns and gives no negative or NaN widths', () => {
    for (const release of [{ kind: 'continuous', rateKgS: 2 }, { kind: 'instantaneous', massKg: 500 }]) {
      const input = { chemical: 'CH4', model: 'dense', release, weather, thresholdsPpm: [50_000, 5_000] };
      const m = model(input);
      expect(m.warnings.map((n) => n.text).join(' ')).toMatch(/not denser than air/);
      for (const ppm of [50_000, 5_000]) {
        const thr = m.ppmToKgM3(ppm);
        for (let x = 1; x < 5000; x *= 1.3) {
          const w = m.halfWidthM(x, 0, thr);
          expect(Number.isFinite(w) && w >= 0, `${release.kind} ${ppm} ppm x = ${x}: ${w}`).toBe(true);
          expect(Number.isFinite(m.centrelineKgM3(x, 0))).toBe(true);
        }
      }
      const z = runZones(input);
      for (const f of z.features) for (const [e, n] of f.geometry.coordinates[0]!) expect(Number.isFinite(e) && Number.isFinite(n)).toBe(true);
    }
  });
});
