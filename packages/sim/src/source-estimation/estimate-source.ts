// Where is the leak? Ranks candidate sources by how well a plume from each explains the gas
// detectors' recent readings — hits and non-hits — under the wind history, fits each one's
// release rate and gives posterior probabilities. Pure: no I/O, no clock (`nowMs` is an input).
//
// For each candidate c (Bayes' rule over a discrete hypothesis set; the approach of Keats,
// Yee & Lien 2007, Atmos. Environ. 41, 465–479, reduced to known candidate positions):
//   P(c | data) ∝ π(c) · Σ_t0 w_t0 ∫ Π_e [Σ_δ w_δ Π_{bins k of e} L(k | c, q, δ, t0)]^κ π(ln q) d ln q
// - where on the candidate: its one point, or for a pipe segment a uniform prior along the run,
//   searched at points no more than 20 m apart and 1 m in height (line-points.ts); each point is a hypothesis of
//   its own and the candidate's probability is the sum of its points';
// - q the release rate: closed-form start, robust maximisation and Laplace evidence (rate-fit.ts);
// - δ the offset of the wind direction the plume took from the stations' one (local meander the
//   stations do not see; Gifford 1959's meandering plume, Adv. Geophys. 6, 117–137: the
//   instantaneous plume is narrower than the averaged one and swings about AS A WHOLE), one offset
//   per emission bin e — the wind bin in which the air a detector samples left the source (travel
//   time, predictions.ts) — shared by every binned reading of that air, so a swing must explain
//   all the detectors it passes over at once (with an offset per reading, each detector could pick
//   its own direction and a far candidate upwind explained a cluster as well as the near one);
//   N(0, σθ²) by 5-point Gauss–Hermite per emission bin (error-model.ts), σθ the circular spread of
//   the sampled wind directions over the window, floored at 5° and capped at 20° (our choice;
//   ALOHA's uncertainty lines use a similar spread: plume-physics.md §4);
// - t0 the unknown start: uniform over the window (every 30 s from 60 s before it), plus "started
//   long before" (steady), equal weights (our choice);
// - L the robust, censored log-normal likelihood of every binned reading, each emission bin's
//   marginal tempered by κ (error-model.ts).
// Dense gas (Britter–McQuaid) is not linear in q: its likelihood is scanned over q with the model
// resolved at each rate (candidate-score.ts).
// Cost: every hypothesis is first screened cheaply (the stations' direction only, each start at its
// closed-form rate, no search); only those within SCREEN_MARGIN_NATS of the best are scored in full,
// and of a line only its LINE_POINTS_SCORED best-screened points (hypotheses.ts).
import { findChemical } from '../chemicals/lookup.ts';
import { noteLines, simNote, type SimNote } from '../notes.ts';
import { binReadings, binWind, directionSpreadDeg, type TimeGrid } from './binning.ts';
import { refineRate, scoreLinear, screenLinear, unitPredictions, type CandidateScore, type Evidence } from './candidate-score.ts';
import {
  DEFAULT_LOG_SIGMA, DEFAULT_OUTLIER_FRACTION, errorModel, GAUSS_HERMITE_5, Observations,
} from './error-model.ts';
import { flowShifts, flowTermAt, type FlowShift } from './flow-evidence.ts';
import { byCandidate, capUnscoredLinePoints, leadingPointsPerCandidate, type Hypothesis } from './hypotheses.ts';
import { searchPoints } from './line-points.ts';
import { ModelCache } from './predictions.ts';
import type { CandidateEstimate, DetectorResidual, SourceDetector, SourceEstimate, SourceEstimationInput } from './types.ts';

/** Defaults (our choices; see the header and error-model.ts). */
export const SOURCE_ESTIMATION_DEFAULTS = { windowMs: 300_000, binMs: 10_000, minHits: 3, residualsForTop: 3 } as const;
/** Floor and cap of the marginalised wind-direction spread, degrees. */
export const DIR_SPREAD_FLOOR_DEG = 5;
export const DIR_SPREAD_CAP_DEG = 20;
/** Wind history used before the window, for the cloud's travel time, ms. */
const WIND_LOOKBACK_MS = 900_000;
/** Start times tried: every 30 s from 60 s before the window to its end (our choice). */
const START_STEP_S = 30;
const START_BEFORE_WINDOW_MS = 60_000;
/**
 * Candidates whose linearised (1 kg/s) evidence is this far below the best are not refined: the
 * exact rate scan moved evidences by ≲ 20 nats in our trials on the demo park (our margin).
 */
const REFINE_MARGIN_NATS = 30;
/**
 * Candidates whose screening evidence (stations' wind direction only, closed-form rate per start: candidate-score.ts
 * screenLinear) is this far below the best are not scored in full and keep their screening score: marginalising over
 * the offsets and fitting the rate moved evidences by ≲ 30 nats in our trials (our margin).
 */
const SCREEN_MARGIN_NATS = 100;

/** Ranks `input.candidates` as the source of what `input.detectors` read (see the header). */
export function estimateSource(input: SourceEstimationInput): SourceEstimate {
  const o = input.options ?? {};
  const windowMs = o.windowMs ?? SOURCE_ESTIMATION_DEFAULTS.windowMs;
  const binMs = o.binMs ?? SOURCE_ESTIMATION_DEFAULTS.binMs;
  const minHits = o.minHits ?? SOURCE_ESTIMATION_DEFAULTS.minHits;
  const grid: TimeGrid = { startMs: input.nowMs - windowMs, binMs, bins: Math.max(1, Math.ceil(windowMs / binMs)) };
  const em = errorModel(o.logSigma ?? DEFAULT_LOG_SIGMA, o.outlierFraction ?? DEFAULT_OUTLIER_FRACTION, binMs);
  const notes: SimNote[] = [];
  const ignored: { id: string; reason: string }[] = [];

  // Readings → binned observations.
  let firstHitBin = Infinity;
  const detectors: SourceDetector[] = [], hit: boolean[] = [], det: number[] = [], bins: number[] = [], values: [number, number, number | undefined, boolean][] = [];
  for (const d of input.detectors) {
    if (!(d.detectionLimit > 0)) {
      ignored.push({ id: d.id, reason: `detectionLimit must be a positive number of ${d.unit}, got ${d.detectionLimit}` });
      continue;
    }
    const b = binReadings(d, grid);
    if (b.bin.length === 0) {
      ignored.push({ id: d.id, reason: 'no readings in the window' });
      continue;
    }
    const index = detectors.length;
    detectors.push(d);
    let isHit = false;
    for (let k = 0; k < b.bin.length; k++) {
      det.push(index);
      bins.push(b.bin[k]!);
      values.push([b.mean[k]!, d.detectionLimit, d.saturation, b.lowerBound[k] === 1]);
      if (b.mean[k]! > d.detectionLimit) {
        isHit = true;
        firstHitBin = Math.min(firstHitBin, b.bin[k]!);
      }
    }
    hit.push(isHit);
  }
  const hitDetectorIds = detectors.filter((_, i) => hit[i]).map((d) => d.id);
  const base = { detectorsUsed: detectors.map((d) => d.id), hitDetectorIds, detectorsIgnored: ignored };

  const wind = binWind(input.wind, grid.startMs - WIND_LOOKBACK_MS, input.nowMs, binMs);
  if (!wind) return { ...base, candidates: [], discriminating: false, reason: 'no wind samples', reasonCode: 'no-wind', dirSpreadDeg: 0, flowShifts: [], warnings: [], warningNotes: [] };
  const measuredSpread = directionSpreadDeg(input.wind, grid.startMs, input.nowMs);
  const dirSpreadDeg = o.dirSpreadDeg ?? Math.min(DIR_SPREAD_CAP_DEG, Math.max(DIR_SPREAD_FLOOR_DEG, measuredSpread));

  const obs = new Observations(values.length, em);
  values.forEach(([value, floor, saturation, censored], k) => obs.set(k, value, floor, saturation, censored));
  const zeroLl = Float64Array.from(obs.zeroRaw, (raw) => em.kappa * raw);
  const ev: Evidence = {
    grid, wind, em, obs, zeroLl, detectors, hit,
    layout: { detector: Int32Array.from(det), bin: Int32Array.from(bins), positions: detectors.map((d) => d.position), units: detectors.map((d) => d.unit), gases: detectors.map((d) => d.gas) },
    totalZero: zeroLl.reduce((s, x) => s + x, 0),
    offsetsDeg: GAUSS_HERMITE_5.map((g) => g.node * dirSpreadDeg),
    lnOffsetWeights: GAUSS_HERMITE_5.map((g) => Math.log(g.weight)),
    startsMs: [null, ...Array.from({ length: Math.floor((windowMs + START_BEFORE_WINDOW_MS) / (START_STEP_S * 1000)) }, (_, k) => grid.startMs - START_BEFORE_WINDOW_MS + k * START_STEP_S * 1000)],
    cache: new ModelCache(),
  };

  // Process evidence: the flow transmitters' shifts since before the first gas hit (flow-evidence.ts).
  const shifts: ReadonlyMap<string, FlowShift> = input.flowMeters && Number.isFinite(firstHitBin) ? flowShifts(input.flowMeters, grid.startMs + firstHitBin * binMs, input.nowMs) : new Map();

  // Every search point of every candidate (its one point, or points along its line: line-points.ts) is a hypothesis
  // with its share of the candidate's prior. Screen them all at 1 kg/s along the stations' wind; score those in the
  // running over every offset, and refine those whose model is dense or whose rate is far from 1 kg/s.
  const scored: Hypothesis[] = [];
  input.candidates.forEach((c, owner) => {
    const chemical = findChemical(c.chemical ?? input.chemical);
    if (!chemical) {
      notes.push(simNote('source.unknown-chemical', { id: c.id, chemical: c.chemical ?? input.chemical }));
      return;
    }
    const prior = c.priorWeight === undefined ? 1 : Number.isFinite(c.priorWeight) && c.priorWeight > 0 ? c.priorWeight : 0;
    const points = searchPoints(c);
    const lineM = points.reduce((sum, p) => sum + p.pieceM, 0);
    for (const { position, releaseHeightM, alongM, pieceM } of points) {
      const at = { ...c, position, releaseHeightM };
      const flow = flowTermAt(c, alongM, shifts);
      // The prior along a line is uniform per metre: each point's share is its piece's (pieces next to a flow transmitter are shorter).
      const share = lineM > 0 ? pieceM / lineM : 1 / points.length;
      scored.push({ owner, c: at, alongM, pieceM, chemical, flow, score: screenLinear(ev, at, chemical, flow), prior: prior * share });
    }
  });
  const bestScreen = Math.max(...scored.map((s) => s.score.logEvidence));
  const inRunning = leadingPointsPerCandidate(scored).filter((s) => s.score.logEvidence > bestScreen - SCREEN_MARGIN_NATS);
  for (const s of inRunning) {
    s.score = scoreLinear(ev, s.c, s.chemical, 1, ev.lnOffsetWeights, s.flow);
    s.full = true;
  }
  // The refine margin's reference: the best of the hypotheses scored in full (an unscored line point's screening score,
  // which the cap below only lowers afterwards, is no reference).
  const bestLinear = Math.max(...inRunning.map((s) => s.score.logEvidence));
  for (const s of inRunning) {
    const farFromRef = Math.abs(s.score.lnRateMean) > Math.LN2;
    // A hypothesis that reaches no detector under any offset has a likelihood that no rate or model changes.
    const reachesSome = s.score.active.length > 0;
    if (reachesSome && (s.score.predictions.dense || farFromRef) && s.score.logEvidence > bestLinear - REFINE_MARGIN_NATS) s.score = refineRate(ev, s.c, s.chemical, s.score, s.flow);
  }
  capUnscoredLinePoints(scored);

  // Posterior over the hypotheses (log-sum-exp normalisation), summed per candidate.
  const logPost = scored.map((s) => (s.prior > 0 ? Math.log(s.prior) + s.score.logEvidence : -Infinity));
  const maxLog = Math.max(...logPost);
  const norm = Number.isFinite(maxLog) ? maxLog + Math.log(logPost.reduce((sum, l) => sum + Math.exp(l - maxLog), 0)) : 0;
  const probability = scored.map((_, i) => (Number.isFinite(maxLog) ? Math.exp(logPost[i]! - norm) : 1 / scored.length));
  const ranked = byCandidate(scored, probability).sort((a, b) => b.probability - a.probability || b.logEvidence - a.logEvidence);
  const residualsForTop = o.residualsForTop ?? SOURCE_ESTIMATION_DEFAULTS.residualsForTop;
  const candidates: CandidateEstimate[] = ranked.map((g, rank) => {
    const s = g.best;
    const fitted = fittedValues(ev, s.score);
    return {
      id: s.c.id,
      chemical: s.chemical.id,
      probability: g.probability,
      logEvidence: g.logEvidence,
      rateKgS: Math.exp(g.lnRate.median),
      rateFactor: Math.exp(Math.sqrt(g.lnRate.variance)),
      releaseStartMs: ev.startsMs[s.score.bestStart]!,
      model: s.score.predictions.model,
      position: s.c.position,
      releaseHeightM: s.c.releaseHeightM,
      along: g.along,
      hitsExplained: hitsExplained(ev, fitted),
      residuals: rank < residualsForTop ? residuals(ev, fitted) : [],
    };
  });

  let reason: string | null = null;
  let reasonCode: SourceEstimate['reasonCode'] = null;
  if (hitDetectorIds.length < minHits) {
    reason = `only ${hitDetectorIds.length} detector(s) saw gas; at least ${minHits} are needed to tell the candidates apart`;
    reasonCode = 'few-hits';
  } else if (candidates.length === 0) {
    reason = 'no candidate with a known chemical';
    reasonCode = 'no-candidate';
  }
  if (measuredSpread > DIR_SPREAD_CAP_DEG) notes.push(simNote('source.direction-varied', { spreadDeg: measuredSpread.toFixed(0), capDeg: DIR_SPREAD_CAP_DEG }));
  if (candidates.length > 1 && reason === null && candidates[0]!.probability < 0.5) notes.push(simNote('source.no-majority', { percent: (candidates[0]!.probability * 100).toFixed(0) }));
  const flowShiftList = [...shifts].map(([id, s]) => ({ id, ...s }));
  return { ...base, candidates, discriminating: reason === null, reason, reasonCode, dirSpreadDeg, flowShifts: flowShiftList, warnings: noteLines(notes), warningNotes: notes };
}

/** The best fit's prediction at every observation (mean over the offsets), detector units (0 where the candidate cannot reach). */
function fittedValues(ev: Evidence, s: CandidateScore): Float64Array {
  const n = s.active.length;
  const unit = new Float64Array(n);
  const q = Math.exp(s.bestLnRate);
  const out = new Float64Array(ev.obs.length);
  ev.lnOffsetWeights.forEach((lnW, off) => {
    if (lnW === -Infinity) return;
    unitPredictions(ev, s.predictions, s.active, off, ev.startsMs[s.bestStart]!, unit);
    for (let a = 0; a < n; a++) out[s.active[a]!]! += Math.exp(lnW) * q * unit[a]!;
  });
  return out;
}

/** Hit detectors where the fitted plume predicts more than the detection limit in some bin. */
function hitsExplained(ev: Evidence, fitted: Float64Array): number {
  const explained = new Set<number>();
  for (let k = 0; k < fitted.length; k++) {
    const i = ev.layout.detector[k]!;
    if (ev.hit[i] && fitted[k]! > ev.detectors[i]!.detectionLimit) explained.add(i);
  }
  return explained.size;
}

/** Per-detector residuals of the fitted plume. */
function residuals(ev: Evidence, fitted: Float64Array): DetectorResidual[] {
  const rows = ev.detectors.map((d) => ({ detectorId: d.id, bins: 0, observedMax: 0, predictedMax: 0, sumSq: 0 }));
  for (let k = 0; k < fitted.length; k++) {
    const row = rows[ev.layout.detector[k]!]!;
    const r = ev.obs.valueLn[k]! - Math.log(fitted[k]! + ev.obs.floor[k]!);
    row.bins++;
    row.observedMax = Math.max(row.observedMax, ev.obs.value(k));
    row.predictedMax = Math.max(row.predictedMax, fitted[k]!);
    row.sumSq += r * r;
  }
  return rows.map(({ sumSq, ...row }) => ({ ...row, rmsLogResidual: Math.sqrt(sumSq / Math.max(1, row.bins)) }));
}
