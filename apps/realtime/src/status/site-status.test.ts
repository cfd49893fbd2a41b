import { describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { getDemoSite, type DeviceInfo, type Site } from '@safetwin/twin-models';
import { countAlarms, freshnessOf, riskOfLevel, siteStatus } from './site-status.ts';

const RISK_CASES = [
  { title: 'level 1 (explosion precursor) is red', level: 1, expected: 'red' },
  { title: 'level 2 (gas over limit) is orange', level: 2, expected: 'orange' },
  { title: 'level 3 (equipment anomaly) is yellow', level: 3, expected: 'yellow' },
  { title: 'level 4 (advisory) is low risk, blue', level: 4, expected: 'blue' },
  { title: 'nothing standing is low risk, blue', level: null, expected: 'blue' },
] as const;

describe('riskOfLevel', () => {
  for (const c of RISK_CASES) it(c.title, () => expect(riskOfLevel(c.level), c.title).toBe(c.expected));
});

const alarm = (level: AlarmView['level'], state: AlarmView['state'], processActive: boolean) => ({ level, state, processActive });

describe('countAlarms', () => {
  const CASES = [
    { title: 'nothing', alarms: [], worst: null, counts: { level1: 0, level2: 0, level3: 0, level4: 0, unacknowledged: 0, shelved: 0 } },
    {
      title: 'the worst standing level wins, each level counted',
      alarms: [alarm(3, 'unacknowledged', true), alarm(2, 'acknowledged', true), alarm(3, 'acknowledged', true), alarm(4, 'unacknowledged', true)],
      worst: 2,
      counts: { level1: 0, level2: 1, level3: 2, level4: 1, unacknowledged: 2, shelved: 0 },
    },
    {
      title: 'a returned alarm waits for acknowledgement but is no longer a risk',
      alarms: [alarm(1, 'rtn-unacknowledged', false), alarm(3, 'acknowledged', true)],
      worst: 3,
      counts: { level1: 0, level2: 0, level3: 1, level4: 0, unacknowledged: 1, shelved: 0 },
    },
    {
      title: 'shelving hides an alarm from a list, not the risk',
      alarms: [alarm(1, 'shelved', true)],
      worst: 1,
      counts: { level1: 1, level2: 0, level3: 0, level4: 0, unacknowledged: 0, shelved: 1 },
    },
    {
      title: 'out of service and suppressed by design do not count',
      alarms: [alarm(1, 'out-of-service', true), alarm(2, 'suppressed', true), alarm(4, 'acknowledged', true)],
      worst: 4,
      counts: { level1: 0, level2: 0, level3: 0, level4: 1, unacknowledged: 0, shelved: 0 },
    },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => {
      const { counts, worstLevel } = countAlarms(c.alarms);
      expect(worstLevel, c.title).toBe(c.worst);
      expect(counts, c.title).toEqual(c.counts);
    });
  }
});

describe('freshnessOf', () => {
  const CASES = [
    { title: 'never heard', lastHeardMs: undefined, ageMs: 0, expected: 'no-data' },
    { title: 'just heard', lastHeardMs: 10_000, ageMs: 0, expected: 'online' },
    { title: 'just under 3 intervals', lastHeardMs: 10_000, ageMs: 2_999, expected: 'online' },
    { title: 'at 3 intervals', lastHeardMs: 10_000, ageMs: 3_000, expected: 'stale' },
    { title: 'long silent', lastHeardMs: 10_000, ageMs: 3_600_000, expected: 'stale' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(freshnessOf(c.lastHeardMs, 1_000, (c.lastHeardMs ?? 0) + c.ageMs), c.title).toBe(c.expected));
});

describe('siteStatus', () => {
  const demo = (id: string): Site => {
    const site = getDemoSite(id);
    if (!site) throw new Error(`no demo site ${id}`);
    return site;
  };
  const nowMs = Date.UTC(2026, 0, 15, 4, 0); // 12:00 in Nanjing and Yangquan (solar time ≈ UTC+7.5–7.9 h)
  const device = (deviceId: string, kind: string): DeviceInfo => ({ deviceId, siteId: 'x', enterpriseId: null, kind, intervalMs: 1_000, metrics: {} });

  it('counts sensors by freshness and leaves actuators and tags out of them', () => {
    const park = demo('cp-nanjing');
    const devices = [device('A', 'gas-cl2'), device('B', 'pressure'), device('C', 'weather'), device('V', 'valve-actuator')];
    const heard = new Map([
      ['A', nowMs - 500],
      ['B', nowMs - 10_000],
      ['V', nowMs],
    ]);
    const status = siteStatus({ site: park, devices, lastHeardMs: heard, alarms: [], planned: { dayPersons: 100, nightPersons: 20 }, nowMs });
    expect(status.sensors).toEqual({ total: 3, online: 1, stale: 1, noData: 1 });
    expect(status).toMatchObject({ id: park.id, kind: 'chemical-park', risk: 'blue', worstLevel: null });
    expect(status.people).toEqual({ source: 'planned-occupancy', count: 100, shift: 'day', dayPersons: 100, nightPersons: 20 });
  });

  it('counts people on a mine by the tags reporting now, not by the roster', () => {
    const mine = demo('cm-yangquan');
    const devices = [device('T1', 'uwb-tag'), device('T2', 'uwb-tag'), device('T3', 'uwb-tag'), device('M', 'gas-ch4')];
    const heard = new Map([
      ['T1', nowMs - 200],
      ['T2', nowMs - 60_000],
      ['M', nowMs],
    ]);
    const status = siteStatus({ site: mine, devices, lastHeardMs: heard, alarms: [], planned: null, nowMs });
    expect(status.people).toEqual({ source: 'tags', count: 1, tagsTotal: 3 });
    expect(status.sensors).toEqual({ total: 1, online: 1, stale: 0, noData: 0 });
  });

  it('says so when it knows of nobody', () => {
    const status = siteStatus({ site: demo('cp-nanjing'), devices: [], lastHeardMs: new Map(), alarms: [], planned: null, nowMs });
    expect(status.people).toEqual({ source: 'none', count: 0 });
  });
});
