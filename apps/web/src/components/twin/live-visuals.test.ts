import { describe, expect, it } from 'vitest';
import type { LatestSample } from '../../live/merge-batch.ts';
import { GRADE_RGB, STATE_RGB } from '../../wall/palette.ts';
import {
  POWER_CODES, POWER_STYLES, SENSOR_CODE, SENSOR_STYLES, TAG_CODES, TAG_STYLES, VALVE_CODES, VALVE_STYLES,
  hasPosition, powerVisual, tagVisual, valveVisual,
} from './live-visuals.ts';

const NOW = 1_764_316_800_000;
const sample = (values: Record<string, number>, ageMs = 0): LatestSample => ({
  reading: { deviceId: 'D', ts: NOW - ageMs, seq: 1, values },
  receivedAtMs: NOW - ageMs,
});

describe('valveVisual', () => {
  const CASES = [
    { title: 'fully open', s: sample({ open_pct: 100 }), expected: 'open' },
    { title: 'open within the band', s: sample({ open_pct: 96 }), expected: 'open' },
    { title: 'closed', s: sample({ open_pct: 0 }), expected: 'closed' },
    { title: 'travelling', s: sample({ open_pct: 40 }), expected: 'moving' },
    { title: 'closed but silent for 3 intervals: stale, not closed', s: sample({ open_pct: 0 }, 3_000), expected: 'stale' },
    { title: 'never heard', s: undefined, expected: 'no-data' },
    { title: 'a reading without open_pct', s: sample({ other_pct: 5 }), expected: 'no-data' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(valveVisual(c.s, 1_000, NOW, 'up'), c.title).toBe(c.expected));
  it('a fresh value is not live while the hub link is down', () => expect(valveVisual(sample({ open_pct: 100 }), 1_000, NOW, 'down')).toBe('stale'));
  it('manual valves have no state to show', () => expect(valveVisual(undefined, 1_000, NOW, 'up', false)).toBe('manual'));
});

describe('powerVisual', () => {
  const CASES = [
    { title: 'powered', s: sample({ powered: 1 }), link: 'up', expected: 'powered' },
    { title: 'cut', s: sample({ powered: 0 }), link: 'up', expected: 'cut' },
    { title: 'stale', s: sample({ powered: 1 }, 5_000), link: 'up', expected: 'stale' },
    { title: 'link down', s: sample({ powered: 0 }), link: 'down', expected: 'stale' },
    { title: 'waiting for the hub', s: undefined, link: 'waiting', expected: 'no-data' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(powerVisual(c.s, 1_000, NOW, c.link), c.title).toBe(c.expected));
});

describe('tagVisual', () => {
  const at = { east_m: 10, north_m: 20, up_m: -440 };
  const CASES = [
    { title: 'live', s: sample({ ...at, sos: 0 }), expected: 'live' },
    { title: 'SOS', s: sample({ ...at, sos: 1 }), expected: 'sos' },
    { title: 'stale keeps its place but greys out', s: sample({ ...at, sos: 1 }, 4_000), expected: 'stale' },
    { title: 'never heard: hidden', s: undefined, expected: 'hidden' },
    { title: 'no position: hidden', s: sample({ battery_pct: 80 }), expected: 'hidden' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(tagVisual(c.s, 1_000, NOW, 'up'), c.title).toBe(c.expected));
  it('hasPosition needs all three coordinates', () => {
    expect(hasPosition(sample(at))).toBe(true);
    expect(hasPosition(sample({ east_m: 1, north_m: 2 }))).toBe(false);
  });
});

describe('styles', () => {
  it('every code has a style, stale is grey everywhere, and people are hidden only when never heard', () => {
    expect(VALVE_STYLES).toHaveLength(VALVE_CODES.length);
    expect(POWER_STYLES).toHaveLength(POWER_CODES.length);
    expect(TAG_STYLES).toHaveLength(TAG_CODES.length);
    expect(VALVE_STYLES[VALVE_CODES.indexOf('stale')]!.rgb).toEqual(STATE_RGB.stale);
    expect(POWER_STYLES[POWER_CODES.indexOf('stale')]!.rgb).toEqual(STATE_RGB.stale);
    expect(TAG_STYLES[TAG_CODES.indexOf('stale')]!.rgb).toEqual(STATE_RGB.stale);
    expect(SENSOR_STYLES[SENSOR_CODE.stale]!.rgb).toEqual(STATE_RGB.stale);
    expect(TAG_STYLES.filter((s) => s.scale === 0)).toEqual([TAG_STYLES[TAG_CODES.indexOf('hidden')]]);
  });
  it('sensor markers grow with the alarm level, and use the four-colour grades', () => {
    const scale = (s: keyof typeof SENSOR_CODE) => SENSOR_STYLES[SENSOR_CODE[s]]!.scale;
    expect(scale('critical')).toBeGreaterThan(scale('alarm'));
    expect(scale('alarm')).toBeGreaterThan(scale('warning'));
    expect(scale('warning')).toBeGreaterThan(scale('normal'));
    expect(scale('stale')).toBeLessThan(scale('normal'));
    expect(SENSOR_STYLES[SENSOR_CODE.critical]!.rgb).toEqual(GRADE_RGB.red);
  });
});
