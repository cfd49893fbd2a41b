import { describe, expect, it } from 'vitest';
import { RollingRate } from './reading-rate.ts';

describe('RollingRate', () => {
  it('is null until two samples span some time', () => {
    const rate = new RollingRate(10_000);
    expect(rate.perSecond()).toBeNull();
    rate.sample(1_000, 0);
    expect(rate.perSecond()).toBeNull();
    rate.sample(1_000, 50);
    expect(rate.perSecond()).toBeNull();
  });

  const CASES = [
    { title: 'steady 635/s', samples: Array.from({ length: 5 }, (_, i) => [i * 1000, i * 635] as const), expected: 635 },
    {
      title: 'only the last 10 s count (a burst 20 s ago is forgotten)',
      samples: [[0, 0], [1_000, 10_000], ...Array.from({ length: 12 }, (_, i) => [2_000 + i * 1000, 10_000 + i * 100] as const)] as const,
      expected: 100,
    },
    { title: 'irregular sampling is weighted by time', samples: [[0, 0], [500, 50], [2_500, 250]] as const, expected: 100 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const rate = new RollingRate(10_000);
      for (const [t, n] of c.samples) rate.sample(t, n);
      expect(rate.perSecond(), c.title).toBeCloseTo(c.expected, 6);
    });
  }

  it('restarts when the counter goes backwards (a new store)', () => {
    const rate = new RollingRate(10_000);
    rate.sample(0, 0);
    rate.sample(1_000, 1_000);
    rate.sample(2_000, 10);
    expect(rate.perSecond()).toBeNull();
    rate.sample(3_000, 60);
    expect(rate.perSecond()).toBeCloseTo(50, 6);
  });

  it('keeps a fixed number of samples however long it runs', () => {
    const rate = new RollingRate(10_000, 4);
    for (let i = 0; i < 1_000; i++) rate.sample(i * 1000, i * 7);
    expect(rate.perSecond()).toBeCloseTo(7, 6);
  });

  it('refuses a bad window', () => {
    expect(() => new RollingRate(0)).toThrow(/windowMs/);
    expect(() => new RollingRate(1000, 1)).toThrow(/capacity/);
  });
});
