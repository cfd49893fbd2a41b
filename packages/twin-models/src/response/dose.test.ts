import { describe, expect, it } from 'vitest';
import { addDoseSample, aeglExceedances, doseAlongTrack, legExposure, pointSeries } from './dose.ts';
import type { ConcentrationField } from './dose.ts';
import { zoneStepField } from './zone-field.ts';

const LEVELS = { aegl1Ppm: 0.5, aegl2Ppm: 2, aegl3Ppm: 20 };

describe('dose along a walk', () => {
  const CASES: Array<{ title: string; field: ConcentrationField; expected: number }> = [
    { title: 'uniform 10 ppm over 200 s', field: () => 10, expected: 2000 },
    { title: 'cloud arrives after 100 s: read when the walker is there', field: (_x, _y, t) => (t > 100 ? 10 : 0), expected: 1000 },
    { title: 'zone on the second half of the leg only', field: (x) => (x > 120 ? 10 : 0), expected: 1000 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      // 240 m east at 1.2 m/s from t = 0: 200 s
      const leg = legExposure(c.field, { eastM: 0, northM: 0 }, { eastM: 240, northM: 0 }, 240, 0, 1.2, 10);
      expect(leg.durationS, c.title).toBeCloseTo(200, 9);
      expect(leg.dosePpmS, c.title).toBeCloseTo(c.expected, 6);
    });
  }

  it('charges a downwind penalty only when walking downwind inside the zone', () => {
    const field: ConcentrationField = () => 1;
    const downwind = { windFromDeg: 270, ppmSPerM: 2, insidePpm: 0.5 }; // wind from the west blows east
    const east = legExposure(field, { eastM: 0, northM: 0 }, { eastM: 100, northM: 0 }, 100, 0, 1, 10, downwind);
    const north = legExposure(field, { eastM: 0, northM: 0 }, { eastM: 0, northM: 100 }, 100, 0, 1, 10, downwind);
    const west = legExposure(field, { eastM: 0, northM: 0 }, { eastM: -100, northM: 0 }, 100, 0, 1, 10, downwind);
    expect(east.downwindPenalty).toBeCloseTo(200, 9);
    expect(north.downwindPenalty).toBeCloseTo(0, 9);
    expect(west.downwindPenalty).toBe(0);
  });

  it('point series: peak, first time over a threshold, end value', () => {
    const s = pointSeries((_x, _y, t) => (t >= 300 && t < 600 ? 4 : 0), { eastM: 0, northM: 0 }, 0, 1200, 10, 1);
    expect(s).toEqual({ peakPpm: 4, peakAtS: 300, endPpm: 0, firstAboveS: 300 });
  });
});

describe('per-person dose tracker', () => {
  it('integrates readings by the trapezoid rule and ignores stale ones', () => {
    let d = addDoseSample(undefined, 'p1', 0, 0);
    d = addDoseSample(d, 'p1', 60, 10);
    d = addDoseSample(d, 'p1', 120, 10);
    expect(addDoseSample(d, 'p1', 100, 1000)).toBe(d);
    expect(d).toMatchObject({ dosePpmS: 300 + 600, peakPpm: 10, firstS: 0, lastS: 120 });
  });

  it('reads the field along a position track', () => {
    const field: ConcentrationField = (x) => (x < 50 ? 6 : 0);
    const d = doseAlongTrack('p2', [{ tS: 60, eastM: 100, northM: 0 }, { tS: 0, eastM: 0, northM: 0 }, { tS: 30, eastM: 10, northM: 0 }], field)!;
    // 6 ppm at t = 0 and 30, 0 at 60: 180 + 90
    expect(d.dosePpmS).toBeCloseTo(270, 9);
  });

  it('lists people above AEGL-1/2/3 by toxic load over 60 min, each under the highest level', () => {
    const track = (id: string, ppm: number, s: number, n = 1) => addDoseSample(addDoseSample(undefined, id, 0, ppm, n), id, s, ppm);
    const doses = [track('low', 0.1, 600), track('one', 10, 600), track('two', 30, 600), track('three', 25, 3600), track('n2', 30, 600, 2)];
    const out = aeglExceedances(doses, LEVELS);
    expect(out.aegl1.map((e) => e.personId)).toEqual(['one']); // 6000 ppm·s ≥ 0.5·3600, < 2·3600
    expect(out.aegl2.map((e) => e.personId)).toEqual(['two', 'n2']);
    expect(out.aegl3.map((e) => e.personId)).toEqual(['three']);
    expect(out.aegl3[0]).toMatchObject({ level: 3, dosePpmS: 90_000, peakPpm: 25 });
  });
});

describe('zoneStepField', () => {
  const square = (half: number) => [{ eastM: -half, northM: -half }, { eastM: half, northM: -half }, { eastM: half, northM: half }, { eastM: -half, northM: half }];
  const field = zoneStepField([
    { ppm: 0.5, polygon: square(300) },
    { ppm: 2, polygon: square(100), toS: 600 },
    { ppm: 20, polygon: square(20), fromS: 60, toS: 600 },
  ]);
  const CASES = [
    { title: 'centre before the AEGL-3 zone forms', at: [0, 0, 0], expected: 2 },
    { title: 'centre while all three hold', at: [0, 0, 100], expected: 20 },
    { title: 'AEGL-2 band', at: [50, 0, 100], expected: 2 },
    { title: 'after the inner zones expire', at: [0, 0, 600], expected: 0.5 },
    { title: 'outside every zone', at: [500, 0, 100], expected: 0 },
  ];
  for (const c of CASES) it(c.title, () => expect(field(c.at[0]!, c.at[1]!, c.at[2]!), c.title).toBe(c.expected));
});
