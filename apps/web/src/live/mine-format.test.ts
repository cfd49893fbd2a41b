import { describe, expect, it } from 'vitest';
import { GAS_LOOK, PERSON_LOOK, POWER_LOOK, cutCauseText, cutMachines, isActive, machinePower, withdrawalOverview, withdrawalSummaries } from './mine-format.ts';
import type { MachinePowerView, PersonState, PersonView, SitePeopleView } from './mine-types.ts';

const machine = (id: string, over: Partial<MachinePowerView> = {}): MachinePowerView => ({
  equipmentId: id, deviceId: `D-${id}`, name: { zh: id, en: id }, kind: 'shearer', roadwayId: 'R1', intrinsicallySafe: false, remotePowerControl: true,
  powered: 1, reportedAt: 1, heldBy: [], cutLocally: false, command: null, cutFailed: false, ...over,
});
const cause = { sensorId: 'CM-CH4-001', kind: 'level' as const, fault: null, readingPct: 1.62, setpointPct: 1.5, atMs: 1 };
const person = (id: string, state: PersonState, roadwayId: string | null, withdrawalId: string | null = 'W1'): PersonView => ({
  personId: id, name: `Miner ${id}`, team: 'A', tagDeviceId: `T-${id}`, position: null, roadwayId, chainageM: null, reportedAt: null, state,
  order: withdrawalId ? { withdrawalId, decision: 'surface', reason: '', destination: { kind: 'shaft', id: 'S1' }, roadwayIds: [], polyline: [], etaS: 600, selfRescuerS: 0, pagedAt: 0, pageState: 'acknowledged', ackedAt: null, safeAt: null } : null,
});

describe('mine formatting', () => {
  it('tells every state by colour, glyph and word', () => {
    for (const table of [PERSON_LOOK, GAS_LOOK, POWER_LOOK]) {
      const looks = Object.values(table);
      expect(new Set(looks.map((l) => l.key)).size).toBe(looks.length);
      for (const l of looks) expect(l.glyph.length).toBeGreaterThan(0);
    }
    expect(PERSON_LOOK.paged.glyph).not.toBe(PERSON_LOOK.acknowledged.glyph);
  });

  it('reads a machine cut from its feedback, a standing cut-failed alarm first, a local cut when it has no remote control', () => {
    expect(machinePower(machine('a'))).toBe('powered');
    expect(machinePower(machine('a', { powered: 0, heldBy: [cause] }))).toBe('cut');
    expect(machinePower(machine('a', { powered: 1, heldBy: [cause], cutFailed: true }))).toBe('cut-failed');
    expect(machinePower(machine('a', { powered: 1, heldBy: [cause], cutLocally: true, remotePowerControl: false }))).toBe('cut-locally');
    expect(machinePower(machine('a', { powered: null }))).toBe('no-data');
  });

  it('lists the cut machines, worst first, and leaves the powered ones out', () => {
    const list = cutMachines([machine('p'), machine('c', { powered: 0, heldBy: [cause] }), machine('f', { heldBy: [cause], cutFailed: true }), machine('x', { powered: 0 })]);
    expect(list.map((m) => m.equipmentId)).toEqual(['f', 'c', 'x']);
  });

  it('says why a machine is cut: the sensor and its reading against the cut level, or its fault', () => {
    expect(cutCauseText(cause)).toBe('CM-CH4-001 1.62 % ≥ 1.50 %');
    expect(cutCauseText({ ...cause, kind: 'fault', fault: 'stale', readingPct: null })).toBe('CM-CH4-001 stale');
  });

  it('counts a withdrawal: still inside by roadway, acknowledged, safe', () => {
    const view: SitePeopleView = {
      siteId: 'm', at: 0, stillInside: 4,
      withdrawals: [{ id: 'W1', at: 0, reason: 'r', orderedBy: 'commander', sourceRoadwayIds: ['R1'], affectedRoadwayIds: ['R1', 'R2'], personIds: ['1', '2', '3', '4', '5'] }],
      people: [person('1', 'paged', 'R1'), person('2', 'acknowledged', 'R1'), person('3', 'withdrawing', 'R2'), person('4', 'no-route', null), person('5', 'safe', 'R9'), person('6', 'working', 'R1', null)],
    };
    const [s] = withdrawalSummaries(view);
    expect(s!.people.map((p) => p.personId)).toEqual(['1', '2', '3', '4', '5']);
    expect(s!.inside).toHaveLength(4);
    expect(s!.acknowledged).toBe(3);
    expect(s!.safe).toBe(1);
    expect(s!.insideByRoadway.map((g) => [g.roadwayId, g.people.length])).toEqual([['R1', 2], [null, 1], ['R2', 1]]);
    expect(isActive(s!)).toBe(true);
    const done = withdrawalSummaries({ ...view, people: view.people.map((p) => ({ ...p, state: p.order ? 'safe' : p.state })) });
    expect(isActive(done[0]!)).toBe(false);
  });

  it('sums the active withdrawals and leaves the finished ones out', () => {
    const w = (id: string) => ({ id, at: 0, reason: id, orderedBy: 'system:interlock', sourceRoadwayIds: [], affectedRoadwayIds: [], personIds: [] });
    const view: SitePeopleView = {
      siteId: 'm', at: 0, stillInside: 3,
      withdrawals: [w('W3'), w('W2'), w('W1')],
      people: [person('1', 'paged', 'R1', 'W3'), person('2', 'safe', 'R9', 'W3'), person('3', 'withdrawing', 'R1', 'W2'), person('4', 'acknowledged', 'R2', 'W2'), person('5', 'safe', 'R9', 'W1')],
    };
    const o = withdrawalOverview(view)!;
    expect(o.active.map((s) => s.withdrawal.id)).toEqual(['W3', 'W2']);
    expect(o.done).toBe(1);
    expect(o.inside.map((p) => p.personId)).toEqual(['1', '3', '4']);
    expect(o).toMatchObject({ acknowledged: 3, safe: 1 });
    expect(o.insideByRoadway.map((g) => [g.roadwayId, g.people.length])).toEqual([['R1', 2], ['R2', 1]]);
    expect(withdrawalOverview({ ...view, people: view.people.map((p) => ({ ...p, state: 'safe' as const })) })).toBeNull();
  });
});
