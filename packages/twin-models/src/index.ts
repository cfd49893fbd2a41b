// @safetwin/twin-models: typed, validated, geo-anchored site descriptions (chemical parks and
// coal mines), the demo sites, the device catalogue, and the one local↔WGS84 conversion.

export {
  SiteSchema, ChemicalParkSchema, CoalMineSchema,
} from './schema/site.ts';
export type { Site, SiteInput, ChemicalPark, ChemicalParkInput, CoalMine, CoalMineInput } from './schema/site.ts';
export {
  IdSchema, DeviceIdSchema, NameSchema, EnuSchema, EnuPlanSchema, PolygonSchema, GeoOriginSchema, OccupancySchema, EnterpriseSchema,
} from './schema/common.ts';
export type { Name, Occupancy, Enterprise } from './schema/common.ts';
export {
  SENSOR_KINDS, SensorKindSchema, MetricNameSchema, MetricSpecSchema, MetricsSchema, SetpointsSchema, PowerCutSchema, SensorSchema,
} from './schema/sensor.ts';
export type { SensorKind, Setpoints, PowerCut, Sensor } from './schema/sensor.ts';
export {
  ChemicalSchema, EQUIPMENT_KINDS, EquipmentKindSchema, EquipmentGeometrySchema, EquipmentSchema, DikeSchema, PIPE_NODE_KINDS,
  PipeNodeSchema, PipeSegmentSchema, ValveSchema, PipeNetworkSchema, RoadNodeSchema, RoadEdgeSchema, RoadNetworkSchema,
  GateSchema, AssemblyPointSchema, BuildingSchema,
} from './schema/chemical-park.ts';
export type {
  EquipmentKind, EquipmentGeometry, Equipment, Dike, PipeNode, PipeSegment, Valve, PipeNetwork, RoadNode, RoadEdge,
  RoadNetwork, Gate, AssemblyPoint, Building,
} from './schema/chemical-park.ts';
export {
  ROADWAY_KINDS, RoadwayKindSchema, RoadwayNodeSchema, RoadwaySchema, RoadwayNetworkSchema, MINE_EQUIPMENT_KINDS,
  MineEquipmentSchema, UwbAnchorSchema, RefugeChamberSchema, MinerSchema, PersonnelZoneSchema,
} from './schema/coal-mine.ts';
export type {
  RoadwayKind, RoadwayNode, Roadway, RoadwayNetwork, MineEquipment, UwbAnchor, RefugeChamber, Miner, PersonnelZone,
} from './schema/coal-mine.ts';
export { checkParkReferences, checkMineReferences, formatIssuePath } from './schema/references.ts';
export type { IssuePath, ReportIssue } from './schema/references.ts';

export { parseSite, parseSites, SiteValidationError } from './validate.ts';
export type { SiteIssue } from './validate.ts';
export { demoSites, getDemoSite } from './demo-sites.ts';
export { buildChemicalPark } from './sites/chemical-park/index.ts';
export { buildCoalMine, MINE_ORIGIN } from './sites/coal-mine/index.ts';
export { deviceCatalogue, commandTargets, siteDeviceIds } from './catalogue.ts';
export type { DeviceInfo, CommandTarget, CommandAction } from './catalogue.ts';

export { CHEMICALS, CHEMICAL_INFO, MOLAR_VOLUME_25C_L, mgM3ToPpm } from './chemicals.ts';
export type { Chemical, ChemicalInfo, GasDetectorKind, OccupationalLimit } from './chemicals.ts';
export { METRIC_DEFAULTS, UNIT_BY_SUFFIX, FLAG_METRICS, unitsForMetric, metricSpec } from './metrics.ts';
export type { MetricSpec, KnownMetric } from './metrics.ts';
export {
  GAS_DETECTOR_SETPOINTS, OXYGEN_SETPOINTS, MINE_OXYGEN_SETPOINTS, MINE_CO_SETPOINTS, MINE_TEMPERATURE_SETPOINTS,
  METHANE_PLACEMENTS, METHANE_SETPOINTS, pressureSetpoints, temperatureSetpoints, levelSetpoints, flowSetpoints,
} from './setpoints.ts';
export type { SetpointLevels, GasSetpointDefault, MethanePlacement, MethaneSetpointRow } from './setpoints.ts';

export {
  WGS84_A_M, WGS84_B_M, WGS84_F, WGS84_E2, enuToLonLat, lonLatToEnu, geodeticToEcef, ecefToGeodetic,
  primeVerticalRadiusM, meridianRadiusM, horizontalDistanceM, distance3dM, bearingDeg, offsetEnu, geodesicInverse,
} from './geo.ts';
export type { GeoOrigin, Enu, EnuPlan, LonLatAlt, Ecef, GeodesicInverse } from './geo.ts';
export { polygonAreaM2, signedAreaM2, pointInPolygon, distanceToSegmentM, lerpEnu, planBounds } from './geometry.ts';
export { buildAdjacency, reachableFrom, connectedComponents } from './graph.ts';
export type { GraphEdge, Adjacency } from './graph.ts';

export {
  buildTwinScene, defaultMarkerSizeM, groundOutlines, sceneBounds, enuToSceneInto, headingToYawRad, sceneToEnu, sceneX, sceneY,
  sceneZ, equipmentBatchKind, arrowCount, carriesReturnAir, roadwayBatchKind, tubeDiameterM, MINE_COLORS, PARK_COLORS,
  ROADWAY_COLORS, SENSOR_PENDING_COLOR, syntheticSite,
} from './scene/index.ts';
export type {
  TwinSceneOptions, BatchKind, DeviceSlot, GroundOutline, InstanceBatch, LiveMode, PointOfInterest, PoiKind, Primitive, SceneBounds,
  TwinScene, MineSceneOptions, SyntheticSiteSize,
} from './scene/index.ts';
export { DAY_SHIFT_HOURS, shiftAt } from './occupancy.ts';
export type { Shift } from './occupancy.ts';
export {
  planIsolation, integrateRateKg, isolatedRelease, DEFAULT_VALVE_WEIGHTS, buildIsolationGraph, deadEndJunctions, UnknownLeakTargetError, minVertexCut,
  segmentDensityKgM3, segmentVolumeM3, LIQUEFIED_AT_20C, planEvacuation, WALKING_SPEED_M_S, indoorExposure, shelterHolds,
  DEFAULT_AIR_CHANGES_PER_H, walkRoutes, pointSeries, legExposure, addDoseSample, doseAlongTrack, aeglExceedances, parkEvacuationGroups,
  zoneStepField, lineValveIds, lineFlowTransmitters, meteredLine, evaluateClosure,
} from './response/index.ts';
export type {
  IsolationOptions, IsolationPlan, IsolationAlternative, ValveAction, ValveCostWeights, IsolationSite, IsolationGraphOptions, LeakTarget,
  FeedRef, IsolationValve, IsolationSegment, IsolationPipeNode, ClosureEffects, SideEffect, VertexCut, VertexCutProblem, EvacuationGroup,
  EvacuationInput, EvacuationPlan, EvacuationRoute, GroupPlan, AssemblyPointStatus, PlanAssemblyPoint, IndoorExposure, WalkNetwork,
  WalkTarget, WalkOptions, WalkRoute, ConcentrationField, ExposureLevels, PointSeries, LegExposure, DownwindPenalty, PersonDose,
  TrackPoint, Exceedance, TaggedPerson, ReleaseProfile, ForecastZone, LinePipes, MeteredLine,
} from './response/index.ts';
export * from './mine/interlock/index.ts';
export * from './mine/positioning/index.ts';
export * from './mine/escape/index.ts';
