// Escape routes underground (pure): what the air carries downstream of a source, each person's
// way out or to a refuge chamber, and a group's withdrawal plan.
export { downstreamRoadways } from './ventilation.ts';
export type { VentRoadway } from './ventilation.ts';
export {
  planEscape, cageRideS, chainageOf, MINE_WALKING_SPEED_M_S, FACE_SPEED_FACTOR, AFFECTED_SPEED_FACTOR, SELF_RESCUER_RATED_MIN,
  MAX_PERSON_CAGE_SPEED_M_S,
} from './escape-routes.ts';
export type { MinePosition, EscapeMine, EscapeOptions, EscapeDestination, EscapeRoute, EscapePlan } from './escape-routes.ts';
export { affectedArea, planWithdrawal, locateOnRoadways } from './withdrawal-plan.ts';
export type { PersonPlace, WithdrawalPlan, RoadwayFixOnNetwork } from './withdrawal-plan.ts';
