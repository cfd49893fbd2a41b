// "Who goes where?": for every group (a building's occupants, a tagged person, a crew outdoors)
// decide shelter in place or evacuate, and route evacuees over the road graph to the best
// assembly point that stays outside the forecast zones, by the dose collected on the way.
// Re-planning when the zones change is calling it again with the new forecast. Pure.
import { hubText, type HubText } from '@safetwin/protocol';
import type { EnuPlan } from '../geo.ts';
import type { ConcentrationField, DownwindPenalty, ExposureLevels } from './dose.ts';
import { pointSeries } from './dose.ts';
import type { IndoorExposure } from './indoor.ts';
import { indoorExposure, shelterHolds } from './indoor.ts';
import type { WalkNetwork, WalkRoute } from './walk-routes.ts';
import { walkRoutes } from './walk-routes.ts';

/**
 * Walking speed, m/s: 1.2 m/s, the unimpeded walking speed of adults on the level (1.19 m/s,
 * SFPE Handbook of Fire Protection Engineering, 5th ed., ch. 64 (Gwynne & Rosenbaum), after
 * Fruin 1971), slightly below healthy adults' free speed to allow for breathing apparatus and mixed groups.
 */
export const WALKING_SPEED_M_S = 1.2;

/** People who move together: a building's occupants, a tagged person, a crew outdoors. */
export interface EvacuationGroup {
  id: string;
  kind: 'building' | 'person' | 'outdoor-group';
  position: EnuPlan;
  persons: number;
  /** Air changes per hour when shut (buildings); absent for people outdoors. */
  airChangesPerH?: number;
  /** Time before the group starts walking (getting out of a building), s. @default 60 for buildings, 0 otherwise */
  egressS?: number;
}

/** An assembly point as the plan needs it (a parsed `AssemblyPoint` fits). */
export interface PlanAssemblyPoint { id: string; position: EnuPlan; capacityPersons: number; roadNodeId: string }

/** Input of {@link planEvacuation}. */
export interface EvacuationInput {
  roads: WalkNetwork;
  assemblyPoints: readonly PlanAssemblyPoint[];
  groups: readonly EvacuationGroup[];
  /** The zone forecast: ppm at (east, north) m and time s. */
  concentrationPpm: ConcentrationField;
  levels: ExposureLevels;
  /** Time of the plan on the forecast's clock, s. */
  nowS: number;
  /** How far ahead the forecast is read, s. @default 3600 */
  horizonS?: number;
  /** Time step of the point series and the indoor model, s. @default 10 */
  stepS?: number;
  /** @default WALKING_SPEED_M_S */
  walkingSpeedMS?: number;
  /** Longest sub-leg of the dose integral, m. @default 10 */
  sampleM?: number;
  /** Cost of a metre walked, ppm·s. @default 1 % of the zone level (AEGL-1, else AEGL-2) × 1 s */
  distanceWeightPpmSPerM?: number;
  /** Road nodes a group is joined to by a straight leg, besides the foot on the nearest road. @default 1 */
  accessNodes?: number;
  /** Optional explicit penalty for walking downwind inside the zone. */
  downwind?: DownwindPenalty;
}

/** Whether an assembly point can be used, and why not. */
export interface AssemblyPointStatus {
  id: string;
  usable: boolean;
  reason: string;
  /** Why it is unusable, for a client to word in its language (null when usable). */
  reasonText: HubText | null;
  /** Highest forecast concentration there over the horizon, ppm. */
  peakPpm: number;
  capacityPersons: number;
  assignedPersons: number;
}

/** The route of an evacuating group. */
export interface EvacuationRoute extends WalkRoute {
  assemblyPointId: string;
  /** Seconds from the plan's time to arrival (egress included). */
  etaS: number;
}

/** The order for one group. */
export interface GroupPlan {
  groupId: string;
  kind: EvacuationGroup['kind'];
  persons: number;
  decision: 'evacuate' | 'shelter' | 'unaffected';
  reason: string;
  /** Evacuation order, 1 first (the zone reaches them soonest); null unless evacuating. */
  priority: number | null;
  outdoorPeakPpm: number;
  /** When the zone level first reaches the group's position, s; null if it does not. */
  zoneArrivesS: number | null;
  indoor?: IndoorExposure;
  route?: EvacuationRoute;
  /** The chosen assembly point had no room left for the group (all usable ones full). */
  overCapacity?: boolean;
}

/** The answer of {@link planEvacuation}. */
export interface EvacuationPlan {
  nowS: number;
  walkingSpeedMS: number;
  /** The level that marks the zone (AEGL-1 when given, else AEGL-2), ppm. */
  zonePpm: number;
  assemblyPoints: AssemblyPointStatus[];
  groups: GroupPlan[];
}

/** Shelter or evacuate every group, and route the evacuees (see the file comment). */
export function planEvacuation(input: EvacuationInput): EvacuationPlan {
  const horizonS = input.horizonS ?? 3600, stepS = input.stepS ?? 10;
  const speed = input.walkingSpeedMS ?? WALKING_SPEED_M_S;
  const zonePpm = input.levels.aegl1Ppm ?? input.levels.aegl2Ppm;
  const field = input.concentrationPpm;
  const roadNodes = new Set(input.roads.nodes.map((n) => n.id));
  const points = input.assemblyPoints.map((ap) => assemblyPointStatus(ap, input, zonePpm, roadNodes.has(ap.roadNodeId)));
  const usable = input.assemblyPoints.filter((_, i) => points[i]!.usable);
  const walk = {
    field, speedMS: speed, sampleM: input.sampleM ?? 10, accessNodes: input.accessNodes ?? 1,
    distanceWeightPpmSPerM: input.distanceWeightPpmSPerM ?? 0.01 * zonePpm, ...(input.downwind ? { downwind: input.downwind } : {}),
  };

  const drafts = input.groups.map((g) => {
    const series = pointSeries(field, g.position, input.nowS, horizonS, stepS, zonePpm);
    const base = { groupId: g.id, kind: g.kind, persons: g.persons, outdoorPeakPpm: series.peakPpm, zoneArrivesS: series.firstAboveS, priority: null };
    if (series.peakPpm < zonePpm) {
      return { g, plan: { ...base, decision: 'unaffected' as const, reason: `forecast peak ${round3(series.peakPpm)} ppm stays below the zone level ${zonePpm} ppm` } as GroupPlan };
    }
    const indoor = g.airChangesPerH === undefined ? undefined : indoorExposure(field, g.position, g.airChangesPerH, input.nowS, horizonS, stepS);
    const shelter = indoor ? shelterHolds(indoor, input.levels.aegl2Ppm) : undefined;
    const plan: GroupPlan = { ...base, decision: 'shelter', reason: shelter?.reason ?? '', ...(indoor ? { indoor } : {}) };
    if (shelter?.holds) return { g, plan };
    const departS = input.nowS + (g.egressS ?? (g.kind === 'building' ? 60 : 0));
    return { g, plan, routes: walkRoutes(input.roads, g.position, departS, usable, walk) };
  });

  const remaining = new Map(input.assemblyPoints.map((ap) => [ap.id, ap.capacityPersons]));
  const evacuating = drafts.filter((d) => d.routes).sort((a, b) => (a.plan.zoneArrivesS ?? Infinity) - (b.plan.zoneArrivesS ?? Infinity) || b.plan.outdoorPeakPpm - a.plan.outdoorPeakPpm);
  let priority = 0;
  for (const d of evacuating) {
    const routes = [...d.routes!.values()].sort((a, b) => a.cost - b.cost);
    const why = d.plan.reason;
    if (routes.length === 0) {
      d.plan.reason = `${why ? `${why}; ` : ''}no usable assembly point can be reached: ${d.g.kind === 'building' ? 'shelter in place' : 'take shelter in the nearest building'}`;
      continue;
    }
    if (d.plan.indoor && routes[0]!.dosePpmS >= d.plan.indoor.indoorDosePpmS) {
      d.plan.reason = `${why}; but walking out (${round3(routes[0]!.dosePpmS)} ppm·s) collects more than staying in (${round3(d.plan.indoor.indoorDosePpmS)} ppm·s): shelter in place`;
      continue;
    }
    const fits = routes.find((r) => remaining.get(r.targetId)! >= d.g.persons);
    const route = fits ?? routes[0]!;
    remaining.set(route.targetId, remaining.get(route.targetId)! - d.g.persons);
    d.plan.decision = 'evacuate';
    d.plan.priority = ++priority;
    d.plan.route = { ...route, assemblyPointId: route.targetId, etaS: route.arriveS - input.nowS };
    if (!fits) d.plan.overCapacity = true;
    const whyOut = d.plan.indoor ? why : `outdoors in the forecast zone (peak ${round3(d.plan.outdoorPeakPpm)} ppm)`;
    d.plan.reason = `${whyOut}; walk to ${route.targetId} (${Math.round(route.distanceM)} m, ${round3(route.dosePpmS)} ppm·s on the way)`;
  }
  for (const p of points) p.assignedPersons = p.capacityPersons - remaining.get(p.id)!;
  return { nowS: input.nowS, walkingSpeedMS: speed, zonePpm, assemblyPoints: points, groups: drafts.map((d) => d.plan) };
}

function assemblyPointStatus(ap: PlanAssemblyPoint, input: EvacuationInput, zonePpm: number, onRoads: boolean): AssemblyPointStatus {
  const s = pointSeries(input.concentrationPpm, ap.position, input.nowS, input.horizonS ?? 3600, input.stepS ?? 10, zonePpm);
  const base = { id: ap.id, peakPpm: s.peakPpm, capacityPersons: ap.capacityPersons, assignedPersons: 0 };
  if (!onRoads) return { ...base, usable: false, reason: `its road node ${ap.roadNodeId} is not on the road graph`, reasonText: hubText('ap.no-road', { node: ap.roadNodeId }) };
  if (s.firstAboveS === null) return { ...base, usable: true, reason: `stays below ${zonePpm} ppm over the forecast (peak ${round3(s.peakPpm)} ppm)`, reasonText: null };
  if (s.firstAboveS <= input.nowS) {
    const ppm = round3(input.concentrationPpm(ap.position.eastM, ap.position.northM, input.nowS));
    return { ...base, usable: false, reason: `inside the zone now (${ppm} ppm ≥ ${zonePpm} ppm)`, reasonText: hubText('ap.in-zone', { ppm, zonePpm }) };
  }
  const inS = Math.round(s.firstAboveS - input.nowS), peakPpm = round3(s.peakPpm);
  return {
    ...base, usable: false, reason: `under the forecast zone: ${zonePpm} ppm reached ${inS} s from now, peak ${peakPpm} ppm`, reasonText: hubText('ap.under-forecast', { zonePpm, inS, peakPpm }),
  };
}

const round3 = (x: number) => Number(x.toPrecision(3));
