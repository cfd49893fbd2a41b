// Walking routes over the road graph whose cost is the dose collected on the way: each edge
// costs the integral of the forecast concentration along it, read where and when the walker is
// there, plus a small distance term (and an optional downwind penalty). A time-dependent
// Dijkstra from the group's position — joined to the nearest road and its nearest nodes — to
// every target (assembly point, joined by a straight leg from its road node). Crosswind escapes
// come out of the dose cost: walking across a plume is short, walking down it is long. Pure.
import type { EnuPlan } from '../geo.ts';
import { buildAdjacency } from '../graph.ts';
import type { ConcentrationField, DownwindPenalty } from './dose.ts';
import { legExposure } from './dose.ts';

/** A walkable network: road nodes (plan positions) and two-way edges with their length. */
export interface WalkNetwork {
  nodes: ReadonlyArray<{ id: string; position: EnuPlan }>;
  edges: ReadonlyArray<{ id: string; from: string; to: string; lengthM: number }>;
}

/** Where a route may end: a point reached from a road node. */
export interface WalkTarget { id: string; roadNodeId: string; position: EnuPlan }

/** Options of {@link walkRoutes}. */
export interface WalkOptions {
  field: ConcentrationField;
  speedMS: number;
  /** Longest sub-leg the dose integral samples, m. */
  sampleM: number;
  /** Cost of one metre walked, ppm·s (keeps clean routes short). */
  distanceWeightPpmSPerM: number;
  downwind?: DownwindPenalty;
  /** Road nodes the start is joined to by a straight leg (the nearest ones), besides the nearest road. */
  accessNodes: number;
}

/** A route to one target. */
export interface WalkRoute {
  targetId: string;
  /** Road nodes walked through, in order. */
  nodeIds: string[];
  /** Start, road nodes, target. */
  polyline: EnuPlan[];
  distanceM: number;
  departS: number;
  arriveS: number;
  dosePpmS: number;
  peakPpm: number;
  /** Dose + distance term + penalties, ppm·s: what the route minimises. */
  cost: number;
}

const dist = (a: EnuPlan, b: EnuPlan) => Math.hypot(a.eastM - b.eastM, a.northM - b.northM);
const START = '@start';
const FOOT = '@foot';
const targetNode = (id: string) => `@target:${id}`;

interface Link { to: string; lengthM: number }
interface Label { cost: number; tS: number; dose: number; distM: number; peak: number; prev: string | null }

/** The least-cost route from `from` (leaving at `departS`) to each reachable target. */
export function walkRoutes(net: WalkNetwork, from: EnuPlan, departS: number, targets: readonly WalkTarget[], opts: WalkOptions): Map<string, WalkRoute> {
  const pos = new Map<string, EnuPlan>(net.nodes.map((n) => [n.id, n.position]));
  const lengthOf = new Map(net.edges.map((e) => [e.id, e.lengthM]));
  const links = new Map<string, Link[]>();
  for (const [id, list] of buildAdjacency(pos.keys(), net.edges)) links.set(id, list.map((l) => ({ to: l.nodeId, lengthM: lengthOf.get(l.edgeId)! })));
  pos.set(START, from);
  joinStart(net, from, pos, links, opts.accessNodes);
  for (const t of targets) {
    const at = pos.get(t.roadNodeId);
    if (!at) continue;
    pos.set(targetNode(t.id), t.position);
    links.get(t.roadNodeId)!.push({ to: targetNode(t.id), lengthM: Math.max(dist(at, t.position), 0.1) });
  }

  const labels = dijkstra(links, pos, departS, opts);
  const out = new Map<string, WalkRoute>();
  for (const t of targets) {
    const end = labels.get(targetNode(t.id));
    if (!end) continue;
    const chain: string[] = [];
    for (let id: string | null = targetNode(t.id); id !== null; id = labels.get(id)!.prev) chain.unshift(id);
    out.set(t.id, {
      targetId: t.id,
      nodeIds: chain.filter((id) => !id.startsWith('@')),
      polyline: chain.map((id) => pos.get(id)!),
      distanceM: end.distM,
      departS,
      arriveS: end.tS,
      dosePpmS: end.dose,
      peakPpm: end.peak,
      cost: end.cost,
    });
  }
  return out;
}

/**
 * Joins the start to the road graph: a straight leg to the foot of the perpendicular on the
 * nearest road, which leads along that road to both its ends, and straight legs to the
 * `accessNodes` nearest road nodes (for starts off the roads, e.g. in a yard).
 */
function joinStart(net: WalkNetwork, from: EnuPlan, pos: Map<string, EnuPlan>, links: Map<string, Link[]>, accessNodes: number): void {
  const legs: Link[] = net.nodes.map((n) => ({ to: n.id, lengthM: Math.max(dist(from, n.position), 0.1) })).sort((a, b) => a.lengthM - b.lengthM).slice(0, accessNodes);
  let best: { foot: EnuPlan; d: number; f: number; edge: WalkNetwork['edges'][number] } | null = null;
  for (const e of net.edges) {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) continue;
    const dx = b.eastM - a.eastM, dy = b.northM - a.northM;
    const len2 = dx * dx + dy * dy;
    const f = len2 > 0 ? Math.min(1, Math.max(0, ((from.eastM - a.eastM) * dx + (from.northM - a.northM) * dy) / len2)) : 0;
    const foot = { eastM: a.eastM + f * dx, northM: a.northM + f * dy };
    const d = dist(from, foot);
    if (!best || d < best.d) best = { foot, d, f, edge: e };
  }
  if (best) {
    pos.set(FOOT, best.foot);
    legs.push({ to: FOOT, lengthM: Math.max(best.d, 0.1) });
    links.set(FOOT, [
      { to: best.edge.from, lengthM: Math.max(best.f * best.edge.lengthM, 0.1) },
      { to: best.edge.to, lengthM: Math.max((1 - best.f) * best.edge.lengthM, 0.1) },
    ]);
  }
  links.set(START, legs);
}

/** Label-setting search; an edge's cost depends on when it is entered (the walker never waits). */
function dijkstra(links: Map<string, Link[]>, pos: Map<string, EnuPlan>, departS: number, opts: WalkOptions): Map<string, Label> {
  const labels = new Map<string, Label>([[START, { cost: 0, tS: departS, dose: 0, distM: 0, peak: 0, prev: null }]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | null = null;
    for (const [id, l] of labels) if (!done.has(id) && (u === null || l.cost < labels.get(u)!.cost)) u = id;
    if (u === null) return labels;
    done.add(u);
    const lu = labels.get(u)!;
    for (const link of links.get(u) ?? []) {
      if (done.has(link.to)) continue;
      const leg = legExposure(opts.field, pos.get(u)!, pos.get(link.to)!, link.lengthM, lu.tS, opts.speedMS, opts.sampleM, opts.downwind);
      const cost = lu.cost + leg.dosePpmS + leg.downwindPenalty + opts.distanceWeightPpmSPerM * link.lengthM;
      const old = labels.get(link.to);
      if (old && old.cost <= cost) continue;
      labels.set(link.to, { cost, tS: lu.tS + leg.durationS, dose: lu.dose + leg.dosePpmS, distM: lu.distM + link.lengthM, peak: Math.max(lu.peak, leg.peakPpm), prev: u });
    }
  }
}
