import { describe, expect, it } from 'vitest';
import { CHEMICAL_INFO, mgM3ToPpm } from './chemicals.ts';
import type { Chemical } from './chemicals.ts';
import { GAS_DETECTOR_SETPOINTS, METHANE_SETPOINTS, flowSetpoints, levelSetpoints, pressureSetpoints, temperatureSetpoints } from './setpoints.ts';
import type { SetpointLevels } from './setpoints.ts';

describe('toxic detector set-points obey GB/T 50493-2019 (level-1 ≤ 100 % OEL, level-2 ≤ 200 % OEL)', () => {
  const CASES: Array<{ title: string; kind: keyof typeof GAS_DETECTOR_SETPOINTS; chemical: Chemical; oelPpm: number }> = [
    { title: 'chlorine, MAC 1 mg/m³', kind: 'gas-cl2', chemical: 'Cl2', oelPpm: 0.345 },
    { title: 'ammonia, PC-STEL 30 mg/m³', kind: 'gas-nh3', chemical: 'NH3', oelPpm: 43.07 },
    { title: 'hydrogen sulfide, MAC 10 mg/m³', kind: 'gas-h2s', chemical: 'H2S', oelPpm: 7.174 },
    { title: 'carbon monoxide, PC-STEL 30 mg/m³', kind: 'gas-co', chemical: 'CO', oelPpm: 26.19 },
    { title: 'hydrogen chloride, MAC 7.5 mg/m³', kind: 'gas-hcl', chemical: 'HCl', oelPpm: 5.03 },
    { title: 'sulfur dioxide, PC-STEL 10 mg/m³', kind: 'gas-so2', chemical: 'SO2', oelPpm: 3.816 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const info = CHEMICAL_INFO[c.chemical];
      const oel = mgM3ToPpm(info.oel!.mgM3, info.molarMassGMol);
      expect(oel, c.title).toBeCloseTo(c.oelPpm, 2);
      const sp = GAS_DETECTOR_SETPOINTS[c.kind];
      expect(sp.high, c.title).toBeLessThanOrEqual(oel);
      expect(sp.highHigh, c.title).toBeLessThanOrEqual(2 * oel);
      expect(sp.high, c.title).toBeLessThan(sp.highHigh);
    });
  }

  it('flammable: 25 / 50 %LEL', () => {
    expect([GAS_DETECTOR_SETPOINTS['gas-flammable'].high, GAS_DETECTOR_SETPOINTS['gas-flammable'].highHigh]).toEqual([25, 50]);
  });
});

describe('methane table (煤矿安全规程)', () => {
  it('faces alarm at 1.0 %, cut at 1.5 %, restore below 1.0 %; return airways alarm and cut at 1.0 %', () => {
    for (const p of ['longwall-face', 'upper-corner', 'heading-face', 'shearer', 'roadheader'] as const) expect(METHANE_SETPOINTS[p], p).toMatchObject({ alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0 });
    for (const p of ['face-return-airway', 'heading-return'] as const) expect(METHANE_SETPOINTS[p], p).toMatchObject({ alarmPct: 1.0, cutPct: 1.0, restoreBelowPct: 1.0 });
    for (const row of Object.values(METHANE_SETPOINTS)) if (row.cutPct !== null) expect(row.restoreBelowPct!).toBeLessThanOrEqual(row.alarmPct);
  });
});

describe('process set-point rules are ordered', () => {
  const ordered = (l: SetpointLevels) => [l.lowLow, l.low, l.high, l.highHigh].filter((x): x is number => x !== null);
  const CASES: Array<{ title: string; levels: SetpointLevels; inside?: [number, number] }> = [
    { title: 'LPG sphere pressure 1000/1770 kPa', levels: pressureSetpoints(1000, 1770), inside: [0, 1770] },
    { title: 'atmospheric tank pressure 1/5 kPa', levels: pressureSetpoints(1, 5), inside: [0, 5] },
    { title: 'ammonia converter 14 000/15 700 kPa', levels: pressureSetpoints(14_000, 15_700), inside: [0, 15_700] },
    { title: 'refrigerated NH3 −33/−20 °C', levels: temperatureSetpoints(-33, -20) },
    { title: 'reformer 850/900 °C', levels: temperatureSetpoints(850, 900) },
    { title: 'tank level', levels: levelSetpoints('tank'), inside: [0, 100] },
    { title: 'column level', levels: levelSetpoints('column'), inside: [0, 100] },
    { title: 'flow 0.05 kg/s', levels: flowSetpoints(0.05) },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const l = ordered(c.levels);
      expect(l.length, c.title).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < l.length; i++) expect(l[i]!, c.title).toBeGreaterThan(l[i - 1]!);
      if (c.inside) for (const x of l) expect(x > c.inside[0] && x < c.inside[1], `${c.title}: ${x}`).toBe(true);
    });
  }
});
