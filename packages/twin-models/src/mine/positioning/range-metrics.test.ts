import { describe, expect, it } from 'vitest';
import { MAX_METRICS_PER_READING } from '@safetwin/protocol';
import { isRangeMetric, MAX_RANGES_PER_READING, rangeMetricIndex, rangeMetricName, splitRangeValues } from './range-metrics.ts';

describe('range metrics', () => {
  it('name a range after its anchor in lower_snake with the unit suffix', () => {
    expect(rangeMetricName('CM-UWB-A0017')).toBe('range_cm_uwb_a0017_m');
    expect(isRangeMetric('range_cm_uwb_a0017_m')).toBe(true);
    expect(isRangeMetric('east_m')).toBe(false);
    expect(isRangeMetric('range_m')).toBe(false);
    expect(() => rangeMetricName('A'.repeat(64))).toThrow(/no valid range metric name/);
    expect(MAX_RANGES_PER_READING + 2).toBeLessThanOrEqual(MAX_METRICS_PER_READING);
  });

  it('refuse two anchors that map to one metric', () => {
    expect(() => rangeMetricIndex(['CM-UWB-1', 'cm_uwb_1'])).toThrow(/both map to the range metric 'range_cm_uwb_1_m'/);
  });

  it.each<{ values: Record<string, number>; ok: boolean; message?: RegExp }>([
    { values: { range_a1_m: 12.5, battery_pct: 80, sos: 0 }, ok: true },
    { values: { range_zz_m: 3 }, ok: false, message: /values\.range_zz_m: no UWB anchor/ },
    { values: { range_a1_m: -0.5 }, ok: false, message: /values\.range_a1_m = -0\.5 is outside the range 0\.\.200 m/ },
    { values: { range_a1_m: 250 }, ok: false, message: /outside the range/ },
  ])('split $values', ({ values, ok, message }) => {
    const out = splitRangeValues(values, rangeMetricIndex(['A1', 'A2']));
    expect(out.ok).toBe(ok);
    if (out.ok) {
      expect(out.ranges).toEqual([{ anchorId: 'A1', rangeM: 12.5 }]);
      expect(out.others).toEqual({ battery_pct: 80, sos: 0 });
    } else expect(out.message).toMatch(message!);
  });
});
