import { describe, expect, it } from 'vitest';
import type { ConcentrationField } from './dose.ts';
import { planEvacuation } from './evacuation.ts';
import type { EvacuationGroup, EvacuationInput, PlanAssemblyPoint } from './evacuation.ts';
import { indoorExposure, shelterHolds } from './indoor.ts';
import type { WalkNetwork } from './walk-routes.ts';

/** Road network from node coordinates and edges "A-B" (length = straight distance). */
function roads(nodes: Record<string, [number, number]>, edges: string[]): WalkNetwork {
  return {
    nodes: Object.entries(nodes).map(([id, [e, n]]) => ({ id, position: { eastM: e, northM: n } })),
    edges: edges.map((s) => {
      const [a, b] = s.split('-') as [string, string];
      return { id: s, from: a, to: b, lengthM: Math.hypot(nodes[a]![0] - nodes[b]![0], nodes[a]![1] - nodes[b]![1]) };
    }),
  };
}
const ap = (id: string, roadNodeId: string, e: number, n: number, capacityPersons = 100): PlanAssemblyPoint => ({ id, roadNodeId, position: { eastM: e, northM: n }, capacityPersons });
const person = (id: string, e: number, n: number): EvacuationGroup => ({ id, kind: 'person', position: { eastM: e, northM: n }, persons: 1 });
const LEVELS = { aegl1Ppm: 0.5, aegl2Ppm: 2, aegl3Ppm: 20 };
const base = (over: Partial<EvacuationInput>): EvacuationInput => ({
  roads: { nodes: [], edges: [] }, assemblyPoints: [], groups: [], concentrationPpm: () => 0, levels: LEVELS, nowS: 0, ...over,
});

describe('evacuation routes on hand-made graphs', () => {
  it('detours around a zone sitting on the direct road', () => {
    // A — B — C straight (1000 m); the detour A — D — E — F — C runs 500 m north (2000 m)
    const net = roads({ A: [0, 0], B: [500, 0], C: [1000, 0], D: [0, 500], E: [500, 500], F: [1000, 500] }, ['A-B', 'B-C', 'A-D', 'D-E', 'E-F', 'F-C']);
    const disc: ConcentrationField = (x, y) => (Math.hypot(x - 500, y) < 150 ? 50 : 0);
    const input = base({ roads: net, assemblyPoints: [ap('AP', 'C', 1000, 0)], groups: [person('P', 0, 0)], concentrationPpm: disc });
    // outside the zone, the person is unaffected: move them into the zone's edge to have them evacuate
    const plan = planEvacuation({ ...input, concentrationPpm: (x, y, t) => (Math.hypot(x, y) < 1 ? 1 : disc(x, y, t)) });
    const g = plan.groups[0]!;
    expect(g.decision).toBe('evacuate');
    expect(g.route!.nodeIds).toEqual(['A', 'D', 'E', 'F', 'C']);
    expect(g.route!.dosePpmS).toBeLessThan(1);
    expect(g.route!.distanceM).toBeCloseTo(2000, 0);
    expect(g.route!.etaS).toBeCloseTo(2000 / 1.2, 0);
    expect(g.route!.polyline[0]).toEqual({ eastM: 0, northM: 0 });
    // without the zone the straight road wins (the distance term)
    const clean = planEvacuation({ ...input, concentrationPpm: (x, y) => (Math.hypot(x, y) < 1 ? 1 : 0) });
    expect(clean.groups[0]!.route!.nodeIds).toEqual(['A', 'B', 'C']);
  });

  it('escapes a plume crosswind rather than down it, though the downwind point is nearer', () => {
    // plume strip 200 m wide along x = 500 from y = −300 to y = 1000 (wind from the south)
    const plume: ConcentrationField = (x, y) => (Math.abs(x - 500) < 100 && y > -300 && y < 1000 ? 10 : 0);
    const net = roads({ P: [500, 200], Q: [500, 1100], R: [1600, 200] }, ['P-Q', 'P-R']);
    const plan = planEvacuation(base({
      roads: net, assemblyPoints: [ap('AP-N', 'Q', 500, 1150), ap('AP-E', 'R', 1650, 200)], groups: [person('P', 500, 200)], concentrationPpm: plume,
    }));
    const r = plan.groups[0]!.route!;
    expect(r.assemblyPointId).toBe('AP-E');
    expect(r.nodeIds).toEqual(['P', 'R']);
    // about 100 m inside the plume at 1.2 m/s and 10 ppm
    expect(r.dosePpmS).toBeGreaterThan(700);
    expect(r.dosePpmS).toBeLessThan(1000);
    expect(plan.assemblyPoints.every((p) => p.usable)).toBe(true);
  });

  it('marks assembly points inside or under the forecast zone unusable, and re-plans when the zone moves on', () => {
    // a puff 200 m across moving east at 2 m/s from x = 0
    const puff: ConcentrationField = (x, y, t) => (Math.abs(x - 2 * t) < 100 && Math.abs(y) < 100 ? 20 : 0);
    const net = roads({ O: [0, 0], E: [600, 0], N: [0, 1000], W: [-800, 0] }, ['O-E', 'O-N', 'O-W']);
    const input = base({
      roads: net, horizonS: 600, groups: [person('P', 0, 0)], concentrationPpm: puff,
      assemblyPoints: [ap('AP-in', 'O', 0, 0), ap('AP-under', 'E', 600, 0), ap('AP-far', 'N', 0, 1000), ap('AP-off', 'X', 5, 5)],
    });
    const plan = planEvacuation(input);
    const status = Object.fromEntries(plan.assemblyPoints.map((p) => [p.id, p]));
    expect(status['AP-in']).toMatchObject({ usable: false, reason: expect.stringMatching(/^inside the zone now \(20 ppm/), reasonText: { key: 'ap.in-zone', values: { ppm: 20, zonePpm: 0.5 } } });
    expect(status['AP-under']).toMatchObject({ usable: false, reason: expect.stringMatching(/^under the forecast zone: 0.5 ppm reached 2\d0 s from now/), reasonText: { key: 'ap.under-forecast' } });
    expect(status['AP-under']!.reasonText!.values).toEqual({ zonePpm: 0.5, inS: expect.any(Number), peakPpm: 20 });
    expect(status['AP-far']).toMatchObject({ usable: true, reasonText: null });
    expect(status['AP-off']).toMatchObject({ usable: false, reason: 'its road node X is not on the road graph', reasonText: { key: 'ap.no-road', values: { node: 'X' } } });
    expect(plan.groups[0]!.route!.assemblyPointId).toBe('AP-far');
    expect(status['AP-far']!.assignedPersons).toBe(1);
    // half an hour later the puff has gone: nobody is in a zone, every reachable point is usable
    const later = planEvacuation({ ...input, nowS: 1800 });
    expect(later.groups[0]!.decision).toBe('unaffected');
    expect(later.assemblyPoints.filter((p) => p.usable).map((p) => p.id)).toEqual(['AP-in', 'AP-under', 'AP-far']);
  });

  it('says so when no usable assembly point can be reached', () => {
    const plan = planEvacuation(base({
      roads: roads({ A: [0, 0], B: [100, 0] }, ['A-B']), assemblyPoints: [ap('AP', 'B', 100, 0)], groups: [person('P', 0, 0)], concentrationPpm: () => 5,
    }));
    expect(plan.assemblyPoints[0]!.usable).toBe(false);
    expect(plan.groups[0]).toMatchObject({ decision: 'shelter', priority: null, reason: expect.stringMatching(/no usable assembly point can be reached: take shelter in the nearest building/) });
  });

  it('fills assembly points in order of who the zone reaches first, and flags overflow', () => {
    // a front moving east at 1 m/s over a 200 m wide band: it reaches x = 0, 100, 200 at t = 0, 100, 200 s
    const field: ConcentrationField = (x, y, t) => (x < 300 && Math.abs(y) < 100 && t >= x ? 5 : 0);
    const net = roads({ A: [0, 0], B: [1000, 0], C: [0, 2000] }, ['A-B', 'A-C']);
    const plan = planEvacuation(base({
      roads: net, concentrationPpm: field, assemblyPoints: [ap('AP-B', 'B', 1000, 0, 30), ap('AP-C', 'C', 0, 2000, 30)],
      groups: [{ ...person('late', 200, 0), persons: 20 }, { ...person('early', 0, 0), persons: 20 }, { ...person('last', 100, 0), persons: 20 }],
    }));
    const byId = Object.fromEntries(plan.groups.map((g) => [g.groupId, g]));
    expect([byId.early!.priority, byId.last!.priority, byId.late!.priority]).toEqual([1, 2, 3]);
    expect(byId.early!.route!.assemblyPointId).toBe('AP-B');
    expect(byId.last!.route!.assemblyPointId).toBe('AP-C');
    expect(byId.late!.overCapacity).toBe(true);
  });
});

describe('shelter or evacuate by air exchange', () => {
  // a cloud of 10 ppm over everything within 300 m for the first 10 minutes
  const cloud: ConcentrationField = (x, y, t) => (Math.hypot(x, y) < 300 && t < 600 ? 10 : 0);
  const net = roads({ A: [0, 0], B: [1000, 0] }, ['A-B']);
  const building = (id: string, airChangesPerH: number): EvacuationGroup => ({ id, kind: 'building', position: { eastM: 0, northM: 0 }, persons: 10, airChangesPerH });

  it('indoor concentration follows the single-zone mass balance exactly', () => {
    const e = indoorExposure(() => 10, { eastM: 0, northM: 0 }, 6, 0, 600, 10);
    expect(e.indoorPeakPpm).toBeCloseTo(10 * (1 - Math.exp(-1)), 9);
    // ∫₀⁶⁰⁰ 10 (1 − e^(−t/600)) dt = 6000 e^(−1)
    expect(e.indoorDosePpmS).toBeCloseTo(6000 * Math.exp(-1), 6);
    expect(indoorExposure(() => 10, { eastM: 0, northM: 0 }, 0, 0, 600, 10).indoorPeakPpm).toBe(0);
  });

  it('a tight building shelters, a leaky one evacuates, a cloud that stays forces evacuation', () => {
    const plan = planEvacuation(base({
      roads: net, assemblyPoints: [ap('AP', 'B', 1000, 0)], concentrationPpm: cloud,
      groups: [building('tight', 0.3), building('leaky', 6), person('outside', 2000, 0)],
    }));
    const [tight, leaky, outside] = plan.groups;
    expect(tight).toMatchObject({ decision: 'shelter', reason: expect.stringMatching(/^indoor peak 0.488 ppm stays below AEGL-2/) });
    expect(tight!.route).toBeUndefined();
    expect(leaky).toMatchObject({ decision: 'evacuate', priority: 1 });
    expect(leaky!.reason).toMatch(/^indoor concentration reaches 6.32 ppm ≥ AEGL-2 2 ppm at 6 air changes\/h; walk to AP/);
    // 60 s egress, then ~300 m of the zone at 10 ppm
    expect(leaky!.route!.departS).toBe(60);
    expect(leaky!.route!.dosePpmS).toBeCloseTo((300 / 1.2) * 10, -1);
    expect(outside!.decision).toBe('unaffected');
    const stays = shelterHolds(indoorExposure(() => 10, { eastM: 0, northM: 0 }, 0.3, 0, 600, 10), 2);
    expect(stays).toMatchObject({ holds: false, reason: expect.stringMatching(/cloud has not passed/) });
  });

  it('shelters when walking out would collect more than staying in', () => {
    // a wide cloud: the only road out runs 1000 m through it
    const wide: ConcentrationField = (x, _y, t) => (x < 1200 && t < 900 ? 10 : 0);
    const plan = planEvacuation(base({ roads: net, assemblyPoints: [ap('AP', 'B', 1300, 0)], concentrationPpm: wide, groups: [building('fair', 1)] }));
    expect(plan.groups[0]).toMatchObject({ decision: 'shelter', reason: expect.stringMatching(/collects more than staying in .*: shelter in place$/) });
  });
});
