import { describe, expect, it } from 'vitest';
import { affectedArea, demoSites, planEscape, type CoalMine } from '@safetwin/twin-models';
import type { FieldCommand, Reading } from '@safetwin/protocol';
import { createSimulator } from './simulator.ts';
import { WalkGraph } from './miners.ts';
import { orderLegs, PAGE_REACTION_MS } from './withdrawal-orders.ts';

const MINE = demoSites().find((s) => s.kind === 'coal-mine') as CoalMine;
const T0 = Date.UTC(2025, 6, 1, 8, 0, 0);

describe('pages and withdrawal orders', () => {
  it('turns an escape route into a walk: to the first junction, junction to junction, to the destination', () => {
    const graph = new WalkGraph(MINE.roadways);
    const face = graph.edgeOf('CM-R-14');
    const legs = orderLegs(graph, { edge: face, chainM: 100 }, ['CM-N-HGE', 'CM-N-HGA'], { roadwayId: 'CM-R-12', chainageM: 400 })!;
    expect(legs.map((l) => graph.edges[l.edge]!.id)).toEqual(['CM-R-14', 'CM-R-13', 'CM-R-12']);
    expect(legs[0]).toMatchObject({ fromM: 100, toM: 0 });
    expect(legs.at(-1)).toMatchObject({ toM: 400 });
    expect(orderLegs(graph, { edge: face, chainM: 100 }, ['CM-N-HGE', 'CM-N-R800'], { roadwayId: 'CM-R-12', chainageM: 0 })).toBeNull(); // not adjacent
    expect(orderLegs(graph, { edge: face, chainM: 100 }, [], { roadwayId: 'nope', chainageM: 0 })).toBeNull();
  });

  it('a paged miner acknowledges after a reaction time and walks the escape route to the shaft bottom, where they stay', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 3, faultRatePerDeviceHour: 0 });
    const miner = MINE.miners.find((m) => m.workplaceRoadwayId === 'CM-R-14')!;
    sim.tick(T0 + 1000);
    const plan = planEscape(MINE, { roadwayId: 'CM-R-14', chainageM: 100 }, affectedArea(MINE, ['CM-R-14']));
    const route = plan.route!;
    expect(route.destination).toMatchObject({ kind: 'shaft' });
    const lastRoadway = route.roadwayIds.at(-1)!;
    const lastEdge = MINE.roadways.edges.find((e) => e.id === lastRoadway)!;
    const endNode = route.nodeIds.at(-1)!;
    const command: FieldCommand = {
      id: 'page-1', siteId: MINE.id, deviceId: miner.tagDeviceId, action: 'tag.page', issuedAt: T0 + 1000,
      page: { text: '撤离 withdraw', waypointNodeIds: route.nodeIds, destination: { roadwayId: lastRoadway, chainageM: lastEdge.from === endNode ? 0 : lastEdge.lengthM } },
    };
    expect(sim.applyCommand(command, T0 + 1000)).toEqual({ id: 'page-1', ok: true, message: 'page delivered with an escape route' });
    expect(sim.applyCommand({ ...command, id: 'p2', deviceId: 'CM-PWR-01' }, T0 + 1000)).toMatchObject({ ok: false });
    expect(sim.applyCommand({ ...command, id: 'p3', page: undefined }, T0 + 1000)).toMatchObject({ ok: false, message: 'a page needs its text' });

    const mine: Reading[] = [];
    for (let t = T0 + 2000; t <= T0 + 2000 + 60 * 60_000; t += 5000) for (const r of sim.tick(t)) if (r.deviceId === miner.tagDeviceId) mine.push(r);
    const acked = mine.find((r) => r.values.page_ack === 1)!;
    expect(mine.find((r) => r.values.page_ack === 0), 'the tag shows the page waiting').toBeDefined();
    expect(acked.ts - (T0 + 1000)).toBeGreaterThanOrEqual(PAGE_REACTION_MS[0]);
    expect(acked.ts - (T0 + 1000)).toBeLessThanOrEqual(PAGE_REACTION_MS[1] + 5000);
    const bottom = MINE.roadways.nodes.find((n) => n.id === endNode)!.position;
    const last = mine.at(-1)!;
    expect(Math.hypot(last.values.east_m! - bottom.eastM, last.values.north_m! - bottom.northM)).toBeLessThan(1.5);
    // and stays there
    const tail = mine.slice(-60);
    expect(tail.every((r) => Math.hypot(r.values.east_m! - bottom.eastM, r.values.north_m! - bottom.northM) < 1.5)).toBe(true);
  });
});
