import type { Principal } from '@safetwin/protocol';

/** Whether `user` may see site `siteId` at all. */
export function canSeeSite(user: Principal, siteId: string): boolean {
  if (user.role === 'commander' || user.role === 'drill-planner') return true;
  return user.siteId === siteId;
}

/** Device kinds every viewer of a site may see, whoever operates them (weather drives every decision). */
export const SHARED_DEVICE_KINDS: ReadonlySet<string> = new Set(['weather']);

/** Whether `user` may see a device of `siteId` owned by `enterpriseId` (null: park-operated). */
export function canSeeDevice(user: Principal, device: { siteId: string; enterpriseId: string | null; kind: string }): boolean {
  if (!canSeeSite(user, device.siteId)) return false;
  if (user.role !== 'safety-officer') return true;
  return device.enterpriseId === user.enterpriseId || SHARED_DEVICE_KINDS.has(device.kind);
}

/** The enterprises whose officers see a device: its owner's, or all of them for shared kinds (weather). */
export function enterprisesSeeing(device: { enterpriseId: string | null; kind: string }, enterpriseIds: readonly string[]): readonly string[] {
  if (SHARED_DEVICE_KINDS.has(device.kind)) return enterpriseIds;
  return device.enterpriseId !== null ? [device.enterpriseId] : [];
}

/** Whether `user` may command field devices (valves, power) on `siteId`. */
export function canCommand(user: Principal, device: { siteId: string; enterpriseId: string | null; kind: string }): boolean {
  if (user.role === 'drill-planner') return false;
  if (user.role === 'safety-officer') return canSeeDevice(user, device) && device.enterpriseId === user.enterpriseId;
  return canSeeSite(user, device.siteId);
}

/** What decides who sees an alarm: its catalogued device, or for a unit-wide alarm (voting: the device is an equipment id) the unit's owner. */
export type AlarmSubject = { siteId: string; enterpriseId: string | null; kind: string };

/**
 * The one rule for an alarm's audience, used by the API, the socket (standing list and events),
 * flood scopes, KPIs and webhooks: through its device when the catalogue has it, else through
 * the alarm's own owner (the enterprise of the unit; null: park-level, full viewers only).
 */
export function alarmSubject(alarm: { siteId: string; enterpriseId: string | null }, device: AlarmSubject | undefined): AlarmSubject {
  return device ?? { siteId: alarm.siteId, enterpriseId: alarm.enterpriseId, kind: 'unit' };
}

/** Whether `user` may see an alarm (see {@link alarmSubject}). */
export function canSeeAlarm(user: Principal, alarm: { siteId: string; enterpriseId: string | null }, device: AlarmSubject | undefined): boolean {
  return canSeeDevice(user, alarmSubject(alarm, device));
}

/** A source candidate at least this probable brings its plant's safety officers onto the incident (our choice: a candidate the card shows as worth checking). */
export const INCIDENT_SOURCE_MIN_PROBABILITY = 0.1;
/**
 * A plant already on the incident stays while a candidate of it is at least this probable (our choice: half the entry
 * threshold — a candidate wavering around 10 % from one estimate to the next must not take the card off its officers'
 * wall and bring it back, a notice each time).
 */
export const INCIDENT_SOURCE_KEEP_PROBABILITY = 0.05;

/** What decides who sees an incident: its site, its plant, the plants it concerns (stored), else its likely sources and the items its valves cut off. */
export interface IncidentSubject {
  siteId: string;
  enterpriseId: string | null;
  /** The plants it concerns as last worked out ({@link concernedEnterprises}); absent or null: derived from the assessment. */
  concerns?: readonly string[] | null;
  assessment?: {
    source: { candidates: readonly { id: string; enterpriseId: string | null; probability: number }[] };
    isolation?: { targets: readonly { id: string }[] } | null;
  } | null;
}

/**
 * The plants an incident concerns after its latest assessment: its own (where its first alarm or its declared source is)
 * and that of every source candidate with probability ≥ {@link INCIDENT_SOURCE_MIN_PROBABILITY} — ≥
 * {@link INCIDENT_SOURCE_KEEP_PROBABILITY} for a plant in `before` (the plants it concerned until now) — or among the
 * items its valves cut off. A leak that the detectors of one plant caught may come from its neighbour's equipment,
 * whose officer must see it, and a plant whose valves are closed for it must know why.
 */
export function concernedEnterprises(incident: Omit<IncidentSubject, 'concerns'>, before: readonly string[] | null): string[] {
  const ids = new Set<string>();
  if (incident.enterpriseId !== null) ids.add(incident.enterpriseId);
  const had = new Set(before ?? []);
  const isolated = new Set((incident.assessment?.isolation?.targets ?? []).map((t) => t.id));
  for (const c of incident.assessment?.source.candidates ?? []) {
    if (c.enterpriseId === null) continue;
    const threshold = had.has(c.enterpriseId) ? INCIDENT_SOURCE_KEEP_PROBABILITY : INCIDENT_SOURCE_MIN_PROBABILITY;
    if (c.probability >= threshold || isolated.has(c.id)) ids.add(c.enterpriseId);
  }
  return [...ids];
}

/** The plants whose safety officers see an incident: as stored with it, else worked out from its assessment ({@link concernedEnterprises}). */
export function incidentEnterprises(incident: IncidentSubject): string[] {
  return incident.concerns ? [...incident.concerns] : concernedEnterprises(incident, null);
}

/**
 * The plants whose officers saw `previous` and no longer see `next` (a new estimate moved the likely
 * source away from them): they get one last `incident-handed-over` event instead of the update.
 */
export function enterprisesLosingIncident(previous: IncidentSubject, next: IncidentSubject): string[] {
  const still = new Set(incidentEnterprises(next));
  return incidentEnterprises(previous).filter((id) => !still.has(id));
}

/**
 * Whether `user` may see an incident — the one rule for the REST API and the `incident` socket
 * event: full viewers of its site see it; a safety officer sees the incidents of their own plant
 * and those whose likely source is in it ({@link incidentEnterprises}; a park-level incident with
 * no such source is for full viewers only, as park-level alarms are).
 */
export function canSeeIncident(user: Principal, incident: IncidentSubject): boolean {
  if (!canSeeSite(user, incident.siteId)) return false;
  return user.role !== 'safety-officer' || (user.enterpriseId !== null && incidentEnterprises(incident).includes(user.enterpriseId));
}
