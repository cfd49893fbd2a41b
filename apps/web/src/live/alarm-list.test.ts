import { describe, expect, it } from 'vitest';
import { ROLES, type AlarmStateName } from '@safetwin/protocol';
import { alarmActions, alarmCountText, alarmCounts, canActOnAlarms, mergeAlarm, standingAlarms, worstAlarm } from './alarm-list.ts';
import { alarmView } from './alarm-test-support.ts';

const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

describe('standingAlarms (a subscribe answer)', () => {
  it('orders latest activation first, drops normal ones, keeps the newest view per id', () => {
    const list = standingAlarms([
      alarmView({ id: 'a', raisedAt: 100 }),
      alarmView({ id: 'b', raisedAt: 300 }),
      alarmView({ id: 'c', raisedAt: 200, state: 'normal' }),
      alarmView({ id: 'a', raisedAt: 100, updatedAt: 5_000, state: 'acknowledged' }),
      alarmView({ id: 'd', raisedAt: null, updatedAt: 250, state: 'out-of-service' }),
    ]);
    expect(ids(list)).toEqual(['b', 'd', 'a']);
    expect(list[2]!.state).toBe('acknowledged');
  });

  it('breaks ties by id so the order never flickers', () => {
    expect(ids(standingAlarms([alarmView({ id: 'z' }), alarmView({ id: 'm' })]))).toEqual(['m', 'z']);
  });
});

describe('mergeAlarm (one `alarm` event)', () => {
  const base = standingAlarms([alarmView({ id: 'old', raisedAt: 100, updatedAt: 100 }), alarmView({ id: 'mid', raisedAt: 200, updatedAt: 200 })]);

  const CASES: Array<{ title: string; event: ReturnType<typeof alarmView>; expected: string[]; state?: [string, AlarmStateName] }> = [
    { title: 'a new alarm goes on top', event: alarmView({ id: 'new', raisedAt: 300, updatedAt: 300 }), expected: ['new', 'mid', 'old'] },
    { title: 'a raised alarm older than the top is inserted in order', event: alarmView({ id: 'between', raisedAt: 150, updatedAt: 310 }), expected: ['mid', 'between', 'old'] },
    {
      title: 'an acknowledgement replaces in place',
      event: alarmView({ id: 'old', raisedAt: 100, updatedAt: 400, state: 'acknowledged' }),
      expected: ['mid', 'old'],
      state: ['old', 'acknowledged'],
    },
    { title: 'a repeat (new activation) moves it to the top', event: alarmView({ id: 'old', raisedAt: 500, updatedAt: 500, count: 2 }), expected: ['old', 'mid'] },
    { title: 'a return to normal removes it', event: alarmView({ id: 'mid', updatedAt: 600, state: 'normal' }), expected: ['old'] },
    { title: 'normal for an alarm we do not hold changes nothing', event: alarmView({ id: 'other', updatedAt: 600, state: 'normal' }), expected: ['mid', 'old'] },
    {
      title: 'a change older than the one held is ignored',
      event: alarmView({ id: 'mid', raisedAt: 200, updatedAt: 150, state: 'normal' }),
      expected: ['mid', 'old'],
      state: ['mid', 'unacknowledged'],
    },
  ];
  for (const { title, event, expected, state } of CASES) {
    it(title, () => {
      const next = mergeAlarm(base, event);
      expect(ids(next), title).toEqual(expected);
      if (state) expect(next.find((a) => a.id === state[0])?.state, title).toBe(state[1]);
      expect(ids(base), `${title}: the input list is not mutated`).toEqual(['mid', 'old']);
    });
  }

  it('takes a response, group or first-out set in the same millisecond as the activation (nothing else changed)', () => {
    const held = base.find((a) => a.id === 'mid')!;
    const response = { kind: 'emergency-plan' as const, dueAt: 1_800_200, tier: 'enterprise' as const, escalations: 0, confirmedAt: null, confirmedBy: null, note: null };
    expect(mergeAlarm(base, { ...held, response }).find((a) => a.id === 'mid')?.response).toEqual(response);
    expect(mergeAlarm(base, { ...held, groupId: 'g1', firstOut: true }).find((a) => a.id === 'mid')).toMatchObject({ groupId: 'g1', firstOut: true });
  });

  it('returns the same array when nothing changed (stable snapshots for React)', () => {
    expect(mergeAlarm(base, { ...base[0]! })).toBe(base);
    expect(mergeAlarm(base, alarmView({ id: 'gone', state: 'normal' }))).toBe(base);
  });
});

describe('counts and header', () => {
  it('counts unacknowledged and returned-unacknowledged as waiting for an ack', () => {
    const counts = alarmCounts([
      alarmView({ id: 'a', state: 'unacknowledged' }),
      alarmView({ id: 'b', state: 'rtn-unacknowledged' }),
      alarmView({ id: 'c', state: 'acknowledged' }),
      alarmView({ id: 'd', state: 'shelved' }),
    ]);
    expect(counts).toEqual({ total: 4, unacknowledged: 2 });
    expect(alarmCountText({ total: 3, unacknowledged: 2 })).toBe('3 alarms · 2 unacknowledged');
    expect(alarmCountText({ total: 1, unacknowledged: 0 })).toBe('1 alarm · 0 unacknowledged');
    expect(alarmCountText({ total: 0, unacknowledged: 0 })).toBe('No standing alarms');
  });
});

describe('alarmActions (by state and role)', () => {
  const CASES: Array<{ state: AlarmStateName; expected: string[] }> = [
    { state: 'unacknowledged', expected: ['ack', 'shelve'] },
    { state: 'rtn-unacknowledged', expected: ['ack', 'shelve'] },
    { state: 'acknowledged', expected: ['shelve'] },
    { state: 'shelved', expected: ['unshelve'] },
    { state: 'suppressed', expected: [] },
    { state: 'out-of-service', expected: [] },
    { state: 'normal', expected: [] },
  ];
  for (const { state, expected } of CASES) {
    it(`${state}: operators get ${expected.join(', ') || 'nothing'}; a drill planner nothing`, () => {
      for (const role of ['commander', 'park-manager', 'safety-officer'] as const) expect(alarmActions(alarmView({ state }), role), `${state} as ${role}`).toEqual(expected);
      expect(alarmActions(alarmView({ state }), 'drill-planner'), `${state} as drill-planner`).toEqual([]);
    });
  }

  it('only the drill planner may not act (the hub answers it 403)', () => {
    expect(ROLES.filter((role) => !canActOnAlarms(role))).toEqual(['drill-planner']);
  });
});

describe('worstAlarm (the row badge)', () => {
  it('prefers the more severe level, then one waiting for an ack, then the latest', () => {
    const l2 = alarmView({ id: 'l2', level: 2, raisedAt: 100 });
    const l1 = alarmView({ id: 'l1', level: 1, raisedAt: 50, state: 'acknowledged' });
    const l2ack = alarmView({ id: 'l2ack', level: 2, raisedAt: 900, state: 'acknowledged' });
    const l2late = alarmView({ id: 'l2late', level: 2, raisedAt: 800 });
    expect(worstAlarm([l2, l1])?.id).toBe('l1');
    expect(worstAlarm([l2ack, l2])?.id).toBe('l2');
    expect(worstAlarm([l2, l2late])?.id).toBe('l2late');
    expect(worstAlarm([])).toBeUndefined();
  });
});
