// Miners walking the roadway graph: each works at spots along their work-place roadway,
// pausing there, and now and then walks an errand to another part of the mine and back.
// Positions are on the straight centre line between roadway nodes (plus UWB noise), so the
// twin can draw them inside the roadways. Pure: advanced by time with an injected Rng.
import type { Rng } from './prng.ts';
import { MS_PER_H, MS_PER_MIN, clamp } from './signals.ts';

/** A roadway node position, local ENU metres. */
export interface GraphPoint {
  eastM: number;
  northM: number;
  upM: number;
}

/** One walkable roadway: end node indices, length and kind. */
interface WalkEdge {
  id: string;
  from: number;
  to: number;
  lengthM: number;
  /** Walking-speed factor: 1 in roadways, slower crouched along a longwall face. */
  speedFactor: number;
}

/** Roadway kinds people walk (shafts are ridden in the cage, ducts are not walkable). */
const WALKABLE = new Set(['intake-airway', 'return-airway', 'haulage', 'longwall-face', 'heading']);

/** The walkable part of a mine's roadway graph with all-pairs shortest paths (Floyd–Warshall; mines have tens of nodes). */
export class WalkGraph {
  readonly nodes: GraphPoint[] = [];
  readonly edges: WalkEdge[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly edgeIndex = new Map<string, number>();
  private dist: Float64Array = new Float64Array(0);
  private nextHop: Int32Array = new Int32Array(0);
  /** Shortest edge between two adjacent nodes, −1 if none. */
  private link: Int32Array = new Int32Array(0);

  constructor(roadways: {
    nodes: ReadonlyArray<{ id: string; position: GraphPoint }>;
    edges: ReadonlyArray<{ id: string; kind: string; from: string; to: string; lengthM: number }>;
  }) {
    for (const n of roadways.nodes) {
      this.nodeIndex.set(n.id, this.nodes.length);
      this.nodes.push({ eastM: n.position.eastM, northM: n.position.northM, upM: n.position.upM });
    }
    for (const e of roadways.edges) {
      if (!WALKABLE.has(e.kind)) continue;
      const from = this.nodeIndex.get(e.from), to = this.nodeIndex.get(e.to);
      if (from === undefined || to === undefined) continue;
      this.edgeIndex.set(e.id, this.edges.length);
      this.edges.push({ id: e.id, from, to, lengthM: e.lengthM, speedFactor: e.kind === 'longwall-face' ? 0.6 : 1 });
    }
    this.solve();
  }

  private solve(): void {
    const n = this.nodes.length;
    const d = new Float64Array(n * n).fill(Infinity);
    const next = new Int32Array(n * n).fill(-1);
    const link = new Int32Array(n * n).fill(-1);
    for (let i = 0; i < n; i++) {
      d[i * n + i] = 0;
      next[i * n + i] = i;
    }
    this.edges.forEach((e, k) => {
      for (const [a, b] of [[e.from, e.to], [e.to, e.from]] as const) {
        if (e.lengthM < d[a * n + b]!) {
          d[a * n + b] = e.lengthM;
          next[a * n + b] = b;
          link[a * n + b] = k;
        }
      }
    });
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const dik = d[i * n + k]!;
        if (dik === Infinity) continue;
        for (let j = 0; j < n; j++) {
          const via = dik + d[k * n + j]!;
          if (via < d[i * n + j]!) {
            d[i * n + j] = via;
            next[i * n + j] = next[i * n + k]!;
          }
        }
      }
    }
    this.dist = d;
    this.nextHop = next;
    this.link = link;
  }

  /** Index of a walkable roadway by id, or −1. */
  edgeOf(roadwayId: string): number {
    return this.edgeIndex.get(roadwayId) ?? -1;
  }

  /** Index of a roadway node by id, or −1. */
  nodeOf(nodeId: string): number {
    return this.nodeIndex.get(nodeId) ?? -1;
  }

  /** Shortest walking distance between two nodes, m (Infinity when not connected). */
  distance(a: number, b: number): number {
    return this.dist[a * this.nodes.length + b]!;
  }

  /** The walk from (edge e0, chainage d0) to (e1, d1) as legs along edges. */
  route(e0: number, d0: number, e1: number, d1: number): Leg[] {
    const E0 = this.edges[e0]!, E1 = this.edges[e1]!;
    if (e0 === e1) return [{ edge: e0, fromM: d0, toM: d1 }];
    let best = Infinity, exit = E0.from, enter = E1.from;
    for (const [x, cx] of [[E0.from, d0], [E0.to, E0.lengthM - d0]] as const) {
      for (const [y, cy] of [[E1.from, d1], [E1.to, E1.lengthM - d1]] as const) {
        const c = cx + this.distance(x, y) + cy;
        if (c < best) {
          best = c;
          exit = x;
          enter = y;
        }
      }
    }
    if (best === Infinity) return [{ edge: e0, fromM: d0, toM: d0 }];
    const legs: Leg[] = [{ edge: e0, fromM: d0, toM: exit === E0.from ? 0 : E0.lengthM }];
    const n = this.nodes.length;
    for (let u = exit; u !== enter; ) {
      const v = this.nextHop[u * n + enter]!;
      const k = this.link[u * n + v]!;
      const e = this.edges[k]!;
      legs.push(e.from === u ? { edge: k, fromM: 0, toM: e.lengthM } : { edge: k, fromM: e.lengthM, toM: 0 });
      u = v;
    }
    legs.push({ edge: e1, fromM: enter === E1.from ? 0 : E1.lengthM, toM: d1 });
    return legs;
  }

  /** Writes the point at chainage `m` along edge `e` into `out`. */
  pointOn(e: number, m: number, out: GraphPoint): GraphPoint {
    const E = this.edges[e]!;
    const a = this.nodes[E.from]!, b = this.nodes[E.to]!;
    const f = E.lengthM > 0 ? clamp(m / E.lengthM, 0, 1) : 0;
    out.eastM = a.eastM + (b.eastM - a.eastM) * f;
    out.northM = a.northM + (b.northM - a.northM) * f;
    out.upM = a.upM + (b.upM - a.upM) * f;
    return out;
  }
}

/** A piece of a walk: along one edge from chainage `fromM` to `toM`. */
export interface Leg {
  edge: number;
  fromM: number;
  toM: number;
}

/** Behaviour of the walkers. */
export interface WalkerOptions {
  /** Mean walking speed, m/s (≈ 1 m/s underground with lamp, boots and self-rescuer). @defaultValue 1.0 */
  meanSpeedMS?: number;
  /** Mean pause at a work spot, ms. @defaultValue 12 min */
  meanPauseMs?: number;
  /** Chance that the next move is an errand elsewhere in the mine rather than another spot at the work place. @defaultValue 0.25 */
  errandChance?: number;
}

/** UWB ranging noise of a tag position, m (σ; commercial mine UWB systems claim ≈ 0.3 m). */
const UWB_SIGMA_M = 0.15;
const UWB_MAX_ERR_M = 0.4;

/** One miner: where they are, what they are doing, their tag battery. */
export class MinerWalker {
  private edge: number;
  private chainM: number;
  private legs: Leg[] = [];
  private leg = 0;
  private pauseUntilMs: number;
  private lastMs: number;
  private errandReturn = false;
  /** Walking an order (withdrawal): no more work or errands. */
  private ordered = false;
  private readonly speedMS: number;
  /** Tag battery, %; drains slowly and is swapped at the lamp room when low. */
  batteryPct: number;
  private readonly drainPctPerMs: number;
  /** SOS button state (0/1); set by scenarios. */
  sos = 0;
  private readonly here: GraphPoint = { eastM: 0, northM: 0, upM: 0 };

  constructor(
    readonly graph: WalkGraph,
    private readonly workEdge: number,
    private readonly rng: Rng,
    startMs: number,
    private readonly options: Required<WalkerOptions>,
  ) {
    this.speedMS = clamp(options.meanSpeedMS * (1 + 0.12 * rng.normal()), 0.6, 1.5);
    this.edge = workEdge;
    this.chainM = this.workSpot();
    this.pauseUntilMs = startMs + rng.range(0, 2 * options.meanPauseMs);
    this.lastMs = startMs;
    this.batteryPct = rng.range(35, 100);
    this.drainPctPerMs = rng.range(0.3, 0.7) / MS_PER_H;
  }

  private workSpot(): number {
    const L = this.graph.edges[this.workEdge]!.lengthM;
    return L * this.rng.range(0.05, 0.95);
  }

  /** Index (in the walk graph) of the roadway the miner is on, as of the latest `advance`. */
  get edgeIndex(): number {
    return this.edge;
  }

  /** Whether the miner is walking (not pausing) right now. */
  get walking(): boolean {
    return this.leg < this.legs.length;
  }

  /** Advances the miner to `tMs` and returns the (noise-free) position, reused between calls. */
  advance(tMs: number): GraphPoint {
    let dt = tMs - this.lastMs;
    if (dt > 0) {
      this.lastMs = tMs;
      this.batteryPct -= this.drainPctPerMs * dt;
      if (this.batteryPct < 10) this.batteryPct = 100;
      // Walk and pause until the time is used up (a long gap may cover several moves).
      let t = tMs - dt;
      for (let guard = 0; dt > 0 && guard < 64; guard++) {
        if (!this.walking) {
          if (t + dt <= this.pauseUntilMs) break;
          const waited = Math.max(0, this.pauseUntilMs - t);
          t += waited;
          dt -= waited;
          this.planNext();
          continue;
        }
        const leg = this.legs[this.leg]!;
        const e = this.graph.edges[leg.edge]!;
        const speed = this.speedMS * e.speedFactor / 1000;
        const left = Math.abs(leg.toM - this.chainM);
        const reach = speed * dt;
        this.edge = leg.edge;
        if (reach < left) {
          this.chainM += Math.sign(leg.toM - this.chainM) * reach;
          dt = 0;
        } else {
          this.chainM = leg.toM;
          const used = speed > 0 ? left / speed : dt;
          t += used;
          dt -= used;
          this.leg++;
          if (this.leg < this.legs.length) this.chainM = this.legs[this.leg]!.fromM;
          else this.arrive(t);
        }
      }
    }
    return this.graph.pointOn(this.edge, this.chainM, this.here);
  }

  /** Position as the tag reports it: true position plus bounded UWB noise, written into `out`. */
  reported(tMs: number, out: GraphPoint): GraphPoint {
    const p = this.advance(tMs);
    out.eastM = p.eastM + clamp(UWB_SIGMA_M * this.rng.normal(), -UWB_MAX_ERR_M, UWB_MAX_ERR_M);
    out.northM = p.northM + clamp(UWB_SIGMA_M * this.rng.normal(), -UWB_MAX_ERR_M, UWB_MAX_ERR_M);
    out.upM = p.upM + clamp(0.5 * UWB_SIGMA_M * this.rng.normal(), -UWB_MAX_ERR_M, UWB_MAX_ERR_M);
    return out;
  }

  /** Where the miner is, as of the latest `advance`: walk-graph edge index and chainage along it, m. */
  get place(): { edge: number; chainM: number } {
    return { edge: this.edge, chainM: this.chainM };
  }

  /** An order from the surface (withdrawal-orders.ts): walks `legs` from where the miner is now, then stays at their end. */
  walkOrdered(legs: Leg[]): void {
    this.ordered = true;
    this.legs = legs;
    this.leg = 0;
    if (legs.length > 0) this.chainM = legs[0]!.fromM;
  }

  private arrive(tMs: number): void {
    this.legs = [];
    this.leg = 0;
    if (this.ordered) {
      this.pauseUntilMs = Infinity; // withdrawn: stays at the shaft or in the refuge chamber
      return;
    }
    const atWork = this.edge === this.workEdge;
    const mean = atWork ? this.options.meanPauseMs : this.options.meanPauseMs / 3;
    this.pauseUntilMs = tMs + clamp(this.rng.exponential(mean), MS_PER_MIN, 4 * mean);
  }

  private planNext(): void {
    let e1 = this.workEdge, d1 = this.workSpot();
    if (this.errandReturn) {
      this.errandReturn = false;
    } else if (this.rng.chance(this.options.errandChance)) {
      // An errand: a random point of a random walkable roadway reachable from here.
      const k = this.rng.int(this.graph.edges.length);
      const E = this.graph.edges[k]!, here = this.graph.edges[this.edge]!;
      if (this.graph.distance(here.from, E.from) < Infinity) {
        e1 = k;
        d1 = E.lengthM * this.rng.range(0.1, 0.9);
        this.errandReturn = true;
      }
    }
    this.legs = this.graph.route(this.edge, this.chainM, e1, d1);
    this.leg = 0;
    this.chainM = this.legs[0]!.fromM;
  }
}
