import { describe, expect, it } from 'vitest';
import type { SqlClient } from '@safetwin/db';
import { CLOCK_SKEW_ALLOWANCE_MS, lastHeardMs } from '@safetwin/protocol';
import { DeviceFreshness } from './device-freshness.ts';

describe('lastHeardMs', () => {
  const CASES = [
    { title: 'a reading committed as it was taken: its commit time', lastTsMs: 10_000, updatedAtMs: 10_300, expected: 10_300 },
    { title: 'an old buffer flushed late: its sensor time (+ skew), not the commit time', lastTsMs: 10_000, updatedAtMs: 70_000, expected: 10_000 + CLOCK_SKEW_ALLOWANCE_MS },
    { title: 'a gateway clock running ahead: the commit time', lastTsMs: 90_000, updatedAtMs: 70_000, expected: 70_000 },
  ];
  for (const c of CASES) it(c.title, () => expect(lastHeardMs(c.lastTsMs, c.updatedAtMs), c.title).toBe(c.expected));
});

/** A database whose `device_state` is `rows`, counting the queries. */
function fakeDb(rows: { deviceId: string; lastTs: Date; updatedAt: Date }[]) {
  const db = { queries: 0, orm: { select: () => ({ from: async () => (db.queries++, rows) }) } };
  return db;
}

describe('DeviceFreshness', () => {
  it('reads device_state once per refresh however many requests ask, and again once that is old', async () => {
    let nowMs = 1_000_000;
    const db = fakeDb([{ deviceId: 'A', lastTs: new Date(nowMs - 100), updatedAt: new Date(nowMs - 50) }]);
    const freshness = new DeviceFreshness(db as unknown as SqlClient, () => nowMs, 500);
    const [first, second] = await Promise.all([freshness.snapshot(), freshness.snapshot()]);
    expect(db.queries).toBe(1);
    expect(first).toBe(second);
    expect(first.lastHeardMs.get('A')).toBe(nowMs - 50);
    expect(first.takenAtMs).toBe(nowMs);
    nowMs += 499;
    await freshness.snapshot();
    expect(db.queries).toBe(1);
    nowMs += 1;
    await freshness.snapshot();
    expect(db.queries).toBe(2);
  });
});
