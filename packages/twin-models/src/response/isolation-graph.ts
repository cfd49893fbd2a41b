// The pipe graph as isolation sees it: pipe nodes plus one node per piece of equipment joined to
// all its nozzles (a vessel passes flow between its nozzles), the leak as the sink (the
// equipment's node, or a node in the middle of the leaking segment; several sinks when the leak
// may be at any of several items — the likely sources of an estimate), and the feeds — equipment
// holding an inventory and the site-boundary tie-ins — as sources. Valves already closed are
// left out (they isolate already). Flow is taken both ways: a leak draws from downstream too.
import type { Enu } from '../geo.ts';
import type { Equipment, PipeNode, PipeSegment, Valve } from '../schema/chemical-park.ts';
import type { GraphEdge } from '../graph.ts';
import { buildAdjacency } from '../graph.ts';

/** The parts of a pipe node isolation needs. */
export type IsolationPipeNode = Pick<PipeNode, 'id' | 'kind' | 'position' | 'equipmentId'>;
/** The parts of a pipe segment isolation needs. */
export type IsolationSegment = Pick<PipeSegment, 'id' | 'from' | 'to' | 'lengthM' | 'diameterMm' | 'chemical' | 'designPressureKpa' | 'normalFlowKgS'>;
/** The parts of a valve isolation needs. */
export type IsolationValve = Pick<Valve, 'id' | 'nodeId' | 'function' | 'actuation' | 'deviceId' | 'normallyOpen' | 'strokeTimeS'>;
/** The parts of a site isolation needs (a parsed `ChemicalPark` fits). */
export interface IsolationSite {
  equipment: ReadonlyArray<Pick<Equipment, 'id' | 'inventoryKg'>>;
  pipes: { nodes: readonly IsolationPipeNode[]; segments: readonly IsolationSegment[]; valves: readonly IsolationValve[] };
}

/** What leaks: a piece of equipment or a pipe segment. */
export type LeakTarget = { kind: 'equipment'; id: string } | { kind: 'pipe-segment'; id: string };

/** Something that feeds the leak: an inventory (equipment) or a tie-in at the site boundary (unbounded). */
export interface FeedRef {
  kind: 'equipment' | 'boundary';
  /** Equipment id, or the pipe node id of the tie-in. */
  id: string;
}

/** A graph edge; `segmentId` is null for the links between equipment and its nozzles. */
export interface IsolationEdge extends GraphEdge {
  segmentId: string | null;
}

/** The graph {@link buildIsolationGraph} returns. */
export interface IsolationGraph {
  nodeIds: string[];
  edges: IsolationEdge[];
  /** Open valves by node id (nodes without any are not cuttable). */
  openValvesAt: Map<string, IsolationValve[]>;
  /** Feeds by graph node id. */
  feeds: Map<string, FeedRef>;
  /** The leak's graph nodes: one per item that may be leaking. */
  sinks: string[];
  positions: Map<string, Enu>;
  segments: Map<string, IsolationSegment>;
  /** Equipment ids by graph node id. */
  equipmentAt: Map<string, string>;
  /** Inventory of each equipment node, kg. */
  inventoryKgAt: Map<string, number>;
}

/** Options that shape the graph. */
export interface IsolationGraphOptions {
  /** Pipe nodes where the site boundary feeds in; default: junctions at a dead end (one segment). */
  boundaryFeedNodeIds?: readonly string[];
  /** Whether a valve is open now; default its normal position. */
  valveIsOpen?: (valve: IsolationValve) => boolean;
  /** Equipment holding at most this much is not a feed (it is trapped instead), kg. @default 0 */
  minFeedInventoryKg?: number;
}

/** Graph node id of a piece of equipment. */
export const equipmentNodeId = (equipmentId: string) => `eq:${equipmentId}`;
/** Graph node id of the leak point in the middle of a segment. */
export const leakNodeId = (segmentId: string) => `leak:${segmentId}`;

/** Unknown leak target (no such equipment or segment). */
export class UnknownLeakTargetError extends Error {
  readonly code = 'isolation:unknown-target';
  /** The target not found. */
  readonly target: LeakTarget;
  constructor(target: LeakTarget) {
    super(`no ${target.kind} ${target.id} in the pipe network`);
    this.target = target;
  }
}

/** One leak target or several as a list, each item once, in the order given; at least one. */
export function leakTargets(leak: LeakTarget | readonly LeakTarget[]): LeakTarget[] {
  const list: readonly LeakTarget[] = Array.isArray(leak) ? leak : [leak as LeakTarget];
  if (list.length === 0) throw new RangeError('isolation needs at least one leak target');
  return list.filter((l, i) => list.findIndex((o) => o.kind === l.kind && o.id === l.id) === i).map((l) => ({ kind: l.kind, id: l.id }) as LeakTarget);
}

/** Builds the isolation graph of a site for one leak, or for a leak at any of `leak`'s items (isolating them all). */
export function buildIsolationGraph(site: IsolationSite, leak: LeakTarget | readonly LeakTarget[], opts: IsolationGraphOptions = {}): IsolationGraph {
  const leaks = leakTargets(leak);
  const leakingSegments = new Set(leaks.filter((l) => l.kind === 'pipe-segment').map((l) => l.id));
  const { nodes, segments, valves } = site.pipes;
  const isOpen = opts.valveIsOpen ?? ((v: IsolationValve) => v.normallyOpen);
  const closedNodes = new Set(valves.filter((v) => !isOpen(v)).map((v) => v.nodeId));
  const openValvesAt = new Map<string, IsolationValve[]>();
  for (const v of valves) if (isOpen(v) && !closedNodes.has(v.nodeId)) openValvesAt.set(v.nodeId, [...(openValvesAt.get(v.nodeId) ?? []), v]);

  const positions = new Map<string, Enu>();
  const equipmentAt = new Map<string, string>();
  const edges: IsolationEdge[] = [];
  for (const n of nodes) {
    if (closedNodes.has(n.id)) continue;
    positions.set(n.id, n.position);
    if (n.kind === 'nozzle' && n.equipmentId !== undefined) {
      const eq = equipmentNodeId(n.equipmentId);
      if (!equipmentAt.has(eq)) { equipmentAt.set(eq, n.equipmentId); positions.set(eq, n.position); }
      edges.push({ id: `${eq}~${n.id}`, from: eq, to: n.id, segmentId: null });
    }
  }
  const segmentById = new Map(segments.map((s) => [s.id, s]));
  for (const s of segments) {
    if (!positions.has(s.from) || !positions.has(s.to)) continue;
    if (leakingSegments.has(s.id)) {
      const mid = leakNodeId(s.id);
      const a = positions.get(s.from)!, b = positions.get(s.to)!;
      positions.set(mid, { eastM: (a.eastM + b.eastM) / 2, northM: (a.northM + b.northM) / 2, upM: (a.upM + b.upM) / 2 });
      edges.push({ id: `${s.id}/a`, from: s.from, to: mid, segmentId: s.id }, { id: `${s.id}/b`, from: mid, to: s.to, segmentId: s.id });
    } else {
      edges.push({ id: s.id, from: s.from, to: s.to, segmentId: s.id });
    }
  }

  const sinks: string[] = [];
  for (const l of leaks) {
    if (l.kind === 'pipe-segment' && !segmentById.has(l.id)) throw new UnknownLeakTargetError(l);
    if (l.kind === 'equipment' && !site.equipment.some((e) => e.id === l.id)) throw new UnknownLeakTargetError(l);
    const sink = l.kind === 'equipment' ? equipmentNodeId(l.id) : leakNodeId(l.id);
    sinks.push(sink);
    if (!positions.has(sink)) positions.set(sink, { eastM: 0, northM: 0, upM: 0 });
    if (l.kind === 'equipment') equipmentAt.set(sink, l.id);
  }
  const isSink = new Set(sinks);

  const feeds = new Map<string, FeedRef>();
  const inventoryKgAt = new Map<string, number>();
  const minKg = opts.minFeedInventoryKg ?? 0;
  for (const e of site.equipment) {
    const id = equipmentNodeId(e.id);
    if (equipmentAt.has(id)) inventoryKgAt.set(id, e.inventoryKg);
    if (!isSink.has(id) && equipmentAt.has(id) && e.inventoryKg > minKg) feeds.set(id, { kind: 'equipment', id: e.id });
  }
  const boundary = opts.boundaryFeedNodeIds ?? deadEndJunctions(nodes, segments);
  for (const id of boundary) if (positions.has(id) && !isSink.has(id)) feeds.set(id, { kind: 'boundary', id });

  return { nodeIds: [...positions.keys()], edges, openValvesAt, feeds, sinks, positions, segments: segmentById, equipmentAt, inventoryKgAt };
}

/** Junctions with a single segment: pipe ends at the site boundary (a field or grid tie-in). */
export function deadEndJunctions(nodes: readonly IsolationPipeNode[], segments: readonly IsolationSegment[]): string[] {
  const adj = buildAdjacency(nodes.map((n) => n.id), segments);
  return nodes.filter((n) => n.kind === 'junction' && (adj.get(n.id)?.length ?? 0) === 1).map((n) => n.id);
}
