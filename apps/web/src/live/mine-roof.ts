// The roadway segments the roof sensors watch, for colouring on the plan and in the twin: each
// roof-displacement sensor (顶板离层仪) is put on its roadway's centre line, and its segment runs
// halfway to the next sensor of the same roadway, at most ROOF_HALF_SPAN_M either side (the demo
// mine hangs them every 50 m ahead of the face, sites/coal-mine/sensors.ts). The segment's state
// is the sensor's own visual state on the wall (set-points, the hub's rate alarms, staleness).
import type { CoalMine, Enu } from '@safetwin/twin-models';

/** Furthest a roof sensor's segment reaches along the roadway either side of it, m. */
export const ROOF_HALF_SPAN_M = 25;

/** A roadway's centre line: straight between its two nodes (as the twin and the plan draw it). */
export interface RoadwayLine {
  id: string;
  a: Enu;
  b: Enu;
  /** Straight length, m. */
  spanM: number;
}

/** The straight centre lines of a mine's roadways, by id. */
export function roadwayLines(mine: Pick<CoalMine, 'roadways'>): Map<string, RoadwayLine> {
  const nodes = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
  const out = new Map<string, RoadwayLine>();
  for (const r of mine.roadways.edges) {
    const a = nodes.get(r.from), b = nodes.get(r.to);
    if (!a || !b) continue;
    out.set(r.id, { id: r.id, a, b, spanM: Math.hypot(b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM) });
  }
  return out;
}

/** Distance along the line of the point nearest `p`, m, clamped to the line. */
export function alongM(line: RoadwayLine, p: Enu): number {
  if (line.spanM === 0) return 0;
  const dx = line.b.eastM - line.a.eastM, dy = line.b.northM - line.a.northM, dz = line.b.upM - line.a.upM;
  const t = ((p.eastM - line.a.eastM) * dx + (p.northM - line.a.northM) * dy + (p.upM - line.a.upM) * dz) / (line.spanM * line.spanM);
  return Math.min(1, Math.max(0, t)) * line.spanM;
}

/** The point `m` metres along the line from its `a` end. */
export function pointAt(line: RoadwayLine, m: number): Enu {
  const t = line.spanM === 0 ? 0 : m / line.spanM;
  return {
    eastM: line.a.eastM + (line.b.eastM - line.a.eastM) * t,
    northM: line.a.northM + (line.b.northM - line.a.northM) * t,
    upM: line.a.upM + (line.b.upM - line.a.upM) * t,
  };
}

/** One roof sensor's stretch of roadway. */
export interface RoofSegment {
  sensorId: string;
  roadwayId: string;
  /** Along the roadway's straight line from its `from` node, m. */
  fromM: number;
  toM: number;
  /** The stretch's two ends. */
  path: [Enu, Enu];
}

/** The segment of every roof-displacement sensor that names its roadway. */
export function roofSegments(mine: Pick<CoalMine, 'roadways' | 'sensors'>): RoofSegment[] {
  const lines = roadwayLines(mine);
  const byRoadway = new Map<string, Array<{ sensorId: string; atM: number }>>();
  for (const s of mine.sensors) {
    if (s.kind !== 'roof-displacement' || !s.roadwayId) continue;
    const line = lines.get(s.roadwayId);
    if (!line) continue;
    const list = byRoadway.get(s.roadwayId) ?? [];
    list.push({ sensorId: s.id, atM: alongM(line, s.position) });
    byRoadway.set(s.roadwayId, list);
  }
  const out: RoofSegment[] = [];
  for (const [roadwayId, list] of byRoadway) {
    const line = lines.get(roadwayId)!;
    list.sort((x, y) => x.atM - y.atM);
    list.forEach((s, i) => {
      const prev = list[i - 1], next = list[i + 1];
      const fromM = Math.max(0, prev ? Math.max((prev.atM + s.atM) / 2, s.atM - ROOF_HALF_SPAN_M) : s.atM - ROOF_HALF_SPAN_M);
      const toM = Math.min(line.spanM, next ? Math.min((next.atM + s.atM) / 2, s.atM + ROOF_HALF_SPAN_M) : s.atM + ROOF_HALF_SPAN_M);
      out.push({ sensorId: s.sensorId, roadwayId, fromM, toM, path: [pointAt(line, fromM), pointAt(line, toM)] });
    });
  }
  return out;
}
