// The roadway network as the positioning solver sees it: straight centre lines between nodes,
// each with a local frame (along, across, up) and a clear profile (width × height), the UWB
// anchors by id, and which roadways meet at a node.
import type { CoalMine } from '../../schema/site.ts';
import type { RoadwayKind } from '../../schema/coal-mine.ts';
import type { Vec3 } from './least-squares.ts';

/** One roadway (or shaft) a tag can be in: its centre line and frame, in local ENU metres. */
export interface PositioningRoadway {
  id: string;
  kind: RoadwayKind;
  from: string;
  to: string;
  /** Centre line end points (the `from` and `to` nodes). */
  a: Vec3;
  b: Vec3;
  /** Straight centre-line length, m (the chainage runs 0..lengthM from `from`). */
  lengthM: number;
  /** Unit vectors: along the centre line (from → to), across it (horizontal, right of travel), and the third, up-ish. */
  along: Vec3;
  across: Vec3;
  up: Vec3;
  widthM: number;
  heightM: number;
  /** Indices of the roadways that share a node with this one. */
  neighbours: number[];
}

/** A UWB anchor as the solver needs it. */
export interface PositioningAnchor {
  id: string;
  position: Vec3;
  /** Index of its roadway in {@link RoadwayGeometry.roadways}, −1 if that roadway cannot hold a tag. */
  roadway: number;
}

/**
 * Width:height of a roadway's clear profile. The site schema carries only the net cross-section;
 * coal-mine rectangular and arched roadways are typically 4–5 m wide by 3–3.5 m high (≈ 4:3),
 * an assumption of this module, not a value from the description.
 */
export const ROADWAY_WIDTH_TO_HEIGHT = 4 / 3;

/** Clear width and height of a roadway, m: shafts are circular (diameter from the area), other roadways 4:3 rectangles of the same area. */
export function roadwayProfileM(kind: RoadwayKind, crossSectionM2: number): { widthM: number; heightM: number } {
  if (kind === 'shaft') {
    const d = 2 * Math.sqrt(crossSectionM2 / Math.PI);
    return { widthM: d, heightM: d };
  }
  return { widthM: Math.sqrt(crossSectionM2 * ROADWAY_WIDTH_TO_HEIGHT), heightM: Math.sqrt(crossSectionM2 / ROADWAY_WIDTH_TO_HEIGHT) };
}

const vec = (p: { eastM: number; northM: number; upM: number }): Vec3 => [p.eastM, p.northM, p.upM];
const unit = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};

/** Frame of a centre line: along, across (horizontal, right of travel; east for a vertical shaft), up = across × along. */
function frameOf(a: Vec3, b: Vec3): { along: Vec3; across: Vec3; up: Vec3; lengthM: number } {
  const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const lengthM = Math.hypot(d[0], d[1], d[2]);
  const along = unit(d);
  const horizontal = Math.hypot(along[0], along[1]);
  const across: Vec3 = horizontal > 1e-6 ? [along[1] / horizontal, -along[0] / horizontal, 0] : [1, 0, 0];
  const up: Vec3 = unit([
    across[1] * along[2] - across[2] * along[1],
    across[2] * along[0] - across[0] * along[2],
    across[0] * along[1] - across[1] * along[0],
  ]);
  return { along, across, up, lengthM };
}

/** The positioning view of a mine: roadways a tag can be in (every kind but ventilation ducts) and the anchors. */
export class RoadwayGeometry {
  readonly roadways: PositioningRoadway[] = [];
  readonly anchors = new Map<string, PositioningAnchor>();
  private readonly indexById = new Map<string, number>();

  constructor(mine: Pick<CoalMine, 'roadways' | 'uwbAnchors'>) {
    const nodes = new Map(mine.roadways.nodes.map((n) => [n.id, vec(n.position)]));
    const atNode = new Map<string, number[]>();
    for (const e of mine.roadways.edges) {
      if (e.kind === 'vent-duct') continue;
      const a = nodes.get(e.from), b = nodes.get(e.to);
      if (!a || !b) continue;
      const index = this.roadways.length;
      this.indexById.set(e.id, index);
      this.roadways.push({ id: e.id, kind: e.kind, from: e.from, to: e.to, a, b, ...frameOf(a, b), ...roadwayProfileM(e.kind, e.crossSectionM2), neighbours: [] });
      for (const node of [e.from, e.to]) atNode.set(node, [...(atNode.get(node) ?? []), index]);
    }
    for (const [i, r] of this.roadways.entries()) {
      const near = new Set([...atNode.get(r.from)!, ...atNode.get(r.to)!]);
      near.delete(i);
      r.neighbours = [...near];
    }
    for (const anchor of mine.uwbAnchors) {
      this.anchors.set(anchor.id, { id: anchor.id, position: vec(anchor.position), roadway: this.indexById.get(anchor.roadwayId) ?? -1 });
    }
  }

  /** Index of a roadway by id, −1 if unknown or not one a tag can be in. */
  indexOf(roadwayId: string): number {
    return this.indexById.get(roadwayId) ?? -1;
  }

  /** The centre-line point `chainageM` from the `from` node of roadway `index` (clamped to the roadway). */
  pointAt(index: number, chainageM: number): Vec3 {
    const r = this.roadways[index]!;
    const s = Math.min(r.lengthM, Math.max(0, chainageM));
    return [r.a[0] + r.along[0] * s, r.a[1] + r.along[1] * s, r.a[2] + r.along[2] * s];
  }

  /** Chainage of the centre-line point nearest `p` on roadway `index`, m (clamped to the roadway). */
  project(index: number, p: Vec3): number {
    const r = this.roadways[index]!;
    const s = (p[0] - r.a[0]) * r.along[0] + (p[1] - r.a[1]) * r.along[1] + (p[2] - r.a[2]) * r.along[2];
    return Math.min(r.lengthM, Math.max(0, s));
  }

  /** 3D distance from `p` to the centre line of roadway `index`, m. */
  distanceTo(index: number, p: Vec3): number {
    const q = this.pointAt(index, this.project(index, p));
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }

  /**
   * Where roadway `j` continues roadway `i`: the node they share, as the end of `i` (0 = from,
   * L = to) and whether `j` leaves that node at its `from` end. Null when they do not meet. For
   * two roadways joining the same two nodes the end nearer to `nearChainageM` of `i` is taken.
   */
  junction(i: number, j: number, nearChainageM = 0): { endOfI: 'from' | 'to'; jStartsThere: boolean } | null {
    const ri = this.roadways[i]!, rj = this.roadways[j]!;
    const ends: Array<{ endOfI: 'from' | 'to'; jStartsThere: boolean; atM: number }> = [];
    for (const [endOfI, node, atM] of [['from', ri.from, 0], ['to', ri.to, ri.lengthM]] as const) {
      if (rj.from === node) ends.push({ endOfI, jStartsThere: true, atM });
      else if (rj.to === node) ends.push({ endOfI, jStartsThere: false, atM });
    }
    if (ends.length === 0) return null;
    ends.sort((x, y) => Math.abs(x.atM - nearChainageM) - Math.abs(y.atM - nearChainageM));
    return { endOfI: ends[0]!.endOfI, jStartsThere: ends[0]!.jStartsThere };
  }
}
