import { describe, expect, it } from 'vitest';
import type { AlarmResponseView, Role } from '@safetwin/protocol';
import { compareStack, formatCountdown, redCardAlarms, responseAction, responseClock, stackEntries } from './alarm-stack.ts';
import { alarmView } from './alarm-test-support.ts';

const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);
const response = (overrides: Partial<AlarmResponseView> = {}): AlarmResponseView => ({
  kind: 'emergency-plan',
  dueAt: 31 * 60_000,
  tier: 'enterprise',
  escalations: 0,
  confirmedAt: null,
  confirmedBy: null,
  note: null,
  ...overrides,
});

describe('compareStack (ISA-101 order)', () => {
  it('sorts by level, then unacknowledged before rtn-unack, acknowledged and muted, then newest', () => {
    const list = [
      alarmView({ id: 'l3-unack', level: 3 }),
      alarmView({ id: 'l2-ack', level: 2, state: 'acknowledged', raisedAt: 9_000 }),
      alarmView({ id: 'l2-shelved', level: 2, state: 'shelved', raisedAt: 9_500 }),
      alarmView({ id: 'l2-unack-old', level: 2, raisedAt: 1_000 }),
      alarmView({ id: 'l2-unack-new', level: 2, raisedAt: 5_000 }),
      alarmView({ id: 'l2-rtn', level: 2, state: 'rtn-unacknowledged', raisedAt: 8_000 }),
      alarmView({ id: 'l1-ack', level: 1, state: 'acknowledged' }),
    ];
    expect(ids([...list].sort(compareStack))).toEqual(['l1-ack', 'l2-unack-new', 'l2-unack-old', 'l2-rtn', 'l2-ack', 'l2-shelved', 'l3-unack']);
  });
});

describe('stackEntries (grouping under the first-out)', () => {
  it('folds a group under its first-out, counts the members, and sorts the group by its worst level', () => {
    const entries = stackEntries([
      alarmView({ id: 'alone-l3', level: 3 }),
      alarmView({ id: 'g-member-1', level: 2, groupId: 'g', raisedAt: 3_000 }),
      alarmView({ id: 'g-first', level: 2, groupId: 'g', firstOut: true, raisedAt: 1_000, state: 'acknowledged' }),
      alarmView({ id: 'g-member-2', level: 1, groupId: 'g', raisedAt: 2_000 }),
      alarmView({ id: 'alone-l2', level: 2 }),
    ]);
    expect(entries.map((e) => e.head.id)).toEqual(['g-first', 'alone-l2', 'alone-l3']);
    // The level-1 member outranks its level-2 first-out: shown, not folded.
    expect(ids(entries[0]!.pinned)).toEqual(['g-member-2']);
    expect(ids(entries[0]!.members)).toEqual(['g-member-1']);
    expect(entries[0]!.level).toBe(1);
    expect(entries[0]!.awaitsAck).toBe(true);
  });

  it('keeps a member with a response still due in sight (another enterprise must confirm its plan), folds one confirmed', () => {
    const due = { kind: 'emergency-plan' as const, dueAt: 1_800_000, tier: 'enterprise' as const, escalations: 0, confirmedAt: null, confirmedBy: null, note: null };
    const entries = stackEntries([
      alarmView({ id: 'g-first', level: 2, groupId: 'g', firstOut: true, response: due }),
      alarmView({ id: 'g-other-plant', level: 2, groupId: 'g', enterpriseId: 'E2', response: due }),
      alarmView({ id: 'g-confirmed', level: 2, groupId: 'g', enterpriseId: 'E3', response: { ...due, confirmedAt: 5, confirmedBy: 'officer' } }),
      alarmView({ id: 'g-plain', level: 2, groupId: 'g' }),
    ]);
    expect(ids(entries[0]!.pinned)).toEqual(['g-other-plant']);
    expect(ids(entries[0]!.members).sort()).toEqual(['g-confirmed', 'g-plain']);
  });

  it('heads a group whose first-out has cleared with its most urgent member', () => {
    const entries = stackEntries([alarmView({ id: 'a', level: 3, groupId: 'g' }), alarmView({ id: 'b', level: 2, groupId: 'g' })]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.head.id).toBe('b');
  });

  it('thirty alarms of one leak are one line', () => {
    const leak = Array.from({ length: 30 }, (_, i) => alarmView({ id: `d${i}`, groupId: 'leak', firstOut: i === 7, raisedAt: 1_000 + i }));
    const entries = stackEntries(leak);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.head.id).toBe('d7');
    expect(entries[0]!.members).toHaveLength(29);
  });
});

describe('responseClock and formatCountdown', () => {
  const CASES = [
    { title: 'no response', response: null, now: 0, expected: { kind: 'none' } },
    { title: 'shutdown has no deadline', response: response({ kind: 'shutdown', dueAt: null }), now: 0, expected: { kind: 'none' } },
    { title: 'running down', response: response({ dueAt: 60_000 }), now: 15_000, expected: { kind: 'due', remainingMs: 45_000 } },
    { title: 'due this very ms is overdue by 0', response: response({ dueAt: 60_000 }), now: 60_000, expected: { kind: 'overdue', overdueMs: 0 } },
    { title: 'overdue, never negative', response: response({ dueAt: 60_000 }), now: 190_000, expected: { kind: 'overdue', overdueMs: 130_000 } },
    { title: 'confirmed', response: response({ confirmedAt: 5_000, confirmedBy: 'officer' }), now: 999_999, expected: { kind: 'confirmed', atMs: 5_000, by: 'officer' } },
  ];
  for (const c of CASES) it(c.title, () => expect(responseClock(c.response, c.now), c.title).toEqual(c.expected));

  const FORMATS: Array<[number, string]> = [
    [30 * 60_000, '30:00'],
    [29 * 60_000 + 59_001, '30:00'],
    [59_000, '0:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [2 * 3_600_000 + 5 * 60_000, '2:05:00'],
  ];
  for (const [ms, text] of FORMATS) it(`${ms} ms reads ${text}`, () => expect(formatCountdown(ms)).toBe(text));
});

describe('responseAction (role-aware confirmations)', () => {
  const CASES: Array<{ title: string; alarm: ReturnType<typeof alarmView>; role: Role; expected: string | null }> = [
    { title: 'level 2 plan, officer', alarm: alarmView({ response: response() }), role: 'safety-officer', expected: 'confirm-plan' },
    { title: 'level 3 rectification, park manager', alarm: alarmView({ level: 3, response: response({ kind: 'rectification-plan' }) }), role: 'park-manager', expected: 'rectification-plan' },
    { title: 'drill planner watches only', alarm: alarmView({ response: response() }), role: 'drill-planner', expected: null },
    { title: 'already confirmed', alarm: alarmView({ response: response({ confirmedAt: 1 }) }), role: 'commander', expected: null },
    { title: 'level 1 shutdown is automatic', alarm: alarmView({ level: 1, response: response({ kind: 'shutdown', dueAt: null }) }), role: 'commander', expected: null },
    { title: 'no response', alarm: alarmView(), role: 'commander', expected: null },
  ];
  for (const c of CASES) it(c.title, () => expect(responseAction(c.alarm, c.role), c.title).toBe(c.expected));
});

describe('redCardAlarms', () => {
  it('shows level-1 alarms that are active or unacknowledged, newest first; not shelved, not acknowledged and cleared', () => {
    const red = redCardAlarms([
      alarmView({ id: 'l2', level: 2 }),
      alarmView({ id: 'old', level: 1, raisedAt: 1_000 }),
      alarmView({ id: 'new', level: 1, raisedAt: 2_000, state: 'acknowledged' }),
      alarmView({ id: 'rtn', level: 1, raisedAt: 500, state: 'rtn-unacknowledged', processActive: false }),
      alarmView({ id: 'cleared-ack', level: 1, state: 'acknowledged', processActive: false }),
      alarmView({ id: 'shelved', level: 1, state: 'shelved' }),
    ]);
    expect(ids(red)).toEqual(['new', 'old', 'rtn']);
  });
});
