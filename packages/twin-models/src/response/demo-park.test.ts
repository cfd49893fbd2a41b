// Smoke test on the demo park: a chlorine sphere leaks; isolation alternatives exist and the
// evacuation plan covers every occupied building under a synthetic plume.
import { describe, expect, it } from 'vitest';
import { buildChemicalPark } from '../sites/chemical-park/index.ts';
import { parseSite } from '../validate.ts';
import type { ChemicalPark } from '../schema/site.ts';
import type { ConcentrationField } from './dose.ts';
import { planEvacuation } from './evacuation.ts';
import { planIsolation } from './isolation.ts';
import { parkEvacuationGroups } from './park-groups.ts';

const park = parseSite(buildChemicalPark()) as ChemicalPark;
const TANK = 'CP-E1-TK-01';
// Cl2 AEGL-1/2/3, 60 min, ppm (US EPA AEGL program, chlorine final values)
const CL2_LEVELS = { aegl1Ppm: 0.5, aegl2Ppm: 2, aegl3Ppm: 20 };

/**
 * A synthetic plume from the tank, wind from the west at 3 m/s: 300 ppm at 100 m falling as
 * x^−1.5, Gaussian across with σ = 0.25 x + 20 m, arriving at x/u. Not physics, a test field.
 */
function plumeFrom(east: number, north: number, windMS = 3): ConcentrationField {
  return (x, y, t) => {
    const d = x - east;
    if (d <= 0 || t < d / windMS) return 0;
    const sigma = 0.25 * d + 20;
    return 300 * (100 / Math.max(d, 100)) ** 1.5 * Math.exp(-((y - north) ** 2) / (2 * sigma * sigma));
  };
}

describe('response on the demo park (cp-nanjing)', () => {
  it('a leaking chlorine sphere: its own remote ESD valve is the minimal set, with alternatives ranked', () => {
    const plan = planIsolation(park, { kind: 'equipment', id: TANK }, { leakRateKgS: 2 });
    expect(plan.isolable).toBe(true);
    expect(plan.feeds.length).toBeGreaterThanOrEqual(4);
    expect(plan.alternatives.length).toBeGreaterThanOrEqual(3);
    const best = plan.alternatives[0]!;
    expect(best.minimal).toBe(true);
    expect(best.valves).toHaveLength(1);
    expect(best.valves[0]).toMatchObject({ actuation: 'remote', function: 'esd' });
    expect(best.valves[0]!.deviceId).toBe(best.valves[0]!.valveId);
    expect(best.sideEffects).toEqual([]);
    expect(best.section.equipmentIds).toEqual([TANK]);
    // ranks follow the total release
    const totals = plan.alternatives.map((a) => a.totalReleaseKg);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    // a manual root valve is offered, later and so costlier in released mass
    const manual = plan.alternatives.find((a) => a.valves.every((v) => v.actuation === 'manual'));
    expect(manual!.releasedBeforeIsolationKg).toBeGreaterThan(best.releasedBeforeIsolationKg);
  });

  it('every alternative really isolates, and the minimal set has no valve to spare (checked by a plain walk)', () => {
    const feeds = new Set(park.equipment.filter((e) => e.inventoryKg > 0).map((e) => e.id));
    // site-boundary tie-ins: junctions at the end of a single segment
    const boundary = new Set(park.pipes.nodes.filter((n) => n.kind === 'junction' && park.pipes.segments.filter((s) => s.from === n.id || s.to === n.id).length === 1).map((n) => n.id));
    /** Feeds reached from the leak by walking open pipes and through vessels, with `closed` valve nodes shut. */
    const reached = (leak: { kind: 'equipment' | 'pipe-segment'; id: string }, closed: Set<string>): Set<string> => {
      const seen = new Set<string>();
      const eqSeen = new Set<string>();
      const queue: string[] = [];
      const visit = (nodeId: string) => { if (!closed.has(nodeId) && !seen.has(nodeId)) { seen.add(nodeId); queue.push(nodeId); } };
      const enter = (equipmentId: string) => {
        if (eqSeen.has(equipmentId)) return;
        eqSeen.add(equipmentId);
        if (equipmentId !== leak.id && feeds.has(equipmentId)) return; // a feed: reached; do not walk through it
        for (const n of park.pipes.nodes) if (n.equipmentId === equipmentId) visit(n.id);
      };
      if (leak.kind === 'equipment') enter(leak.id);
      else { const s = park.pipes.segments.find((x) => x.id === leak.id)!; visit(s.from); visit(s.to); }
      const tieIns = new Set<string>();
      for (let i = 0; i < queue.length; i++) {
        const id = queue[i]!;
        if (boundary.has(id)) tieIns.add(id);
        const node = park.pipes.nodes.find((n) => n.id === id)!;
        if (node.equipmentId) enter(node.equipmentId);
        for (const s of park.pipes.segments) {
          if (s.id === leak.id) continue;
          if (s.from === id) visit(s.to);
          if (s.to === id) visit(s.from);
        }
      }
      return new Set([...[...eqSeen].filter((e) => e !== leak.id && feeds.has(e)), ...tieIns]);
    };
    const leaks = [
      ...park.equipment.filter((e) => e.enterpriseId === 'CP-E1' || e.enterpriseId === 'CP-E3').map((e) => ({ kind: 'equipment' as const, id: e.id })),
      ...park.pipes.segments.filter((_, i) => i % 7 === 0).map((s) => ({ kind: 'pipe-segment' as const, id: s.id })),
    ];
    let checked = 0;
    for (const leak of leaks) {
      const plan = planIsolation(park, leak, { leakRateKgS: 1 });
      const allowed = new Set(plan.unisolableFeeds.map((f) => f.id));
      for (const a of plan.alternatives) {
        const closed = new Set(a.valves.map((v) => v.nodeId));
        expect([...reached(leak, closed)].filter((f) => !allowed.has(f)), `${leak.id} ${a.valves.map((v) => v.valveId).join()}`).toEqual([]);
        checked++;
        if (!a.minimal || !plan.isolable) continue;
        for (const v of a.valves) {
          const fewer = new Set([...closed].filter((n) => n !== v.nodeId));
          expect(reached(leak, fewer).size, `${leak.id} without ${v.valveId}`).toBeGreaterThan(0);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the sour-gas field line at the east fence cannot be isolated inside the park', () => {
    const tieIn = park.pipes.segments.find((s) => s.chemical === 'sour-gas' && s.enterpriseId === null)!;
    const plan = planIsolation(park, { kind: 'pipe-segment', id: tieIn.id }, { leakRateKgS: 5 });
    expect(plan.isolable).toBe(false);
    expect(plan.unisolableFeeds).toEqual([{ kind: 'boundary', id: tieIn.from }]);
  });

  it('plans every occupied building and tagged person under a plume from the sphere', () => {
    const tank = park.equipment.find((e) => e.id === TANK)!;
    const field = plumeFrom(tank.position.eastM, tank.position.northM);
    const people = [{ id: 'tag-1', position: { eastM: -700, northM: 120 } }, { id: 'tag-2', position: { eastM: -1000, northM: -600 } }];
    const groups = parkEvacuationGroups(park, { shift: 'day', people });
    expect(groups.filter((g) => g.kind === 'building').length).toBeGreaterThanOrEqual(park.buildings.length - 2);
    const plan = planEvacuation({ roads: park.roads, assemblyPoints: park.assemblyPoints, groups, concentrationPpm: field, levels: CL2_LEVELS, nowS: 0 });

    expect(plan.groups).toHaveLength(groups.length);
    const usable = new Set(plan.assemblyPoints.filter((p) => p.usable).map((p) => p.id));
    expect(usable.size).toBeGreaterThan(0);
    expect(usable.size).toBeLessThan(plan.assemblyPoints.length); // something lies under the plume
    for (const p of plan.assemblyPoints.filter((a) => !a.usable)) expect(p.reason).toMatch(/zone/);
    const byId = new Map(plan.groups.map((g) => [g.groupId, g]));
    expect(byId.get('tag-1')!.decision).toBe('evacuate'); // in the plume 200 m downwind, outdoors
    expect(byId.get('tag-2')!.decision).toBe('unaffected'); // south-west, upwind
    for (const g of plan.groups.filter((x) => x.decision === 'evacuate')) {
      expect(usable.has(g.route!.assemblyPointId), g.groupId).toBe(true);
      expect(g.route!.etaS, g.groupId).toBeGreaterThan(0);
      expect(g.route!.polyline.length, g.groupId).toBeGreaterThanOrEqual(2);
    }
    // upwind of the tank nobody is affected
    for (const g of plan.groups) {
      const grp = groups.find((x) => x.id === g.groupId)!;
      if (grp.position.eastM < tank.position.eastM) expect(g.decision, g.groupId).toBe('unaffected');
    }
    const counts = { evacuate: 0, shelter: 0, unaffected: 0 };
    for (const g of plan.groups) counts[g.decision]++;
    console.log(`demo park Cl2 plume: ${plan.groups.length} groups → ${JSON.stringify(counts)}; unusable assembly points: ${plan.assemblyPoints.filter((p) => !p.usable).map((p) => `${p.id} (${p.reason})`).join('; ')}`);
  });
});
