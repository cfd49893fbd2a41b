// Inputs and outputs of `estimateSource` (source-estimation/estimate-source.ts). Positions are
// metres east/north of the site origin on a flat site; `upM` is the height above grade.
import type { StabilityClass } from '../stability.ts';
import type { SimNote } from '../notes.ts';

/** A place on the site, metres east/north of the origin and above grade. */
export interface EnuPoint {
  eastM: number;
  northM: number;
  upM: number;
}

/** A possible leak source: a piece of equipment or a pipe segment holding a chemical. */
export interface SourceCandidate {
  id: string;
  /** Plan position of the item; `upM` is its grade (0 on a flat site). */
  position: EnuPoint;
  /** Height of the hole above the item's grade, m. */
  releaseHeightM: number;
  /** What it holds (plume-engine library key); defaults to the input's `chemical`. */
  chemical?: string;
  /** Prior weight (any positive number; normalised over the candidates). @defaultValue 1 */
  priorWeight?: number;
  /**
   * A pipe segment: the hole may be anywhere on the straight run between these points, equally likely at every metre of
   * it, at the pipe's height there — `upM` of each end is the pipe's height above the candidate's grade (a riser climbs
   * from one to the other); `position` and `releaseHeightM` are then only where the run is shown. The run is searched
   * at points at most LINE_POINT_SPACING_M apart in plan and LINE_POINT_RISE_M in height (line-points.ts).
   */
  line?: { from: EnuPoint; to: EnuPoint };
  /**
   * A pipe segment on a line with flow transmitters (`flowMeters` of the input): the line laid out along the segment's
   * flow direction from its upstream end, m — its routed length, where `line.from` and `line.to` lie on it, and where
   * each transmitter measures. A hole there shifts their readings (flow-evidence.ts).
   */
  flowLine?: { lengthM: number; fromAtM: number; toAtM: number; meters: readonly { id: string; atM: number }[] };
}

/** A flow transmitter and its readings, kg/s: from before the first gas hit (at least 8 min before it: flow-evidence.ts) to now. */
export interface SourceFlowMeter {
  id: string;
  readings: readonly (readonly [number, number])[];
  /** Readings after this are no evidence of the leak (valves of the line were commanded), epoch ms; unset: all are. */
  untilMs?: number;
}

/** What a detector reports: ppm of the gas, or % of the lower explosive limit of the gas it sees. */
export type DetectorUnit = 'ppm' | '%LEL';

/** One gas detector and its recent readings. */
export interface SourceDetector {
  id: string;
  position: EnuPoint;
  unit: DetectorUnit;
  /** For a ppm detector, the one gas it measures (library key; it reads 0 for any other); unset: whatever leaks. %LEL detectors see every gas with a lower explosive limit. */
  gas?: string;
  /** Readings `[tMs, value]` in `unit`, zeros and background included (a detector that sees nothing is evidence too). */
  readings: readonly (readonly [number, number])[];
  /** Value below which a reading means "no gas" (background, drift and noise), in `unit`; also the log-space floor. */
  detectionLimit: number;
  /** Top of the range (the reading a detector over range sends), in `unit`; readings at or above it are censored. */
  saturation?: number;
}

/** A wind observation (e.g. a weather station's reading). */
export interface WindSample {
  tMs: number;
  windSpeedMS: number;
  /** Direction the wind comes from, degrees clockwise from north. */
  windFromDeg: number;
  stability: StabilityClass;
  /** Height of the speed measurement, m (carried to the release height by the power law). @defaultValue 10 */
  windHeightM?: number;
}

/** Tunables; every default is documented where it is defined (estimate-source.ts, error-model.ts). */
export interface SourceEstimationOptions {
  /** Readings older than `nowMs − windowMs` are ignored. @defaultValue 300 000 (5 min) */
  windowMs?: number;
  /** Readings are averaged over bins of this length, ms. @defaultValue 10 000 */
  binMs?: number;
  /** Standard deviation of ln(observed/predicted) for a good detector (model + sensor error). @defaultValue 0.8 */
  logSigma?: number;
  /** Share of binned readings that are outliers (faults, meander the model misses). @defaultValue 0.1 */
  outlierFraction?: number;
  /** Wind-direction spread marginalised over, degrees; default from the wind samples (floor 5°, cap 20°). */
  dirSpreadDeg?: number;
  /** Hit detectors needed to call the data discriminating. @defaultValue 3 */
  minHits?: number;
  /** Residuals listed per candidate (the top `residualsForTop` candidates only). @defaultValue 3 */
  residualsForTop?: number;
}

/** Everything `estimateSource` needs. Pure: `nowMs` is the time of the estimate. */
export interface SourceEstimationInput {
  /** Default chemical of the candidates (plume-engine library key). */
  chemical: string;
  candidates: readonly SourceCandidate[];
  detectors: readonly SourceDetector[];
  /** Wind history, any order; it should reach back before the window by the cloud's travel time. */
  wind: readonly WindSample[];
  nowMs: number;
  /** Flow transmitters of the candidates' lines (`flowLine`): process evidence besides the detectors (flow-evidence.ts). */
  flowMeters?: readonly SourceFlowMeter[];
  options?: SourceEstimationOptions;
}

/** How one detector's binned readings compare with a candidate's fitted plume. */
export interface DetectorResidual {
  detectorId: string;
  /** Bins compared. */
  bins: number;
  /** Largest binned reading and the candidate's largest prediction there, in the detector's unit. */
  observedMax: number;
  predictedMax: number;
  /** Root-mean-square of ln((observed + floor)/(predicted + floor)) over its bins. */
  rmsLogResidual: number;
}

/** One candidate's score. */
export interface CandidateEstimate {
  id: string;
  chemical: string;
  /** Posterior probability over the candidates (priors × evidence, normalised). */
  probability: number;
  /**
   * Natural log of the candidate's evidence (tempered likelihood marginalised over rate, wind offset and start). A
   * candidate screened out (far below the best on the cheap first pass) keeps its screening score, a lower bound.
   */
  logEvidence: number;
  /**
   * Fitted release rate, kg/s (posterior median; a line candidate's over its points scored in full, by their
   * probabilities: hypotheses.ts), and its ×/÷ 1σ uncertainty factor (×/÷ 10 for a candidate screened out).
   */
  rateKgS: number;
  rateFactor: number;
  /** Most likely release start, epoch ms (null: before the window). */
  releaseStartMs: number | null;
  /** Plume model used at the fitted rate ('gaussian-plume' or 'dense'). */
  model: string;
  /**
   * Where the leak most likely is: the candidate's `position`, or for a line candidate the most probable of its search
   * points (`upM` the candidate's grade, as its `position`'s).
   */
  position: EnuPoint;
  /** Height of the hole above grade there, m: the candidate's `releaseHeightM`, or the pipe's height at `position`. */
  releaseHeightM: number;
  /**
   * A line candidate: how far `position` lies from `line.from` in plan, m, and the spread of the leak's distance along the line
   * under the posterior (1 σ, m; the search points' spread plus the length each stands for); null for a point.
   */
  along: { distanceM: number; sdM: number } | null;
  /** Hit detectors the fitted plume reaches (predicts above their detection limit). */
  hitsExplained: number;
  /** Per-detector residuals (top candidates only; empty for the rest). */
  residuals: DetectorResidual[];
}

/** The answer of `estimateSource`. */
export interface SourceEstimate {
  /** Candidates ranked, most probable first. */
  candidates: CandidateEstimate[];
  /** False when the data cannot tell the candidates apart (fewer than `minHits` detectors hit, or no candidate). */
  discriminating: boolean;
  /** Why not, when `discriminating` is false, in words and as a code (no wind samples, too few hits, no candidate). */
  reason: string | null;
  reasonCode: 'no-wind' | 'few-hits' | 'no-candidate' | null;
  /** Detectors whose readings were used, and those that saw gas. */
  detectorsUsed: string[];
  hitDetectorIds: string[];
  /** Detectors left out and why (no readings in the window, bad unit for the chemical). */
  detectorsIgnored: { id: string; reason: string }[];
  /** Wind-direction spread marginalised over, degrees. */
  dirSpreadDeg: number;
  /** The flow transmitters compared (`flowMeters` with readings before the first hit and since): flow before, its shift since and the shift's σ, kg/s. */
  flowShifts: { id: string; baseKgS: number; shiftKgS: number; sdKgS: number }[];
  /** What the reader must know (a candidate left out, the wind beyond the spread considered, no majority), in English… */
  warnings: string[];
  /** …and as the engine's keyed notes (notes.ts), one per warning. */
  warningNotes: SimNote[];
}
