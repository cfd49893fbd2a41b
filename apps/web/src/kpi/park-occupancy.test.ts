import { describe, expect, it } from 'vitest';
import type { ChemicalPark } from '@safetwin/twin-models';
import { shiftAt } from '@safetwin/twin-models';
import { plannedOccupancy } from './park-occupancy.ts';

const box = { shape: 'box', lengthM: 10, widthM: 10, heightM: 5, headingDeg: 0 } as const;
const pos = { eastM: 0, northM: 0, upM: 0 };
const name = { zh: '楼', en: 'building' };
const park = {
  buildings: [
    { id: 'B1', enterpriseId: 'E1', kind: 'office', name, position: pos, geometry: box, occupancy: { dayPersons: 40, nightPersons: 4 } },
    { id: 'B2', enterpriseId: 'E1', kind: 'workshop', name, position: pos, geometry: box, occupancy: { dayPersons: 20, nightPersons: 0 } },
    { id: 'B3', enterpriseId: null, kind: 'fire-station', name, position: pos, geometry: box, occupancy: { dayPersons: 25, nightPersons: 25 } },
    { id: 'B4', enterpriseId: 'E2', kind: 'office', name, position: pos, geometry: box, occupancy: { dayPersons: 0, nightPersons: 0 } },
  ],
  equipment: [
    { enterpriseId: 'E2', occupancy: { dayPersons: 6, nightPersons: 3 } },
    { enterpriseId: 'E2' },
  ],
} as unknown as Pick<ChemicalPark, 'buildings' | 'equipment'>;

describe('plannedOccupancy', () => {
  it('sums buildings and staffed equipment by enterprise for the day shift, most first', () => {
    expect(plannedOccupancy(park, 'day')).toEqual([
      { enterpriseId: 'E1', persons: 60, places: 2 },
      { enterpriseId: null, persons: 25, places: 1 },
      { enterpriseId: 'E2', persons: 6, places: 1 },
    ]);
  });

  it('uses the night figures at night and leaves out empty places', () => {
    expect(plannedOccupancy(park, 'night')).toEqual([
      { enterpriseId: null, persons: 25, places: 1 },
      { enterpriseId: 'E1', persons: 4, places: 1 },
      { enterpriseId: 'E2', persons: 3, places: 1 },
    ]);
  });
});

describe('shiftAt', () => {
  const CASES = [
    { title: '02:00 UTC is 09:55 in Nanjing (118.7° E): day', tMs: Date.UTC(2024, 5, 1, 2, 0), expected: 'day' },
    { title: '12:30 UTC is 20:25 in Nanjing: night', tMs: Date.UTC(2024, 5, 1, 12, 30), expected: 'night' },
    { title: '23:30 UTC is 07:25 next morning in Nanjing: night', tMs: Date.UTC(2024, 5, 1, 23, 30), expected: 'night' },
  ];
  for (const c of CASES) it(c.title, () => expect(shiftAt(c.tMs, 118.7), c.title).toBe(c.expected));
});
