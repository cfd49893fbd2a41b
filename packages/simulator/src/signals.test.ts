import { describe, expect, it } from 'vitest';
import { Rng } from './prng.ts';
import { OuProcess, dailyCycle, solarHour } from './signals.ts';
import { riseShape } from './scenarios.ts';
import { fitToBand } from './channel.ts';
import type { ChannelParams } from './channel.ts';
import { softLimit } from './devices.ts';
import { angleDiff } from './weather.ts';

describe('Rng', () => {
  it('is reproducible per (seed, label) and independent across labels', () => {
    const draw = (seed: number, label: string) => Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(seed, label)));
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
  });

  it('draws uniform [0, 1) and standard normal numbers', () => {
    const r = new Rng(7, 'stats');
    const n = 200_000;
    let sum = 0, sumN = 0, sumN2 = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      sumN += z;
      sumN2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(sumN2 / n)).toBeCloseTo(1, 1);
  });
});

describe('OuProcess', () => {
  const CASES = [
    { title: '1 s steps, τ 60 s', stepMs: 1000, tauMs: 60_000 },
    { title: '1 min steps, τ 10 s (steps far longer than τ)', stepMs: 60_000, tauMs: 10_000 },
  ];
  for (const c of CASES) {
    it(`keeps its stationary σ: ${c.title}`, () => {
      const rng = new Rng(3, c.title);
      const ou = new OuProcess(2, c.tauMs, rng, 0);
      let s2 = 0;
      const n = 50_000;
      for (let i = 1; i <= n; i++) s2 += ou.at(i * c.stepMs, rng) ** 2;
      expect(Math.sqrt(s2 / n), c.title).toBeGreaterThan(1.8);
      expect(Math.sqrt(s2 / n), c.title).toBeLessThan(2.2);
    });
  }
});

describe('time helpers', () => {
  const CASES = [
    { title: 'noon UTC at 0°', tMs: Date.UTC(2025, 0, 1, 12), lonDeg: 0, hour: 12 },
    { title: 'midnight UTC at 120° E is 08:00', tMs: Date.UTC(2025, 0, 1, 0), lonDeg: 120, hour: 8 },
    { title: '02:00 UTC at 90° W is 20:00', tMs: Date.UTC(2025, 0, 1, 2), lonDeg: -90, hour: 20 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      expect(solarHour(c.tMs, c.lonDeg), c.title).toBeCloseTo(c.hour, 6);
      expect(dailyCycle(c.tMs, c.lonDeg, c.hour), c.title).toBeCloseTo(1, 6);
    });
  }
});

describe('riseShape', () => {
  it('starts and ends at 0, holds 1 on the plateau, rises monotonically', () => {
    expect(riseShape(0)).toBe(0);
    expect(riseShape(1)).toBe(0);
    for (const u of [0.4, 0.5, 0.6]) expect(riseShape(u)).toBe(1);
    for (let u = 0.01; u < 0.4; u += 0.01) expect(riseShape(u + 0.01)).toBeGreaterThanOrEqual(riseShape(u));
  });
});

describe('fitToBand', () => {
  const base: ChannelParams = {
    metric: 'x', baseline: 10, dailyAmp: 1, dailyPeakH: 15, whiteSigma: 0.1, fastSigma: 0.2, fastTauMs: 60_000, driftSigma: 0.3,
    driftTauMs: 3_600_000, bandLo: 5, bandHi: 15, minValue: 0, maxValue: 100, decimals: 1,
  };
  const CASES = [
    { title: 'fits: unchanged', params: base, scaled: false },
    { title: 'too noisy for the band: scaled down', params: { ...base, driftSigma: 3 }, scaled: true },
    { title: 'band at the physical floor: only the top counts', params: { ...base, bandLo: 0, baseline: 0.5, bandHi: 10, driftSigma: 1 }, scaled: false },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const p = fitToBand(c.params);
      const reach = p.dailyAmp + 4 * Math.hypot(p.whiteSigma, p.fastSigma, p.driftSigma);
      expect(reach, c.title).toBeLessThanOrEqual(0.9 * (p.bandHi - p.baseline) + 1e-9);
      expect(p !== c.params, c.title).toBe(c.scaled);
    });
  }
});

describe('softLimit and angleDiff', () => {
  it('softLimit is the identity under the knee and never reaches the cap', () => {
    expect(softLimit(3, 10)).toBe(3);
    for (const v of [7.5, 9, 10, 15, 100]) expect(softLimit(v, 10)).toBeLessThan(10);
    expect(softLimit(9, 10)).toBeGreaterThan(softLimit(8, 10));
  });

  const CASES = [
    { a: 10, b: 350, d: 20 },
    { a: 350, b: 10, d: -20 },
    { a: 180, b: 0, d: 180 },
    { a: 90, b: 90, d: 0 },
  ];
  for (const c of CASES) it(`angleDiff(${c.a}, ${c.b}) = ${c.d}`, () => expect(angleDiff(c.a, c.b)).toBe(c.d));
});
