import { describe, expect, it } from 'vitest';
import type { LiveReading } from '@safetwin/protocol';
import { isNewer, mergeBatch, type LatestSample } from './merge-batch.ts';

const r = (deviceId: string, ts: number, seq: number, value = seq): LiveReading => ({ deviceId, ts, seq, values: { ch4_pct: value } });

describe('isNewer', () => {
  const CASES = [
    { title: 'anything beats nothing', next: r('A', 1, 1), current: undefined, expected: true },
    { title: 'later time wins', next: r('A', 2, 1), current: r('A', 1, 9), expected: true },
    { title: 'earlier time loses even with a higher seq', next: r('A', 1, 9), current: r('A', 2, 1), expected: false },
    { title: 'same time: higher seq wins', next: r('A', 5, 2), current: r('A', 5, 1), expected: true },
    { title: 'duplicate loses', next: r('A', 5, 1), current: r('A', 5, 1), expected: false },
  ];
  for (const c of CASES) it(c.title, () => expect(isNewer(c.next, c.current), c.title).toBe(c.expected));
});

describe('mergeBatch', () => {
  it('keeps the newest reading per device and reports only the changed ids', () => {
    const latest = new Map<string, LatestSample>();
    expect([...mergeBatch(latest, [r('A', 1, 1), r('B', 1, 1), r('A', 2, 2)], 100)]).toEqual(['A', 'B']);
    expect(latest.get('A')?.reading.seq).toBe(2);
    expect(latest.get('A')?.receivedAtMs).toBe(100);

    // A reconnect ack replays older values: nothing changes, nothing is reported.
    const before = latest.get('A');
    expect(mergeBatch(latest, [r('A', 1, 1), r('B', 1, 1)], 200).size).toBe(0);
    expect(latest.get('A')).toBe(before);

    // Out of order within a batch: the later one still wins.
    expect([...mergeBatch(latest, [r('B', 9, 9), r('B', 3, 3)], 300)]).toEqual(['B']);
    expect(latest.get('B')?.reading.seq).toBe(9);
  });

  it('gives an updated device a new sample object (snapshots change identity), others keep theirs', () => {
    const latest = new Map<string, LatestSample>();
    mergeBatch(latest, [r('A', 1, 1), r('B', 1, 1)], 0);
    const a = latest.get('A');
    const b = latest.get('B');
    mergeBatch(latest, [r('A', 2, 2)], 10);
    expect(latest.get('A')).not.toBe(a);
    expect(latest.get('B')).toBe(b);
  });
});
