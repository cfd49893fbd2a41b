import { describe, expect, it } from 'vitest';
import { TrendSeries, valueRange } from './trend-series.ts';

const p = (ts: number, seq: number, x?: number) => ({ ts, seq, values: (x === undefined ? {} : { x }) as Record<string, number> });

describe('TrendSeries', () => {
  it('keeps readings in time order, whatever order they arrive in, without duplicates', () => {
    const s = new TrendSeries();
    // Live readings first, then the history fetch that overlaps them.
    s.merge([p(5000, 5, 5), p(6000, 6, 6)]);
    expect(s.merge([p(1000, 1, 1), p(2000, 2, 2), p(5000, 5, 5), p(3000, 3, 3)])).toBe(3);
    expect(s.columns('x', 10_000)).toEqual([[1, 2, 3, 5, 6], [1, 2, 3, 5, 6]]);
    expect(s.size).toBe(5);
    expect(s.lastTs).toBe(6000);
  });

  it('orders readings with the same time by seq', () => {
    const s = new TrendSeries();
    s.add(p(1000, 2, 20));
    s.add(p(1000, 1, 10));
    expect(s.columns('x', 10_000)[1]).toEqual([10, 20]);
  });

  it('breaks the line where the sensor was silent', () => {
    const s = new TrendSeries();
    s.merge([p(1000, 1, 1), p(2000, 2, 2), p(10_000, 3, 3)]);
    expect(s.columns('x', 3000)).toEqual([[1, 2, 3.5, 10], [1, 2, null, 3]]);
  });

  it('leaves out readings without the metric', () => {
    const s = new TrendSeries();
    s.merge([p(1000, 1, 1), p(2000, 2), p(3000, 3, 3)]);
    expect(s.columns('x', 10_000)).toEqual([[1, 3], [1, 3]]);
    expect(s.columns('y', 10_000)).toEqual([[], []]);
  });

  it('trims to the window and clears', () => {
    const s = new TrendSeries();
    s.merge([p(1000, 1, 1), p(2000, 2, 2), p(3000, 3, 3)]);
    s.trimBefore(2000);
    expect(s.columns('x', 10_000)[0]).toEqual([2, 3]);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.lastTs).toBeNull();
  });
});

describe('valueRange', () => {
  it('spans the values and the set-point lines, padded', () => {
    expect(valueRange([2, 3, null, 4], [25])).toEqual([2 - 23 * 0.08, 25 + 23 * 0.08]);
  });
  it('pads a flat series round its value', () => {
    expect(valueRange([20.9, 20.9], [])).toEqual([20.9 - 2.09, 20.9 + 2.09]);
    expect(valueRange([0, 0], [])).toEqual([-1, 1]);
  });
  it('has a default range with nothing to show', () => {
    expect(valueRange([null], [])).toEqual([0, 1]);
  });
});
