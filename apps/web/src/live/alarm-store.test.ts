import { describe, expect, it, vi } from 'vitest';
import { AlarmStore } from './alarm-store.ts';
import { alarmView } from './alarm-test-support.ts';

describe('AlarmStore', () => {
  it('replaces its list on (re)subscribe and merges events by id', () => {
    const store = new AlarmStore();
    expect(store.received).toBe(false);
    store.replace([alarmView({ id: 'a', raisedAt: 1 }), alarmView({ id: 'b', raisedAt: 2, state: 'normal' })]);
    expect(store.received).toBe(true);
    expect(store.alarms.map((a) => a.id)).toEqual(['a']);

    store.apply(alarmView({ id: 'c', raisedAt: 3, updatedAt: 3 }));
    expect(store.alarms.map((a) => a.id)).toEqual(['c', 'a']);
    store.apply(alarmView({ id: 'a', raisedAt: 1, updatedAt: 4_000, state: 'normal' }));
    expect(store.alarms.map((a) => a.id)).toEqual(['c']);

    // A resubscribe after a lost link: the hub's answer is the truth, whatever we held.
    store.replace([alarmView({ id: 'd', raisedAt: 9 })]);
    expect(store.alarms.map((a) => a.id)).toEqual(['d']);
  });

  it('tells the panel about every change but a row only about its own device', () => {
    const store = new AlarmStore();
    const onList = vi.fn();
    const onA = vi.fn();
    const onB = vi.fn();
    store.subscribe(onList);
    store.subscribeDevice('A', onA);
    const offB = store.subscribeDevice('B', onB);

    store.apply(alarmView({ id: 'a1', deviceId: 'A' }));
    expect(onList).toHaveBeenCalledTimes(1);
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    expect(store.forDevice('A')?.id).toBe('a1');
    expect(store.forDevice('B')).toBeUndefined();

    // An unchanged resend notifies nobody.
    store.apply(alarmView({ id: 'a1', deviceId: 'A' }));
    expect(onList).toHaveBeenCalledTimes(1);

    // A less severe second alarm on A changes the list but not A's badge.
    store.apply(alarmView({ id: 'a2', deviceId: 'A', level: 3, raisedAt: 2_000, updatedAt: 2_000 }));
    expect(onList).toHaveBeenCalledTimes(2);
    expect(onA).toHaveBeenCalledTimes(1);
    expect(store.forDevice('A')?.id).toBe('a1');

    store.apply(alarmView({ id: 'a1', deviceId: 'A', updatedAt: 3_000, state: 'normal' }));
    expect(onA).toHaveBeenCalledTimes(2);
    expect(store.forDevice('A')?.id).toBe('a2');

    offB();
    store.apply(alarmView({ id: 'b1', deviceId: 'B' }));
    expect(onB).not.toHaveBeenCalled();
  });
});
