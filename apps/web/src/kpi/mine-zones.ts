// People underground by zone: each miner's tag position (east_m, north_m, up_m) is put on the
// nearest roadway centre line, and roadways are grouped into the zones a mine's dispatcher
// counts people by (face, heading, intake and return airways, haulage, shafts, surface).
import type { CoalMine, RoadwayKind } from '@safetwin/twin-models';

/** Zones people are counted by, in the order the KPI lists them (working places first). */
export const MINE_ZONES = ['longwall-face', 'heading', 'haulage', 'intake-airway', 'return-airway', 'shaft', 'surface', 'unlocated'] as const;
/** One of {@link MINE_ZONES}. */
export type MineZone = (typeof MINE_ZONES)[number];

/** A tag farther than this from every roadway centre line is not placed in any, m (roadways are ≈ 4–5 m wide; UWB is sub-metre). */
export const MAX_OFF_ROADWAY_M = 30;
/** A tag shallower than this below the site origin (the main shaft collar) is on the surface, m. */
export const SURFACE_DEPTH_M = 10;

/** The zone a roadway kind belongs to; ventilation ducts are not a place people are. */
export function zoneOfRoadwayKind(kind: RoadwayKind): MineZone | null {
  return kind === 'vent-duct' ? null : kind;
}

/** Where a tag is: the roadway it is in (nearest centre line) and that roadway's zone. */
export interface RoadwayFix {
  /** Index into the mine's `roadways.edges`; -1 when no roadway is near enough. */
  edgeIndex: number;
  zone: MineZone;
}

/**
 * Places tag positions on a mine's roadways. Segment ends are unpacked once into a typed
 * array, so locating a tag allocates nothing but its small answer.
 */
export class RoadwayLocator {
  private readonly seg: Float64Array;
  private readonly edgeOf: Int32Array;
  private readonly zoneOf: MineZone[];

  constructor(mine: Pick<CoalMine, 'roadways'>) {
    const at = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
    const rows: number[] = [];
    const edges: number[] = [];
    this.zoneOf = [];
    mine.roadways.edges.forEach((e, i) => {
      const zone = zoneOfRoadwayKind(e.kind);
      const a = at.get(e.from), b = at.get(e.to);
      if (!zone || !a || !b) return;
      rows.push(a.eastM, a.northM, a.upM, b.eastM, b.northM, b.upM);
      edges.push(i);
      this.zoneOf.push(zone);
    });
    this.seg = Float64Array.from(rows);
    this.edgeOf = Int32Array.from(edges);
  }

  /** The roadway a tag at (east, north, up) metres is in; `upM` NaN: judged on the plan alone. */
  locate(eastM: number, northM: number, upM: number): RoadwayFix {
    if (!Number.isFinite(eastM) || !Number.isFinite(northM)) return { edgeIndex: -1, zone: 'unlocated' };
    const useDepth = Number.isFinite(upM);
    if (useDepth && upM > -SURFACE_DEPTH_M) return { edgeIndex: -1, zone: 'surface' };
    let best = -1;
    let bestD2 = MAX_OFF_ROADWAY_M * MAX_OFF_ROADWAY_M;
    const s = this.seg;
    for (let k = 0; k < this.edgeOf.length; k++) {
      const o = k * 6;
      const ax = s[o]!, ay = s[o + 1]!, az = useDepth ? s[o + 2]! : 0;
      const dx = s[o + 3]! - ax, dy = s[o + 4]! - ay, dz = useDepth ? s[o + 5]! - az : 0;
      const px = eastM - ax, py = northM - ay, pz = useDepth ? upM - az : 0;
      const len2 = dx * dx + dy * dy + dz * dz;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy + pz * dz) / len2));
      const ex = px - t * dx, ey = py - t * dy, ez = pz - t * dz;
      const d2 = ex * ex + ey * ey + ez * ez;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = k;
      }
    }
    return best < 0 ? { edgeIndex: -1, zone: 'unlocated' } : { edgeIndex: this.edgeOf[best]!, zone: this.zoneOf[best]! };
  }
}

/** A tag's position as the live store holds it (values of its latest reading). */
export interface TagPosition {
  east_m?: number;
  north_m?: number;
  up_m?: number;
}

/** Persons per zone, every zone present (0 where empty), in {@link MINE_ZONES} order. */
export type ZoneCounts = Record<MineZone, number>;

/** An empty count of every zone. */
export function emptyZoneCounts(): ZoneCounts {
  return Object.fromEntries(MINE_ZONES.map((z) => [z, 0])) as ZoneCounts;
}

/** Counts tags by zone; a tag without east/north is `unlocated`. */
export function countByZone(locator: RoadwayLocator, positions: Iterable<TagPosition>): ZoneCounts {
  const counts = emptyZoneCounts();
  for (const p of positions) {
    const { zone } = locator.locate(p.east_m ?? Number.NaN, p.north_m ?? Number.NaN, p.up_m ?? Number.NaN);
    counts[zone]++;
  }
  return counts;
}
