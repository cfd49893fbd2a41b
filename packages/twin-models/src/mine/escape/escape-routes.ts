// Escape routes underground (避灾路线), pure: from a person's place (roadway + chainage) over the
// walkable roadway graph to the foot of a surface intake shaft — along fresh (intake) air where
// possible, keeping out of the roadways downstream of the source in the air flow — or to the
// nearest refuge chamber when the way out takes longer than the self-rescuer lasts.
//
// Assumptions, each an option:
// - Walking speed underground 1.0 m/s (the demo simulator's miners: boots, cap lamp, self-rescuer
//   and an uneven floor, below SFPE's 1.19 m/s on the surface); × 0.6 crouched along a longwall
//   face (as the simulator); × 0.5 in roadways downstream of the source — smoke and gas cut
//   visibility and escape times grow substantially (Kissell & Litton, "How smoke hinders escape
//   from coal mine fires", Min. Eng. 1992; Harteis et al., SME preprint 11-001, 2011): an assumed factor.
// - Self-rescuer: a compressed-oxygen self-rescuer (隔绝式压缩氧气自救器) rated 30 min (ZYX30 class,
//   MT 867-2000; AQ 1115-2018). By default it must last the time spent in the affected (downstream)
//   roadways — once in fresh air the wearer no longer depends on it; `selfRescuerBasis: 'whole-way'`
//   counts the whole walk instead (a fire whose smoke may leak into the intake, Kissell & Litton).
//   Where the self-rescuer cannot cover the way out, the refuge chamber is the way (煤矿井下紧急避险
//   系统建设管理暂行规定: a refuge within reach where the safe place is farther than the rated time).
// - The shaft ride: a cage at most 0.5·√H m/s and 12 m/s (煤矿安全规程, maximum speed of a cage
//   carrying persons in a vertical shaft of depth H m); counted in the ETA, not on the self-rescuer
//   (intake shafts carry fresh air).
import type { Enu } from '../../geo.ts';
import { lerpEnu } from '../../geometry.ts';
import type { CoalMine } from '../../schema/site.ts';

/** Walking speed underground, m/s (see the file header). */
export const MINE_WALKING_SPEED_M_S = 1.0;
/** Speed factor crouched along a longwall face. */
export const FACE_SPEED_FACTOR = 0.6;
/** Speed factor in roadways downstream of the source (smoke, gas, reduced visibility): an assumption. */
export const AFFECTED_SPEED_FACTOR = 0.5;
/** Rated duration of the compressed-oxygen self-rescuer, min (MT 867-2000 / AQ 1115-2018, ZYX30). */
export const SELF_RESCUER_RATED_MIN = 30;
/** Fastest cage carrying persons, m/s (煤矿安全规程: v ≤ 0.5·√H and ≤ 12 m/s). */
export const MAX_PERSON_CAGE_SPEED_M_S = 12;

/** A place in the mine: a roadway and the distance from its `from` node, m. */
export interface MinePosition {
  roadwayId: string;
  chainageM: number;
}

/** What escape planning reads of a mine. */
export type EscapeMine = Pick<CoalMine, 'roadways' | 'refugeChambers'>;

/** Options of {@link planEscape}. */
export interface EscapeOptions {
  /** @defaultValue {@link MINE_WALKING_SPEED_M_S} */
  walkingSpeedMS?: number;
  /** @defaultValue {@link FACE_SPEED_FACTOR} */
  faceSpeedFactor?: number;
  /** @defaultValue {@link AFFECTED_SPEED_FACTOR} */
  affectedSpeedFactor?: number;
  /** @defaultValue {@link SELF_RESCUER_RATED_MIN} */
  selfRescuerMin?: number;
  /** What the self-rescuer must cover: the time in affected roadways (default) or the whole walk. */
  selfRescuerBasis?: 'affected-air' | 'whole-way';
  /** Shafts that are ways out (roadway ids of kind `shaft`). @defaultValue every intake shaft (air flowing down) */
  exitShaftIds?: readonly string[];
  /** Route cost per second in an affected roadway, relative to fresh air: how hard affected roadways are avoided. @defaultValue 10 */
  affectedCostFactor?: number;
  /** Route cost per second in a return airway that is not affected (used air): intake is preferred. @defaultValue 2 */
  returnAirCostFactor?: number;
  /** Refuge chambers not to use (full). */
  excludeRefugeIds?: ReadonlySet<string>;
}

/** Where a route ends. */
export type EscapeDestination =
  | { kind: 'shaft'; id: string; nodeId: string }
  | { kind: 'refuge'; id: string; roadwayId: string; chainageM: number };

/** One way from a person's place to a destination. */
export interface EscapeRoute {
  destination: EscapeDestination;
  /** Roadways walked, in order (the start roadway first, unless the start is at its end). */
  roadwayIds: string[];
  /** Junctions passed, in order. */
  nodeIds: string[];
  /** Start, junctions, end: for the wall. */
  polyline: Enu[];
  distanceM: number;
  walkS: number;
  /** Time spent in roadways downstream of the source, s. */
  affectedS: number;
  /** Time the self-rescuer must last on this route, s (per `selfRescuerBasis`). */
  selfRescuerS: number;
  /** Cage ride to the surface, s (0 to a refuge). */
  rideS: number;
  /** Walk + ride, s. */
  etaS: number;
}

/** What a person should do. */
export interface EscapePlan {
  /**
   * `surface`: out by an intake shaft within the self-rescuer's time; `refuge`: the way out is too
   * long, the nearest refuge chamber in reach; `beyond-self-rescuer`: neither fits, the route with
   * the least self-rescuer time is given; `no-route`: nowhere reachable.
   */
  decision: 'surface' | 'refuge' | 'beyond-self-rescuer' | 'no-route';
  route: EscapeRoute | null;
  /** The best way to the surface, also when it is not taken. */
  surface: EscapeRoute | null;
  /** The self-rescuer's time limit applied, s. */
  selfRescuerLimitS: number;
  reason: string;
}

interface Link {
  to: string;
  edgeId: string;
  fromM: number;
  toM: number;
  lengthM: number;
  timeS: number;
  affectedS: number;
  cost: number;
}

interface Label {
  cost: number;
  via: Link | null;
  prev: string | null;
}

const START = '@start';
const refugeNode = (id: string) => `@refuge:${id}`;

/** Cage ride time down a shaft of this depth, s. */
export function cageRideS(depthM: number): number {
  const speed = Math.min(MAX_PERSON_CAGE_SPEED_M_S, 0.5 * Math.sqrt(Math.max(depthM, 1)));
  return depthM / speed;
}

/**
 * The escape plan of one person at `from` when the roadways in `affected` may carry smoke or gas
 * (see `downstreamRoadways`). Throws on an unknown or non-walkable start roadway.
 */
export function planEscape(mine: EscapeMine, from: MinePosition, affected: ReadonlySet<string>, options: EscapeOptions = {}): EscapePlan {
  const o = {
    walkingSpeedMS: options.walkingSpeedMS ?? MINE_WALKING_SPEED_M_S,
    faceSpeedFactor: options.faceSpeedFactor ?? FACE_SPEED_FACTOR,
    affectedSpeedFactor: options.affectedSpeedFactor ?? AFFECTED_SPEED_FACTOR,
    affectedCostFactor: options.affectedCostFactor ?? 10,
    returnAirCostFactor: options.returnAirCostFactor ?? 2,
    basis: options.selfRescuerBasis ?? 'affected-air',
  };
  const limitS = (options.selfRescuerMin ?? SELF_RESCUER_RATED_MIN) * 60;
  const nodePos = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
  const edges = new Map(mine.roadways.edges.map((e) => [e.id, e]));
  const start = edges.get(from.roadwayId);
  if (!start || !isWalkable(start.kind)) throw new RangeError(`roadwayId: '${from.roadwayId}' is not a walkable roadway of the mine`);
  const c0 = Math.min(start.lengthM, Math.max(0, from.chainageM));

  const link = (edgeId: string, to: string, fromM: number, toM: number): Link => {
    const e = edges.get(edgeId)!;
    const lengthM = Math.abs(toM - fromM);
    const hit = affected.has(edgeId);
    const speed = o.walkingSpeedMS * (e.kind === 'longwall-face' ? o.faceSpeedFactor : 1) * (hit ? o.affectedSpeedFactor : 1);
    const timeS = lengthM / speed;
    const factor = hit ? o.affectedCostFactor : e.kind === 'return-airway' ? o.returnAirCostFactor : 1;
    return { to, edgeId, fromM, toM, lengthM, timeS, affectedS: hit ? timeS : 0, cost: timeS * factor };
  };

  const links = new Map<string, Link[]>();
  const add = (node: string, l: Link) => links.set(node, [...(links.get(node) ?? []), l]);
  for (const e of mine.roadways.edges) {
    if (!isWalkable(e.kind)) continue;
    add(e.from, link(e.id, e.to, 0, e.lengthM));
    add(e.to, link(e.id, e.from, e.lengthM, 0));
  }
  add(START, link(start.id, start.from, c0, 0));
  add(START, link(start.id, start.to, c0, start.lengthM));
  for (const r of mine.refugeChambers) {
    if (options.excludeRefugeIds?.has(r.id)) continue;
    const e = edges.get(r.roadwayId);
    if (!e || !isWalkable(e.kind)) continue;
    const c = chainageOf(nodePos.get(e.from)!, nodePos.get(e.to)!, e.lengthM, r.position);
    add(e.from, link(e.id, refugeNode(r.id), 0, c));
    add(e.to, link(e.id, refugeNode(r.id), e.lengthM, c));
    if (e.id === start.id) add(START, link(e.id, refugeNode(r.id), c0, c));
  }

  const labels = dijkstra(links);
  const routeTo = (node: string, destination: EscapeDestination, rideS: number): EscapeRoute | null => {
    if (!labels.has(node)) return null;
    const chain: Link[] = [];
    for (let n: string | null = node; n !== null && n !== START; n = labels.get(n)!.prev) chain.unshift(labels.get(n)!.via!);
    const roadwayIds: string[] = [];
    const nodeIds: string[] = [];
    const polyline: Enu[] = [];
    let distanceM = 0, walkS = 0, affectedS = 0;
    for (const l of chain) {
      if (l.lengthM > 1e-9 && roadwayIds[roadwayIds.length - 1] !== l.edgeId) roadwayIds.push(l.edgeId); // a start at a junction walks none of its roadway
      if (!l.to.startsWith('@')) nodeIds.push(l.to);
      const e = edges.get(l.edgeId)!;
      const a = nodePos.get(e.from)!, b = nodePos.get(e.to)!;
      if (polyline.length === 0) polyline.push(lerpEnu(a, b, l.fromM / e.lengthM));
      polyline.push(lerpEnu(a, b, l.toM / e.lengthM));
      distanceM += l.lengthM;
      walkS += l.timeS;
      affectedS += l.affectedS;
    }
    const selfRescuerS = o.basis === 'whole-way' ? walkS : affectedS;
    return { destination, roadwayIds, nodeIds, polyline, distanceM, walkS, affectedS, selfRescuerS, rideS, etaS: walkS + rideS };
  };

  const exits = new Set(options.exitShaftIds ?? mine.roadways.edges.filter((e) => e.kind === 'shaft' && isIntakeShaft(e, nodePos)).map((e) => e.id));
  const surfaceRoutes: EscapeRoute[] = [];
  for (const id of exits) {
    const e = edges.get(id);
    if (!e || e.kind !== 'shaft') continue;
    const a = nodePos.get(e.from)!, b = nodePos.get(e.to)!;
    const bottom = a.upM < b.upM ? e.from : e.to;
    const route = routeTo(bottom, { kind: 'shaft', id, nodeId: bottom }, cageRideS(Math.abs(a.upM - b.upM)));
    if (route) surfaceRoutes.push(route);
  }
  const cost = (r: EscapeRoute) => labels.get(r.destination.kind === 'shaft' ? r.destination.nodeId : refugeNode(r.destination.id))!.cost;
  const surface = surfaceRoutes.sort((x, y) => cost(x) - cost(y))[0] ?? null;
  const refuges = mine.refugeChambers
    .filter((r) => labels.has(refugeNode(r.id)))
    .map((r) => {
      const e = edges.get(r.roadwayId)!;
      return routeTo(refugeNode(r.id), { kind: 'refuge', id: r.id, roadwayId: r.roadwayId, chainageM: chainageOf(nodePos.get(e.from)!, nodePos.get(e.to)!, e.lengthM, r.position) }, 0)!;
    })
    .sort((x, y) => x.walkS - y.walkS);

  const min = (s: number) => `${(s / 60).toFixed(1)} min`;
  if (surface && surface.selfRescuerS <= limitS) {
    return { decision: 'surface', route: surface, surface, selfRescuerLimitS: limitS, reason: `out by ${surface.destination.id}: ${min(surface.walkS)} on foot, ${min(surface.selfRescuerS)} on the self-rescuer (≤ ${min(limitS)})` };
  }
  const refuge = refuges.find((r) => r.selfRescuerS <= limitS);
  const tooLong = surface ? `the way out needs ${min(surface.selfRescuerS)} on the self-rescuer (> ${min(limitS)})` : 'no way out to an intake shaft';
  if (refuge) return { decision: 'refuge', route: refuge, surface, selfRescuerLimitS: limitS, reason: `${tooLong}: to refuge chamber ${refuge.destination.id}, ${min(refuge.walkS)} on foot` };
  const all = [...(surface ? [surface] : []), ...refuges].sort((x, y) => x.selfRescuerS - y.selfRescuerS);
  if (all.length > 0) {
    const best = all[0]!;
    return { decision: 'beyond-self-rescuer', route: best, surface, selfRescuerLimitS: limitS, reason: `${tooLong} and no refuge chamber is in reach: least self-rescuer time to ${best.destination.id} (${min(best.selfRescuerS)})` };
  }
  return { decision: 'no-route', route: null, surface: null, selfRescuerLimitS: limitS, reason: 'no intake shaft and no refuge chamber can be reached from here' };
}

/** Roadways people walk: not shafts (ridden) and not ventilation ducts. */
function isWalkable(kind: string): boolean {
  return kind !== 'shaft' && kind !== 'vent-duct';
}

/** A shaft whose air flows down (from the higher node to the lower): an intake shaft. */
function isIntakeShaft(e: { from: string; to: string; airflowM3S: number }, nodePos: Map<string, Enu>): boolean {
  return e.airflowM3S > 0 && nodePos.get(e.from)!.upM > nodePos.get(e.to)!.upM;
}

/** Chainage of point `p` projected on the roadway a → b, scaled to its length (a roadway may be longer than the straight line). */
export function chainageOf(a: Enu, b: Enu, lengthM: number, p: Enu): number {
  const d = [b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM] as const;
  const len2 = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
  const t = len2 === 0 ? 0 : ((p.eastM - a.eastM) * d[0] + (p.northM - a.northM) * d[1] + (p.upM - a.upM) * d[2]) / len2;
  return Math.min(1, Math.max(0, t)) * lengthM;
}

/** Least-cost labels from {@link START} (Dijkstra by scanning: mines have tens of junctions). */
function dijkstra(links: Map<string, Link[]>): Map<string, Label> {
  const best = new Map<string, Label>([[START, { cost: 0, via: null, prev: null }]]);
  const done = new Set<string>();
  for (;;) {
    let node: string | null = null;
    let cost = Infinity;
    for (const [id, l] of best) {
      if (!done.has(id) && l.cost < cost) {
        cost = l.cost;
        node = id;
      }
    }
    if (node === null) return best;
    done.add(node);
    for (const l of links.get(node) ?? []) {
      const c = cost + l.cost;
      if (c < (best.get(l.to)?.cost ?? Infinity)) best.set(l.to, { cost: c, via: l, prev: node });
    }
  }
}
