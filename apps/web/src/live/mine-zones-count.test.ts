import { describe, expect, it } from 'vitest';
import type { PersonnelZone } from '@safetwin/twin-models';
import { undergroundCount, zoneCounts } from './mine-zones-count.ts';

const zone = (id: string, roadwayIds: string[], headcountLimit: number | null, restricted = false): PersonnelZone => ({ id, name: { zh: id, en: id }, roadwayIds, headcountLimit, restricted, authorizedTeams: [], basis: 'test' });

describe('zone headcounts', () => {
  const people = [
    { personId: 'a', roadwayId: 'R1' },
    { personId: 'b', roadwayId: 'R1' },
    { personId: 'c', roadwayId: 'R2' },
    { personId: 'd', roadwayId: null },
  ];

  it('counts each person in every zone holding their roadway; over only above the limit', () => {
    const [face, all, open, restricted] = zoneCounts([zone('face', ['R1'], 2), zone('all', ['R1', 'R2'], 2), zone('open', ['R2'], null), zone('goaf', ['R9'], 5, true)], people);
    expect(face).toMatchObject({ headcount: 2, limit: 2, over: false, personIds: ['a', 'b'] });
    expect(all).toMatchObject({ headcount: 3, over: true });
    expect(open).toMatchObject({ headcount: 1, limit: null, over: false });
    expect(restricted).toMatchObject({ headcount: 0, restricted: true });
  });

  it('counts underground only the people on a roadway', () => {
    expect(undergroundCount(people)).toBe(3);
  });
});
