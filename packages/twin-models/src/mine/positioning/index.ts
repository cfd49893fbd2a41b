// UWB personnel positioning (pure): ranges to anchors → a position on the roadway network,
// filtered along the roadways per tag.
export { fitRanges, solveSmall } from './least-squares.ts';
export type { Vec3, RangeObservation, AffineModel, FitOptions, RangeFit } from './least-squares.ts';
export { chiSquare99 } from './chi-square.ts';
export { RoadwayGeometry, roadwayProfileM, ROADWAY_WIDTH_TO_HEIGHT } from './roadway-geometry.ts';
export type { PositioningRoadway, PositioningAnchor } from './roadway-geometry.ts';
export { solveFix, solveUnconstrained, UWB_RANGE_SIGMA_M } from './solve-fix.ts';
export type { AnchorRange, FixHint, FixOptions, RoadwayFix, FixResult } from './solve-fix.ts';
export { RoadwayTrack } from './track-filter.ts';
export type { TrackOptions, TrackState } from './track-filter.ts';
export { TagPositioner } from './tag-positioner.ts';
export type { TagLocation, TagPositionerOptions } from './tag-positioner.ts';
export { rangeMetricName, rangeMetricIndex, isRangeMetric, splitRangeValues, MAX_RANGES_PER_READING, MAX_RANGE_M } from './range-metrics.ts';
export type { SplitRanges } from './range-metrics.ts';
