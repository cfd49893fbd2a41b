// Where a point of a park is, in words a field crew or a fire engine driver can use: the nearest
// road (by name) and the nearest landmark (a piece of equipment, a building, a gate) with its
// compass direction. Pure.
import { hubText, type SiteName } from '@safetwin/protocol';
import { distanceToSegmentM, type ChemicalPark, type EnuPlan } from '@safetwin/twin-models';
import { said, type Said } from '../../said.ts';

/** A named thing near a point. */
export interface Landmark {
  id: string;
  /** `name.en`. */
  label: string;
  name: SiteName;
  position: EnuPlan;
  distanceM: number;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
type Compass = (typeof COMPASS)[number];

/** The 8-point compass direction from `from` to `to` (grid north). */
export function compassFrom(from: EnuPlan, to: EnuPlan): Compass {
  const deg = (Math.atan2(to.eastM - from.eastM, to.northM - from.northM) * 180) / Math.PI;
  return COMPASS[Math.round(((deg + 360) % 360) / 45) % 8]!;
}

/** The road nearest a point: its name, and the distance to it, m; null on a park without roads. */
export function nearestRoad(site: ChemicalPark, p: EnuPlan): Landmark | null {
  const nodes = new Map(site.roads.nodes.map((n) => [n.id, n.position]));
  let best: Landmark | null = null;
  for (const e of site.roads.edges) {
    const a = nodes.get(e.from), b = nodes.get(e.to);
    if (!a || !b) continue;
    const d = distanceToSegmentM(p, a, b);
    if (!best || d < best.distanceM) best = { id: e.id, label: e.name.en, name: e.name, position: { eastM: (a.eastM + b.eastM) / 2, northM: (a.northM + b.northM) / 2 }, distanceM: d };
  }
  return best;
}

/** The gate nearest a point (straight line); null on a park without gates. */
export function nearestGate(site: ChemicalPark, p: EnuPlan): Landmark | null {
  return nearest(site.gates.map((g) => ({ id: g.id, name: g.name, position: g.position })), p);
}

/** The equipment or building nearest a point, other than `exceptId`. */
export function nearestLandmark(site: ChemicalPark, p: EnuPlan, exceptId?: string): Landmark | null {
  const things = [
    ...site.equipment.map((e) => ({ id: e.id, name: e.name, position: e.position })),
    ...site.buildings.map((b) => ({ id: b.id, name: b.name, position: b.position })),
  ].filter((t) => t.id !== exceptId);
  return nearest(things, p);
}

function nearest(things: ReadonlyArray<{ id: string; name: SiteName; position: EnuPlan }>, p: EnuPlan): Landmark | null {
  let best: Landmark | null = null;
  for (const t of things) {
    const d = Math.hypot(t.position.eastM - p.eastM, t.position.northM - p.northM);
    if (!best || d < best.distanceM) best = { id: t.id, label: t.name.en, name: t.name, position: { eastM: t.position.eastM, northM: t.position.northM }, distanceM: d };
  }
  return best;
}

/** "12 m from Avenue 1; 25 m SW of chlorine tank T-01 (CP-E1-TK-01)" — the road and the landmark, in words. */
export function describePlace(site: ChemicalPark, p: EnuPlan, exceptId?: string): string {
  return placeParts(site, p, exceptId).map((s) => s.en).join('; ');
}

/** The same as {@link describePlace}, a sentence per part (the road, the landmark), for the wall to word. */
export function placeParts(site: ChemicalPark, p: EnuPlan, exceptId?: string): Said[] {
  const parts: Said[] = [];
  const road = nearestRoad(site, p);
  if (road) {
    const distanceM = Math.round(road.distanceM);
    parts.push(said(`${distanceM} m from ${road.label}`, 'place.from-road', { distanceM, road: road.name }));
  }
  const mark = nearestLandmark(site, p, exceptId);
  if (mark) {
    const distanceM = Math.round(mark.distanceM), direction = compassFrom(mark.position, p);
    const en = `${distanceM} m ${direction} of ${mark.label} (${mark.id})`;
    parts.push(said(en, 'place.of-landmark', { distanceM, direction: hubText(`compass.${direction}`), landmark: mark.name, id: mark.id }));
  }
  if (parts.length > 0) return parts;
  const eastM = Math.round(p.eastM), northM = Math.round(p.northM);
  return [said(`${eastM} m east, ${northM} m north of the site origin`, 'place.from-origin', { eastM, northM })];
}
