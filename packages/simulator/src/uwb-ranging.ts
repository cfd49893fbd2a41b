// UWB ranging of the miners' tags: each epoch a tag measures its distance to the anchors it can
// reach — within radio range and in line of sight along the same roadway or round the corner
// into one that meets it (no ranging through rock) — with line-of-sight noise and now and then
// a non-line-of-sight spell (a body, a machine or the corner in the way) that lengthens a range.
// The tag reports the ranges as `range_<anchor>_m` metrics; the hub solves them for a position.
import type { CoalMine } from '@safetwin/twin-models';
import { MAX_RANGES_PER_READING, rangeMetricName, roadwayProfileM, UWB_RANGE_SIGMA_M } from '@safetwin/twin-models';
import type { GraphPoint, MinerWalker, WalkGraph } from './miners.ts';
import { TagDevice, type MetricRange } from './devices.ts';
import type { Rng } from './prng.ts';
import { clamp, roundTo } from './signals.ts';

/** How tags range and what they report. */
export interface UwbRangingOptions {
  /** What the tags report: their position (east_m, north_m, up_m) or their ranges to the anchors. @defaultValue 'position' */
  report?: 'position' | 'ranges';
  /** Tags (device ids) that report a position even when `report` is 'ranges' (tags of another make). */
  positionTags?: readonly string[];
  /** Radio range in a straight roadway, m (UWB tags in mine roadways: 60–80 m). @defaultValue 70 */
  maxRangeM?: number;
  /** 1σ of a line-of-sight range, m (DW1000 datasheet: ±10 cm). @defaultValue 0.1 */
  sigmaM?: number;
  /** Chance per epoch that a line-of-sight link turns NLOS. @defaultValue 0.02 */
  nlosStartChance?: number;
  /** Chance per epoch that an NLOS spell ends (mean spell 1/p epochs). @defaultValue 0.3 */
  nlosEndChance?: number;
  /**
   * Mean positive bias of an NLOS range, m: NLOS only ever lengthens a UWB range, by tens of
   * centimetres to metres (Gezici et al., IEEE Signal Processing Magazine 22(4), 2005; Alavi &
   * Pahlavan, IEEE Communications Letters 10(4), 2006). Each spell draws 0.2 m + an exponential
   * with this mean less 0.2 m. @defaultValue 1
   */
  nlosMeanBiasM?: number;
  /** Chance that one range of an epoch is lost (a missed exchange). @defaultValue 0.02 */
  lossChance?: number;
}

/** An anchor a tag on some roadway may hear, and the corner its signal would have to pass. */
interface Reachable {
  metric: string;
  position: GraphPoint;
  /** The node shared with the tag's roadway when the anchor is round a corner; null in line along the roadway. */
  corner: GraphPoint | null;
}

const DEFAULTS: Required<Omit<UwbRangingOptions, 'report' | 'positionTags'>> = {
  maxRangeM: 70, sigmaM: UWB_RANGE_SIGMA_M, nlosStartChance: 0.02, nlosEndChance: 0.3, nlosMeanBiasM: 1, lossChance: 0.02,
};
/** The metrics of a tag that reports its position, which a ranging tag leaves out. */
const POSITION_METRICS = ['east_m', 'north_m', 'up_m'] as const;
/** Smallest NLOS bias, m. */
const MIN_NLOS_BIAS_M = 0.2;
/** An anchor this close to a roadway's centre line is in line along it, m. */
const ON_LINE_M = 0.5;

const dist = (a: GraphPoint, b: GraphPoint) => Math.hypot(a.eastM - b.eastM, a.northM - b.northM, a.upM - b.upM);

/** Distance from `p` to the segment a–b, m. */
function toSegment(p: GraphPoint, a: GraphPoint, b: GraphPoint): number {
  const d = [b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM] as const;
  const w = [p.eastM - a.eastM, p.northM - a.northM, p.upM - a.upM] as const;
  const len2 = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
  const t = len2 === 0 ? 0 : clamp((w[0] * d[0] + w[1] * d[1] + w[2] * d[2]) / len2, 0, 1);
  return Math.hypot(w[0] - t * d[0], w[1] - t * d[1], w[2] - t * d[2]);
}

/** Which anchors each walkable roadway can hear, with the geometry of the line-of-sight test. */
export class AnchorReach {
  /** By walk-graph edge index. */
  private readonly reach: Reachable[][] = [];
  /** Half the clear width of each walk-graph edge, m. */
  private readonly halfWidthM: number[] = [];
  readonly options: Required<Omit<UwbRangingOptions, 'report' | 'positionTags'>>;

  constructor(mine: Pick<CoalMine, 'roadways' | 'uwbAnchors'>, graph: WalkGraph, options: UwbRangingOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    const roadways = new Map(mine.roadways.edges.map((e) => [e.id, e]));
    const nodes = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
    for (const edge of graph.edges) {
      const r = roadways.get(edge.id)!;
      const a = nodes.get(r.from)!, b = nodes.get(r.to)!;
      this.halfWidthM.push(roadwayProfileM(r.kind, r.crossSectionM2).widthM / 2);
      const list: Reachable[] = [];
      for (const anchor of mine.uwbAnchors) {
        const metric = rangeMetricName(anchor.id);
        if (toSegment(anchor.position, a, b) <= ON_LINE_M) {
          list.push({ metric, position: anchor.position, corner: null });
          continue;
        }
        const other = roadways.get(anchor.roadwayId);
        if (!other || other.kind === 'vent-duct') continue;
        const shared = [r.from, r.to].find((n) => n === other.from || n === other.to);
        if (shared) list.push({ metric, position: anchor.position, corner: nodes.get(shared)! });
      }
      this.reach.push(list);
    }
  }

  /**
   * The anchors a tag at `p` on walk edge `edge` can range to, with their true distances: within
   * radio range, and round a corner only when the straight path passes within half the roadway's
   * width of the shared node (else it would cross the pillar).
   */
  visible(edge: number, p: GraphPoint): Array<{ metric: string; trueM: number }> {
    const out: Array<{ metric: string; trueM: number }> = [];
    const list = this.reach[edge];
    if (!list) return out;
    for (const r of list) {
      const d = dist(p, r.position);
      if (d > this.options.maxRangeM) continue;
      if (r.corner && toSegment(r.corner, p, r.position) > this.halfWidthM[edge]!) continue;
      out.push({ metric: r.metric, trueM: d });
    }
    return out;
  }
}

/** One tag's range measurements: line-of-sight noise, NLOS spells per link, lost exchanges. */
export class TagRanger {
  /** Bias of the links in an NLOS spell, by range metric. */
  private readonly nlos = new Map<string, number>();

  constructor(private readonly reach: AnchorReach, private readonly rng: Rng) {}

  /** The ranges measured at `p` on walk edge `edge`, nearest first, at most MAX_RANGES_PER_READING, as range metrics (m, cm resolution). */
  measure(edge: number, p: GraphPoint): Record<string, number> {
    const o = this.reach.options;
    const heard = this.reach.visible(edge, p);
    const measured: Array<[string, number]> = [];
    for (const { metric, trueM } of heard) {
      const bias = this.nlosBias(metric);
      if (this.rng.chance(o.lossChance)) continue;
      measured.push([metric, Math.max(0, roundTo(trueM + bias + o.sigmaM * this.rng.normal(), 100))]);
    }
    // Links no longer heard end their NLOS spell.
    const now = new Set(heard.map((h) => h.metric));
    for (const metric of this.nlos.keys()) if (!now.has(metric)) this.nlos.delete(metric);
    measured.sort((x, y) => x[1] - y[1]);
    return Object.fromEntries(measured.slice(0, MAX_RANGES_PER_READING));
  }

  /** The link's NLOS bias this epoch (0 in line of sight): a two-state Markov chain per link. */
  private nlosBias(metric: string): number {
    const o = this.reach.options;
    const bias = this.nlos.get(metric);
    if (bias !== undefined) {
      if (this.rng.chance(o.nlosEndChance)) this.nlos.delete(metric);
      return bias;
    }
    if (!this.rng.chance(o.nlosStartChance)) return 0;
    const drawn = MIN_NLOS_BIAS_M + this.rng.exponential(Math.max(0, o.nlosMeanBiasM - MIN_NLOS_BIAS_M));
    this.nlos.set(metric, drawn);
    return drawn;
  }
}

/** A tag that reports its ranges to the anchors it hears instead of a position. */
export class RangingTagDevice extends TagDevice {
  private readonly ranger: TagRanger;

  constructor(
    deviceId: string,
    siteId: string,
    intervalMs: number,
    metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
    walker: MinerWalker,
    reach: AnchorReach,
  ) {
    super(deviceId, siteId, intervalMs, metrics, seed, walker);
    this.ranger = new TagRanger(reach, this.rng);
  }

  /** What a position-reporting tag sends (battery, SOS, …) with the ranges (nearest first) in place of the position, at `tMs`. */
  override sample(tMs: number): Record<string, number> {
    const values = super.sample(tMs);
    for (const metric of POSITION_METRICS) delete values[metric];
    const p = this.walker.advance(tMs); // already there: the same point, no step
    return Object.assign(values, this.ranger.measure(this.walker.edgeIndex, p));
  }
}
