import { describe, expect, it } from 'vitest';
import { planIsolation } from './isolation.ts';
import type { IsolationPipeNode, IsolationSegment, IsolationSite, IsolationValve } from './isolation-graph.ts';
import { minVertexCut } from './min-vertex-cut.ts';
import { isolatedRelease } from './release-profile.ts';

/** A hand-made pipe graph: nodes on a line (east = position), segments, valves, equipment. */
class MiniPark implements IsolationSite {
  equipment: Array<{ id: string; inventoryKg: number }> = [];
  pipes = { nodes: [] as IsolationPipeNode[], segments: [] as IsolationSegment[], valves: [] as IsolationValve[] };
  private x = 0;

  item(id: string, inventoryKg: number): this {
    this.equipment.push({ id, inventoryKg });
    return this;
  }
  /** Nodes: 'nozzle:EQ', 'junction', 'remote' (remote ESD valve), 'manual' (manual valve); named by id. */
  node(id: string, what: string): string {
    const [kind, eq] = what.split(':');
    const valve = kind === 'remote' || kind === 'manual';
    this.pipes.nodes.push({ id, kind: valve ? 'valve' : (kind as 'nozzle' | 'junction'), position: { eastM: this.x++ * 10, northM: 0, upM: 1 }, ...(eq ? { equipmentId: eq } : {}) });
    if (valve) {
      this.pipes.valves.push({
        id: `V-${id}`, nodeId: id, function: kind === 'remote' ? 'esd' : 'root', actuation: kind as 'remote' | 'manual',
        deviceId: kind === 'remote' ? `V-${id}` : null, normallyOpen: true, strokeTimeS: kind === 'remote' ? 10 : null,
      });
    }
    return id;
  }
  /** Segments joining consecutive nodes; `lengthM` each. */
  run(ids: string[], lengthM = 10, diameterMm = 50): this {
    for (let i = 1; i < ids.length; i++) {
      this.pipes.segments.push({ id: `S-${ids[i - 1]}-${ids[i]}`, from: ids[i - 1]!, to: ids[i]!, lengthM, diameterMm, chemical: 'Cl2', designPressureKpa: 1600, normalFlowKgS: 1 });
    }
    return this;
  }
}

const valveIds = (a: { valves: Array<{ valveId: string }> }) => a.valves.map((v) => v.valveId).sort();

/** Two tanks on a header feeding a reactor R; the reactor line has a manual root valve and a remote ESD valve. */
function twoTanksAndReactor(): MiniPark {
  const p = new MiniPark().item('TA', 10_000).item('TB', 5_000).item('R', 100).item('C2', 50);
  const h = p.node('H', 'junction');
  p.run([p.node('nA', 'nozzle:TA'), p.node('rA', 'manual'), p.node('eA', 'remote'), h]);
  p.run([p.node('nB', 'nozzle:TB'), p.node('rB', 'manual'), p.node('eB', 'remote'), h]);
  p.run([h, p.node('eR', 'remote'), p.node('mR', 'manual'), p.node('nR', 'nozzle:R')]);
  p.run([h, p.node('eC', 'remote'), p.node('nC', 'nozzle:C2')]);
  return p;
}

describe('minVertexCut', () => {
  it('cuts the cheapest nodes between sources and sinks; none when an uncuttable path exists', () => {
    // s — a — t and s — b — t: both a and b must go
    const edges = [['s', 'a'], ['a', 't'], ['s', 'b'], ['b', 't']] as const;
    const cut = minVertexCut({ nodeIds: ['s', 'a', 'b', 't'], edges, weight: (id) => (id === 'a' ? 2 : id === 'b' ? 3 : Infinity), sources: ['s'], sinks: ['t'] });
    expect(cut).toEqual({ nodeIds: ['a', 'b'], cost: 5 });
    expect(minVertexCut({ nodeIds: ['s', 'a', 'b', 't'], edges, weight: (id) => (id === 'a' ? 2 : Infinity), sources: ['s'], sinks: ['t'] })).toBeNull();
  });

  it('of equal cuts returns the one nearest the sink or the source as asked', () => {
    const edges = [['s', 'x'], ['x', 'y'], ['y', 't']] as const;
    const w = (id: string) => (id === 'x' || id === 'y' ? 1 : Infinity);
    expect(minVertexCut({ nodeIds: ['s', 'x', 'y', 't'], edges, weight: w, sources: ['s'], sinks: ['t'] })!.nodeIds).toEqual(['y']);
    expect(minVertexCut({ nodeIds: ['s', 'x', 'y', 't'], edges, weight: w, sources: ['s'], sinks: ['t'], side: 'source' })!.nodeIds).toEqual(['x']);
  });
});

describe('planIsolation on hand-made graphs', () => {
  it('isolates a leaking reactor with its one remote ESD valve, preferred over the manual valve beside it', () => {
    const plan = planIsolation(twoTanksAndReactor(), { kind: 'equipment', id: 'R' }, { leakRateKgS: 1 });
    expect(plan.isolable).toBe(true);
    expect(plan.feeds.map((f) => f.id).sort()).toEqual(['C2', 'TA', 'TB']);
    const minimal = plan.alternatives.filter((a) => a.minimal);
    expect(minimal.map(valveIds)).toEqual([['V-eR']]);
    expect(minimal[0]!.valves[0]).toMatchObject({ actuation: 'remote', deviceId: 'V-eR', closeTimeS: 12, position: { eastM: 70 } });
    // the manual valve alone also isolates, but costs more and closes later
    const manual = plan.alternatives.find((a) => valveIds(a).join() === 'V-mR')!;
    expect(manual.weight).toBeGreaterThan(minimal[0]!.weight);
    expect(manual.timeToIsolateS).toBe(300);
    // the closure leaves the other items joined: no side effects
    expect(minimal[0]!.sideEffects).toEqual([]);
    expect(minimal[0]!.section).toEqual({ equipmentIds: ['R'], segmentIds: ['S-eR-mR', 'S-mR-nR'] });
  });

  it('finds the minimal set: one valve on the shared line beats one per feed', () => {
    // leak on the reactor side line; the feeds are two tanks — closing eR (1 valve) beats eA + eB + eC (3)
    const plan = planIsolation(twoTanksAndReactor(), { kind: 'pipe-segment', id: 'S-eR-mR' }, { leakRateKgS: 1 });
    expect(plan.isolable).toBe(true);
    const best = plan.alternatives.find((a) => a.minimal)!;
    expect(valveIds(best)).toEqual(['V-eR', 'V-mR']);
    // every alternative cuts the leak off from all feeds: the section holds no feed
    for (const a of plan.alternatives) expect(a.section.equipmentIds.filter((e) => e !== 'R')).toEqual([]);
  });

  it('reports side effects: closing the tank valves starves the other consumer', () => {
    const plan = planIsolation(twoTanksAndReactor(), { kind: 'pipe-segment', id: 'S-H-eR' }, { leakRateKgS: 1 });
    const byTanks = plan.alternatives.find((a) => valveIds(a).join() === 'V-eA,V-eB,V-eC,V-eR')!;
    expect(valveIds(byTanks)).toEqual(['V-eA', 'V-eB', 'V-eC', 'V-eR']);
    // R is cut off by the leak itself (its line is broken), so the closure costs it nothing more
    expect(byTanks.sideEffects.map((s) => s.equipmentId)).toEqual(['C2', 'TA', 'TB']);
    expect(byTanks.sideEffects.find((s) => s.equipmentId === 'C2')).toMatchObject({ cutOffFromAllFeeds: true, lostConnectionsTo: ['TA', 'TB'] });
    expect(byTanks.sideEffects.find((s) => s.equipmentId === 'TA')).toMatchObject({ cutOffFromAllFeeds: true, lostConnectionsTo: ['C2', 'TB'] });
  });

  it('says when nothing can isolate: a boundary tie-in feeds the leaking segment with no valve between', () => {
    const p = new MiniPark().item('C', 200);
    p.run([p.node('tie', 'junction'), p.node('j1', 'junction'), p.node('j2', 'junction'), p.node('eC', 'remote'), p.node('nC', 'nozzle:C')]);
    const plan = planIsolation(p, { kind: 'pipe-segment', id: 'S-j1-j2' }, { leakRateKgS: 2 });
    expect(plan.isolable).toBe(false);
    expect(plan.unisolableFeeds).toEqual([{ kind: 'boundary', id: 'tie' }]);
    expect(plan.reason).toMatch(/cannot isolate: the boundary tie-in at tie reaches the leak without passing any open valve/);
    // what can be done: cut the consumer's back-flow; the trapped inventory is unbounded (the tie-in stays joined)
    expect(plan.alternatives.map(valveIds)).toEqual([['V-eC']]);
    expect(plan.alternatives[0]!.trappedInventoryKg).toBe(Infinity);
  });

  it('ranks by released mass: a slow manual valve near the leak beats a fast remote one far away at a low rate, not at a high one', () => {
    // tank — remote ESD — 1000 m of 50 mm Cl2 line — manual valve — leaking 10 m segment — dead end
    const build = () => {
      const p = new MiniPark().item('T', 50_000);
      p.run([p.node('nT', 'nozzle:T'), p.node('e', 'remote')]);
      p.run([p.node('e2', 'junction'), p.node('m', 'manual')], 1000);
      p.run(['e', 'e2']);
      p.run(['m', p.node('end', 'nozzle:T2')]);
      p.item('T2', 0);
      return p;
    };
    const low = planIsolation(build(), { kind: 'pipe-segment', id: 'S-m-end' }, { leakRateKgS: 1 });
    expect(low.alternatives.map(valveIds)).toEqual([['V-m'], ['V-e']]);
    const [manual, remote] = low.alternatives;
    expect(manual!.releasedBeforeIsolationKg).toBeCloseTo(300, 6);
    expect(remote!.releasedBeforeIsolationKg).toBeCloseTo(12, 6);
    // 1000 m of 50 mm liquid chlorine ≈ 1.96 m³ × 1410 kg/m³ ≈ 2770 kg trapped behind the far valve
    expect(remote!.trappedPipeKg).toBeGreaterThan(2700);
    expect(remote!.trappedPipeKg).toBeLessThan(2900);
    expect(remote!.minimal).toBe(true);
    expect(manual!.minimal).toBe(false);
    const high = planIsolation(build(), { kind: 'pipe-segment', id: 'S-m-end' }, { leakRateKgS: (t) => (t < 100 ? 30 : 10) });
    expect(high.alternatives.map(valveIds)).toEqual([['V-e'], ['V-m']]);
    expect(high.alternatives[1]!.releasedBeforeIsolationKg).toBeCloseTo(30 * 100 + 10 * 200, 0);
  });

  it('treats closed valves as isolation already in place, and says when nothing feeds the leak', () => {
    const p = new MiniPark().item('T', 1000).item('U', 0);
    p.run([p.node('nT', 'nozzle:T'), p.node('e', 'remote'), p.node('nU', 'nozzle:U')]);
    const plan = planIsolation(p, { kind: 'equipment', id: 'U' }, { leakRateKgS: 1, valveIsOpen: () => false });
    expect(plan.isolable).toBe(true);
    expect(plan.feeds).toEqual([]);
    expect(plan.reason).toMatch(/nothing feeds the leak/);
    expect(plan.alternatives.map(valveIds)).toEqual([[]]);
  });

  it('refuses an unknown leak target', () => {
    expect(() => planIsolation(new MiniPark(), { kind: 'equipment', id: 'nope' }, { leakRateKgS: 1 })).toThrow(/no equipment nope/);
  });

  it('isolates every item the leak may be at: a tank and the stub at its nozzle together, where the stub alone cannot be', () => {
    // TA's nozzle — 3-m stub — remote valve v1 — line — H; TB feeds H too; H feeds reactor R.
    const p = new MiniPark().item('TA', 10_000).item('TB', 5_000).item('R', 100);
    const h = p.node('H', 'junction');
    p.run([p.node('nA', 'nozzle:TA'), p.node('v1', 'remote')], 3);
    p.run(['v1', h]);
    p.run([p.node('nB', 'nozzle:TB'), p.node('eB', 'remote'), h]);
    p.run([h, p.node('eR', 'remote'), p.node('nR', 'nozzle:R')]);
    const stub = { kind: 'pipe-segment', id: 'S-nA-v1' } as const;
    const alone = planIsolation(p, stub, { leakRateKgS: 1 });
    expect(alone.isolable).toBe(false);
    expect(alone.unisolableFeeds).toEqual([{ kind: 'equipment', id: 'TA' }]);

    const both = planIsolation(p, [stub, { kind: 'equipment', id: 'TA' }], { leakRateKgS: 1 });
    expect(both.leaks).toEqual([stub, { kind: 'equipment', id: 'TA' }]);
    expect(both.isolable).toBe(true);
    expect(both.feeds.map((f) => f.id).sort()).toEqual(['R', 'TB']);
    expect(both.alternatives[0]!.minimal).toBe(true);
    expect(valveIds(both.alternatives[0]!)).toEqual(['V-v1']);
    // the tank's own inventory drains through the leak wherever it is
    expect(both.alternatives[0]!.section.equipmentIds).toEqual(['TA']);
    expect(both.alternatives[0]!.trappedEquipmentKg).toBe(10_000);
  });

  it('cuts each of two suspects on separate branches off the shared feeds, and ranks the cut nearest them first', () => {
    const plan = planIsolation(twoTanksAndReactor(), [{ kind: 'equipment', id: 'R' }, { kind: 'equipment', id: 'C2' }, { kind: 'equipment', id: 'R' }], { leakRateKgS: 1 });
    expect(plan.isolable).toBe(true);
    expect(plan.feeds.map((f) => f.id).sort()).toEqual(['TA', 'TB']);
    // {eR, eC} traps only the two branches; {eA, eB} the same weight but the header and both tank lines too
    expect(valveIds(plan.alternatives[0]!)).toEqual(['V-eC', 'V-eR']);
    // the section shut in holds both; what drains through the leak is the part joined to the worst one (R, 100 kg), not both
    expect(plan.alternatives[0]!.section.equipmentIds).toEqual(['C2', 'R']);
    expect(plan.alternatives[0]!.trappedEquipmentKg).toBe(100);
    expect(plan.leaks).toEqual([{ kind: 'equipment', id: 'R' }, { kind: 'equipment', id: 'C2' }]);
    const tankSide = plan.alternatives.find((a) => valveIds(a).join() === 'V-eA,V-eB')!;
    expect(tankSide.minimal).toBe(true);
    expect(tankSide.trappedPipeKg).toBeGreaterThan(plan.alternatives[0]!.trappedPipeKg);
    // one suspect alone needs only its own valve
    expect(valveIds(planIsolation(twoTanksAndReactor(), { kind: 'equipment', id: 'C2' }, { leakRateKgS: 1 }).alternatives[0]!)).toEqual(['V-eC']);
  });

  it('counts the release from the decision on, on the clock of the leak rate', () => {
    const p = twoTanksAndReactor();
    const rate = (t: number) => (t < 60 ? 5 : 1);
    const early = planIsolation(p, { kind: 'equipment', id: 'R' }, { leakRateKgS: rate }).alternatives[0]!;
    const late = planIsolation(p, { kind: 'equipment', id: 'R' }, { leakRateKgS: rate, decisionAtS: 120 }).alternatives[0]!;
    expect(early.releasedBeforeIsolationKg).toBeCloseTo(5 * 12, 6);
    expect(late.releasedBeforeIsolationKg).toBeCloseTo(1 * 12, 6);
  });
});

describe('isolatedRelease (the release the forecast uses once the valves are shut)', () => {
  it('leaks at the rate until isolation, then drains the trapped inventory, then stops', () => {
    const r = isolatedRelease(2, { timeToIsolateS: 12, trappedInventoryKg: 100 }, { decisionAtS: 30 });
    expect(r.endS).toBeCloseTo(42 + 50, 9);
    expect(r.totalKg).toBeCloseTo(2 * 42 + 100, 9);
    expect([r.rateKgS(-1), r.rateKgS(0), r.rateKgS(91), r.rateKgS(92)]).toEqual([0, 2, 2, 0]);
  });

  it('follows a falling rate and never ends while a boundary feed stays joined', () => {
    const falling = isolatedRelease((t) => (t < 100 ? 4 : 1), { timeToIsolateS: 50, trappedInventoryKg: 300 });
    // 200 kg by t = 50, 200 more by t = 100, the last 100 kg at 1 kg/s
    expect(falling.endS).toBeCloseTo(200, 6);
    expect(falling.totalKg).toBeCloseTo(500, 6);
    const open = isolatedRelease(1, { timeToIsolateS: 10, trappedInventoryKg: Infinity }, { maxS: 3600 });
    expect(open.endS).toBe(Infinity);
    expect(open.rateKgS(1e6)).toBe(1);
  });
});
