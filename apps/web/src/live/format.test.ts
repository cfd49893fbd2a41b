import { describe, expect, it } from 'vitest';
import { formatAge, formatMetricValue, formatValue } from './format.ts';

describe('formatValue', () => {
  const CASES = [
    { title: 'thousands without decimals', input: 1234.56, expected: '1235' },
    { title: 'hundreds with one decimal', input: 101.325, expected: '101.3' },
    { title: 'units with two decimals', input: 3.2, expected: '3.20' },
    { title: 'fractions with three decimals', input: 0.0512, expected: '0.051' },
    { title: 'zero', input: 0, expected: '0.000' },
    { title: 'negative', input: -12.5, expected: '-12.50' },
    { title: 'tiny negative noise is not "-0"', input: -0.0001, expected: '0.000' },
    { title: 'NaN', input: Number.NaN, expected: '—' },
    { title: 'Infinity', input: Number.POSITIVE_INFINITY, expected: '—' },
  ];
  for (const c of CASES) it(c.title, () => expect(formatValue(c.input), c.title).toBe(c.expected));
});

describe('formatAge', () => {
  const CASES = [
    { title: 'sub-second', input: 400, expected: '<1 s' },
    { title: 'negative (clock skew)', input: -2000, expected: '<1 s' },
    { title: 'seconds', input: 12_900, expected: '12 s' },
    { title: 'minutes pad seconds', input: (4 * 60 + 5) * 1000, expected: '4 min 05 s' },
    { title: 'hours pad minutes', input: (3 * 3600 + 7 * 60) * 1000, expected: '3 h 07 min' },
    { title: 'days', input: (2 * 24 + 4) * 3600 * 1000, expected: '2 d 4 h' },
  ];
  for (const c of CASES) it(c.title, () => expect(formatAge(c.input), c.title).toBe(c.expected));
});

describe('formatMetricValue', () => {
  it('writes flags as ON/OFF', () => {
    expect(formatMetricValue(1, '1')).toBe('ON');
    expect(formatMetricValue(0, '1')).toBe('OFF');
  });
  it('writes measurements by magnitude', () => expect(formatMetricValue(0.75, 'ppm')).toBe('0.750'));
});
