import { describe, expect, it } from 'vitest';
import { getDemoSite } from '@safetwin/twin-models';
import { shiftAt } from '@safetwin/twin-models';
import { plannedOccupancy } from './planned-occupancy.ts';

describe('shiftAt', () => {
  const CASES = [
    { title: 'Nanjing (118.8° E, UTC+7.9 h solar) at 00:30 UTC is 08:25 local: day', utc: [0, 30], lonDeg: 118.8, expected: 'day' },
    { title: 'Nanjing at 23:30 UTC the day before is 07:25 local: night', utc: [23, 30], lonDeg: 118.8, expected: 'night' },
    { title: 'Nanjing at 12:00 UTC is 19:55 local: day', utc: [12, 0], lonDeg: 118.8, expected: 'day' },
    { title: 'Nanjing at 12:10 UTC is 20:05 local: night', utc: [12, 10], lonDeg: 118.8, expected: 'night' },
    { title: 'Greenwich at 08:00 UTC: day begins', utc: [8, 0], lonDeg: 0, expected: 'day' },
    { title: 'west of Greenwich wraps to the day before (Denver, 105° W, at 02:00 UTC is 19:00)', utc: [2, 0], lonDeg: -105, expected: 'day' },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => expect(shiftAt(Date.UTC(2026, 5, 1, c.utc[0], c.utc[1]), c.lonDeg), c.title).toBe(c.expected));
  }
});

describe('plannedOccupancy', () => {
  const park = getDemoSite('cp-nanjing');
  const mine = getDemoSite('cm-yangquan');
  if (park?.kind !== 'chemical-park' || !mine) throw new Error('demo sites expected');

  it('adds up buildings and manned plant', () => {
    const all = plannedOccupancy(park, () => true)!;
    const expectedDay = [...park.buildings, ...park.equipment].reduce((sum, p) => sum + (p.occupancy?.dayPersons ?? 0), 0);
    expect(all.dayPersons).toBe(expectedDay);
    expect(all.dayPersons).toBeGreaterThan(all.nightPersons);
  });

  it("keeps only the places an officer may see: their enterprise's and the park's", () => {
    const enterpriseId = park.enterprises[0]!.id;
    const theirs = plannedOccupancy(park, (owner) => owner === null || owner === enterpriseId)!;
    const expectedDay = [...park.buildings, ...park.equipment]
      .filter((p) => p.enterpriseId === null || p.enterpriseId === enterpriseId)
      .reduce((sum, p) => sum + (p.occupancy?.dayPersons ?? 0), 0);
    expect(theirs.dayPersons).toBe(expectedDay);
    expect(theirs.dayPersons).toBeLessThan(plannedOccupancy(park, () => true)!.dayPersons);
  });

  it('gives none for a mine (its people are counted by their tags) or when nothing visible has occupants', () => {
    expect(plannedOccupancy(mine, () => true)).toBeNull();
    expect(plannedOccupancy(park, () => false)).toBeNull();
  });
});
