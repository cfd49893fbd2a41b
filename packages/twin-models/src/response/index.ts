// Incident response graph logic (pure): which valves isolate a leak, who shelters and who walks
// where, and the dose each person collects.
export { planIsolation, integrateRateKg, DEFAULT_VALVE_WEIGHTS } from './isolation.ts';
export type { IsolationOptions, IsolationPlan, IsolationAlternative, ValveAction, ValveCostWeights } from './isolation.ts';
export { isolatedRelease } from './release-profile.ts';
export type { ReleaseProfile } from './release-profile.ts';
export { buildIsolationGraph, deadEndJunctions, UnknownLeakTargetError } from './isolation-graph.ts';
export type { IsolationSite, IsolationGraphOptions, LeakTarget, FeedRef, IsolationValve, IsolationSegment, IsolationPipeNode } from './isolation-graph.ts';
export { evaluateClosure } from './isolation-effects.ts';
export type { ClosureEffects, SideEffect } from './isolation-effects.ts';
export { minVertexCut } from './min-vertex-cut.ts';
export type { VertexCut, VertexCutProblem } from './min-vertex-cut.ts';
export { segmentDensityKgM3, segmentVolumeM3, LIQUEFIED_AT_20C } from './fluid-density.ts';
export { planEvacuation, WALKING_SPEED_M_S } from './evacuation.ts';
export type { EvacuationGroup, EvacuationInput, EvacuationPlan, EvacuationRoute, GroupPlan, AssemblyPointStatus, PlanAssemblyPoint } from './evacuation.ts';
export { indoorExposure, shelterHolds, DEFAULT_AIR_CHANGES_PER_H } from './indoor.ts';
export type { IndoorExposure } from './indoor.ts';
export { walkRoutes } from './walk-routes.ts';
export type { WalkNetwork, WalkTarget, WalkOptions, WalkRoute } from './walk-routes.ts';
export { pointSeries, legExposure, addDoseSample, doseAlongTrack, aeglExceedances } from './dose.ts';
export type { ConcentrationField, ExposureLevels, PointSeries, LegExposure, DownwindPenalty, PersonDose, TrackPoint, Exceedance } from './dose.ts';
export { zoneStepField } from './zone-field.ts';
export type { ForecastZone } from './zone-field.ts';
export { parkEvacuationGroups } from './park-groups.ts';
export type { TaggedPerson } from './park-groups.ts';
export { lineValveIds, lineFlowTransmitters, meteredLine } from './pipe-lines.ts';
export type { LinePipes, MeteredLine } from './pipe-lines.ts';
