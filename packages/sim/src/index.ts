// @safetwin/sim — pure safety computations: plume dispersion, source terms, threat zones.
// No I/O, no clock, no globals: time and seeds are arguments. See README.md for models and sources.

export { CHEMICALS } from './chemicals/library.ts';
export { defaultLevelsOfConcern, findChemical, requireChemical } from './chemicals/lookup.ts';
export type { AeglDuration, LevelOfConcern } from './chemicals/lookup.ts';
export type { AeglPpm, Chemical, DurationLevelsPpm, ErpgPpm, SourcedField } from './chemicals/types.ts';
export { AIR_MOLAR_MASS_KG_MOL, GAS_CONSTANT_J_MOL_K, GRAVITY_M_S2, STANDARD_PRESSURE_PA } from './constants.ts';
export { SimError } from './errors.ts';
export { fillTemplate, mergeLevels, noteLines, SIM_NOTE_EN, simNote } from './notes.ts';
export type { SimNote, SimNoteKey } from './notes.ts';
export type { SimErrorCode } from './errors.ts';
export { idealGasDensityKgM3, kgM3ToPpm, mgM3ToPpm, MOLAR_VOLUME_25C_L_MOL, ppmToKgM3, ppmToMgM3 } from './units.ts';
export {
  applyLowWindFloor,
  insolationCategory,
  LOW_WIND_FLOOR_MS,
  STABILITY_AVERAGING_MS,
  STABILITY_CLASSES,
  stabilityFromObservation,
  WIND_HEIGHT_FLOOR_M,
  windAtHeightMS,
  windProfileExponent,
} from './stability.ts';
export type { Insolation, StabilityClass, StabilityObservation, StabilityResult, Terrain } from './stability.ts';
export { BRIGGS_RURAL, BRIGGS_URBAN, CCPS_PUFF, isc3SigmaYM, isc3SigmaZM, SIGMA_SETS, sigmaFittedRangeM, sigmaYM, sigmaZM } from './sigma.ts';
export type { BriggsTerm, SigmaSet } from './sigma.ts';
export { gaussianPlumeKgM3, plumeConcentrationKgM3, plumeHalfWidthM, plumeMaximumKgM3 } from './gaussian-plume.ts';
export type { PlumeParams } from './gaussian-plume.ts';
export {
  concentrationSeriesKgM3,
  defaultPuffCount,
  gaussianPuffKgM3,
  integratedDoseKgSM3,
  peakOverTime,
  piecewiseRate,
  puffConcentrationKgM3,
  puffTrainConcentrationKgM3,
} from './gaussian-puff.ts';
export type { PuffParams, PuffTrainParams, RateStep } from './gaussian-puff.ts';
export { erf, finiteRelease } from './palazzi.ts';
export type { FiniteReleaseParams } from './palazzi.ts';
export {
  BM_PLUME_LINES,
  BM_PUFF_LINES,
  densePlume,
  densePlumeCriterion,
  densePuff,
  densePuffCriterion,
  CALM_SPREAD_COEFFICIENT,
  gravityArrivalS,
  gravityFrontRadiusM,
  nonIsothermalCorrection,
  reducedGravityMS2,
} from './dense-gas.ts';
export type { DensePlume, DensePlumeParams, DensePuff, DensePuffParams } from './dense-gas.ts';
export {
  clausiusClapeyronVapourPressurePa,
  DEFAULT_GAS_CD,
  DEFAULT_LIQUID_CD,
  flashFraction,
  gasOrificeRate,
  liquidOrificeRate,
  poolEvaporationRate,
} from './source-terms.ts';
export type { GasOrificeInput, GasOrificeResult, LiquidOrificeInput, PoolEvaporationInput } from './source-terms.ts';
export { farthestCrossingM, maximumAlongM } from './search.ts';
export type { ScanOptions } from './search.ts';
export { EARTH_RADIUS_M, localToLonLat, lonLatToLocal, plumeBearingDeg, plumeToLocal } from './geo.ts';
export type { Point2 } from './geo.ts';
export { CALM_WIND_MS, DEFAULT_SIGMA_THETA_DEG, FOOTPRINT_STEP_RATIO, footprintRing, uncertaintyHalfAngleDeg } from './threat-zones.ts';
export { ARC_STEP_DEG, calmCirclePolygon, footprintPolygon, LOCAL_REFERENCE_ORIGIN, plumeRingToLonLat, sweptPolygon, zonesEnvelope } from './zone-geometry.ts';
export { functionGridKgM3, plumeGridKgM3 } from './grid.ts';
export type { GridSpec } from './grid.ts';
export { parseInput, plumeScenarioSchema, sourceInputSchema, zonesScenarioSchema } from './scenario.ts';
export type { PlumeScenario, SourceInput, ZonesScenario } from './scenario.ts';
export { resolveModel } from './resolve-model.ts';
export type { ModelName, ResolvedModel } from './resolve-model.ts';
export { ENGINE, runPlume, scenarioThresholds, thresholdDistance } from './run-plume.ts';
export type { PlumeResult, ReceptorResult, ThresholdResult } from './run-plume.ts';
export { runSource } from './run-source.ts';
export type { SourceResult } from './run-source.ts';
export { buildZones, requireWindFromDeg, runZones } from './run-zones.ts';
export { runAssessment } from './assessment/run-assessment.ts';
export type { AssessmentResult } from './assessment/run-assessment.ts';
export { assessmentPointSchema, assessmentScenarioSchema } from './assessment/schema.ts';
export type { AssessmentScenario } from './assessment/schema.ts';
export { fillFrame, frameTimesS, gridExtent } from './assessment/grid-frames.ts';
export type { AssessmentFrame, AssessmentGrid } from './assessment/grid-frames.ts';
export { pointThreat, STEADY_HORIZON_S } from './assessment/points.ts';
export type { PointInput, PointThreat } from './assessment/points.ts';
export type { ZoneFeature, ZonesResult } from './run-zones.ts';
export { AEROSOL_FACTOR, holeRelease } from './assessment/hole-release.ts';
export type { HoleReleaseInput, HoleReleaseResult } from './assessment/hole-release.ts';
export * from './source-estimation/index.ts';
