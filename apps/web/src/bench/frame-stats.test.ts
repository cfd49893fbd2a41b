import { describe, expect, it } from 'vitest';
import { frameStats, percentile } from './frame-stats.ts';

describe('frame statistics', () => {
  it('uses nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
  it('summarises intervals into percentiles and a frame rate', () => {
    const stats = frameStats([...Array(90).fill(16), ...Array(10).fill(50)]);
    expect(stats).toMatchObject({ frames: 100, p50Ms: 16, p95Ms: 50, maxMs: 50 });
    expect(stats.fps).toBeCloseTo(100_000 / (90 * 16 + 500), 6);
  });
});
