import { describe, expect, it } from 'vitest';
import type { AlarmLoadView, AlarmTransitionView, AlarmView } from '@safetwin/protocol';
import { AlarmLoad } from './alarm-load.ts';
import { NotificationRule, type AlarmNotice, type OperatorScope } from './notification-rule.ts';
import { testAlarm } from './flood-test-support.ts';

const MIN = 60_000;

/** A load tracker with an injected clock, flushed by hand, recording what it reports. */
function setup(floodThreshold = 10) {
  let nowMs = 0;
  const reports: { load: AlarmLoadView; scope: OperatorScope }[] = [];
  const load = new AlarmLoad(() => nowMs, (l, scope) => reports.push({ load: l, scope }), { windowMs: 10 * MIN, floodThreshold }, () => {});
  const notice = (notifies: boolean, scopes: OperatorScope[] = [null]): AlarmNotice => ({ alarm: testAlarm('A1', nowMs), raised: true, scopes, notifies: notifies ? scopes : [] });
  return { load, reports, notice, setNow: (ms: number) => (nowMs = ms) };
}

describe('AlarmLoad: sliding 10-minute window per site and operator scope (injected clock)', () => {
  it('counts notifications and activations, and forgets them once they are 10 minutes old', () => {
    const { load, notice, setNow } = setup();
    setNow(0);
    load.record('S', notice(true));
    setNow(2 * MIN);
    load.record('S', notice(false));
    load.record('S', notice(false));
    expect(load.view('S', null)).toMatchObject({ notificationsLast10Min: 1, activationsLast10Min: 3, flooding: false });
    setNow(10 * MIN);
    expect(load.view('S', null)).toMatchObject({ notificationsLast10Min: 0, activationsLast10Min: 2 });
    setNow(12 * MIN);
    expect(load.view('S', null)).toMatchObject({ notificationsLast10Min: 0, activationsLast10Min: 0 });
  });

  const FLOOD_CASES = [
    { title: '10 notifications in 10 min: no flood', notifications: 10, flooding: false },
    { title: '11 notifications in 10 min: a flood', notifications: 11, flooding: true },
    { title: '40 activations, 3 notifications: no flood', notifications: 3, activations: 40, flooding: false },
  ];
  for (const c of FLOOD_CASES) {
    it(c.title, () => {
      const { load, notice, setNow } = setup();
      for (let i = 0; i < Math.max(c.notifications, c.activations ?? 0); i++) {
        setNow(i * 1000);
        load.record('S', notice(i < c.notifications));
      }
      const view = load.view('S', null);
      expect(view.flooding, c.title).toBe(c.flooding);
      expect(view.floodSince, c.title).toBe(c.flooding ? 10_000 : null);
    });
  }

  it('a flood ends when notifications leave the window, and each change is reported once per flush', () => {
    const { load, notice, setNow, reports } = setup();
    for (let i = 0; i < 11; i++) {
      setNow(i * 1000);
      load.record('S', notice(true));
    }
    load.flush();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.load).toMatchObject({ notificationsLast10Min: 11, flooding: true, floodSince: 10_000 });
    setNow(10 * MIN + 500);
    load.sweep();
    load.flush();
    expect(reports.at(-1)!.load).toMatchObject({ notificationsLast10Min: 10, flooding: false, floodSince: null });
    load.sweep();
    load.flush();
    expect(reports).toHaveLength(2); // nothing changed: nothing reported
  });

  it('keeps scopes apart: an enterprise sees only what reaches it; standing counts per scope', () => {
    const { load, notice } = setup();
    load.record('S', notice(true, [null, 'E1']));
    load.record('S', notice(true, [null]));
    load.standing('S', [null, 'E1'], 1);
    load.standing('S', [null], 1);
    load.standing('S', [null], -1);
    expect(load.view('S', null)).toMatchObject({ notificationsLast10Min: 2, standing: 1 });
    expect(load.view('S', 'E1')).toMatchObject({ notificationsLast10Min: 1, standing: 1 });
    expect(load.view('S', 'E2')).toMatchObject({ notificationsLast10Min: 0, standing: 0 });
    expect(load.view('T', null).notificationsLast10Min).toBe(0);
  });
});

describe('NotificationRule: only first-out and ungrouped activations notify; repeats never notify twice', () => {
  const scopes = new Map<string, OperatorScope[]>([
    ['A1', [null, 'E1']],
    ['B1', [null, 'E2']],
    ['A2', [null, 'E1']],
  ]);
  const rule = () => new NotificationRule((a) => scopes.get(a.deviceId) ?? [null]);
  const activate = (r: NotificationRule, deviceId: string, over: Partial<AlarmView>, before: Partial<AlarmView> = {}) => {
    const alarm = testAlarm(deviceId, 0, over);
    const t: AlarmTransitionView = { at: 0, event: 'activate', fromState: 'normal', toState: 'unacknowledged', actor: 'system', reason: null, value: 1 };
    return r.classify(alarm, t, { ...alarm, processActive: false, count: alarm.count - 1, ...before });
  };

  it('ungrouped activations notify every scope that sees them', () => {
    expect(activate(rule(), 'A1', { groupId: null })?.notifies).toEqual([null, 'E1']);
  });
  it('a group notifies the site once (first-out), and each enterprise at its first alarm of the group', () => {
    const r = rule();
    expect(activate(r, 'A1', { groupId: 'g', firstOut: true })?.notifies).toEqual([null, 'E1']);
    expect(activate(r, 'A2', { groupId: 'g' })?.notifies).toEqual([]);
    expect(activate(r, 'B1', { groupId: 'g' })?.notifies).toEqual(['E2']);
    expect(activate(r, 'B1', { groupId: 'g', id: 'S/B1/m/high-high' })?.notifies).toEqual([]);
  });
  it('a more severe member of a group notifies again (a level-1 precursor is never silenced)', () => {
    const r = rule();
    activate(r, 'A1', { groupId: 'g', firstOut: true, level: 2 });
    expect(activate(r, 'A2', { groupId: 'g', level: 1 })?.notifies).toEqual([null, 'E1']);
    expect(activate(r, 'A1', { groupId: 'g', level: 1, id: 'x' })?.notifies).toEqual([]);
  });
  it('a repeat of a standing alarm counts as an activation and notifies nobody; acks are no activation', () => {
    const r = rule();
    const repeat = activate(r, 'A1', { groupId: null, count: 3 }, { processActive: true });
    expect(repeat).toMatchObject({ raised: false, scopes: [null, 'E1'], notifies: [] });
    const alarm = testAlarm('A1', 0);
    expect(r.classify(alarm, { at: 0, event: 'ack', fromState: 'unacknowledged', toState: 'acknowledged', actor: 'op', reason: null, value: null }, alarm)).toBeNull();
  });
  it('after a restart, seeded scopes of an open group are not notified again', () => {
    const r = rule();
    r.seed(testAlarm('A1', 0, { groupId: 'g' }), 0);
    expect(activate(r, 'A2', { groupId: 'g' })?.notifies).toEqual([]);
    expect(activate(r, 'B1', { groupId: 'g' })?.notifies).toEqual(['E2']);
  });
});
