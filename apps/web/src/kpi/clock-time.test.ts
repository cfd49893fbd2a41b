import { describe, expect, it } from 'vitest';
import { clockTime } from './clock-time.ts';

describe('clockTime', () => {
  it('writes local 24-hour time with seconds', () => {
    expect(clockTime(new Date(2024, 0, 1, 3, 4, 5).getTime())).toBe('03:04:05');
    expect(clockTime(new Date(2024, 0, 1, 23, 59, 59, 999).getTime())).toBe('23:59:59');
  });
  it('writes a dash for no time', () => expect(clockTime(Number.NaN)).toBe('—'));
});
