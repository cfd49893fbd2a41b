// The site plan as map data: every road, roadway, building, dike, equipment footprint and
// point of interest of a site description, converted once from plan metres to lon/lat.
// Pure: the map panel builds deck.gl layers from this and never touches the description again.
import type { ChemicalPark, CoalMine, EnuPlan, Name, RoadwayKind, Site } from '@safetwin/twin-models';
import { SiteProjector, type LonLat } from './site-projector.ts';

/** Vertices of the circle that stands for a round footprint (sphere, vertical cylinder). */
export const CIRCLE_VERTICES = 24;

/** A line on the plan: a park road or a mine roadway. */
export interface MapPath {
  id: string;
  name: Name;
  /** `road` for park roads; the roadway kind for mines. */
  kind: 'road' | RoadwayKind;
  path: LonLat[];
  /** Carriageway / roadway width, m. */
  widthM: number;
}

/** What an area on the plan is. */
export type MapAreaKind = 'enterprise' | 'building' | 'dike' | 'equipment';

/** An area on the plan. */
export interface MapArea {
  id: string;
  kind: MapAreaKind;
  name: Name | null;
  enterpriseId: string | null;
  polygon: LonLat[];
  /** Height of what stands on it, m (buildings, tanks, dike walls); 0 for plots. */
  heightM: number;
}

/** What a point of interest is. */
export type MapPoiKind = 'gate' | 'assembly-point' | 'shaft' | 'refuge-chamber';

/** A point of interest, drawn with its own shape and label. */
export interface MapPoi {
  id: string;
  kind: MapPoiKind;
  name: Name;
  position: LonLat;
  /** Persons it holds (assembly points, refuge chambers); null otherwise. */
  capacityPersons: number | null;
  /** Radius of the ground it covers, m: an assembly point's area at 0.5 m² a person; gate width / 2; 0 for others. */
  radiusM: number;
}

/** A sensor's place on the plan; `index` is its position in `sensors` (for typed per-sensor buffers). */
export interface MapSensor {
  deviceId: string;
  kind: string;
  position: LonLat;
  index: number;
}

/** The site plan for the map. */
export interface SiteMapData {
  siteKind: Site['kind'];
  boundary: LonLat[];
  paths: MapPath[];
  /** Enterprise plots first, then dikes, buildings and equipment (drawing order). */
  areas: MapArea[];
  pois: MapPoi[];
  sensors: MapSensor[];
  /** South-west and north-east corners of everything above, degrees. */
  bounds: [LonLat, LonLat];
  /** Corners of what is built (without the boundary, which for a mine is the much larger lease): what the view fits. */
  viewBounds: [LonLat, LonLat];
}

/** Ground per person at an assembly point, m² (the site schema's capacity rule). */
export const ASSEMBLY_M2_PER_PERSON = 0.5;

/**
 * Builds the map data of a site. `canSee` keeps only the sensors the user may see data of (a
 * role-scoped description may still list park-operated sensors whose readings the user does not
 * get; drawn, they would read as "no data" for ever).
 */
export function siteMapData(site: Site, canSee: (deviceId: string) => boolean = () => true): SiteMapData {
  const projector = new SiteProjector(site.origin);
  const at = (p: EnuPlan): LonLat => projector.lonLat(p.eastM, p.northM);
  const parts = site.kind === 'chemical-park' ? parkParts(site, projector) : mineParts(site, projector);
  const enterprises: MapArea[] = site.enterprises.map((e) => ({
    id: e.id, kind: 'enterprise', name: e.name, enterpriseId: e.id, polygon: e.plot.map(at), heightM: 0,
  }));
  const sensors: MapSensor[] = site.sensors
    .filter((s) => canSee(s.id))
    .map((s, index) => ({ deviceId: s.id, kind: s.kind, position: at(s.position), index }));
  const boundary = site.boundary.map(at);
  const areas = site.kind === 'chemical-park' ? [...enterprises, ...parts.areas] : parts.areas;
  const built = [...parts.paths.map((p) => p.path), ...areas.map((a) => a.polygon), parts.pois.map((p) => p.position), sensors.map((s) => s.position)];
  return {
    siteKind: site.kind,
    boundary,
    paths: parts.paths,
    areas,
    pois: parts.pois,
    sensors,
    bounds: boundsOf([boundary, ...built]),
    viewBounds: built.some((g) => g.length > 0) ? boundsOf(built) : boundsOf([boundary]),
  };
}

type Parts = Pick<SiteMapData, 'paths' | 'areas' | 'pois'>;

function parkParts(park: ChemicalPark, projector: SiteProjector): Parts {
  const at = (p: EnuPlan): LonLat => projector.lonLat(p.eastM, p.northM);
  const nodes = new Map(park.roads.nodes.map((n) => [n.id, n.position]));
  const paths: MapPath[] = [];
  for (const e of park.roads.edges) {
    const a = nodes.get(e.from), b = nodes.get(e.to);
    if (a && b) paths.push({ id: e.id, name: e.name, kind: 'road', path: [at(a), at(b)], widthM: e.widthM });
  }
  const areas: MapArea[] = [
    ...park.dikes.map((d): MapArea => ({ id: d.id, kind: 'dike', name: null, enterpriseId: d.enterpriseId, polygon: d.polygon.map(at), heightM: d.heightM })),
    ...park.buildings.map((b): MapArea => ({
      id: b.id, kind: 'building', name: b.name, enterpriseId: b.enterpriseId,
      polygon: boxFootprint(b.position, b.geometry.lengthM, b.geometry.widthM, b.geometry.headingDeg).map(at), heightM: b.geometry.heightM,
    })),
    ...park.equipment.map((e): MapArea => {
      const g = e.geometry;
      const plan =
        g.shape === 'box' ? boxFootprint(e.position, g.lengthM, g.widthM, g.headingDeg) : circleFootprint(e.position, g.diameterM / 2);
      return { id: e.id, kind: 'equipment', name: e.name, enterpriseId: e.enterpriseId, polygon: plan.map(at), heightM: g.shape === 'sphere' ? g.diameterM : g.heightM };
    }),
  ];
  const pois: MapPoi[] = [
    ...park.gates.map((g): MapPoi => ({ id: g.id, kind: 'gate', name: g.name, position: at(g.position), capacityPersons: null, radiusM: g.widthM / 2 })),
    ...park.assemblyPoints.map((p): MapPoi => ({
      id: p.id, kind: 'assembly-point', name: p.name, position: at(p.position), capacityPersons: p.capacityPersons,
      radiusM: Math.sqrt((p.capacityPersons * ASSEMBLY_M2_PER_PERSON) / Math.PI),
    })),
  ];
  return { paths, areas, pois };
}

function mineParts(mine: CoalMine, projector: SiteProjector): Parts {
  const at = (p: EnuPlan): LonLat => projector.lonLat(p.eastM, p.northM);
  const nodes = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
  const paths: MapPath[] = [];
  const pois: MapPoi[] = [];
  for (const r of mine.roadways.edges) {
    const a = nodes.get(r.from), b = nodes.get(r.to);
    if (!a || !b) continue;
    if (r.kind === 'shaft') {
      // A shaft is a point on the plan: mark its collar (the upper end).
      const collar = a.upM >= b.upM ? a : b;
      pois.push({ id: r.id, kind: 'shaft', name: r.name, position: at(collar), capacityPersons: null, radiusM: Math.sqrt(r.crossSectionM2 / Math.PI) });
      continue;
    }
    // Width of a roadway from its net cross-section, taken as a square-ish arch (width ≈ √area).
    paths.push({ id: r.id, name: r.name, kind: r.kind, path: [at(a), at(b)], widthM: Math.sqrt(r.crossSectionM2) });
  }
  for (const c of mine.refugeChambers) {
    pois.push({ id: c.id, kind: 'refuge-chamber', name: c.name, position: at(c.position), capacityPersons: c.capacityPersons, radiusM: 0 });
  }
  return { paths, areas: [], pois };
}

/** Corners of a box footprint: length along grid bearing `headingDeg` (clockwise from north), centred on `c`. */
export function boxFootprint(c: EnuPlan, lengthM: number, widthM: number, headingDeg: number): EnuPlan[] {
  const t = (headingDeg * Math.PI) / 180;
  // Unit vectors along the length (bearing t) and across it (bearing t + 90°).
  const le = Math.sin(t), ln = Math.cos(t), we = Math.cos(t), wn = -Math.sin(t);
  const hl = lengthM / 2, hw = widthM / 2;
  return [
    [-hl, -hw], [hl, -hw], [hl, hw], [-hl, hw],
  ].map(([l, w]) => ({ eastM: c.eastM + l! * le + w! * we, northM: c.northM + l! * ln + w! * wn }));
}

/** A circle of `radiusM` about `c` as a polygon of {@link CIRCLE_VERTICES} vertices. */
export function circleFootprint(c: EnuPlan, radiusM: number): EnuPlan[] {
  return Array.from({ length: CIRCLE_VERTICES }, (_, i) => {
    const a = (2 * Math.PI * i) / CIRCLE_VERTICES;
    return { eastM: c.eastM + radiusM * Math.cos(a), northM: c.northM + radiusM * Math.sin(a) };
  });
}

/** South-west and north-east corners of sets of positions. */
export function boundsOf(groups: readonly (readonly LonLat[])[]): [LonLat, LonLat] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const group of groups) {
    for (const [lon, lat] of group) {
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  }
  if (!Number.isFinite(w)) throw new Error('boundsOf: no positions (a site needs at least its boundary)');
  return [[w, s], [e, n]];
}
