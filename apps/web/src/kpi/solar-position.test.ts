import { describe, expect, it } from 'vitest';
import { solarPosition } from './solar-position.ts';

// Nanjing (the demo park) and Yangquan (the demo mine); expected values from the geometry of
// solar noon, 90° − |φ − δ|, and from NOAA's solar calculator for the same instants.
const CASES = [
  {
    title: 'Nanjing, June solstice, local solar noon: 90 − (32.1 − 23.44)',
    tMs: Date.UTC(2024, 5, 21, 4, 6), latDeg: 32.1, lonDeg: 118.7, elevationDeg: 81.3, tolDeg: 0.3,
  },
  {
    title: 'Nanjing, December solstice, local solar noon: 90 − (32.1 + 23.44)',
    tMs: Date.UTC(2024, 11, 21, 3, 54), latDeg: 32.1, lonDeg: 118.7, elevationDeg: 34.5, tolDeg: 0.3,
  },
  {
    title: 'equator, March equinox, solar noon at Greenwich: overhead',
    tMs: Date.UTC(2024, 2, 20, 12, 7), latDeg: 0, lonDeg: 0, elevationDeg: 89.8, tolDeg: 0.4,
  },
  {
    title: 'Yangquan at local midnight in June: well below the horizon',
    tMs: Date.UTC(2024, 5, 21, 16, 10), latDeg: 37.86, lonDeg: 113.58, elevationDeg: -28.7, tolDeg: 0.5,
  },
];

describe('solarPosition', () => {
  for (const c of CASES) {
    it(c.title, () => {
      expect(Math.abs(solarPosition(c.tMs, c.latDeg, c.lonDeg).elevationDeg - c.elevationDeg), c.title).toBeLessThan(c.tolDeg);
    });
  }

  it('counts hours to the horizon: about 7 h at a June noon in Nanjing, negative at night', () => {
    const noon = solarPosition(Date.UTC(2024, 5, 21, 4, 6), 32.1, 118.7);
    // Day length at 32° N on the solstice is ≈ 14 h, so noon is ≈ 7 h from sunrise and sunset.
    expect(noon.hoursFromHorizon).toBeGreaterThan(6.8);
    expect(noon.hoursFromHorizon).toBeLessThan(7.2);
    expect(solarPosition(Date.UTC(2024, 5, 21, 16, 6), 32.1, 118.7).hoursFromHorizon).toBeLessThan(-3);
  });

  it('half an hour after sunrise is less than an hour from the horizon', () => {
    // Sunrise in Nanjing on 2024-06-21 is ≈ 04:59 CST = 20:59 UTC the day before.
    const p = solarPosition(Date.UTC(2024, 5, 20, 21, 29), 32.1, 118.7);
    expect(p.hoursFromHorizon).toBeGreaterThan(0);
    expect(p.hoursFromHorizon).toBeLessThan(1);
  });

  it('knows polar day and night', () => {
    expect(solarPosition(Date.UTC(2024, 5, 21, 0, 0), 80, 0).hoursFromHorizon).toBe(Infinity);
    expect(solarPosition(Date.UTC(2024, 11, 21, 12, 0), 80, 0).hoursFromHorizon).toBe(-Infinity);
  });
});
