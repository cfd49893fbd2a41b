// "Where is the leak?" for an assessment: the candidates the hit detectors can see, ranked by
// estimateSource (@safetwin/sim), and the source the response is planned for — the declared one,
// else the estimate's first, else (not discriminating yet) a provisional one next to the detector
// reading highest.
import {
  CHEMICALS, estimateSource, findChemical, likelySources, LINE_POINT_SPACING_M, SOURCE_ESTIMATION_DEFAULTS, type CandidateEstimate, type Chemical, type SourceEstimate,
} from '@safetwin/sim';
import { hubText, type HubText, type SourceAssessmentView, type SourceCandidateView } from '@safetwin/protocol';
import { horizontalDistanceM, meteredLine } from '@safetwin/twin-models';
import type { AssessmentInput, DetectorInput } from './assessment-input.ts';
import { reachedDetectors, reachingCandidates } from './candidate-filter.ts';
import { measureSees, type GasMeasure } from './gas-metrics.ts';
import { estimatorCandidate, leakItem, leakItems, type LeakItem } from './leak-items.ts';
import { engineSaid, said, type Said } from '../../said.ts';
import { unpinnedRateSaid } from './rate-caveat.ts';
import { sitePlace } from './site-place.ts';
import type { WindSummary } from './wind-summary.ts';

/** Rate used when neither a fit nor a declaration gives one, kg/s: the estimator's prior median (source-estimation/rate-fit.ts). */
export const REFERENCE_RATE_KG_S = 1;
/** A previous discriminating estimate is reused while the same detectors see gas and it is at most this old, ms (our choice: the estimate is redone at least every 30 s, at once when another detector sees gas). */
export const REUSE_ESTIMATE_MAX_AGE_MS = 30_000;
/** Candidates listed in the view. */
const TOP_CANDIDATES = 5;
/** A flow transmitter's shift is shown when larger than this many of its σ (our choice: 3 σ, a chance of 0.3 % without a leak). */
const FLOW_SHIFT_SHOWN_SDS = 3;

/** The source the response is planned for. */
export interface ChosenSource {
  id: string | null;
  kind: 'equipment' | 'pipe-segment' | 'point';
  item: LeakItem | null;
  eastM: number;
  northM: number;
  releaseHeightM: number;
  /** Library key of what leaks; null when nothing tells (no declaration, only %LEL hits, no candidate). */
  chemical: string | null;
  rateKgS: number;
  rateFrom: 'fitted' | 'declared' | 'reference';
  /** When the release began, epoch ms (estimated, or the first alarm / the declaration). */
  releaseStartMs: number;
  from: 'estimate' | 'declared';
}

/** The source part of an assessment. */
export interface SourceStep {
  view: SourceAssessmentView;
  chosen: ChosenSource;
  /** The items the response isolates: the chosen item first, then the estimate's other likely sources ({@link likelyItems}). */
  likely: LeakItem[];
  /** The estimate's other likely sources as sources of their own (their fitted rate and start), for the zones' envelope. */
  others: ChosenSource[];
  warnings: Said[];
}

/** A detector's largest reading in the window, as a multiple of its detection limit (> 1: it saw gas). */
interface DetectorPeak { d: DetectorInput; ratio: number }

/** Fitted figures per candidate id, from a fresh estimate or the previous view: rate (and its ×/÷ 1 σ factor), start, and where on the item the leak most likely is (its hole's height unset in views stored before the estimate searched it). */
type Fits = Map<string, { rateKgS: number; rateFactor: number; releaseStartMs: number | null; place: { eastM: number; northM: number; releaseHeightM?: number } }>;

/** Runs the source part (see the file comment). */
export function assessSource(input: AssessmentInput, wind: WindSummary | null): SourceStep {
  const { subject, site, nowMs } = input;
  const warnings: Said[] = [];
  const windowMs = SOURCE_ESTIMATION_DEFAULTS.windowMs;
  const declaredItem = subject.declared?.equipmentId ? leakItem(site, subject.declared.equipmentId) : null;
  if (subject.declared?.equipmentId && !declaredItem) {
    const id = subject.declared.equipmentId;
    warnings.push(said(`declared item ${id} is no equipment holding a chemical or pipe segment of the site`, 'assess.declared-unknown', { id }));
  }
  const chemical = findChemical(subject.chemical ?? declaredItem?.chemical ?? '') ?? null;
  // Only detectors that respond to what may leak count (another leak's detectors are no evidence for this one).
  const allPeaks = input.detectors.map((d) => ({ d, ratio: peakRatio(d, nowMs - windowMs) }));
  const chemicals = candidateChemicals(chemical, allPeaks.filter((p) => p.ratio > 1 || subject.alarmDeviceIds.includes(p.d.id)));
  const peaks = allPeaks.filter((p) => chemicals.some((k) => measureSees(measureOf(p.d), k)));
  const hits = peaks.filter((p) => p.ratio > 1);
  const hitIds = hits.map((p) => p.d.id).sort();

  // The estimate: reused while nothing changed, else over the candidates that can reach a hit detector.
  let estimate: Omit<SourceAssessmentView, 'chosen'>;
  let fits: Fits;
  const prev = subject.previous?.source;
  if (prev?.discriminating && sameIds(prev.hitDetectorIds, hitIds) && nowMs - subject.previous!.dataUntil <= REUSE_ESTIMATE_MAX_AGE_MS) {
    const { chosen: _, ...rest } = prev;
    estimate = rest;
    fits = new Map(prev.candidates.map((c) => [c.id, { rateKgS: c.rateKgS, rateFactor: c.rateFactor, releaseStartMs: c.releaseStartMs, place: { eastM: c.place.eastM, northM: c.place.northM, releaseHeightM: c.releaseHeightM } }]));
  } else if (hits.length < SOURCE_ESTIMATION_DEFAULTS.minHits) {
    // Below the estimator's own minimum it cannot tell the candidates apart (it says so and ranks them anyway,
    // at the full cost): skipped, so the first assessment after an alarm reaches the wall at once, with a provisional source.
    const minutes = windowMs / 60_000, needed = SOURCE_ESTIMATION_DEFAULTS.minHits;
    const reason = hits.length === 0
      ? `no detector saw gas in the last ${minutes} min`
      : `only ${hits.length} detector(s) saw gas; at least ${needed} are needed to tell the candidates apart`;
    const reasonText = hits.length === 0 ? hubText('source.no-hits', { minutes }) : hubText('source.few-hits', { hits: hits.length, needed });
    estimate = { discriminating: false, reason, reasonText, candidates: [], hitDetectorIds: hitIds, detectorsUsed: peaks.length };
    fits = new Map();
  } else {
    const items = leakItems(site).filter((c) => chemicals.some((k) => k.id === c.chemical));
    const reaching = wind ? reachingCandidates(items, hits.map((h) => h.d.position), wind.sweptFromDeg) : items;
    const seeing = peaks.map((p) => p.d);
    const reached = wind ? new Set(reachedDetectors(seeing, reaching, wind.sweptFromDeg)) : null;
    const detectors = reached ? seeing.filter((d) => reached.has(d) || hitIds.includes(d.id)) : seeing;
    // Process evidence: the flow transmitters of the candidates' lines (@safetwin/sim flow-evidence.ts).
    const transmitters = { pipes: site.pipes, sensors: input.flowMeters.map((m) => ({ id: m.id, kind: 'flow' as const, pipeSegmentId: m.pipeSegmentId })) };
    const result = estimateSource({
      chemical: chemical?.id ?? reaching[0]?.chemical ?? chemicals[0]?.id ?? 'Cl2',
      candidates: reaching.map((c) => estimatorCandidate(c, c.kind === 'pipe-segment' ? meteredLine(transmitters, c.id) : null)),
      detectors,
      wind: input.wind,
      flowMeters: input.flowMeters,
      nowMs,
    });
    warnings.push(...result.warningNotes.map(engineSaid));
    estimate = estimateView(input, result, new Map(reaching.map((c) => [c.id, c])), hitIds);
    fits = new Map(result.candidates.map((c) => [c.id, { rateKgS: c.rateKgS, rateFactor: c.rateFactor, releaseStartMs: c.releaseStartMs, place: { eastM: c.position.eastM, northM: c.position.northM, releaseHeightM: c.releaseHeightM } }]));
  }

  const ctx: ChooseContext = { estimate, fits, peaks, declaredItem, chemical, chemicals, warnings };
  const make = sourceMaker(input, ctx);
  const chosen = chooseSource(input, ctx, make);
  const unpinned = chosen.rateFrom === 'fitted' && chosen.id !== null ? unpinnedRateSaid(chosen.id, chosen.rateKgS, fits.get(chosen.id)!.rateFactor) : null;
  if (unpinned) warnings.push(unpinned);
  const view: SourceAssessmentView = {
    ...ctx.estimate,
    chosen: { id: chosen.id, kind: chosen.kind, place: sitePlace(site.origin, chosen), from: chosen.from },
  };
  const likely = likelyItems(input.site, ctx.estimate, chosen);
  return { view, chosen, likely, others: likely.slice(1).map((item) => make.ofItem(item, 'estimate')), warnings };
}

/**
 * The chosen item, and when it is the estimate's first, the estimate's other likely sources with it
 * (likelySources in @safetwin/sim: together 90 % probable). Neighbours a few metres apart often
 * share the probability; isolating them all cuts the leak off whichever of them it is.
 */
function likelyItems(site: AssessmentInput['site'], estimate: Omit<SourceAssessmentView, 'chosen'>, chosen: ChosenSource): LeakItem[] {
  if (!chosen.item) return [];
  if (chosen.from !== 'estimate' || !estimate.discriminating || estimate.candidates[0]?.id !== chosen.id) return [chosen.item];
  return likelySources(estimate.candidates).flatMap((c) => (c.id === chosen.id ? [chosen.item!] : (leakItem(site, c.id) ?? [])));
}

/** The ranked candidates as the view lists them; `hitIds` are the detectors with a reading over their limit in the window (the estimator's own hits, on 10-s means, may be fewer). */
function estimateView(input: AssessmentInput, r: SourceEstimate, items: Map<string, LeakItem>, hitIds: string[]): Omit<SourceAssessmentView, 'chosen'> {
  const candidates: SourceCandidateView[] = r.candidates.slice(0, TOP_CANDIDATES).map((c) => {
    const item = items.get(c.id)!;
    return {
      id: c.id, kind: item.kind, label: item.label, name: item.name, enterpriseId: item.enterpriseId, chemical: c.chemical, place: sitePlace(input.site.origin, c.position),
      probability: c.probability, rateKgS: c.rateKgS, rateFactor: c.rateFactor, releaseStartMs: c.releaseStartMs,
      along: alongOf(item, c), releaseHeightM: c.releaseHeightM,
    };
  });
  // The transmitters that moved beyond their noise: what the wall shows of the process evidence.
  const flowShifts = r.flowShifts.filter((s) => Math.abs(s.shiftKgS) > FLOW_SHIFT_SHOWN_SDS * s.sdKgS).map((s) => ({ deviceId: s.id, baseKgS: s.baseKgS, shiftKgS: s.shiftKgS }));
  return { discriminating: r.discriminating, reason: r.reason, reasonText: estimateReasonText(r), candidates, hitDetectorIds: hitIds, detectorsUsed: r.detectorsUsed.length, flowShifts };
}

/** Why the estimator could not tell the candidates apart (its `reasonCode`), for the wall to word; null when it could. */
function estimateReasonText(r: SourceEstimate): HubText | null {
  switch (r.reasonCode) {
    case null: return null;
    case 'no-wind': return hubText('source.no-wind');
    case 'few-hits': return hubText('source.few-hits', { hits: r.hitDetectorIds.length, needed: SOURCE_ESTIMATION_DEFAULTS.minHits });
    case 'no-candidate': return hubText('source.no-candidate');
  }
}

/** Where along a pipe segment the leak most likely is, for a run long enough to be searched at more than one point (a spool of a few metres is one place). */
function alongOf(item: LeakItem, c: CandidateEstimate): SourceCandidateView['along'] {
  if (!item.line || !c.along || horizontalDistanceM(item.line.from, item.line.to) <= LINE_POINT_SPACING_M) return null;
  return { fromLabel: item.line.fromLabel, fromName: item.line.fromName, distanceM: c.along.distanceM, sdM: c.along.sdM };
}

interface ChooseContext {
  estimate: Omit<SourceAssessmentView, 'chosen'>;
  fits: Fits;
  peaks: DetectorPeak[];
  declaredItem: LeakItem | null;
  chemical: Chemical | null;
  chemicals: Chemical[];
  warnings: Said[];
}

/** Builds the sources the response may plan for: an item (its fitted rate and start) or a point. */
interface SourceMaker {
  ofItem(item: LeakItem, from: ChosenSource['from']): ChosenSource;
  ofPoint(p: { eastM: number; northM: number }, chemical: string | null, from: ChosenSource['from']): ChosenSource;
}

/** Rates: declared → fitted → the reference rate (with a warning); starts: fitted → first alarm / creation. */
function sourceMaker(input: AssessmentInput, ctx: ChooseContext): SourceMaker {
  const { subject, nowMs } = input;
  const declared = subject.declared;
  const startFallback = subject.firstAlarmAt ?? subject.createdAt;
  const fitted = (id: string | null) => (id === null ? undefined : ctx.fits.get(id));
  const rateOf = (id: string | null): Pick<ChosenSource, 'rateKgS' | 'rateFrom'> => {
    if (declared?.rateKgS) return { rateKgS: declared.rateKgS, rateFrom: 'declared' };
    const fit = fitted(id);
    if (fit && Number.isFinite(fit.rateKgS) && fit.rateKgS > 0) return { rateKgS: fit.rateKgS, rateFrom: 'fitted' };
    ctx.warnings.push(said(`no fitted or declared release rate: the forecast uses ${REFERENCE_RATE_KG_S} kg/s (the estimator's prior median) until the detectors tell`, 'assess.reference-rate', { rateKgS: REFERENCE_RATE_KG_S }));
    return { rateKgS: REFERENCE_RATE_KG_S, rateFrom: 'reference' };
  };
  const startOf = (id: string | null): number => {
    const fit = fitted(id);
    if (!fit) return startFallback;
    // null: the release began before the estimate's window.
    return fit.releaseStartMs ?? Math.min(startFallback, nowMs - SOURCE_ESTIMATION_DEFAULTS.windowMs);
  };
  // Where on the item: the estimate's most likely point (along a pipe, at its height there), else the item's own point.
  const placeOf = (item: LeakItem, from: ChosenSource['from']) => (from === 'estimate' ? fitted(item.id)?.place : undefined) ?? item;
  const ofItem = (item: LeakItem, from: ChosenSource['from']): ChosenSource => {
    const { eastM, northM, releaseHeightM = item.releaseHeightM } = placeOf(item, from);
    return {
      id: item.id, kind: item.kind, item, eastM, northM, releaseHeightM,
      chemical: ctx.chemical?.id ?? (findChemical(item.chemical)?.id ?? null), ...rateOf(item.id), releaseStartMs: startOf(item.id), from,
    };
  };
  const ofPoint = (p: { eastM: number; northM: number }, chemical: string | null, from: ChosenSource['from']): ChosenSource => ({
    id: null, kind: 'point', item: null, eastM: p.eastM, northM: p.northM, releaseHeightM: 1, chemical, ...rateOf(null), releaseStartMs: startFallback, from,
  });
  return { ofItem, ofPoint };
}

/** Declared → estimate's first (when discriminating) → provisional next to the highest reading → the alarm's detector. */
function chooseSource(input: AssessmentInput, ctx: ChooseContext, { ofItem, ofPoint }: SourceMaker): ChosenSource {
  const { subject } = input;
  const declared = subject.declared;
  if (ctx.declaredItem) return ofItem(ctx.declaredItem, 'declared');
  if (declared?.place) return ofPoint(declared.place, ctx.chemical?.id ?? null, 'declared');

  const top = ctx.estimate.candidates[0];
  if (ctx.estimate.discriminating && top) {
    const item = leakItem(input.site, top.id);
    if (item) return ofItem(item, 'estimate');
  }
  // Not discriminating: the detector reading highest (else the alarm's own detector) and the nearest item it sees.
  const strongest = [...ctx.peaks].sort((a, b) => b.ratio - a.ratio)[0];
  const alarmDetector = input.detectors.find((d) => subject.alarmDeviceIds.includes(d.id));
  const anchor = strongest && strongest.ratio > 1 ? strongest.d : alarmDetector;
  const why = ctx.estimate.reason ?? 'the detectors cannot tell the candidates apart yet';
  const whyText = ctx.estimate.reasonText ?? hubText('source.cannot-tell');
  if (!anchor) {
    ctx.warnings.push(said(`no declared source, no detector reading and no alarm detector: the source is unknown (${why})`, 'assess.source-unknown', { why: whyText }));
    return ofPoint({ eastM: 0, northM: 0 }, ctx.chemical?.id ?? null, 'estimate');
  }
  // What the anchor sees of the chemicals in question (an alarm detector of another gas: the chemicals in question).
  const sees = ctx.chemicals.filter((k) => measureSees(measureOf(anchor), k));
  const seen = sees.length > 0 ? sees : ctx.chemicals;
  const nearest = leakItems(input.site)
    .filter((c) => seen.some((k) => k.id === c.chemical))
    .sort((a, b) => horizontalDistanceM(a, anchor.position) - horizontalDistanceM(b, anchor.position))[0];
  const highest = anchor === strongest?.d;
  const provisional = `provisional source: ${nearest ? `${nearest.id}, the item nearest to` : 'the position of'} detector ${anchor.id} (${highest ? 'highest reading' : 'its alarm'}), because ${why}`;
  const basis = hubText(highest ? 'source.basis-highest' : 'source.basis-alarm');
  const provisionalText = nearest
    ? hubText('source.provisional-item', { item: nearest.name, detector: anchor.id, basis, why: whyText })
    : hubText('source.provisional-detector', { detector: anchor.id, basis, why: whyText });
  ctx.warnings.push({ en: provisional, text: provisionalText });
  ctx.estimate = { ...ctx.estimate, reason: provisional, reasonText: provisionalText };
  return nearest ? ofItem(nearest, 'estimate') : ofPoint(anchor.position, ctx.chemical?.id ?? (anchor.gas ?? null), 'estimate');
}

/** The chemicals the candidates may hold: the named one; else the gases of the hit (or alarmed) ppm detectors (a toxic cell is specific); else every flammable (only %LEL detectors saw gas). */
function candidateChemicals(named: Chemical | null, hits: readonly DetectorPeak[]): Chemical[] {
  if (named) return [named];
  const gases = [...new Set(hits.flatMap((h) => (h.d.gas ? [h.d.gas] : [])))].flatMap((g) => findChemical(g) ?? []);
  if (gases.length > 0) return gases;
  if (hits.length === 0) return [];
  return CHEMICALS.filter((c) => (c.lelVolPct ?? 0) > 0);
}

const measureOf = (d: DetectorInput): GasMeasure => (d.unit === '%LEL' ? { unit: '%LEL' } : { unit: 'ppm', gas: d.gas ?? '' });

/** Largest reading since `fromMs` over the detection limit. */
function peakRatio(d: DetectorInput, fromMs: number): number {
  let peak = 0;
  for (const [t, v] of d.readings) if (t >= fromMs && v > peak) peak = v;
  return peak / d.detectionLimit;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === b[i]);
