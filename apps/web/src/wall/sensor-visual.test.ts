import { describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { SENSOR_VISUAL_RGB_FLOAT, SENSOR_VISUAL_STYLES, sensorVisualState, showsLiveValue } from './sensor-visual.ts';
import type { LatestSample } from '../live/merge-batch.ts';
import { alarmView } from '../live/alarm-test-support.ts';

const INTERVAL_MS = 1_000;
const NOW = 1_000_000;
const fresh: LatestSample = { reading: { deviceId: 'S1', ts: NOW - 500, seq: 1, values: { co_ppm: 30 } }, receivedAtMs: NOW - 400 };
const old: LatestSample = { reading: { deviceId: 'S1', ts: NOW - 3_500, seq: 1, values: { co_ppm: 30 } }, receivedAtMs: NOW - 3_400 };
const alarm = (level: AlarmView['level'], processActive = true, state: AlarmView['state'] = 'unacknowledged'): AlarmView =>
  alarmView({ id: 'x', siteId: 's', deviceId: 'S1', metric: 'co_ppm', kind: 'high', level, priority: 'high', state, processActive, value: 30, setpoint: 24, raisedAt: NOW - 100, updatedAt: NOW - 100 });

describe('sensorVisualState', () => {
  it('colours a live sensor by its active alarm level', () => {
    expect(sensorVisualState(fresh, undefined, INTERVAL_MS, NOW, 'up')).toBe('normal');
    expect(sensorVisualState(fresh, alarm(1), INTERVAL_MS, NOW, 'up')).toBe('critical');
    expect(sensorVisualState(fresh, alarm(2), INTERVAL_MS, NOW, 'up')).toBe('alarm');
    expect(sensorVisualState(fresh, alarm(3), INTERVAL_MS, NOW, 'up')).toBe('warning');
    expect(sensorVisualState(fresh, alarm(4), INTERVAL_MS, NOW, 'up')).toBe('advisory');
  });
  it('does not colour an alarm that returned to normal or is out of service', () => {
    expect(sensorVisualState(fresh, alarm(2, false, 'rtn-unacknowledged'), INTERVAL_MS, NOW, 'up')).toBe('normal');
    expect(sensorVisualState(fresh, alarm(2, true, 'out-of-service'), INTERVAL_MS, NOW, 'up')).toBe('normal');
  });
  it('never shows a stale sensor as live, even with an alarm standing', () => {
    const state = sensorVisualState(old, alarm(1), INTERVAL_MS, NOW, 'up');
    expect(state).toBe('stale');
    expect(showsLiveValue(state)).toBe(false);
  });
  it('turns stale at exactly 3× the interval', () => {
    const at = (ageMs: number): LatestSample => ({ reading: { ...fresh.reading, ts: NOW - ageMs }, receivedAtMs: NOW - ageMs });
    expect(sensorVisualState(at(2_999), undefined, INTERVAL_MS, NOW, 'up')).toBe('normal');
    expect(sensorVisualState(at(3_000), undefined, INTERVAL_MS, NOW, 'up')).toBe('stale');
  });
  it('shows recent values as offline when the hub link is down, and missing ones as no data', () => {
    expect(sensorVisualState(fresh, undefined, INTERVAL_MS, NOW, 'down')).toBe('offline');
    expect(sensorVisualState(undefined, undefined, INTERVAL_MS, NOW, 'up')).toBe('no-data');
    expect(sensorVisualState(undefined, undefined, INTERVAL_MS, NOW, 'waiting')).toBe('no-data');
  });
  it('gives every state a distinct glyph-or-shape pairing and float colours', () => {
    for (const [state, style] of Object.entries(SENSOR_VISUAL_STYLES)) {
      const float = SENSOR_VISUAL_RGB_FLOAT[state as keyof typeof SENSOR_VISUAL_STYLES];
      expect(Array.from(float, (v) => Math.round(v * 255))).toEqual([...style.rgb]);
    }
    const alarmShapes = new Set(['critical', 'alarm', 'warning'].map((s) => SENSOR_VISUAL_STYLES[s as 'critical'].shape));
    expect(alarmShapes.size).toBe(3);
  });
});
