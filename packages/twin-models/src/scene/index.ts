// The twin-scene builders: a site description → plain, instanced scene data (no WebGL).

export { buildTwinScene, defaultMarkerSizeM, groundOutlines, sceneBounds } from './twin-scene.ts';
export type { TwinSceneOptions } from './twin-scene.ts';
export type {
  BatchKind, DeviceSlot, GroundOutline, InstanceBatch, LiveMode, PointOfInterest, PoiKind, Primitive, SceneBounds, TwinScene,
} from './types.ts';
export { enuToSceneInto, headingToYawRad, sceneToEnu, sceneX, sceneY, sceneZ } from './frame.ts';
export { equipmentBatchKind } from './park-scene.ts';
export { arrowCount, carriesReturnAir, roadwayBatchKind, tubeDiameterM } from './mine-scene.ts';
export type { MineSceneOptions } from './mine-scene.ts';
export { MINE_COLORS, PARK_COLORS, ROADWAY_COLORS, SENSOR_PENDING_COLOR } from './structure-colors.ts';
export { syntheticSite } from './synthetic-site.ts';
export type { SyntheticSiteSize } from './synthetic-site.ts';
