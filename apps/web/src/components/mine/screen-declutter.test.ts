import { describe, expect, it } from 'vitest';
import { declutter } from './screen-declutter.ts';

describe('label declutter', () => {
  it('shows labels in priority order, dropping any that would overlap one already shown', () => {
    const box = (x: number, y: number) => ({ x, y, width: 100, height: 20 });
    expect(declutter([box(100, 100), box(150, 105), box(300, 100), box(100, 130), null, box(100, 80)])).toEqual([true, false, true, true, false, false]);
  });

  it('keeps a gap between neighbours', () => {
    const box = (x: number) => ({ x, y: 50, width: 100, height: 20 });
    expect(declutter([box(0), box(102)], 4)).toEqual([true, false]);
    expect(declutter([box(0), box(110)], 4)).toEqual([true, true]);
  });
});
