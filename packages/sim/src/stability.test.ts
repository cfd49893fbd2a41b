import { describe, expect, it } from 'vitest';
import { applyLowWindFloor, insolationCategory, stabilityFromObservation, windAtHeightMS, windProfileExponent } from './stability.ts';

// Pasquill table, plume-physics.md §4.1 (intermediate entries resolve to the more stable class).
const CASES = [
  { title: 'day strong, 1.5 m/s → A', input: { windSpeed10MS: 1.5, isDay: true, insolation: 'strong' as const, cloudCoverOktas: 0 }, expected: 'A' },
  { title: 'day moderate, 1.5 m/s → A–B → B', input: { windSpeed10MS: 1.5, isDay: true, insolation: 'moderate' as const, cloudCoverOktas: 0 }, expected: 'B' },
  { title: 'day slight, 2.5 m/s → C', input: { windSpeed10MS: 2.5, isDay: true, insolation: 'slight' as const, cloudCoverOktas: 2 }, expected: 'C' },
  { title: 'day strong, 4 m/s → B', input: { windSpeed10MS: 4, isDay: true, insolation: 'strong' as const, cloudCoverOktas: 0 }, expected: 'B' },
  { title: 'day moderate, 5.5 m/s → C–D → D', input: { windSpeed10MS: 5.5, isDay: true, insolation: 'moderate' as const, cloudCoverOktas: 0 }, expected: 'D' },
  { title: 'day strong, 7 m/s → C', input: { windSpeed10MS: 7, isDay: true, insolation: 'strong' as const, cloudCoverOktas: 0 }, expected: 'C' },
  { title: 'night clear, 2.5 m/s → F', input: { windSpeed10MS: 2.5, isDay: false, cloudCoverOktas: 2 }, expected: 'F' },
  { title: 'night cloudy, 2.5 m/s → E', input: { windSpeed10MS: 2.5, isDay: false, cloudCoverOktas: 5 }, expected: 'E' },
  { title: 'night clear, 4 m/s → E', input: { windSpeed10MS: 4, isDay: false, cloudCoverOktas: 1 }, expected: 'E' },
  { title: 'night cloudy, 4 m/s → D', input: { windSpeed10MS: 4, isDay: false, cloudCoverOktas: 6 }, expected: 'D' },
  { title: 'night, 8 m/s → D', input: { windSpeed10MS: 8, isDay: false, cloudCoverOktas: 0 }, expected: 'D' },
  { title: 'overcast 8/8 day → D (Turner NRI rule 1)', input: { windSpeed10MS: 1, isDay: true, insolation: 'strong' as const, cloudCoverOktas: 8 }, expected: 'D' },
  { title: 'day, sun 70°, clear → strong → 1.5 m/s A', input: { windSpeed10MS: 1.5, isDay: true, solarElevationDeg: 70, cloudCoverOktas: 2 }, expected: 'A' },
  { title: 'day, sun 70°, 6/8 low cloud → slight → 1.5 m/s B', input: { windSpeed10MS: 1.5, isDay: true, solarElevationDeg: 70, cloudCoverOktas: 6, cloudType: 'low' as const }, expected: 'B' },
];

describe('Pasquill–Gifford class from observations', () => {
  for (const c of CASES) {
    it(c.title, () => {
      const r = stabilityFromObservation(c.input);
      expect(r.stabilityClass, `${c.title}: ${r.explanation}`).toBe(c.expected);
    });
  }
  it('insolation bands follow U. Toledo', () => {
    expect(insolationCategory(65, 0)).toBe('strong');
    expect(insolationCategory(45, 0)).toBe('moderate');
    expect(insolationCategory(20, 0)).toBe('slight');
    expect(insolationCategory(65, 6, 'middle')).toBe('moderate');
  });
});

describe('wind profile and low-wind floor', () => {
  it('uses Irwin exponents (rural D 0.15, urban F 0.60)', () => {
    expect(windProfileExponent('D', 'rural')).toBe(0.15);
    expect(windProfileExponent('F', 'urban')).toBe(0.6);
    expect(windAtHeightMS(3, 10, 10, 0.55)).toBe(3);
  });
  it('raises speeds below 1 m/s to 1 m/s for steady models (EPA §6.9)', () => {
    expect(applyLowWindFloor(0.4)).toEqual({ windSpeedMS: 1, raised: true });
    expect(applyLowWindFloor(2)).toEqual({ windSpeedMS: 2, raised: false });
  });
});
