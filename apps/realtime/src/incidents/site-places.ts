// Places on a chemical park, as incidents name them: equipment, pipe segments, points.
import type { SiteName, SitePlace } from '@safetwin/protocol';
import { enuToLonLat, pointInPolygon, type ChemicalPark, type Enu, type EnuPlan } from '@safetwin/twin-models';

/** A leakable item of a park: a piece of equipment or a pipe segment, where it is and what it holds. */
export interface ParkItem {
  id: string;
  kind: 'equipment' | 'pipe-segment';
  /** `name.en`. */
  label: string;
  /** The equipment's name, or "pipe A → B" (its nodes), in both languages. */
  name: SiteName;
  enterpriseId: string | null;
  chemical: string | null;
  /** The equipment's position, or the segment's midpoint. */
  position: Enu;
}

/** A piece of equipment or a pipe segment by id, or undefined. */
export function parkItem(site: ChemicalPark, id: string): ParkItem | undefined {
  const e = site.equipment.find((x) => x.id === id);
  if (e) return { id, kind: 'equipment', label: e.name.en, name: e.name, enterpriseId: e.enterpriseId, chemical: e.chemical, position: e.position };
  const s = site.pipes.segments.find((x) => x.id === id);
  if (!s) return undefined;
  const a = site.pipes.nodes.find((n) => n.id === s.from)?.position;
  const b = site.pipes.nodes.find((n) => n.id === s.to)?.position;
  if (!a || !b) return undefined;
  const mid = { eastM: (a.eastM + b.eastM) / 2, northM: (a.northM + b.northM) / 2, upM: (a.upM + b.upM) / 2 };
  const name = pipeName(idName(s.from), idName(s.to));
  return { id, kind: 'pipe-segment', label: name.en, name, enterpriseId: s.enterpriseId, chemical: s.chemical, position: mid };
}

/** A pipe by what it runs between ("pipe A → B", "管道 A → B"), or by its id alone. */
export function pipeName(...ends: SiteName[]): SiteName {
  return { zh: `管道 ${ends.map((e) => e.zh).join(' → ')}`, en: `pipe ${ends.map((e) => e.en).join(' → ')}` };
}

/** An id where a name is wanted: the same in both languages. */
export const idName = (id: string): SiteName => ({ zh: id, en: id });

/** A site point as the API gives it: metres east/north of the origin and [lon, lat]. */
export function sitePlace(site: ChemicalPark, p: EnuPlan): SitePlace {
  const g = enuToLonLat(site.origin, { eastM: p.eastM, northM: p.northM, upM: 0 });
  return { eastM: p.eastM, northM: p.northM, lonLat: [g.lonDeg, g.latDeg] };
}

/** The enterprise whose plot holds a point, or null (the park's own ground). */
export function plotOwner(site: ChemicalPark, p: EnuPlan): string | null {
  return site.enterprises.find((e) => pointInPolygon(p, e.plot))?.id ?? null;
}
