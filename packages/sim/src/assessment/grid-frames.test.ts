import { describe, expect, it } from 'vitest';
import { resolveModel } from '../resolve-model.ts';
import { parseInput, plumeScenarioSchema } from '../scenario.ts';
import { kgM3ToPpm } from '../units.ts';
import { runAssessment } from './run-assessment.ts';

const weather = { windSpeedMS: 3, stability: 'D', windFromDeg: 250 } as const;

/** Each frame's hottest cell and maxPpm against the model's own peak at that time (on the axis at the cloud centre). */
function frameVsPeak(input: Record<string, unknown>): { tS: number; cellRatio: number; maxRatio: number }[] {
  const r = runAssessment(input);
  const m = resolveModel(parseInput(plumeScenarioSchema, input));
  const toPpm = kgM3ToPpm(1, m.chemical.molarMassKgMol, 293.15, 101_325);
  if (m.time.kind !== 'transient') throw new Error('transient model expected');
  const time = m.time;
  return r.grid.frames.map((f) => {
    const [x0, x1] = time.cloudAxisM!(f.tS!);
    let peak = 0;
    for (let k = 0; k <= 64; k++) peak = Math.max(peak, m.concentrationKgM3(x0 + ((x1 - x0) * k) / 64, 0, 0, f.tS!).concentrationKgM3 * toPpm);
    let cell = 0;
    for (const v of f.valuesPpm) cell = Math.max(cell, v);
    return { tS: f.tS!, cellRatio: cell / peak, maxRatio: f.maxPpm / peak };
  });
}

describe('assessment grid frames see a cloud narrower than a cell (review #7)', () => {
  for (const [name, input] of [
    ['500 kg Cl2 passive puff', { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'instantaneous', massKg: 500 }, weather, frames: 12 }],
    ['500 kg Cl2 dense puff with its passive tail', { chemical: 'Cl2', model: 'auto', release: { kind: 'instantaneous', massKg: 500 }, weather, frames: 12 }],
    ['Cl2 1 kg/s for 60 s', { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 1, durationS: 60 }, weather, frames: 12 }],
  ] as const) {
    it(`${name}: every frame's hottest cell and maxPpm reach the cloud's peak at that time`, () => {
      const rows = frameVsPeak(input);
      console.log(`${name}: hottest cell / peak per frame ${rows.map((r) => r.cellRatio.toFixed(3)).join(' ')}`);
      for (const r of rows) {
        expect(r.cellRatio, `t = ${r.tS.toFixed(0)} s`).toBeGreaterThan(0.97);
        expect(r.maxRatio, `t = ${r.tS.toFixed(0)} s`).toBe(r.cellRatio);
      }
    });
  }
});

describe('calm wind grid (review #7)', () => {
  it('follows the cloud for 60 min (≥ 2 km around the source), not the 100 km calm circles', () => {
    const r = runAssessment({ chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'instantaneous', massKg: 500 }, weather: { windSpeedMS: 0.5, stability: 'F', windFromDeg: 250 }, frames: 4 });
    expect(r.zones.features.every((f) => f.properties.kind === 'calm-circle')).toBe(true);
    expect(Math.max(...r.zones.metadata.zones.map((z) => z.distanceM))).toBeGreaterThan(50_000);
    const g = r.grid;
    expect(g.cellM * Math.max(g.nx, g.ny)).toBeLessThan(5000);
    expect(g.frames.every((f) => f.maxPpm > 1 && f.maxPpm <= 1e6)).toBe(true);
    expect(r.explanations.join(' ')).toMatch(/calm wind: the grid follows the cloud/);
  });
});
