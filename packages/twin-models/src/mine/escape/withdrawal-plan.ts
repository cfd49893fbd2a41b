// Withdrawal (撤人) of a group: everyone in the affected area gets an escape plan; refuge chambers
// fill up to their rated capacity, nearest arrivals first, the rest re-planned elsewhere. Also
// the affected area of a source and locating a position on the roadway network. Pure.
import type { Enu } from '../../geo.ts';
import { lerpEnu } from '../../geometry.ts';
import { chainageOf, planEscape } from './escape-routes.ts';
import type { EscapeMine, EscapeOptions, EscapePlan, MinePosition } from './escape-routes.ts';
import { downstreamRoadways } from './ventilation.ts';

/** A person to withdraw and where they are. */
export interface PersonPlace {
  personId: string;
  position: MinePosition;
}

/** Escape plans by person id. */
export type WithdrawalPlan = Map<string, EscapePlan>;

/**
 * The area whose people are withdrawn: the roadways downstream of the source roadways in the air
 * flow (sources included) and any extra roadways (a methane sensor's power-cut range).
 */
export function affectedArea(mine: Pick<EscapeMine, 'roadways'>, sourceRoadwayIds: Iterable<string>, extraRoadwayIds: Iterable<string> = []): Set<string> {
  const out = downstreamRoadways(mine.roadways.edges, sourceRoadwayIds);
  const known = new Set(mine.roadways.edges.map((e) => e.id));
  for (const id of extraRoadwayIds) if (known.has(id)) out.add(id);
  return out;
}

/**
 * Plans everyone's escape; refuge chambers take at most their `capacityPersons`, those reaching
 * one first keep their place, and a person who would overfill it is re-planned without it.
 */
export function planWithdrawal(mine: EscapeMine, people: readonly PersonPlace[], affected: ReadonlySet<string>, options: EscapeOptions = {}): WithdrawalPlan {
  const plans: WithdrawalPlan = new Map();
  const capacity = new Map(mine.refugeChambers.map((r) => [r.id, r.capacityPersons]));
  const excluded = new Set(options.excludeRefugeIds ?? []);
  let pending = people.map((p) => ({ p, plan: planEscape(mine, p.position, affected, { ...options, excludeRefugeIds: excluded }) }));
  for (let round = 0; pending.length > 0 && round <= mine.refugeChambers.length; round++) {
    const again: typeof pending = [];
    pending.sort((a, b) => (a.plan.route?.etaS ?? Infinity) - (b.plan.route?.etaS ?? Infinity));
    for (const item of pending) {
      const dest = item.plan.route?.destination;
      if (item.plan.decision === 'refuge' && dest?.kind === 'refuge') {
        const left = capacity.get(dest.id) ?? 0;
        if (left <= 0) {
          excluded.add(dest.id);
          again.push(item);
          continue;
        }
        capacity.set(dest.id, left - 1);
      }
      plans.set(item.p.personId, item.plan);
    }
    pending = again.map(({ p }) => ({ p, plan: planEscape(mine, p.position, affected, { ...options, excludeRefugeIds: excluded }) }));
  }
  return plans;
}

/** A position snapped to the nearest walkable roadway: where on it, and how far off its centre line, m. */
export interface RoadwayFixOnNetwork extends MinePosition {
  offsetM: number;
}

/** The walkable roadway (not a shaft or duct) nearest to `p`, with the chainage there; null for a mine without one. */
export function locateOnRoadways(mine: Pick<EscapeMine, 'roadways'>, p: Enu): RoadwayFixOnNetwork | null {
  const nodes = new Map(mine.roadways.nodes.map((n) => [n.id, n.position]));
  let best: RoadwayFixOnNetwork | null = null;
  for (const e of mine.roadways.edges) {
    if (e.kind === 'shaft' || e.kind === 'vent-duct') continue;
    const a = nodes.get(e.from), b = nodes.get(e.to);
    if (!a || !b) continue;
    const chainageM = chainageOf(a, b, e.lengthM, p);
    const q = lerpEnu(a, b, e.lengthM > 0 ? chainageM / e.lengthM : 0);
    const offsetM = Math.hypot(p.eastM - q.eastM, p.northM - q.northM, p.upM - q.upM);
    if (!best || offsetM < best.offsetM) best = { roadwayId: e.id, chainageM, offsetM };
  }
  return best;
}
