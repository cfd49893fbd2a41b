import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../lib/hub-types.ts';
import type { SiteStatus } from '../../lib/region-status.ts';
import { regionSites } from './region-sites.ts';

const summary = (id: string): SiteSummary => ({ id, name: { zh: id, en: id }, kind: 'chemical-park', origin: { latDeg: 30, lonDeg: 120, altM: 0 }, deviceCount: 1 });
const status = (id: string, worstLevel: SiteStatus['worstLevel']): SiteStatus => ({
  id,
  name: { zh: id, en: id },
  kind: 'coal-mine',
  origin: { latDeg: 37, lonDeg: 113, altM: 0 },
  risk: 'blue',
  worstLevel,
  alarms: { level1: 0, level2: 0, level3: 0, level4: 0, unacknowledged: 0, shelved: 0 },
  sensors: { total: 0, online: 0, stale: 0, noData: 0 },
  people: { source: 'none', count: 0 },
});

describe('regionSites', () => {
  it('lists the page’s sites before any status arrives, in their order, without status', () => {
    expect(regionSites([summary('a'), summary('b')], null).map((s) => [s.id, s.status])).toEqual([
      ['a', null],
      ['b', null],
    ]);
  });

  it('puts the most severe first and keeps the listed order among equals', () => {
    const list = { asOfMs: 1, sites: [status('a', null), status('b', 3), status('c', 1), status('d', 3)] };
    expect(regionSites(['a', 'b', 'c', 'd'].map(summary), list).map((s) => s.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('adds a site the status knows but the page did not, and keeps one the status left out', () => {
    const out = regionSites([summary('a')], { asOfMs: 1, sites: [status('z', 2)] });
    expect(out.map((s) => [s.id, s.status?.worstLevel ?? null])).toEqual([
      ['z', 2],
      ['a', null],
    ]);
  });
});
