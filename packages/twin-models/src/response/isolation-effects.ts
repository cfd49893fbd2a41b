// What closing a set of valves does besides isolating the leak: the section left joined to the
// leak (its pipes and equipment, whose content drains through the leak) and the other equipment
// that loses its connection to feeds or consumers. Pure.
import { buildAdjacency, connectedComponents, reachableFrom } from '../graph.ts';
import type { IsolationEdge, IsolationGraph, IsolationSegment } from './isolation-graph.ts';

/** Another item that a closure disconnects from something it was joined to. */
export interface SideEffect {
  equipmentId: string;
  /** Equipment ids and boundary tie-in node ids it is no longer joined to. */
  lostConnectionsTo: string[];
  /** It was joined to at least one feed and now to none (a consumer left without supply). */
  cutOffFromAllFeeds: boolean;
}

/** The isolated section and the side effects of one closure. */
export interface ClosureEffects {
  /** What stays joined to the leak once the valves are shut. */
  section: { equipmentIds: string[]; segmentIds: string[] };
  /** Content of the section's pipes, kg (several leak items: of the part joined to the worst one). */
  trappedPipeKg: number;
  /** Inventory of the equipment in the section (the leaking item included), kg (several leak items: as the pipes). */
  trappedEquipmentKg: number;
  /** Pipes + equipment, kg; Infinity when a boundary tie-in stays joined to the leak. */
  trappedInventoryKg: number;
  sideEffects: SideEffect[];
}

/**
 * Section, trapped inventory and side effects of shutting the valves on `closedNodes`. With several
 * leak items (the leak is at one of them) the section is everything joined to any of them, and the
 * trapped figures are those of the worst one: the part joined to a single item is what drains
 * through the leak if it is there, and items on separate branches do not drain each other.
 */
export function evaluateClosure(
  g: IsolationGraph,
  closedNodes: ReadonlySet<string>,
  densityKgM3: (s: IsolationSegment) => number,
  volumeM3: (s: IsolationSegment) => number,
): ClosureEffects {
  const open = g.nodeIds.filter((id) => !closedNodes.has(id));
  const adj = buildAdjacency(open, within(g.edges, new Set(open)));
  const section = reachableFrom(adj, g.sinks);
  const whole = trappedIn(g, section, closedNodes, densityKgM3, volumeM3);
  const worst = g.sinks.length === 1
    ? whole
    : g.sinks.map((sink) => trappedIn(g, reachableFrom(adj, [sink]), closedNodes, densityKgM3, volumeM3)).reduce((a, b) => (b.trappedInventoryKg > a.trappedInventoryKg ? b : a));
  return {
    section: { equipmentIds: whole.equipmentIds, segmentIds: whole.segmentIds },
    trappedPipeKg: worst.trappedPipeKg,
    trappedEquipmentKg: worst.trappedEquipmentKg,
    trappedInventoryKg: worst.trappedInventoryKg,
    sideEffects: sideEffects(g, closedNodes, section),
  };
}

/** What a section joined to the leak holds: its segments (those with an end in it, up to a shut valve) and equipment. */
function trappedIn(
  g: IsolationGraph,
  section: ReadonlySet<string>,
  closedNodes: ReadonlySet<string>,
  densityKgM3: (s: IsolationSegment) => number,
  volumeM3: (s: IsolationSegment) => number,
) {
  const segmentIds = new Set<string>();
  for (const e of g.edges) {
    if (e.segmentId === null) continue;
    const a = section.has(e.from), b = section.has(e.to);
    if ((a && (b || closedNodes.has(e.to))) || (b && closedNodes.has(e.from))) segmentIds.add(e.segmentId);
  }
  const trappedPipeKg = [...segmentIds].reduce((kg, id) => {
    const s = g.segments.get(id)!;
    return kg + volumeM3(s) * densityKgM3(s);
  }, 0);
  const equipmentNodes = [...section].filter((id) => g.equipmentAt.has(id));
  const trappedEquipmentKg = equipmentNodes.reduce((kg, id) => kg + (g.inventoryKgAt.get(id) ?? 0), 0);
  const boundaryInSection = [...section].some((id) => g.feeds.get(id)?.kind === 'boundary');
  return {
    equipmentIds: equipmentNodes.map((id) => g.equipmentAt.get(id)!).sort(),
    segmentIds: [...segmentIds].sort(),
    trappedPipeKg,
    trappedEquipmentKg,
    trappedInventoryKg: boundaryInSection ? Infinity : trappedPipeKg + trappedEquipmentKg,
  };
}

function within(edges: readonly IsolationEdge[], keep: ReadonlySet<string>): IsolationEdge[] {
  return edges.filter((e) => keep.has(e.from) && keep.has(e.to));
}

/** Terminals (equipment and tie-ins) joined to each terminal, keyed by terminal node id. */
function terminalLinks(g: IsolationGraph, nodeIds: readonly string[]): Map<string, Set<string>> {
  const keep = new Set(nodeIds);
  const links = new Map<string, Set<string>>();
  for (const comp of connectedComponents(nodeIds, within(g.edges, keep))) {
    const terminals = [...comp].filter((id) => g.equipmentAt.has(id) || g.feeds.has(id));
    for (const t of terminals) links.set(t, new Set(terminals.filter((o) => o !== t)));
  }
  return links;
}

/** Links with everything open but the leak: the same for every closure of one graph, so kept. */
const linksBefore = new WeakMap<IsolationGraph, Map<string, Set<string>>>();

function sideEffects(g: IsolationGraph, closedNodes: ReadonlySet<string>, section: ReadonlySet<string>): SideEffect[] {
  const leaking = new Set(g.sinks);
  const withoutLeak = g.nodeIds.filter((id) => !leaking.has(id));
  let before = linksBefore.get(g);
  if (!before) { before = terminalLinks(g, withoutLeak); linksBefore.set(g, before); }
  const after = terminalLinks(g, withoutLeak.filter((id) => !closedNodes.has(id) && !section.has(id)));
  const label = (id: string) => g.equipmentAt.get(id) ?? id;
  const out: SideEffect[] = [];
  for (const id of g.equipmentAt.keys()) {
    if (leaking.has(id)) continue;
    const was = before.get(id) ?? new Set<string>();
    const now = after.get(id) ?? new Set<string>();
    const lost = [...was].filter((t) => !now.has(t));
    if (lost.length === 0) continue;
    const fed = (s: Set<string>) => [...s].some((t) => g.feeds.has(t));
    out.push({ equipmentId: label(id), lostConnectionsTo: lost.map(label).sort(), cutOffFromAllFeeds: fed(was) && !fed(now) });
  }
  return out.sort((a, b) => a.equipmentId.localeCompare(b.equipmentId));
}
