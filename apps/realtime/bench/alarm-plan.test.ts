import { describe, expect, it } from 'vitest';
import { crossingSchedule, cycleLengthMs, normalValue, parseNumberArgs, percentile, RETURN_SPARE_MS, summarize, verdicts, type ProbeStep } from './alarm-plan.ts';

describe('percentile (nearest rank)', () => {
  const CASES = [
    { title: 'empty', sorted: [], p: 50, expected: Number.NaN },
    { title: 'one value', sorted: [7], p: 99, expected: 7 },
    { title: 'p50 of 1..10', sorted: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 50, expected: 5 },
    { title: 'p99 of 1..100', sorted: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, expected: 99 },
    { title: 'p99 of 1..10 is the top', sorted: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 99, expected: 10 },
    { title: 'p100', sorted: [1, 2, 3], p: 100, expected: 3 },
  ];
  for (const c of CASES) it(c.title, () => expect(percentile(c.sorted, c.p), c.title).toBe(c.expected));

  it('summarize sorts before it ranks', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ p50Ms: 20, p99Ms: 40, count: 4 });
  });
});

describe('crossing schedule', () => {
  const options = { detectors: 6, durationMs: 30_000, offDelayMs: 5000, keepAliveMs: 1000 };
  const steps = crossingSchedule(options);
  const ofDetector = (d: number) => steps.filter((s) => s.detector === d && s.kind !== 'echo');

  it('is in time order and every crossing lies inside the run', () => {
    expect(steps.map((s) => s.atMs)).toEqual([...steps.map((s) => s.atMs)].sort((a, b) => a - b));
    for (const s of steps.filter((x) => x.kind === 'cross')) expect(s.atMs).toBeLessThan(options.durationMs);
  });

  it('keeps each detector below the band for longer than the off-delay, with the spare, before it crosses again (a fresh activation)', () => {
    for (let d = 0; d < options.detectors; d++) {
      const own = ofDetector(d);
      const crosses = own.filter((s) => s.kind === 'cross');
      expect(crosses.length, `detector ${d}`).toBeGreaterThan(1);
      for (let i = 1; i < crosses.length; i++) {
        const between = own.filter((s) => s.kind === 'return' && s.atMs > crosses[i - 1]!.atMs && s.atMs < crosses[i]!.atMs);
        expect(crosses[i]!.atMs - between[0]!.atMs, `detector ${d}, crossing ${i}`).toBeGreaterThanOrEqual(options.offDelayMs + RETURN_SPARE_MS);
      }
    }
  });

  it('never leaves a detector silent longer than the keep-alive (no stale alarm) once it started', () => {
    for (let d = 0; d < options.detectors; d++) {
      const own = ofDetector(d);
      for (let i = 1; i < own.length; i++) expect(own[i]!.atMs - own[i - 1]!.atMs, `detector ${d} step ${i}`).toBeLessThanOrEqual(options.keepAliveMs + 1e-6);
    }
  });

  it('spreads crossings evenly over the detectors, with an echo between consecutive ones', () => {
    const crosses = steps.filter((s) => s.kind === 'cross');
    const gapMs = cycleLengthMs(options) / options.detectors;
    for (let i = 1; i < crosses.length; i++) expect(crosses[i]!.atMs - crosses[i - 1]!.atMs).toBeCloseTo(gapMs, 6);
    const echoes = steps.filter((s): s is ProbeStep => s.kind === 'echo');
    expect(echoes).toHaveLength(crosses.length);
    for (let i = 0; i < crosses.length; i++) expect(echoes[i]!.atMs - crosses[i]!.atMs).toBeCloseTo(gapMs / 2, 6);
  });
});

describe('normal background values', () => {
  const range = { minValue: 0, maxValue: 100 };
  const CASES = [
    { title: 'flammable gas: 20 % of the way to high', limits: { lowLow: null, low: null, high: 25, highHigh: 50 }, expected: 5 },
    { title: 'O2: between low and high', limits: { lowLow: 18, low: 19.5, high: 23, highHigh: null }, expected: 21.25 },
    { title: 'lone low: halfway to the top', limits: { lowLow: null, low: 20, high: null, highHigh: null }, expected: 60 },
    { title: 'no set-points: 1 % of the range', limits: null, expected: 1 },
  ];
  for (const c of CASES) it(c.title, () => expect(normalValue(range, c.limits), c.title).toBeCloseTo(c.expected, 9));
});

describe('verdicts and options', () => {
  it('judges each target on its own', () => {
    const met = verdicts({ p50Ms: 12, p99Ms: 60, count: 100 }, { p50Ms: 5, p99Ms: 40, count: 100 }).map((v) => v.met);
    expect(met).toEqual([true, true, true]);
    const notMet = verdicts({ p50Ms: 25, p99Ms: 120, count: 100 }, { p50Ms: 5, p99Ms: 50, count: 100 }).map((v) => v.met);
    expect(notMet).toEqual([false, false, false]);
  });

  it('reads --seconds and refuses unknown or bad options', () => {
    expect(parseNumberArgs(['--', '--seconds', '10'], { seconds: 30, rate: 50_000 })).toEqual({ seconds: 10, rate: 50_000 });
    expect(() => parseNumberArgs(['--secs', '10'], { seconds: 30 })).toThrow(/unknown option '--secs'/);
    expect(() => parseNumberArgs(['--seconds', 'x'], { seconds: 30 })).toThrow(/--seconds needs a positive number/);
  });
});
