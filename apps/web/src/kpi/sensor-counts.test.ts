import { describe, expect, it } from 'vitest';
import type { SensorVisualState } from '../wall/sensor-visual.ts';
import { countSensorStates } from './sensor-counts.ts';

describe('countSensorStates', () => {
  it('counts each state once, alarms among the online', () => {
    const states: Record<string, SensorVisualState> = {
      a: 'normal', b: 'critical', c: 'alarm', d: 'warning', e: 'advisory', f: 'stale', g: 'stale', h: 'offline', i: 'no-data',
    };
    expect(countSensorStates(Object.keys(states), (id) => states[id]!)).toEqual({ online: 5, inAlarm: 3, stale: 2, offline: 1, noData: 1, total: 9, worstAlarm: 'critical' });
  });
  it('heads the alarm count with the worst level present', () => {
    const states: SensorVisualState[] = ['warning', 'alarm', 'normal'];
    expect(countSensorStates(['a', 'b', 'c'], (id) => states['abc'.indexOf(id)]!).worstAlarm).toBe('alarm');
  });
  it('counts nothing for no sensors', () => {
    expect(countSensorStates([], () => 'normal')).toEqual({ online: 0, inAlarm: 0, stale: 0, offline: 0, noData: 0, total: 0, worstAlarm: null });
  });
});
