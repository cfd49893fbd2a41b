// "Which valves?" and the release they leave: planIsolation (twin-models) for the chosen item and
// the estimate's other likely sources (isolated together), the top alternatives as the view lists
// them, and the release profile of the alternative being carried out (or of the best one) from
// isolatedRelease.
import type { IsolationAlternativeView, IsolationAssessmentView, ReleaseView } from '@safetwin/protocol';
import { isolatedRelease, planIsolation, UnknownLeakTargetError, type IsolationAlternative, type IsolationPlan } from '@safetwin/twin-models';
import { said, type Said } from '../../said.ts';
import type { AssessmentSite, AssessmentSubject } from './assessment-input.ts';
import type { LeakItem } from './leak-items.ts';
import { BOUNDARY_JOINED, isolationReason, sideEffectSaid } from './isolation-words.ts';
import { sitePlace } from './site-place.ts';
import type { ChosenSource } from './source-step.ts';

/** Alternatives listed (the contract's "at most 3"). */
const ALTERNATIVES = 3;

/** The isolation part of an assessment. */
export interface IsolationStep {
  view: IsolationAssessmentView | null;
  /** The alternative the release follows: the one being carried out, else rank 1 (null: none). */
  applied: IsolationAlternative | null;
  /** When the valves are (or would be) commanded, s after the release began. */
  decisionAtS: number;
  warnings: Said[];
}

/** The less likely sources no valve set cuts off together with the likelier ones, and what the valves isolate instead. */
function partlyIsolated(dropped: readonly { id: string }[], why: Said, kept: readonly { id: string }[]): Said {
  const ids = (ts: readonly { id: string }[]) => ts.map((t) => t.id).join(', ');
  return said(`no valve set cuts off ${ids(dropped)} with the likelier sources (${why.en}): the valves isolate ${ids(kept)}`, 'assess.partly-isolated', { dropped: ids(dropped), reason: why.text, kept: ids(kept) });
}

/** Plans the isolation of the `likely` items, the chosen one first (none for a point source). */
export function assessIsolation(site: AssessmentSite, chosen: ChosenSource, likely: readonly LeakItem[], subject: AssessmentSubject, nowMs: number): IsolationStep {
  const decisionAtS = Math.max(0, ((subject.isolation?.decidedAt ?? nowMs) - chosen.releaseStartMs) / 1000);
  const warnings: Said[] = [];
  if (!chosen.item || likely.length === 0) {
    warnings.push(said('the source is a point, not an item of the pipe network: no valves to plan', 'assess.point-source'));
    return { view: null, applied: null, decisionAtS, warnings };
  }
  const all = likely.map((i) => ({ kind: i.kind, id: i.id }));
  const planFor = (targets: typeof all) => planIsolation(site, targets, { leakRateKgS: chosen.rateKgS, decisionAtS, maxAlternatives: ALTERNATIVES });
  let plan: IsolationPlan;
  try {
    plan = planFor(all);
    // A less likely source no valve can cut off (a stub fed straight from its vessel) must not leave the likelier ones
    // unisolated: the least likely are dropped one by one while that makes the rest isolable (the chosen item stays).
    for (let n = all.length - 1; !plan.isolable && n >= 1; n--) {
      const fewer = planFor(all.slice(0, n));
      if (!fewer.isolable) continue;
      warnings.push(partlyIsolated(all.slice(n), isolationReason(site, plan), all.slice(0, n)));
      plan = fewer;
    }
  } catch (err) {
    if (!(err instanceof UnknownLeakTargetError)) throw err;
    warnings.push(said(err.message, 'assess.unknown-target', { kind: err.target.kind, id: err.target.id }));
    return { view: null, applied: null, decisionAtS, warnings };
  }
  const targets = plan.leaks;
  let applied = plan.alternatives[0] ?? null;
  if (subject.isolation) {
    const carried = new Set(subject.isolation.valveIds);
    const match = plan.alternatives.find((a) => a.valves.length === carried.size && a.valves.every((v) => carried.has(v.valveId)));
    if (match) applied = match;
    else warnings.push(said(`the valves being closed (${subject.isolation.valveIds.join(', ')}) are not among the alternatives planned now; the release follows the best alternative`, 'assess.carried-not-planned', { valves: subject.isolation.valveIds.join(', ') }));
  }
  const reason = isolationReason(site, plan);
  const view: IsolationAssessmentView = {
    targets,
    isolable: plan.isolable,
    reason: reason.en,
    reasonText: reason.text,
    unisolableFeeds: plan.unisolableFeeds.map((f) => ({ kind: f.kind, id: f.id })),
    alternatives: plan.alternatives.map((a) => alternativeView(site, a)),
  };
  return { view, applied, decisionAtS, warnings };
}

/** One alternative as the view lists it; a boundary feed left joined shows as a side effect (its trapped mass has no end: only the finite part is given). */
function alternativeView(site: AssessmentSite, a: IsolationAlternative): IsolationAlternativeView {
  const unbounded = !Number.isFinite(a.trappedInventoryKg);
  const trappedKg = unbounded ? a.trappedPipeKg + a.trappedEquipmentKg : a.trappedInventoryKg;
  const effects = a.sideEffects.map((s) => sideEffectSaid(site, s));
  if (unbounded) effects.unshift(BOUNDARY_JOINED);
  return {
    rank: a.rank,
    minimal: a.minimal,
    valves: a.valves.map((v) => ({ valveId: v.valveId, deviceId: v.deviceId, actuation: v.actuation, function: v.function, place: sitePlace(site.origin, v.position), closeTimeS: v.closeTimeS })),
    timeToIsolateS: a.timeToIsolateS,
    releasedBeforeIsolationKg: a.releasedBeforeIsolationKg,
    trappedInventoryKg: trappedKg,
    totalReleaseKg: a.releasedBeforeIsolationKg + trappedKg,
    sideEffects: effects.map((e) => e.en),
    sideEffectTexts: effects.map((e) => e.text),
  };
}

/** The release the forecast uses, and its length from the release's start, s (null: it does not end within the forecast). */
export interface ReleaseStep {
  view: ReleaseView;
  durationS: number | null;
}

/**
 * The leak rate until the applied alternative has shut and the trapped inventory has drained
 * (isolatedRelease: the drain runs at the same rate, so the profile is the rate for `endS`);
 * without an alternative that ends it, the release runs on and its mass is given up to the end of
 * the forecast horizon.
 */
export function assessRelease(chosen: ChosenSource, isolation: IsolationStep, nowMs: number, horizonS: number): ReleaseStep {
  const base = { rateKgS: chosen.rateKgS, startedAt: chosen.releaseStartMs };
  const profile = isolatedProfile(chosen, isolation, chosen.releaseStartMs);
  if (profile) return { view: { ...base, endsAt: Math.round(chosen.releaseStartMs + profile.endS * 1000), totalKg: profile.totalKg }, durationS: profile.endS };
  const untilS = (nowMs - chosen.releaseStartMs) / 1000 + horizonS;
  return { view: { ...base, endsAt: null, totalKg: chosen.rateKgS * untilS }, durationS: null };
}

/**
 * How long `source`'s release would last, s from its own start, were it the leak: the same valves
 * (decided at the same moment) and the trapped inventory drained at its own fitted rate — a likelier
 * source's slower rate drains it later. Null: the release does not end (no alternative ends it).
 */
export function releaseDurationS(source: ChosenSource, isolation: IsolationStep, chosenStartMs: number): number | null {
  return isolatedProfile(source, isolation, chosenStartMs)?.endS ?? null;
}

/** isolatedRelease of the applied alternative for `source` (the decision time counted from its own start); null when it never ends. */
function isolatedProfile(source: ChosenSource, isolation: IsolationStep, chosenStartMs: number) {
  const a = isolation.applied;
  if (!a || !Number.isFinite(a.trappedInventoryKg)) return null;
  // decisionAtS counts from the chosen source's start; a source that began earlier has been leaking that much longer.
  const decisionAtS = isolation.decisionAtS + (chosenStartMs - source.releaseStartMs) / 1000;
  const profile = isolatedRelease(source.rateKgS, a, { decisionAtS: Math.max(0, decisionAtS) });
  return Number.isFinite(profile.endS) ? profile : null;
}
