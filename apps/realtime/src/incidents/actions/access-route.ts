// The fire engines' way in: from the site gate best placed for the wind (upwind, else crosswind
// of the release) along the road graph to a staging point — a road node outside every threat
// zone, upwind of the source — choosing the route that crosses the least of the zones. The
// routing is twin-models' walkRoutes over the park roads with the zones as a step concentration
// field (zoneStepField): the cost is the exposure on the way, with distance as a tie-breaker.
import { hubText, type FireBrigadeBrief, type NamedPlaceView, type SiteName, type ThreatZoneView } from '@safetwin/protocol';
import { distanceToSegmentM, pointInPolygon, walkRoutes, zoneStepField, type ChemicalPark, type EnuPlan, type WalkRoute } from '@safetwin/twin-models';
import { said, type Said } from '../../said.ts';
import { sitePlace } from '../site-places.ts';

/** Fire-engine speed on park roads, m/s (30 km/h, a typical in-plant speed limit; our choice: only the timing of the zone field uses it, and the zones are static). */
export const ENGINE_SPEED_M_S = 30 / 3.6;
/** A staging point this close to the source is too close whatever the zones say, m (our choice: beyond the 100 m initial isolation of small spills, ERG 2020 Table 1). */
export const STAGING_MIN_DISTANCE_M = 100;
/** Within this angle of the upwind direction a point is upwind, degrees; up to {@link CROSSWIND_MAX_DEG} crosswind (our choice). */
export const UPWIND_MAX_DEG = 60;
export const CROSSWIND_MAX_DEG = 120;
/** Cost of a metre of road against the exposure on it, ppm·s per m: small, so distance only breaks ties between clean routes. */
const DISTANCE_WEIGHT_PPM_S_PER_M = 1e-4;

type AccessRoute = NonNullable<FireBrigadeBrief['accessRoute']>;

/** Angle between the direction source → point and the upwind direction, degrees (0: straight upwind). */
export function angleFromUpwindDeg(source: EnuPlan, point: EnuPlan, windFromDeg: number): number {
  const rad = (windFromDeg * Math.PI) / 180;
  const ue = Math.sin(rad), un = Math.cos(rad); // toward where the wind comes from
  const de = point.eastM - source.eastM, dn = point.northM - source.northM;
  const len = Math.hypot(de, dn);
  if (len === 0) return 0;
  return (Math.acos(Math.max(-1, Math.min(1, (de * ue + dn * un) / len))) * 180) / Math.PI;
}

const windSide = (deg: number): 'upwind' | 'crosswind' | 'downwind' => (deg <= UPWIND_MAX_DEG ? 'upwind' : deg <= CROSSWIND_MAX_DEG ? 'crosswind' : 'downwind');
const SIDE_RANK = { upwind: 0, crosswind: 1, downwind: 2 } as const;

const sideText = (side: keyof typeof SIDE_RANK) => hubText(`side.${side}`);

/** The access route for the brief, and warnings (e.g. no upwind staging point); route null when no gate reaches a staging point. */
export function accessRoute(site: ChemicalPark, source: EnuPlan, zones: readonly ThreatZoneView[], windFromDeg: number): { route: AccessRoute | null; warnings: Said[] } {
  const warnings: Said[] = [];
  const polygons = zones.map((z) => z.ringEnu.map(([eastM, northM]) => ({ eastM, northM })));
  const inZone = (p: EnuPlan) => polygons.some((poly) => pointInPolygon(p, poly));
  const dist = (p: EnuPlan) => Math.hypot(p.eastM - source.eastM, p.northM - source.northM);
  const clear = site.roads.nodes.filter((n) => !inZone(n.position) && dist(n.position) >= STAGING_MIN_DISTANCE_M);
  let staging = clear.filter((n) => angleFromUpwindDeg(source, n.position, windFromDeg) <= UPWIND_MAX_DEG);
  if (staging.length === 0) {
    staging = clear.filter((n) => angleFromUpwindDeg(source, n.position, windFromDeg) <= CROSSWIND_MAX_DEG);
    if (staging.length > 0) warnings.push(said('no road node upwind of the release lies outside the zones: staging crosswind', 'brief.staging-crosswind'));
  }
  if (staging.length === 0) {
    return { route: null, warnings: [...warnings, said('no road node upwind or crosswind of the release lies outside the zones: no staging point', 'brief.no-staging')] };
  }
  // The nearest clean points first: the brigade wants to be close; a few candidates keep the search small.
  const targets = staging.sort((a, b) => dist(a.position) - dist(b.position)).slice(0, 5).map((n) => ({ id: n.id, roadNodeId: n.id, position: n.position }));

  const field = zoneStepField(zones.map((z, i) => ({ ppm: z.thresholdPpm, polygon: polygons[i]! })));
  const net = { nodes: site.roads.nodes, edges: site.roads.edges };
  let best: { gate: ChemicalPark['gates'][number]; side: keyof typeof SIDE_RANK; route: WalkRoute } | null = null;
  const score = (b: NonNullable<typeof best>) => [b.route.dosePpmS > 0 ? 1 : 0, SIDE_RANK[b.side], b.route.distanceM, dist(b.route.polyline.at(-1)!)];
  for (const gate of site.gates) {
    const side = windSide(angleFromUpwindDeg(source, gate.position, windFromDeg));
    const routes = walkRoutes(net, gate.position, 0, targets, { field, speedMS: ENGINE_SPEED_M_S, sampleM: 10, distanceWeightPpmSPerM: DISTANCE_WEIGHT_PPM_S_PER_M, accessNodes: 1 });
    for (const route of routes.values()) {
      const cand = { gate, side, route };
      if (!best || lexLess(score(cand), score(best))) best = cand;
    }
  }
  if (!best) return { route: null, warnings: [...warnings, said('no gate reaches a staging point over the roads', 'brief.no-gate-route')] };
  const { gate, side, route } = best;
  if (route.dosePpmS > 0) {
    warnings.push(said(`the access route from ${gate.name.en} crosses a threat zone: approach in protective equipment`, 'brief.route-crosses-zone', { gate: gate.name }));
  }
  if (side === 'downwind') warnings.push(said(`every gate is downwind of the release: ${gate.name.en} is used`, 'brief.gates-downwind', { gate: gate.name }));
  const stagingNode = site.roads.nodes.find((n) => n.id === route.targetId)!;
  const named = (id: string, name: SiteName, p: EnuPlan): NamedPlaceView => ({ id, label: name.en, name, place: sitePlace(site, p), distanceM: round1(dist(p)) });
  const polyline = route.polyline.map((p) => sitePlace(site, p));
  const roads = roadNames(site, route.polyline);
  const windFrom = Math.round(windFromDeg), stagingM = Math.round(dist(stagingNode.position));
  const stagingSide = windSide(angleFromUpwindDeg(source, stagingNode.position, windFromDeg));
  const reason = said(
    `${gate.name.en} is ${side} of the release (wind from ${windFrom}°); staging ${stagingM} m from the source, ${stagingSide}, outside every zone`,
    'brief.route-reason',
    { gate: gate.name, side: sideText(side), windFromDeg: windFrom, stagingM, stagingSide: sideText(stagingSide) },
  );
  return {
    route: {
      gate: named(gate.id, gate.name, gate.position),
      staging: named(stagingNode.id, { zh: `道路节点 ${stagingNode.id}`, en: `road node ${stagingNode.id}` }, stagingNode.position),
      lengthM: round1(route.distanceM),
      roads: roads.map((r) => r.en),
      roadNames: roads,
      pathLonLat: polyline.map((p) => p.lonLat),
      pathEnu: polyline.map((p) => [p.eastM, p.northM]),
      reason: reason.en,
      reasonText: reason.text,
    },
    warnings,
  };
}

/** The names of the roads a polyline drives along (a leg lying on a road edge), consecutive repeats merged. */
function roadNames(site: ChemicalPark, polyline: readonly EnuPlan[]): SiteName[] {
  const nodes = new Map(site.roads.nodes.map((n) => [n.id, n.position]));
  const names: SiteName[] = [];
  for (let i = 1; i < polyline.length; i++) {
    const p = polyline[i - 1]!, q = polyline[i]!;
    const edge = site.roads.edges.find((e) => {
      const a = nodes.get(e.from), b = nodes.get(e.to);
      return a && b && distanceToSegmentM(p, a, b) < ON_ROAD_M && distanceToSegmentM(q, a, b) < ON_ROAD_M;
    });
    if (edge && names.at(-1)?.en !== edge.name.en) names.push(edge.name);
  }
  return names;
}

/** A point this close to a road's centre line is on it, m. */
const ON_ROAD_M = 1;

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
