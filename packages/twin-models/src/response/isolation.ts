// "Which valves?": the valve sets whose closing isolates a leaking item or segment (or every item
// the leak may be at) from every inventory that feeds it, as minimum-weight vertex cuts of the
// pipe graph (valves are the only cuttable nodes; remote ESD valves cost least, manual valves
// more), with alternatives ranked by the mass released (flow through the leak until the last valve
// is shut + what stays trapped between the valves and the leak) and then by what else the closure
// shuts down. Pure.
import type { Enu } from '../geo.ts';
import { reachableFrom, buildAdjacency } from '../graph.ts';
import { segmentDensityKgM3, segmentVolumeM3 } from './fluid-density.ts';
import type { FeedRef, IsolationGraph, IsolationGraphOptions, IsolationSegment, IsolationSite, IsolationValve, LeakTarget } from './isolation-graph.ts';
import { buildIsolationGraph, leakTargets } from './isolation-graph.ts';
import { minVertexCut } from './min-vertex-cut.ts';
import { evaluateClosure } from './isolation-effects.ts';
import type { ClosureEffects } from './isolation-effects.ts';

/** Cost of closing one valve in the cut; lower is preferred. */
export interface ValveCostWeights {
  /** Remote-actuated emergency shut-off valve. @default 1 */
  remoteEsd: number;
  /** Remote-actuated valve of another function. @default 1.5 */
  remoteOther: number;
  /** Manual valve (a field task). @default 4 */
  manual: number;
}

/** Default weights: a manual valve counts as four remote ESD valves (a field task in breathing apparatus). */
export const DEFAULT_VALVE_WEIGHTS: Readonly<ValveCostWeights> = { remoteEsd: 1, remoteOther: 1.5, manual: 4 };

/** Options of {@link planIsolation}. */
export interface IsolationOptions extends IsolationGraphOptions {
  /** Flow out of the leak, kg/s: a constant or a function of the time since the leak began, s. */
  leakRateKgS: number | ((tS: number) => number);
  /** When the valves are commanded, s after the leak began (the clock of `leakRateKgS`). @default 0 */
  decisionAtS?: number;
  weights?: Partial<ValveCostWeights>;
  /** From decision to the actuator moving (command channel, confirmation), s. @default 2 */
  commandLatencyS?: number;
  /** Time for a field crew to reach and shut a manual valve, s: a constant or per valve. @default 300 */
  manualCloseTimeS?: number | ((valve: IsolationValve, position: Enu) => number);
  /** Density of a segment's content, kg/m³. @default segmentDensityKgM3 */
  densityKgM3?: (segment: IsolationSegment) => number;
  /** Most alternatives returned (the minimal set is always among them). @default 6 */
  maxAlternatives?: number;
}

/** One valve to close. */
export interface ValveAction {
  valveId: string;
  nodeId: string;
  actuation: 'remote' | 'manual';
  function: IsolationValve['function'];
  /** Actuator device to command; null for a manual valve (a field task at `position`). */
  deviceId: string | null;
  position: Enu;
  /** From decision to shut, s: command latency + stroke, or the field crew's time. */
  closeTimeS: number;
}

/** One valve set that isolates the leak, with what it costs. */
export interface IsolationAlternative extends ClosureEffects {
  /** 1 = best by released mass, then side effects. */
  rank: number;
  /** A minimum-weight set (fewest valves by the weights: remote before manual). */
  minimal: boolean;
  valves: ValveAction[];
  weight: number;
  /** When the last valve is shut, s after the decision. */
  timeToIsolateS: number;
  /** Flow through the leak from the decision until isolation, kg. */
  releasedBeforeIsolationKg: number;
  /** Released before isolation + trapped (which drains through the leak afterwards), kg. */
  totalReleaseKg: number;
}

/** The answer of {@link planIsolation}. */
export interface IsolationPlan {
  /** The items isolated: the leak, or every item it may be at. */
  leaks: LeakTarget[];
  /** Whether some valve set cuts the leak off from every feed. */
  isolable: boolean;
  /** Why, in words (always set). */
  reason: string;
  /** Feeds connected to the leak through open pipes. */
  feeds: FeedRef[];
  /** Feeds joined to the leak by a path without any open valve (cannot be cut off). */
  unisolableFeeds: FeedRef[];
  /** Valve sets, best first; when not isolable, the sets that cut off every other feed. */
  alternatives: IsolationAlternative[];
}

const MAX_SOLVES = 80;

/** The valve sets that isolate a leak, best first (see the file comment). */
export function planIsolation(site: IsolationSite, leak: LeakTarget | readonly LeakTarget[], opts: IsolationOptions): IsolationPlan {
  const g = buildIsolationGraph(site, leak, opts);
  const weights = { ...DEFAULT_VALVE_WEIGHTS, ...opts.weights };
  const adj = buildAdjacency(g.nodeIds, g.edges);
  const connected = reachableFrom(adj, g.sinks);
  const feeds = [...g.feeds].filter(([id]) => connected.has(id));
  const reachable = new Set(feeds.map(([id]) => id));
  const unisolable = unisolableFeedNodes(g, reachable);
  const isolateFrom = feeds.filter(([id]) => !unisolable.has(id)).map(([id]) => id);
  const feedRefs = feeds.map(([, f]) => f);
  const unisolableRefs = [...unisolable].map((id) => g.feeds.get(id)!);

  const cuts = feeds.length === 0 ? [[]] : isolateFrom.length === 0 ? [] : enumerateCuts(g, isolateFrom, weights, opts.maxAlternatives ?? 6);
  const ctx = { g, weights, opts };
  const alternatives = rankAlternatives(cuts.map((nodes) => evaluate(ctx, nodes)), opts.maxAlternatives ?? 6);

  const reason = feeds.length === 0
    ? 'nothing feeds the leak through open pipes: only its own inventory is released'
    : unisolable.size > 0
      ? `cannot isolate: ${unisolableRefs.map(describeFeed).join(', ')} reach${unisolable.size === 1 ? 'es' : ''} the leak without passing any open valve`
        + (alternatives.length > 0 ? '; the sets listed cut off every other feed' : '')
      : `isolable from ${feeds.length} feed${feeds.length === 1 ? '' : 's'}; ${alternatives.length} valve set${alternatives.length === 1 ? '' : 's'}`;
  return { leaks: leakTargets(leak), isolable: unisolable.size === 0, reason, feeds: feedRefs, unisolableFeeds: unisolableRefs, alternatives };
}

const describeFeed = (f: FeedRef) => (f.kind === 'equipment' ? `equipment ${f.id}` : `the boundary tie-in at ${f.id}`);

/** Feeds with a path to the leak that passes no open valve. */
function unisolableFeedNodes(g: IsolationGraph, feedIds: ReadonlySet<string>): Set<string> {
  const passable = g.nodeIds.filter((id) => !g.openValvesAt.has(id));
  const adj = buildAdjacency(passable, g.edges.filter((e) => !g.openValvesAt.has(e.from) && !g.openValvesAt.has(e.to)));
  const reach = reachableFrom(adj, g.sinks);
  return new Set([...feedIds].filter((id) => reach.has(id)));
}

/** The cost of closing the cheapest open valve on a node; Infinity where nothing can be closed. */
function nodeWeight(g: IsolationGraph, weights: ValveCostWeights, remoteOnly: boolean) {
  return (id: string): number => {
    const vs = g.openValvesAt.get(id);
    if (!vs) return Infinity;
    return Math.min(...vs.map((v) => valveWeight(v, weights, remoteOnly)));
  };
}

function valveWeight(v: IsolationValve, w: ValveCostWeights, remoteOnly = false): number {
  if (v.actuation === 'manual') return remoteOnly ? Infinity : w.manual;
  return v.function === 'esd' ? w.remoteEsd : w.remoteOther;
}

/**
 * Distinct minimal cuts: the minimum-weight one first, then cuts found by forbidding the
 * valves of cuts already found one at a time (breadth first), each solved for the cut nearest
 * the leak and nearest the feeds, with and without manual valves.
 */
function enumerateCuts(g: IsolationGraph, sources: string[], weights: ValveCostWeights, maxAlternatives: number): string[][] {
  const found = new Map<string, string[]>();
  const queue: string[][] = [[]];
  const tried = new Set<string>(['']);
  let solves = 0;
  const wanted = maxAlternatives * 3;
  const edges = g.edges.map((e) => [e.from, e.to] as const);
  for (let qi = 0; qi < queue.length && solves < MAX_SOLVES && found.size < wanted; qi++) {
    const forbidden = new Set(queue[qi]!);
    for (const remoteOnly of [false, true]) {
      const base = nodeWeight(g, weights, remoteOnly);
      for (const side of ['sink', 'source'] as const) {
        solves++;
        const cut = minVertexCut({ nodeIds: g.nodeIds, edges, weight: (id) => (forbidden.has(id) ? Infinity : base(id)), sources, sinks: g.sinks, side });
        if (!cut) continue;
        const key = cut.nodeIds.join('|');
        if (found.has(key)) continue;
        found.set(key, cut.nodeIds);
        for (const n of cut.nodeIds) {
          const next = [...forbidden, n].sort();
          if (!tried.has(next.join('|'))) { tried.add(next.join('|')); queue.push(next); }
        }
      }
    }
  }
  return [...found.values()];
}

interface EvalContext { g: IsolationGraph; weights: ValveCostWeights; opts: IsolationOptions }

function evaluate(ctx: EvalContext, cutNodes: string[]): Omit<IsolationAlternative, 'rank'> {
  const { g, weights, opts } = ctx;
  const chosen = cutNodes.map((nodeId) => [...g.openValvesAt.get(nodeId)!].sort((a, b) => valveWeight(a, weights) - valveWeight(b, weights))[0]!);
  const valves = chosen.map((v) => valveAction(v, g.positions.get(v.nodeId)!, opts));
  const timeToIsolateS = valves.reduce((m, v) => Math.max(m, v.closeTimeS), 0);
  const fromS = opts.decisionAtS ?? 0;
  const releasedBeforeIsolationKg = integrateRateKg(opts.leakRateKgS, fromS, fromS + timeToIsolateS);
  const effects = evaluateClosure(g, new Set(cutNodes), opts.densityKgM3 ?? segmentDensityKgM3, segmentVolumeM3);
  const weight = chosen.reduce((sum, v) => sum + valveWeight(v, weights), 0);
  return {
    minimal: false, valves, weight, timeToIsolateS, releasedBeforeIsolationKg, ...effects,
    totalReleaseKg: releasedBeforeIsolationKg + effects.trappedInventoryKg,
  };
}

function valveAction(v: IsolationValve, position: Enu, opts: IsolationOptions): ValveAction {
  const manual = opts.manualCloseTimeS ?? 300;
  const closeTimeS = v.actuation === 'remote'
    ? (opts.commandLatencyS ?? 2) + (v.strokeTimeS ?? 0)
    : typeof manual === 'number' ? manual : manual(v, position);
  return { valveId: v.id, nodeId: v.nodeId, actuation: v.actuation, function: v.function, deviceId: v.deviceId, position, closeTimeS };
}

/** ∫ rate(t) dt from `fromS` to `toS`, kg (midpoint rule, 1 s steps or finer). */
export function integrateRateKg(rateKgS: number | ((tS: number) => number), fromS: number, toS: number): number {
  const durationS = toS - fromS;
  if (typeof rateKgS === 'number') return rateKgS * durationS;
  const steps = Math.max(50, Math.ceil(durationS));
  const dt = durationS / steps;
  let kg = 0;
  for (let i = 0; i < steps; i++) kg += rateKgS(fromS + (i + 0.5) * dt) * dt;
  return kg;
}

/** Sorts by total released mass, then by side effects, then weight; keeps the minimal set; numbers the ranks. */
function rankAlternatives(list: Array<Omit<IsolationAlternative, 'rank'>>, max: number): IsolationAlternative[] {
  const sorted = [...list].sort((a, b) => {
    const dm = a.totalReleaseKg - b.totalReleaseKg;
    if (Math.abs(dm) > 1e-6 * Math.max(1, Math.abs(a.totalReleaseKg), Math.abs(b.totalReleaseKg))) return dm;
    return a.sideEffects.length - b.sideEffects.length || a.weight - b.weight || a.valves.length - b.valves.length;
  });
  const least = Math.min(...list.map((a) => a.weight));
  for (const a of list) a.minimal = a.weight <= least + 1e-9;
  const kept = sorted.slice(0, max);
  const minimal = sorted.find((a) => a.minimal);
  if (minimal && !kept.includes(minimal)) kept[kept.length - 1] = minimal;
  return kept.sort((a, b) => sorted.indexOf(a) - sorted.indexOf(b)).map((a, i) => ({ ...a, rank: i + 1 }));
}
