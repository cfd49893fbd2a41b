import { describe, expect, it } from 'vitest';
import { insolationFromRadiation, siteStability, type StabilityInputs } from './site-stability.ts';

// Nanjing; 04:06 UTC on the June solstice is local solar noon, 16:06 UTC local midnight.
const NOON = Date.UTC(2024, 5, 21, 4, 6);
const MIDNIGHT = Date.UTC(2024, 5, 21, 16, 6);
const at = (over: Partial<StabilityInputs>): StabilityInputs => ({
  windSpeedMS: 3.2, anemometerHeightM: 10, solarRadWM2: null, tMs: NOON, latDeg: 32.1, lonDeg: 118.7, ...over,
});

describe('insolationFromRadiation (EPA SRDT bands)', () => {
  const CASES = [
    { title: '950 W/m² is strong', rad: 950, expected: 'strong' },
    { title: '925 W/m² is strong (inclusive)', rad: 925, expected: 'strong' },
    { title: '700 W/m² is moderate', rad: 700, expected: 'moderate' },
    { title: '300 W/m² is slight', rad: 300, expected: 'slight' },
    { title: '100 W/m² is weak', rad: 100, expected: 'weak' },
  ];
  for (const c of CASES) it(c.title, () => expect(insolationFromRadiation(c.rad), c.title).toBe(c.expected));
});

describe('siteStability', () => {
  // Expected classes read off the Pasquill table (rows by wind, columns by insolation / night cloud).
  const CASES = [
    { title: 'sunny noon, light wind 1.5 m/s: A', input: at({ windSpeedMS: 1.5, solarRadWM2: 980 }), expected: 'A' },
    { title: 'noon, 3.2 m/s, strong radiation: B', input: at({ solarRadWM2: 980 }), expected: 'B' },
    { title: 'noon, 3.2 m/s, moderate radiation: B–C resolves to C', input: at({ solarRadWM2: 700 }), expected: 'C' },
    { title: 'noon, 3.2 m/s, slight radiation: C', input: at({ solarRadWM2: 300 }), expected: 'C' },
    { title: 'noon, 1.5 m/s, weak radiation (heavy cloud): D', input: at({ windSpeedMS: 1.5, solarRadWM2: 120 }), expected: 'D' },
    { title: 'noon without a pyranometer: sun at 81° is strong → 3.2 m/s gives B', input: at({}), expected: 'B' },
    { title: 'midnight, 1.5 m/s, cloud taken clear: F', input: at({ windSpeedMS: 1.5, tMs: MIDNIGHT }), expected: 'F' },
    { title: 'midnight, 3.2 m/s: E', input: at({ tMs: MIDNIGHT }), expected: 'E' },
    { title: 'midnight, 7 m/s: D', input: at({ windSpeedMS: 7, tMs: MIDNIGHT }), expected: 'D' },
    { title: 'night ignores radiation (a pyranometer reading 0)', input: at({ tMs: MIDNIGHT, solarRadWM2: 0 }), expected: 'E' },
  ];
  for (const c of CASES) it(c.title, () => expect(siteStability(c.input).stabilityClass, c.title).toBe(c.expected));

  it('says which inputs it used', () => {
    const day = siteStability(at({ solarRadWM2: 700 }));
    expect(day.inputs.map((i) => i.kind)).toEqual(['wind', 'time', 'insolation']);
    expect(day.inputs[1]).toMatchObject({ kind: 'time', period: 'day' });
    expect(day.inputs[2]).toMatchObject({ from: 'radiation', solarRadWM2: 700, category: 'moderate' });
    expect(day.table).toBe('B-C');
    const night = siteStability(at({ tMs: MIDNIGHT }));
    expect(night.inputs.map((i) => i.kind)).toEqual(['wind', 'time', 'cloud']);
  });

  it('treats the hour after sunrise as night (Turner)', () => {
    // ≈ 30 min after sunrise in Nanjing on the solstice (sunrise ≈ 20:59 UTC the day before).
    const r = siteStability(at({ tMs: Date.UTC(2024, 5, 20, 21, 29), solarRadWM2: 150, windSpeedMS: 1.5 }));
    expect(r.inputs[1]).toMatchObject({ period: 'night' });
    expect(r.stabilityClass).toBe('F');
  });

  it('refuses a wind speed that is not a number', () => {
    expect(() => siteStability(at({ windSpeedMS: Number.NaN }))).toThrow(/wind speed/);
  });
});
