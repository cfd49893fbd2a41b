// Words the hub sends to the wall in a form each user's language can take: the site description's
// names in both languages, and the hub's own sentences (why a source cannot be told yet, why an
// assembly point is unusable) as a message key with its values. The English the hub logs stays in
// the plain field beside each (`reason`, `label`), for logs, webhooks and older clients.

import type { EngineNote } from './sim-run.ts';

/** A name in the site description's two languages. */
export interface SiteName {
  zh: string;
  en: string;
}

/** The sentences the hub composes for the wall; each client words them (apps/web: i18n/messages/hub-text.ts). */
export const HUB_TEXT_KEYS = [
  'source.no-hits',
  'source.few-hits',
  'source.no-candidate',
  'source.no-wind',
  'source.cannot-tell',
  'source.provisional-item',
  'source.provisional-detector',
  'source.basis-highest',
  'source.basis-alarm',
  'ap.no-road',
  'ap.in-zone',
  'ap.under-forecast',
  'title.detected-near',
  'title.release-at',
  'title.drill',
  'place.position',
  'place.from-road',
  'place.of-landmark',
  'place.from-origin',
  'compass.N',
  'compass.NE',
  'compass.E',
  'compass.SE',
  'compass.S',
  'compass.SW',
  'compass.W',
  'compass.NW',
  'side.upwind',
  'side.crosswind',
  'side.downwind',
  'brief.route-reason',
  'brief.staging-crosswind',
  'brief.no-staging',
  'brief.no-gate-route',
  'brief.route-crosses-zone',
  'brief.gates-downwind',
  'brief.rate-unpinned',
  'brief.no-assessment',
  'brief.location-not-fixed',
  'brief.location-uncertain',
  'brief.unknown-chemical',
  'brief.no-zones',
  'valve.by-hand',
  'valve.field-task',
  'valve.closed-before',
  'valve.already-closing',
  'valve.drill-not-sent',
  'valve.reports-open',
  'valve.closed',
  'valve.flow-drop',
  'valve.pressure-drop',
  'valve.pressure-drop-trend',
  'valve.command-failed',
  'valve.command-not-sent',
  'valve.close-timeout',
  'brief.location-uncertain-alone',
  'event.created',
  'origin.alarm',
  'origin.declared',
  'origin.drill',
  'event.alarm-joined',
  'event.state',
  'state.detected',
  'state.assessing',
  'state.responding',
  'state.contained',
  'state.closed',
  'reason.first-assessment',
  'reason.alarm-after-containment',
  'reason.assessment-plan',
  'event.assessment',
  'event.source-candidate',
  'event.warning-other-chemical',
  'event.valves-proposed',
  'event.valves-proposal',
  'why.isolation-rank',
  'why.escalated',
  'why.source-moved',
  'why.assessment-changed',
  'why.valves-added',
  'why.proposal-replaced',
  'why.new-set',
  'why.rank-confirmed',
  'why.after-failed-rank',
  'why.after-failed',
  'valves.remote',
  'valves.manual',
  'valves.both',
  'valves.none',
  'valves.set',
  'valves.set-unbounded',
  'event.no-other-set',
  'event.field-task',
  'event.valve-by-hand',
  'event.valve-closed-before',
  'event.valve-already-closing',
  'event.valve-drill-not-sent',
  'event.valve-commanded',
  'event.valve-commanded-drill',
  'event.valve-failed',
  'event.valve-reports-closed',
  'event.valve-reports-closed-late',
  'event.valve-confirmed',
  'event.isolated',
  'event.brief-delivered',
  'event.brief-not-delivered',
  'event.brief-drill-auto',
  'event.brief-drill-by',
  'event.brief-queued-auto',
  'event.brief-queued-by',
  'event.brief-no-webhook-auto',
  'event.brief-no-webhook-by',
  'join.semicolon',
  'withdrawal.methane-cut',
  'withdrawal.methane-fault',
  'fault.stale',
  'fault.out-of-range',
  'withdrawal.co-alarm',
  'isolation.no-feed',
  'isolation.isolable',
  'isolation.cannot',
  'isolation.cannot-others-cut',
  'isolation.loses-every-supply',
  'isolation.loses-connection',
  'isolation.boundary-joined',
  'isolation.feed-equipment',
  'isolation.feed-boundary',
  'join.comma',
  'assess.no-wind',
  'assess.no-levels',
  'assess.chemical-unknown',
  'assess.no-tagged-people',
  'assess.declared-unknown',
  'assess.reference-rate',
  'assess.source-unknown',
  'assess.point-source',
  'assess.partly-isolated',
  'assess.unknown-target',
  'assess.carried-not-planned',
  'assess.zones-left-out',
  'engine.note',
] as const;
/** One of {@link HUB_TEXT_KEYS}. */
export type HubTextKey = (typeof HUB_TEXT_KEYS)[number];

/** A value of a hub sentence: a number (worded in the user's locale), an id or other literal, a name, or a nested sentence. */
export type HubTextValue = string | number | SiteName | HubText;

/** A hub sentence: its key and values. */
export interface HubText {
  key: HubTextKey;
  values: Readonly<Record<string, HubTextValue>>;
}

/**
 * A note of the plume engine (@safetwin/sim notes.ts: its key, values and English) as a hub sentence: key
 * `engine.note`, values `note` (the engine's key), `text` (its English) and the note's own values beside them. A client
 * words it with its engine-note wording and shows `text` for a key it does not know.
 */
export function engineNoteText(note: EngineNote): HubText {
  return { key: 'engine.note', values: { ...note.values, note: note.key, text: note.text } };
}

/** Builds a {@link HubText}. */
export function hubText(key: HubTextKey, values: Readonly<Record<string, HubTextValue>> = {}): HubText {
  return { key, values };
}
