import { describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { AlarmGrouper, DEFAULT_GROUPER_OPTIONS } from './alarm-grouper.ts';
import type { AlarmGroupView } from './alarm-group.ts';
import { demoSites } from '@safetwin/twin-models';
import { deviceRelations } from './alarm-relations.ts';
import { TEST_RELATIONS, testAlarm } from './flood-test-support.ts';

const MIN = 60_000;

/** A grouper on the test site with an injected clock and a recording sink. */
function setup() {
  let nowMs = 0;
  const saved: { group: AlarmGroupView; member: string | null }[] = [];
  const grouper = new AlarmGrouper((_s, d) => TEST_RELATIONS.get(d), { save: (group, member) => saved.push({ group, member: member?.alarmId ?? null }) }, () => nowMs, DEFAULT_GROUPER_OPTIONS); // 10 min window and join period, 30 min life, 100 m
  const raise = (deviceId: string, atMs: number, over: Partial<AlarmView> = {}) => {
    nowMs = atMs;
    return grouper.assign(testAlarm(deviceId, atMs, over));
  };
  return { grouper, raise, saved, setNow: (ms: number) => (nowMs = ms) };
}

const CASES: { title: string; activations: [deviceId: string, atMs: number, kind?: string][]; groups: number[]; firstOut: boolean[] }[] = [
  { title: 'same unit (equipment) joins, even 500 m apart', activations: [['A1', 0], ['A2', MIN]], groups: [0, 0], firstOut: [true, false] },
  { title: 'another unit far away opens its own group', activations: [['A1', 0], ['C1', MIN]], groups: [0, 1], firstOut: [true, true] },
  { title: 'another unit within the radius joins', activations: [['A1', 0], ['B1', MIN]], groups: [0, 0], firstOut: [true, false] },
  { title: 'the window has passed since the last activation: a new group', activations: [['A1', 0], ['A2', 10 * MIN + 1]], groups: [0, 1], firstOut: [true, true] },
  { title: 'the window runs from the last activation, not the first', activations: [['A1', 0], ['A2', 8 * MIN], ['A1', 17 * MIN, 'high-high']], groups: [0, 0, 0], firstOut: [true, false, false] },
  { title: 'chained: B1 joins through A1, then A2 through the unit', activations: [['B1', 0], ['A1', MIN], ['A2', 2 * MIN]], groups: [0, 0, 0], firstOut: [true, false, false] },
  { title: 'sensor health is a cause of its own', activations: [['A1', 0], ['A2', MIN, 'stale']], groups: [0, 1], firstOut: [true, true] },
  { title: 'a jump on a detector already alarming for the process is that cause (a plume front, a release ending)', activations: [['A1', 0], ['A1', MIN, 'jump']], groups: [0, 0], firstOut: [true, false] },
  { title: 'a jump on a detector of the same unit that is not alarming is a sensor fault of its own', activations: [['A1', 0], ['A2', MIN, 'jump']], groups: [0, 1], firstOut: [true, true] },
  { title: 'a stale detector stays a health cause even while alarming for the process', activations: [['A1', 0], ['A1', MIN, 'stale']], groups: [0, 1], firstOut: [true, true] },
  { title: 'the weather station nearby is an advisory, not part of the leak', activations: [['A1', 0], ['W1', MIN]], groups: [0, 1], firstOut: [true, true] },
  { title: 'the first-out coming back joins its own group and stays its first-out', activations: [['C1', 0], ['C1', 3 * MIN]], groups: [0, 0], firstOut: [true, true] },
  // Groups close (review item 3): a life cap, and no other unit joins an old group.
  { title: 'another unit within the radius after the join period opens its own group', activations: [['A1', 0], ['A2', 8 * MIN], ['B1', 10 * MIN + 1]], groups: [0, 0, 1], firstOut: [true, false, true] },
  { title: "the first-out's unit still joins after the join period", activations: [['A1', 0], ['A2', 9 * MIN], ['A1', 18 * MIN, 'high-high']], groups: [0, 0, 0], firstOut: [true, false, false] },
  { title: 'a chattering alarm keeps its group open 30 min at most', activations: [['A1', 0], ['A1', 9 * MIN], ['A1', 18 * MIN], ['A1', 27 * MIN], ['A1', 30 * MIN + 1]], groups: [0, 0, 0, 0, 1], firstOut: [true, true, true, true, true] },
  { title: 'a member coming back stays a member', activations: [['A1', 0], ['A2', MIN], ['A2', 3 * MIN]], groups: [0, 0, 0], firstOut: [true, false, false] },
];

describe('AlarmGrouper: grouping by cause with a first-out (injected clock)', () => {
  for (const c of CASES) {
    it(c.title, () => {
      const { raise } = setup();
      const results = c.activations.map(([d, at, kind]) => raise(d, at, kind ? { kind } : {}));
      const ids = [...new Set(results.map((r) => r.groupId))];
      expect(results.map((r) => ids.indexOf(r.groupId)), c.title).toEqual(c.groups);
      expect(results.map((r) => r.firstOut), c.title).toEqual(c.firstOut);
    });
  }

  it('counts members and activations, keeps the most severe level, and stores every change', () => {
    const { grouper, raise, saved } = setup();
    const first = raise('A1', 0);
    raise('B1', MIN, { level: 1 });
    raise('A1', 2 * MIN); // the same alarm again: one member, two activations
    const g = grouper.get(first.groupId)!;
    expect(g).toMatchObject({ firstOutAlarmId: 'S/A1/m/high', unit: 'EQ1', cause: 'process', memberCount: 2, activationCount: 3, topLevel: 1, openedAt: 0, lastActivationAt: 2 * MIN, closedAt: null });
    expect(saved.map((s) => s.member)).toEqual(['S/A1/m/high', 'S/B1/m/high', 'S/A1/m/high']);
  });

  it('closes a group once its window has passed (sweep), with closedAt = last activation + window', () => {
    const { grouper, raise, saved, setNow } = setup();
    const { groupId } = raise('A1', 0);
    raise('A2', 4 * MIN);
    setNow(14 * MIN);
    grouper.sweep();
    expect(grouper.get(groupId)).toBeDefined();
    setNow(14 * MIN + 1);
    grouper.sweep();
    expect(grouper.get(groupId)).toBeUndefined();
    expect(saved.at(-1)).toEqual({ group: expect.objectContaining({ id: groupId, closedAt: 14 * MIN }), member: null });
    expect(raise('A1', 15 * MIN).firstOut).toBe(true);
  });

  it("hours of chattering on a plot, then a Cl2 detector 400 m away on the same plot: a group of its own, as first-out", () => {
    const { raise, grouper } = setup();
    const chatter = [raise('A1', 0, { level: 2 })];
    for (let m = 5; m <= 6 * 60; m += 5) chatter.push(raise('A1', m * MIN, { kind: 'temperature-high', level: 3 }));
    const lives = new Map<string, number[]>();
    chatter.forEach((r, i) => lives.set(r.groupId, [...(lives.get(r.groupId) ?? []), i * 5 * MIN]));
    for (const times of lives.values()) expect(times.at(-1)! - times[0]!).toBeLessThanOrEqual(30 * MIN);
    const cl2 = raise('D1', 6 * 60 * MIN + MIN);
    expect(cl2.firstOut).toBe(true);
    expect(lives.has(cl2.groupId)).toBe(false);
    expect(grouper.get(cl2.groupId)).toMatchObject({ unit: 'EQ4', memberCount: 1 });
  });

  it('closes a group at its maximum age after the first-out, however active (closedAt = opened + 30 min)', () => {
    const { grouper, raise, saved, setNow } = setup();
    const { groupId } = raise('A1', 0);
    for (let m = 5; m <= 25; m += 5) raise('A2', m * MIN);
    setNow(30 * MIN + 1);
    grouper.sweep();
    expect(grouper.get(groupId)).toBeUndefined();
    expect(saved.at(-1)).toEqual({ group: expect.objectContaining({ id: groupId, closedAt: 30 * MIN }), member: null });
  });

  it('restores open groups after a restart: a related activation joins, an expired group is closed', () => {
    const before = setup();
    const live = before.raise('A1', 0);
    const stale = before.raise('C1', 0);
    const groups = before.grouper.openGroups().map((g) => (g.id === stale.groupId ? { ...g, lastActivationAt: -11 * MIN } : g));
    const after = setup();
    after.setNow(MIN);
    after.grouper.restore(groups, new Map([[live.groupId, [testAlarm('A1', 0)]], [stale.groupId, [testAlarm('C1', 0)]]]));
    expect(after.grouper.openGroups().map((g) => g.id)).toEqual([live.groupId]);
    expect(after.saved[0]!.group).toMatchObject({ id: stale.groupId, closedAt: -MIN });
    expect(after.raise('A2', 2 * MIN)).toEqual({ groupId: live.groupId, firstOut: false });
  });

  it('a leak tripping 40 detectors around one spot is one group with one first-out', () => {
    const { raise } = setup();
    const results = [];
    for (let i = 0; i < 40; i++) {
      // Detectors on a spiral out to ~250 m: each within the radius of an earlier one.
      const r = 6 * i;
      const pos = { eastM: r * Math.cos(i), northM: r * Math.sin(i), upM: 0 };
      TEST_RELATIONS.set(`L${i}`, { keys: [`unit:L${i}`], position: pos, unit: `L${i}`, kind: 'gas-flammable' });
      results.push(raise(`L${i}`, i * 100));
    }
    expect(new Set(results.map((r) => r.groupId)).size).toBe(1);
    expect(results.filter((r) => r.firstOut)).toHaveLength(1);
  });
});

describe('deviceRelations on the demo park', () => {
  it('relates by unit, roadway and position only: no bare enterprise-plot key (a plot is hundreds of metres wide)', () => {
    const park = demoSites().find((s) => s.kind === 'chemical-park')!;
    const relations = [...deviceRelations(park).values()];
    expect(relations.length).toBeGreaterThan(10);
    expect(relations.flatMap((r) => r.keys).filter((k) => k.startsWith('plot:'))).toEqual([]);
    // Two sensors on one plot, of different units and far apart, share no key.
    const onPlot = park.sensors.filter((s) => s.enterpriseId === park.enterprises[0]!.id && s.equipmentId);
    const [a, b] = [onPlot[0]!, onPlot.find((s) => s.equipmentId !== onPlot[0]!.equipmentId)!];
    const keysOf = (id: string) => deviceRelations(park).get(id)!.keys;
    expect(keysOf(a.id).filter((k) => keysOf(b.id).includes(k))).toEqual([]);
  });
});
