// Source estimation from live gas detectors (README "Source estimation").
export { LINE_POINT_RISE_M, LINE_POINT_SPACING_M, searchPoints, type SearchPoint } from './line-points.ts';
export { leakFlowGain } from './flow-evidence.ts';
export { likelySources, LIKELY_SOURCES_COVERAGE, LIKELY_SOURCES_MAX } from './likely-sources.ts';
export { DIR_SPREAD_CAP_DEG, DIR_SPREAD_FLOOR_DEG, estimateSource, SOURCE_ESTIMATION_DEFAULTS } from './estimate-source.ts';
export type {
  CandidateEstimate, DetectorResidual, DetectorUnit, EnuPoint, SourceCandidate, SourceDetector, SourceEstimate, SourceEstimationInput, SourceEstimationOptions, SourceFlowMeter, WindSample,
} from './types.ts';
