import { describe, expect, it } from 'vitest';
import { SetpointTracker, type SetpointCondition, type SetpointLimits } from './setpoint-tracker.ts';

// A flammable gas detector (GB/T 50493: level 1 at 25 %LEL, level 2 at 50 %LEL), deadband 2 %LEL.
const LEL: SetpointLimits = { lowLow: null, low: null, high: 25, highHigh: 50, deadbandAbs: 2, onDelayMs: 0, offDelayMs: 0 };
// An oxygen detector: low 19.5 %, high 23 %, deadband 0.3 %.
const O2: SetpointLimits = { lowLow: null, low: 19.5, high: 23, highHigh: null, deadbandAbs: 0.3, onDelayMs: 0, offDelayMs: 0 };

/** Feeds [value, tMs] pairs and lists every confirmed change. */
function run(limits: SetpointLimits, series: [number, number][]): (SetpointCondition | null)[] {
  const t = new SetpointTracker(limits);
  return series.map(([v, ts]) => t.update(v, ts));
}

const CASES: { title: string; limits: SetpointLimits; series: [number, number][]; expected: (SetpointCondition | null)[] }[] = [
  { title: 'raises high at the limit and clears below the deadband', limits: LEL, series: [[10, 0], [25, 1], [24, 2], [23.5, 3], [22.9, 4]], expected: [null, 'high', null, null, 'normal'] },
  { title: 'does not chatter on a value hovering at the limit', limits: LEL, series: [[25, 0], [24.5, 1], [25.2, 2], [24.1, 3], [25, 4]], expected: ['high', null, null, null, null] },
  { title: 'escalates to high-high and steps back to high', limits: LEL, series: [[30, 0], [55, 1], [49, 2], [47.9, 3], [10, 4]], expected: ['high', 'high-high', null, 'high', 'normal'] },
  { title: 'jumps straight to high-high', limits: LEL, series: [[60, 0]], expected: ['high-high'] },
  { title: 'falls from high-high straight to normal', limits: LEL, series: [[60, 0], [5, 1]], expected: ['high-high', 'normal'] },
  { title: 'raises low on oxygen deficiency and clears above the band', limits: O2, series: [[20.9, 0], [19.5, 1], [19.7, 2], [19.81, 3]], expected: [null, 'low', null, 'normal'] },
  { title: 'raises high on oxygen enrichment', limits: O2, series: [[23.1, 0]], expected: ['high'] },
  { title: 'ignores a spike shorter than the on-delay', limits: { ...LEL, onDelayMs: 3000 }, series: [[40, 0], [40, 2000], [10, 2500], [40, 3000]], expected: [null, null, null, null] },
  { title: 'raises once the condition held for the on-delay', limits: { ...LEL, onDelayMs: 3000 }, series: [[40, 0], [40, 2000], [40, 3000]], expected: [null, null, 'high'] },
  { title: 'clears only after the off-delay', limits: { ...LEL, offDelayMs: 5000 }, series: [[30, 0], [10, 1000], [10, 5000], [10, 6000]], expected: ['high', null, null, 'normal'] },
  { title: 'restarts the off-delay when the value comes back', limits: { ...LEL, offDelayMs: 5000 }, series: [[30, 0], [10, 1000], [30, 3000], [10, 4000], [10, 8000], [10, 9000]], expected: ['high', null, null, null, null, 'normal'] },
];

describe('SetpointTracker', () => {
  for (const c of CASES) {
    it(c.title, () => {
      expect(run(c.limits, c.series), c.title).toEqual(c.expected);
    });
  }
});
