import { describe, expect, it } from 'vitest';
import { framingRectangle } from './framing.ts';

const NANJING = { latDeg: 32.265, lonDeg: 118.815 };
const YANGQUAN = { latDeg: 37.918, lonDeg: 113.502 };

describe('framingRectangle', () => {
  it('frames both demo sites with a margin on every side', () => {
    const r = framingRectangle([NANJING, YANGQUAN])!;
    for (const p of [NANJING, YANGQUAN]) {
      expect(p.lonDeg).toBeGreaterThan(r.westDeg + 1);
      expect(p.lonDeg).toBeLessThan(r.eastDeg - 1);
      expect(p.latDeg).toBeGreaterThan(r.southDeg + 1);
      expect(p.latDeg).toBeLessThan(r.northDeg - 1);
    }
    expect(r.eastDeg - r.westDeg).toBeCloseTo((118.815 - 113.502) * 3.4, 6);
  });

  it('shows a single site in its region, centred', () => {
    const r = framingRectangle([NANJING])!;
    expect(r.eastDeg - r.westDeg).toBeCloseTo(16, 9);
    expect(r.northDeg - r.southDeg).toBeCloseTo(16, 9);
    expect((r.westDeg + r.eastDeg) / 2).toBeCloseTo(NANJING.lonDeg, 9);
    expect((r.southDeg + r.northDeg) / 2).toBeCloseTo(NANJING.latDeg, 9);
  });

  it('stays on the map near the poles and the antimeridian, and has nothing to frame without sites', () => {
    const r = framingRectangle([{ latDeg: 84, lonDeg: 179 }])!;
    expect(r.northDeg).toBe(85);
    expect(r.eastDeg).toBe(180);
    expect(framingRectangle([])).toBeNull();
  });
});
