import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

describe('metresPerPixel', () => {
  it('is 2πa / 512 at the equator and zoom 0', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo((2 * Math.PI * 6_378_137) / 512, 6);
  });
  it('halves with each zoom level and shrinks with cos(latitude)', () => {
    expect(metresPerPixel(0, 15) / metresPerPixel(0, 16)).toBeCloseTo(2, 9);
    expect(metresPerPixel(60, 10) / metresPerPixel(0, 10)).toBeCloseTo(0.5, 9);
  });
});

describe('scaleBar', () => {
  const CASES = [
    { title: '3 m/px, up to 200 px: 500 m', mPerPx: 3, maxPx: 200, lengthM: 500, label: '500 m' },
    { title: '3 m/px, up to 400 px: 1 km', mPerPx: 3, maxPx: 400, lengthM: 1000, label: '1 km' },
    { title: '12 m/px, up to 200 px: 2 km', mPerPx: 12, maxPx: 200, lengthM: 2000, label: '2 km' },
    { title: '0.4 m/px, up to 150 px: 50 m', mPerPx: 0.4, maxPx: 150, lengthM: 50, label: '50 m' },
    { title: 'exactly 100 m fits 100 m', mPerPx: 1, maxPx: 100, lengthM: 100, label: '100 m' },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const bar = scaleBar(c.mPerPx, c.maxPx)!;
      expect(bar.lengthM, c.title).toBe(c.lengthM);
      expect(bar.label, c.title).toBe(c.label);
      expect(bar.widthPx, c.title).toBeCloseTo(c.lengthM / c.mPerPx, 9);
      expect(bar.widthPx, c.title).toBeLessThanOrEqual(c.maxPx);
    });
  }
  it('gives nothing for a degenerate view', () => {
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(1, 0)).toBeNull();
  });
});
