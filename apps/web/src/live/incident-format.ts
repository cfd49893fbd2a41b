// How the wall tells an incident's numbers: the countdowns from the first alarm against the
// pilot's targets, valve states as glyph + word + tone, zone levels as colours, probabilities.
// Pure: the card, the plan, the twin and the printable brief share it, and it is tested alone.
import { unpinnedRateRangeKgS, type FlowShiftView, type HubText, type IncidentValveState, type IncidentView, type Role, type SourceCandidateView } from '@safetwin/protocol';
import type { MessageValues } from '../i18n/messages-core.ts';
import { labelIn, nameIn, wordHubText } from '../i18n/hub-text.ts';
import type { Locale } from '../i18n/locale.ts';

/**
 * The response targets of the seed's park pilot (shared/DESIGN.md, "Linked response"): after a
 * gas-leak alarm the relevant valves were closed within 3 min and the fire brigade called within 5 min.
 */
export const VALVES_CLOSED_TARGET_MS = 3 * 60_000;
export const FIRE_BRIGADE_TARGET_MS = 5 * 60_000;

/** `mm:ss` of a duration (h:mm:ss past an hour); negative durations read as 00:00. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const mm = String(m).padStart(2, '0'), ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A duration to read at a glance: "45 s" under a minute, else whole minutes rounded up ("16 min"). */
export function formatDurationS(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}

/** Where a response target stands: reached in time, still running (time left), or missed (late or over time). */
export type TargetStatus =
  | { state: 'met'; tookMs: number }
  | { state: 'running'; leftMs: number }
  | { state: 'missed'; tookMs: number | null; overMs: number }
  | { state: 'no-start' };

/** A target `targetMs` after `startAt`, reached at `doneAt` (null: not yet), seen at `nowMs`. */
export function targetStatus(startAt: number | null, doneAt: number | null, targetMs: number, nowMs: number): TargetStatus {
  if (startAt === null) return { state: 'no-start' };
  if (doneAt !== null) {
    const tookMs = Math.max(0, doneAt - startAt);
    return tookMs <= targetMs ? { state: 'met', tookMs } : { state: 'missed', tookMs, overMs: tookMs - targetMs };
  }
  const leftMs = startAt + targetMs - nowMs;
  return leftMs >= 0 ? { state: 'running', leftMs } : { state: 'missed', tookMs: null, overMs: -leftMs };
}

/** How a valve state is shown: a glyph (shape), a message key (word) and a tone (colour). */
export interface ValveLook {
  glyph: string;
  key: `valve_${IncidentValveState}`;
  tone: 'todo' | 'waiting' | 'busy' | 'done' | 'good' | 'bad';
}

const VALVE_LOOK: Readonly<Record<IncidentValveState, Omit<ValveLook, 'key'>>> = {
  'to-close': { glyph: '○', tone: 'todo' },
  'awaiting-confirmation': { glyph: '?', tone: 'waiting' },
  commanded: { glyph: '◔', tone: 'busy' },
  closed: { glyph: '●', tone: 'done' },
  confirmed: { glyph: '✔', tone: 'good' },
  failed: { glyph: '✕', tone: 'bad' },
  'field-task': { glyph: '⚒', tone: 'waiting' },
  'field-done': { glyph: '✔', tone: 'good' },
};

/** The look of a valve state. */
export function valveLook(state: IncidentValveState): ValveLook {
  return { ...VALVE_LOOK[state], key: `valve_${state}` };
}

/**
 * The ALOHA colour name of each zone by its rank among the incident's zones (highest threshold red,
 * then orange, then yellow — ALOHA 5.4 Technical Documentation §4.1), keyed by level name.
 */
export function zoneColours(zones: readonly { level: string; thresholdPpm: number }[]): Map<string, 'red' | 'orange' | 'yellow'> {
  const names = ['red', 'orange', 'yellow'] as const;
  const sorted = [...zones].sort((a, b) => b.thresholdPpm - a.thresholdPpm);
  return new Map(sorted.map((z, k) => [z.level, names[Math.min(k, names.length - 1)]!]));
}

/** "82 %" for 0.82 (under 1 % reads "<1 %"). */
export function formatPercent(p: number): string {
  if (p > 0 && p < 0.01) return '<1 %';
  return `${Math.round(p * 100)} %`;
}

/** A release rate in kg/s for the card: "12.3" from 10 up, "1.43" / "0.27" from 0.1, two significant figures below ("0.0031": a fitted pinhole does not read "0.00"). */
export function formatRateKgS(rateKgS: number): string {
  if (rateKgS >= 10) return rateKgS.toFixed(1);
  if (rateKgS >= 0.1 || rateKgS <= 0) return rateKgS.toFixed(2);
  return rateKgS.toPrecision(2);
}

/**
 * A flow transmitter that moved since before the first gas hit, for the card's line "Flow {device}: {shift} kg/s
 * since before the first hit (was {base})": the shift signed ("+0.87", "−0.12"), the flow before, both as rates.
 */
export function flowShiftValues(s: FlowShiftView): MessageValues {
  const sign = s.shiftKgS > 0 ? '+' : s.shiftKgS < 0 ? '−' : '';
  return { device: s.deviceId, shift: `${sign}${formatRateKgS(Math.abs(s.shiftKgS))}`, base: formatRateKgS(s.baseKgS) };
}

/**
 * A candidate's fitted release rate for the card, kg/s: the fit when the readings pin it, else its 1 σ range
 * (@safetwin/protocol unpinnedRateRangeKgS) — "0.10–10.0": detectors at full scale only bound the rate from below, and
 * the fit then sits at the prior's 1 kg/s with the prior's decade of spread (@safetwin/sim rate-fit.ts), which a bare
 * "1.00" would hide.
 */
export function formatRateRange(rateKgS: number, rateFactor: number): string {
  const range = unpinnedRateRangeKgS(rateKgS, rateFactor);
  return range ? `${formatRateKgS(range.lowKgS)}–${formatRateKgS(range.highKgS)}` : formatRateKgS(rateKgS);
}

/**
 * Where along a pipe run a candidate places the leak, as the card's message key and values: "≈ {distance} m from {from}
 * (± {sd} m)", with "{height} m up" where the assessment gives the hole's height (a riser climbs, a rack line runs
 * overhead: where the field team looks). The height to the half metre: the estimate searches in steps of ≤ 1 m.
 */
export function alongMessage(along: NonNullable<SourceCandidateView['along']>, releaseHeightM: number | undefined, locale: Locale): ['along' | 'alongUp', MessageValues] {
  const from = along.fromName ? nameIn(along.fromName, locale) : along.fromLabel;
  const values = { distance: Math.round(along.distanceM), from, sd: Math.round(along.sdM) };
  if (releaseHeightM === undefined || !Number.isFinite(releaseHeightM)) return ['along', values];
  const halfM = Math.round(releaseHeightM * 2) / 2;
  return ['alongUp', { ...values, height: halfM.toFixed(Number.isInteger(halfM) ? 0 : 1) }];
}

/** The items the valves cut off when the estimate has not singled one out — "label (p)" each, and their probability together — or null for one item. */
export function likelySourcesLine(incident: IncidentView, locale: Locale): { items: string; together: string } | null {
  const targets = incident.assessment?.isolation?.targets ?? [];
  if (targets.length < 2) return null;
  const candidates = incident.assessment?.source.candidates ?? [];
  let together = 0;
  const items = targets.map((t) => {
    const c = candidates.find((x) => x.id === t.id);
    together += c?.probability ?? 0;
    return c ? `${labelIn(c, locale)} (${formatPercent(c.probability)})` : t.id;
  }).join(', ');
  return { items, together: formatPercent(together) };
}

/** What a role may ask of an incident on the wall (the hub decides; this only hides buttons that would be refused). */
export interface IncidentPermissions {
  confirmIsolation: boolean;
  fieldDone: boolean;
  notifyFireBrigade: boolean;
  changeState: boolean;
}

/**
 * The hub's rule (apps/realtime/src/incidents/incident-access.ts canActOnIncident): whoever sees an
 * incident acts on it — a commander, the site's park manager, a safety officer on their own plant's
 * incident (the only ones they see) — except a drill planner, who acts on drills only; nobody acts
 * on a closed incident.
 */
export function incidentPermissions(role: Role, incident: Pick<IncidentView, 'origin' | 'state'>): IncidentPermissions {
  const may = incident.state !== 'closed' && (role !== 'drill-planner' || incident.origin === 'drill');
  return { confirmIsolation: may, fieldDone: may, notifyFireBrigade: may, changeState: may };
}

/**
 * What the plan and the twin draw of an incident changes only with a new assessment or a valve
 * state: this key stands for both, so they rebuild only then (the hub sends the incident again
 * on every change: people counts, timeline, milestones).
 */
export function drawnVersion(incident: Pick<IncidentView, 'id' | 'assessment' | 'valves'>): string {
  return `${incident.id}#${incident.assessment?.seq ?? 0}#${incident.valves.map((v) => `${v.valveId}:${v.state}`).join(',')}`;
}

/**
 * What the assessment warns of, in the UI language (its keyed texts; the English of an assessment stored before they
 * were sent), less the reason the source section already gives (a provisional source says why in both): the hub's own
 * caveats (the source estimator's among them), and apart from them the plume engine's notes on how it modelled the
 * release, which matter to whoever checks the zones more than to the commander.
 */
export function assessmentCaveats(assessment: NonNullable<IncidentView['assessment']>, locale: Locale): { caveats: string[]; modelNotes: string[] } {
  const { warnings, warningTexts, source } = assessment;
  const keyed = warningTexts && warningTexts.length === warnings.length ? warningTexts : null;
  const out = { caveats: [] as string[], modelNotes: [] as string[] };
  warnings.forEach((en, k) => {
    if (en === source.reason) return;
    const text = keyed?.[k];
    (text && isModelNote(text) ? out.modelNotes : out.caveats).push(text ? wordHubText(text, locale) : en);
  });
  return out;
}

/** A plume engine note on its modelling (passed on as `engine.note`), not one of the source estimator's (`source.…`). */
const isModelNote = (text: HubText) => text.key === 'engine.note' && !String(text.values.note).startsWith('source.');
