// Pages to miners' tags (`tag.page`) and the miners obeying them: the tag buzzes, its wearer
// presses acknowledge after a reaction time (the tag then reports `page_ack` = 1), and a
// withdrawal order that carries an escape route (junctions to pass, where it ends) is walked:
// from where the miner is to the first junction, junction to junction, then to the destination,
// where the miner stays (shaft bottom or refuge chamber). Pure: time is an argument.
import type { TagPage } from '@safetwin/protocol';
import type { Leg, MinerWalker, WalkGraph } from './miners.ts';
import type { Rng } from './prng.ts';

/** The wearer's reaction to a page, ms: an assumption (noticing the buzz, reading, pressing the button). */
export const PAGE_REACTION_MS: readonly [min: number, max: number] = [2_000, 8_000];

/** The walk of an escape route from a place on the walk graph; null when the route does not fit the graph. */
export function orderLegs(graph: WalkGraph, from: { edge: number; chainM: number }, waypointNodeIds: readonly string[], destination: { roadwayId: string; chainageM: number }): Leg[] | null {
  const destEdge = graph.edgeOf(destination.roadwayId);
  if (destEdge < 0) return null;
  const nodes = waypointNodeIds.map((id) => graph.nodeOf(id));
  if (nodes.some((n) => n < 0)) return null;
  const chainAt = (edge: number, node: number) => (graph.edges[edge]!.from === node ? 0 : graph.edges[edge]!.lengthM);
  const clampM = (edge: number, m: number) => Math.min(graph.edges[edge]!.lengthM, Math.max(0, m));
  if (nodes.length === 0) return walked(graph.route(from.edge, from.chainM, destEdge, clampM(destEdge, destination.chainageM)), from);
  const legs: Leg[] = [];
  // To the first junction: the shortest way (normally along the roadway the miner is in).
  const firstEdge = edgeJoining(graph, nodes[0]!, nodes[1]) ?? (touches(graph, destEdge, nodes[0]!) ? destEdge : -1);
  if (firstEdge < 0) return null;
  legs.push(...graph.route(from.edge, from.chainM, firstEdge, chainAt(firstEdge, nodes[0]!)));
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = edgeJoining(graph, nodes[i]!, nodes[i + 1]!);
    if (e === null) return null;
    legs.push({ edge: e, fromM: chainAt(e, nodes[i]!), toM: chainAt(e, nodes[i + 1]!) });
  }
  const last = nodes[nodes.length - 1]!;
  if (!touches(graph, destEdge, last)) return null;
  legs.push({ edge: destEdge, fromM: chainAt(destEdge, last), toM: clampM(destEdge, destination.chainageM) });
  return walked(legs, from);
}

/** The legs that move the miner (a route through a junction adds empty ones); one empty leg where they already are. */
function walked(legs: Leg[], from: { edge: number; chainM: number }): Leg[] {
  const moving = legs.filter((l) => l.fromM !== l.toM);
  return moving.length > 0 ? moving : [{ edge: from.edge, fromM: from.chainM, toM: from.chainM }];
}

/** The shortest walkable edge between two nodes (any direction), or null. */
function edgeJoining(graph: WalkGraph, a: number, b: number | undefined): number | null {
  if (b === undefined) return null;
  let best: number | null = null;
  graph.edges.forEach((e, i) => {
    if (((e.from === a && e.to === b) || (e.from === b && e.to === a)) && (best === null || e.lengthM < graph.edges[best]!.lengthM)) best = i;
  });
  return best;
}

function touches(graph: WalkGraph, edge: number, node: number): boolean {
  const e = graph.edges[edge]!;
  return e.from === node || e.to === node;
}

/** A tag's pager: the latest page, its acknowledgement, and the order it carries. */
export class TagPager {
  private ackAtMs: number | null = null;
  private route: { waypointNodeIds: readonly string[]; destination: { roadwayId: string; chainageM: number } } | null = null;
  /** Pages received so far. */
  received = 0;

  constructor(
    private readonly walker: MinerWalker,
    private readonly rng: Rng,
  ) {}

  /** A page arrives at `tMs`; answers what the gateway acknowledges (the tag took it). */
  receive(page: TagPage, tMs: number): string {
    this.received++;
    this.ackAtMs = tMs + this.rng.range(PAGE_REACTION_MS[0], PAGE_REACTION_MS[1]);
    this.route = page.destination ? { waypointNodeIds: page.waypointNodeIds ?? [], destination: page.destination } : null;
    return this.route ? 'page delivered with an escape route' : 'page delivered';
  }

  /** The `page_ack` flag at `tMs` (0 while a page waits for its wearer); once acknowledged, an order's walk begins. */
  sample(tMs: number): 0 | 1 {
    if (this.ackAtMs === null) return 1;
    if (tMs < this.ackAtMs) return 0;
    this.ackAtMs = null;
    if (this.route) {
      this.walker.advance(tMs);
      const legs = orderLegs(this.walker.graph, this.walker.place, this.route.waypointNodeIds, this.route.destination);
      if (legs) this.walker.walkOrdered(legs);
      this.route = null;
    }
    return 1;
  }
}
