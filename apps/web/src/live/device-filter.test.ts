import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../lib/hub-types.ts';
import { groupDevices, kindCounts, matchesFilter, SITE_WIDE_LABEL } from './device-filter.ts';

const device = (deviceId: string, kind: string, enterpriseId: string | null, label?: string): DeviceInfo => ({
  deviceId,
  siteId: 'cp1',
  enterpriseId,
  kind,
  intervalMs: 1000,
  metrics: kind === 'gas-detector' ? { h2s_ppm: { unit: 'ppm', minValue: 0, maxValue: 100 } } : { p_kpa: { unit: 'kPa', minValue: 0, maxValue: 2000 } },
  ...(label ? { label } : {}),
});

const DEVICES = [
  device('CP1-GT-010', 'gas-detector', 'ent-a', 'Tank farm north'),
  device('CP1-GT-2', 'gas-detector', 'ent-b'),
  device('CP1-PT-001', 'pressure', 'ent-a'),
  device('CP1-WX-001', 'weather', null),
];

describe('matchesFilter', () => {
  const CASES = [
    { title: 'empty filter matches', filter: { text: '', kind: null }, expected: 4 },
    { title: 'id fragment, any case', filter: { text: 'gt-0', kind: null }, expected: 1 },
    { title: 'label words in any order', filter: { text: 'north tank', kind: null }, expected: 1 },
    { title: 'enterprise id', filter: { text: 'ent-a', kind: null }, expected: 2 },
    { title: 'metric name', filter: { text: 'h2s', kind: null }, expected: 2 },
    { title: 'kind only', filter: { text: '', kind: 'pressure' }, expected: 1 },
    { title: 'kind and text together', filter: { text: 'ent-b', kind: 'pressure' }, expected: 0 },
  ];
  for (const c of CASES) it(c.title, () => expect(DEVICES.filter((d) => matchesFilter(d, c.filter)).length, c.title).toBe(c.expected));
});

describe('groupDevices', () => {
  it('groups by kind with readable titles, rows in natural id order', () => {
    const groups = groupDevices(DEVICES, { text: '', kind: null }, 'kind');
    expect(groups.map((g) => g.title)).toEqual(['Gas detector', 'Pressure', 'Weather station']);
    expect(groups[0]!.devices.map((d) => d.deviceId)).toEqual(['CP1-GT-2', 'CP1-GT-010']);
  });
  it('groups by enterprise, with site-wide devices under their own title', () => {
    const groups = groupDevices(DEVICES, { text: '', kind: null }, 'enterprise');
    expect(groups.map((g) => [g.title, g.devices.length])).toEqual([
      ['ent-a', 2],
      ['ent-b', 1],
      [SITE_WIDE_LABEL, 1],
    ]);
  });
  it('titles enterprise groups with their names and finds devices by enterprise name', () => {
    const names = { 'ent-a': 'Jiangbei Chlor-Alkali Co., Ltd.' };
    const groups = groupDevices(DEVICES, { text: 'chlor-alkali', kind: null }, 'enterprise', names);
    expect(groups.map((g) => [g.title, g.devices.length])).toEqual([['Jiangbei Chlor-Alkali Co., Ltd. · ent-a', 2]]);
  });
  it('drops empty groups after filtering', () => {
    expect(groupDevices(DEVICES, { text: 'weather', kind: null }, 'kind').map((g) => g.key)).toEqual(['weather']);
  });
  it('counts kinds for the kind filter', () => {
    expect(kindCounts(DEVICES)).toEqual([
      { kind: 'gas-detector', count: 2 },
      { kind: 'pressure', count: 1 },
      { kind: 'weather', count: 1 },
    ]);
  });
});
