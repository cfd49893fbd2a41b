import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_ALLOWANCE_MS, deviceState, isStale, linkStateOf, quietAfterMs, sampleAgeMs, STALE_AFTER_INTERVALS } from './device-state.ts';
import type { LatestSample } from './merge-batch.ts';

const NOW = 1_764_316_800_000;

function sample(ts: number, receivedAtMs: number = ts): LatestSample {
  return { reading: { deviceId: 'CP1-GT-017', ts, seq: 1, values: { h2s_ppm: 3.2 } }, receivedAtMs };
}

describe('deviceState', () => {
  const CASES = [
    { title: 'no sample before the hub answered is waiting', sample: undefined, intervalMs: 1000, link: 'waiting', expected: 'waiting' },
    { title: 'no sample after the hub answered is no-data', sample: undefined, intervalMs: 1000, link: 'up', expected: 'no-data' },
    { title: 'a reading just received is live', sample: sample(NOW - 50), intervalMs: 1000, link: 'up', expected: 'live' },
    { title: 'silent just under 3× interval is live', sample: sample(NOW - 2999), intervalMs: 1000, link: 'up', expected: 'live' },
    { title: 'silent exactly 3× interval is stale', sample: sample(NOW - 3000), intervalMs: 1000, link: 'up', expected: 'stale' },
    { title: 'a 10 Hz sensor silent 0.3 s is stale', sample: sample(NOW - 300), intervalMs: 100, link: 'up', expected: 'stale' },
    { title: 'a slow sensor (60 s) silent 2 min is live', sample: sample(NOW - 120_000), intervalMs: 60_000, link: 'up', expected: 'live' },
    {
      title: 'an old value replayed just now (subscribe ack) is stale, not live',
      sample: sample(NOW - 10 * 60_000, NOW),
      intervalMs: 1000,
      link: 'up',
      expected: 'stale',
    },
    {
      title: 'a sensor clock running 1.5 s ahead still reads live (within the skew allowance)',
      sample: sample(NOW + 1500, NOW - 100),
      intervalMs: 100,
      link: 'up',
      expected: 'live',
    },
    { title: 'a recent value is not live while the hub link is down', sample: sample(NOW - 50), intervalMs: 1000, link: 'down', expected: 'offline' },
    { title: 'an old value with the link down is stale', sample: sample(NOW - 5000), intervalMs: 1000, link: 'down', expected: 'stale' },
    { title: 'no sample with the link down after a subscribe is no-data', sample: undefined, intervalMs: 1000, link: 'down', expected: 'no-data' },
    { title: 'a batch before the subscribe answer is live', sample: sample(NOW - 50), intervalMs: 1000, link: 'waiting', expected: 'live' },
    {
      title: 'a sensor clock ahead cannot keep a silent device live',
      sample: sample(NOW + 60_000, NOW - 5000),
      intervalMs: 1000,
      link: 'up',
      expected: 'stale',
    },
  ] as const;

  for (const c of CASES) {
    it(c.title, () => {
      expect(deviceState(c.sample, c.intervalMs, NOW, c.link), c.title).toBe(c.expected);
    });
  }
});

describe('isStale / sampleAgeMs', () => {
  it('uses 3 intervals', () => {
    expect(STALE_AFTER_INTERVALS).toBe(3);
    expect(isStale(2999, 1000)).toBe(false);
    expect(isStale(3000, 1000)).toBe(true);
  });
  it('never reports a negative age', () => {
    expect(sampleAgeMs(sample(NOW + 5000, NOW + 5000), NOW)).toBe(0);
  });
  it('ages an old replayed value from its sensor time plus the skew allowance', () => {
    expect(sampleAgeMs(sample(NOW - 60_000, NOW), NOW)).toBe(60_000 - CLOCK_SKEW_ALLOWANCE_MS);
  });
  it('ages a fresh reading from when it arrived here', () => {
    expect(sampleAgeMs(sample(NOW - 200, NOW - 100), NOW)).toBe(100);
  });
});

describe('linkStateOf and quietAfterMs', () => {
  it('reads the link from the socket status and priming', () => {
    expect(linkStateOf('live', false)).toBe('up');
    expect(linkStateOf('connecting', false)).toBe('waiting');
    expect(linkStateOf('lost', true)).toBe('down');
    expect(linkStateOf('refused', true)).toBe('down');
  });
  it('calls a hub quiet after 3× the fastest interval, never under 5 s or over 3 min', () => {
    expect(quietAfterMs([{ intervalMs: 1_000 }, { intervalMs: 10_000 }])).toBe(5_000);
    expect(quietAfterMs([{ intervalMs: 4_000 }])).toBe(12_000);
    expect(quietAfterMs([{ intervalMs: 600_000 }])).toBe(180_000);
    expect(quietAfterMs([])).toBe(180_000);
  });
});
