import { describe, expect, it } from 'vitest';
import { compassPoint, pickWeatherStation, windToDeg, type StationCandidate } from './wind.ts';

describe('compassPoint', () => {
  const CASES = [
    { deg: 0, expected: 'N' }, { deg: 22.4, expected: 'N' }, { deg: 22.6, expected: 'NE' }, { deg: 45, expected: 'NE' },
    { deg: 180, expected: 'S' }, { deg: 315, expected: 'NW' }, { deg: 337.6, expected: 'N' }, { deg: 360, expected: 'N' },
    { deg: -45, expected: 'NW' }, { deg: 405, expected: 'NE' },
  ];
  for (const c of CASES) it(`${c.deg}° is ${c.expected}`, () => expect(compassPoint(c.deg)).toBe(c.expected));
});

describe('windToDeg', () => {
  it('a wind from the north-east blows to the south-west', () => expect(windToDeg(45)).toBe(225));
  it('a wind from 270° blows to 90°', () => expect(windToDeg(270)).toBe(90));
  it('a wind from 200° blows to 20°', () => expect(windToDeg(200)).toBe(20));
});

describe('pickWeatherStation', () => {
  const st = (deviceId: string, heightM: number, live: boolean, lastHeardMs: number | null): StationCandidate => ({ deviceId, heightM, live, lastHeardMs });
  const CASES = [
    { title: 'none: null', list: [], expected: null },
    { title: 'prefers the live 10 m mast over the live 25 m roof mast', list: [st('ROOF', 25, true, 9), st('MAST', 10, true, 8)], expected: 'MAST' },
    { title: 'a live station beats a stale one at the standard height', list: [st('MAST', 10, false, 9), st('ROOF', 25, true, 5)], expected: 'ROOF' },
    { title: 'with none live, the one heard most recently', list: [st('A', 10, false, 5), st('B', 25, false, 9), st('C', 10, false, null)], expected: 'B' },
  ];
  for (const c of CASES) it(c.title, () => expect(pickWeatherStation(c.list)?.deviceId ?? null, c.title).toBe(c.expected));
});
