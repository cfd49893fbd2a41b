import { describe, expect, it } from 'vitest';
import { parseAlarmKpis, pointKind, wallAlarmKpis } from './alarm-kpis.ts';
import { alarmView } from './alarm-test-support.ts';

const HUB = {
  activationsLast10Min: 14,
  standing: 6,
  chattering: [{ alarmId: 'p/A/m/high', deviceId: 'A', activations: 5 }, { bad: true }],
  stale: [{ deviceId: 'S1' }, { deviceId: 7 }],
  badActors: Array.from({ length: 7 }, (_, i) => ({ alarmId: `p/D${i}/m/high`, deviceId: `D${i}`, activations: 20 - i })),
  falseAlarmRatePct: { month: '2026-11', pct: 12.5, falseCount: 3, total: 24 },
};

describe('parseAlarmKpis', () => {
  it('reads the hub shape, drops malformed entries, keeps five bad actors', () => {
    const kpis = parseAlarmKpis(HUB)!;
    expect(kpis.source).toBe('hub');
    expect(kpis.chattering).toEqual([{ alarmId: 'p/A/m/high', deviceId: 'A', activations: 5 }]);
    expect(kpis.stale).toEqual([{ deviceId: 'S1' }]);
    expect(kpis.badActors.map((b) => b.deviceId)).toEqual(['D0', 'D1', 'D2', 'D3', 'D4']);
    expect(kpis.falseAlarmRate).toEqual({ month: '2026-11', pct: 12.5, falseCount: 3, total: 24 });
  });
  it('accepts the figures wrapped in {kpis}', () => expect(parseAlarmKpis({ kpis: HUB })?.standing).toBe(6));
  it('answers null for another shape', () => {
    expect(parseAlarmKpis({ error: { code: 'x' } })).toBeNull();
    expect(parseAlarmKpis(null)).toBeNull();
  });
  it('a missing false-alarm rate is null, not 0 %', () => expect(parseAlarmKpis({ ...HUB, falseAlarmRatePct: null })?.falseAlarmRate).toBeNull());
});

describe('wallAlarmKpis (no hub route)', () => {
  it('counts standing, lists stale sensors and repeating points, takes activations from alarm-load', () => {
    const now = 20 * 60_000;
    const kpis = wallAlarmKpis(
      [
        alarmView({ id: 'chat', deviceId: 'C', count: 4, raisedAt: now - 60_000 }),
        alarmView({ id: 'old-rep', deviceId: 'O', count: 9, raisedAt: now - 15 * 60_000 }),
        alarmView({ id: 'once', deviceId: 'N', count: 1 }),
        alarmView({ id: 'st', deviceId: 'S', kind: 'stale', count: 1 }),
      ],
      { siteId: 'park', notificationsLast10Min: 2, activationsLast10Min: 7, standing: 4, flooding: false, floodSince: null, asOfMs: now },
      now,
    );
    expect(kpis.source).toBe('wall');
    expect(kpis.standing).toBe(4);
    expect(kpis.activationsLast10Min).toBe(7);
    expect(kpis.chattering.map((c) => c.alarmId)).toEqual(['chat']);
    expect(kpis.badActors.map((c) => c.alarmId)).toEqual(['old-rep', 'chat']);
    expect(kpis.stale).toEqual([{ deviceId: 'S' }]);
    expect(kpis.falseAlarmRate).toBeNull();
  });
  it('without alarm-load counts the standing alarms raised in the last 10 min', () => {
    const now = 60 * 60_000;
    const list = [alarmView({ id: 'new', raisedAt: now - 9 * 60_000 }), alarmView({ id: 'old', raisedAt: now - 11 * 60_000 }), alarmView({ id: 'oos', raisedAt: null, state: 'out-of-service' })];
    expect(wallAlarmKpis(list, null, now).activationsLast10Min).toBe(1);
  });
  it('reads the kind of an alarm point from its id', () => expect(pointKind('cp/CP-E3-GT-001/h2s_ppm/high-high')).toBe('high-high'));
});
