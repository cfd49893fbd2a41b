import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW, Deduplicator } from './dedupe.ts';

const T = 1_764_316_800_000;

describe('Deduplicator', () => {
  const CASES: { title: string; seed?: [number, number]; claims: [number, number][]; expected: boolean[] }[] = [
    { title: 'in-order readings are new', claims: [[1, T], [2, T + 1], [3, T + 2]], expected: [true, true, true] },
    { title: 'a retry of the same seq is a duplicate', claims: [[1, T], [2, T + 1], [2, T + 1]], expected: [true, true, false] },
    { title: 'an out-of-order reading is new once', claims: [[5, T + 5], [3, T + 3], [3, T + 3]], expected: [true, true, false] },
    { title: 'a counter reset (lower seq, newer time) is new', claims: [[100, T], [0, T + 1000], [1, T + 2000], [100, T + 3000]], expected: [true, true, true, true] },
    { title: 'a replay below the window is a duplicate', claims: [[DEDUPE_WINDOW + 10, T], [5, T - 1]], expected: [true, false] },
    { title: 'after a restart, stored seqs are duplicates and new ones pass', seed: [50, T + 50], claims: [[50, T + 50], [49, T + 49], [51, T + 51]], expected: [false, false, true] },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const d = new Deduplicator();
      if (c.seed) d.seed('D', ...c.seed);
      expect(c.claims.map(([seq, ts]) => d.claim('D', seq, ts)), c.title).toEqual(c.expected);
    });
  }

  it('accepts a retry once its failed write was released', () => {
    const d = new Deduplicator();
    expect(d.claim('D', 7, T)).toBe(true);
    d.release('D', 7);
    expect(d.claim('D', 7, T)).toBe(true);
    expect(d.claim('D', 7, T)).toBe(false);
  });

  it('keeps devices apart', () => {
    const d = new Deduplicator();
    expect(d.claim('A', 1, T)).toBe(true);
    expect(d.claim('B', 1, T)).toBe(true);
  });

  it('keeps memory bounded on long runs', () => {
    const d = new Deduplicator();
    for (let s = 0; s < DEDUPE_WINDOW * 10; s++) d.claim('D', s, T + s);
    const size = (d as unknown as { devices: Map<string, { seen: Set<number> }> }).devices.get('D')!.seen.size;
    expect(size).toBeLessThanOrEqual(DEDUPE_WINDOW * 2 + 1);
  });
});

describe('Deduplicator with a clock', () => {
  it('is not blinded by one reading stamped in the future', () => {
    const d = new Deduplicator();
    const now = T;
    expect(d.claim('G', 100, now - 1000, now)).toBe(true);
    expect(d.claim('G', 2 ** 40, now + 23 * 3_600_000, now)).toBe(true); // a glitch: huge seq, a day ahead
    expect(d.claim('G', 101, now + 1000, now + 1000)).toBe(true); // the real next reading still counts
    expect(d.claim('G', 102, now + 2000, now + 2000)).toBe(true);
    expect(d.claim('G', 102, now + 2000, now + 2500)).toBe(false);
  });
});
