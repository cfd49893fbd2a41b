// Pure changes of an incident view: each returns the next view and the timeline entries that
// record it (the service stores both in one transaction). No I/O here.
import { hubText, type AlarmView, type IncidentAssessmentView, type IncidentMilestonesView, type IncidentPeopleView, type IncidentState, type IncidentValveView, type IncidentView, type SiteName } from '@safetwin/protocol';
import { concernedEnterprises } from '../auth/access.ts';
import { checkTransition } from './incident-lifecycle.ts';
import type { NewIncidentEvent } from './incident-store.ts';
import { said, type Said } from '../said.ts';

/** A change: the view after it and what the timeline records; null when nothing changes. */
export type IncidentChange = { next: IncidentView; events: NewIncidentEvent[] } | null;

/** The milestone a state reaches (the wall's countdowns stop there). */
const STATE_MILESTONE: Partial<Record<IncidentState, keyof IncidentMilestonesView>> = { contained: 'containedAt', closed: 'closedAt' };

/** Moves the incident to `to` (throws IncidentTransitionError when the lifecycle forbids it), recording who and why (a person's words as typed, or the hub's sentence). */
export function changeState(view: IncidentView, to: IncidentState, actor: string, why: string | Said, at: number): { next: IncidentView; events: NewIncidentEvent[] } {
  checkTransition(view.state, to);
  const reason = typeof why === 'string' ? why : why.en;
  const milestone = STATE_MILESTONE[to];
  const milestones = milestone && view.milestones[milestone] === null ? { ...view.milestones, [milestone]: at } : view.milestones;
  return {
    next: { ...view, state: to, milestones, updatedAt: at },
    events: [{
      at, kind: 'state', actor, message: `${view.state} → ${to}: ${reason}`,
      messageText: hubText('event.state', { from: hubText(`state.${view.state}`), to: hubText(`state.${to}`), reason: typeof why === 'string' ? why : why.text }),
      data: { from: view.state, to, reason },
    }],
  };
}

/**
 * An alarm joins (or activates again in) the incident: its id and group are added, the level is
 * the worst of its alarms, the first alarm time the earliest; a contained incident returns to
 * responding (the leak was not stopped).
 */
export function joinAlarm(view: IncidentView, alarm: AlarmView, unit: SiteName, at: number): IncidentChange {
  const alarmIds = view.alarmIds.includes(alarm.id) ? view.alarmIds : [...view.alarmIds, alarm.id];
  const alarmGroupIds = alarm.groupId && !view.alarmGroupIds.includes(alarm.groupId) ? [...view.alarmGroupIds, alarm.groupId] : view.alarmGroupIds;
  const level = (view.level === null ? alarm.level : Math.min(view.level, alarm.level)) as 1 | 2;
  const raisedAt = alarm.raisedAt ?? at;
  const firstAlarmAt = view.milestones.firstAlarmAt === null ? raisedAt : Math.min(view.milestones.firstAlarmAt, raisedAt);
  let next: IncidentView = { ...view, alarmIds, alarmGroupIds, level, milestones: { ...view.milestones, firstAlarmAt }, updatedAt: at };
  const events: NewIncidentEvent[] = [{
    at, kind: 'alarm-joined', actor: 'system',
    message: `level-${alarm.level} alarm ${alarm.metric} ${alarm.kind} at ${alarm.value ?? '?'} (set-point ${alarm.setpoint ?? '?'}) on ${alarm.deviceId} near ${unit.en}`,
    messageText: hubText('event.alarm-joined', { level: alarm.level, metric: alarm.metric, kind: alarm.kind, value: alarm.value ?? '?', setpoint: alarm.setpoint ?? '?', device: alarm.deviceId, unit }),
    data: { alarmId: alarm.id, groupId: alarm.groupId, deviceId: alarm.deviceId, level: alarm.level, value: alarm.value, raisedAt },
  }];
  if (view.state === 'contained') {
    const back = changeState(next, 'responding', 'system', said(`alarm ${alarm.id} activated after containment`, 'reason.alarm-after-containment', { alarm: alarm.id }), at);
    next = back.next;
    events.push(...back.events);
  }
  return { next, events };
}

/** Whether an assessment carries a plan to act on: an isolation alternative, or people to evacuate or shelter. */
export function hasActionPlan(a: IncidentAssessmentView): boolean {
  return (a.isolation?.alternatives.length ?? 0) > 0 || (a.evacuation?.groups.some((g) => g.decision !== 'unaffected') ?? false);
}

/** Whether an assessment gives the wall the full picture: zones, valves and where people go. */
export function isComplete(a: IncidentAssessmentView): boolean {
  return a.zones.length > 0 && (a.isolation?.alternatives.length ?? 0) > 0 && a.evacuation !== null && a.evacuation.groups.length > 0;
}

/**
 * People by where the plan puts them: in a zone now (the zone reaches them at once), evacuating,
 * sheltering, or unaffected. Counts follow the latest plan, not tracked positions (tagged
 * people's doses are in the assessment's `doses`).
 */
export function peopleOf(a: IncidentAssessmentView, before: IncidentPeopleView): IncidentPeopleView {
  if (!a.evacuation) return before;
  const sum = (pick: (g: NonNullable<IncidentAssessmentView['evacuation']>['groups'][number]) => boolean) =>
    a.evacuation!.groups.filter(pick).reduce((n, g) => n + g.persons, 0);
  return {
    inZone: sum((g) => g.zoneArrivesS !== null && g.zoneArrivesS <= 0),
    evacuating: sum((g) => g.decision === 'evacuate'),
    sheltered: sum((g) => g.decision === 'shelter'),
    safe: sum((g) => g.decision === 'unaffected'),
  };
}

/**
 * The compact timeline entry of an assessment: the top candidate with its probability, the
 * valves of the first isolation alternative, the groups to evacuate and the unusable assembly
 * points — no polygons or routes (the latest assessment is on the incident itself).
 */
export function assessmentEvent(a: IncidentAssessmentView): NewIncidentEvent {
  const top = a.source.candidates[0] ?? null;
  const valves = a.isolation?.alternatives[0]?.valves.map((v) => v.valveId) ?? [];
  const evacuate = a.evacuation?.groups.filter((g) => g.decision === 'evacuate').map((g) => g.id) ?? [];
  const unusable = a.evacuation?.assemblyPoints.filter((p) => !p.usable).map((p) => p.id) ?? [];
  const percent = top ? Math.round(top.probability * 100) : 0;
  const where = top ? `${top.label} (${percent} %)` : (a.source.chosen.id ?? 'a point');
  const source = top ? hubText('event.source-candidate', { name: top.name ?? top.label, percent }) : (a.source.chosen.id ?? '—');
  return {
    at: a.computedAt,
    kind: 'assessment',
    actor: 'system',
    message: `assessment ${a.seq}: source ${where}; ${valves.length} valve(s) to close; ${evacuate.length} group(s) to evacuate; ${unusable.length} assembly point(s) unusable`,
    messageText: hubText('event.assessment', { seq: a.seq, source, valves: valves.length, groups: evacuate.length, unusable: unusable.length }),
    data: {
      seq: a.seq,
      topCandidate: top && { id: top.id, label: top.label, probability: top.probability, rateKgS: top.rateKgS },
      chosen: a.source.chosen.id,
      valvesRank1: valves,
      evacuate,
      unusableAssemblyPoints: unusable,
      zones: a.zones.map((z) => ({ level: z.level, distanceM: z.distanceM })),
      warnings: a.warnings,
    },
  };
}

/**
 * Stores an assessment as the latest (older or repeated sequence numbers are ignored), sets
 * `assessedAt` on the first complete one, updates the people counts, and moves an assessing
 * (or still detected) incident to responding once it brings an isolation or an evacuation plan.
 */
export function applyAssessment(view: IncidentView, a: IncidentAssessmentView, at: number): IncidentChange {
  if (view.assessment && view.assessment.seq >= a.seq) return null;
  const assessedAt = view.milestones.assessedAt ?? (isComplete(a) ? at : null);
  let next: IncidentView = { ...view, assessment: a, people: peopleOf(a, view.people), milestones: { ...view.milestones, assessedAt }, updatedAt: at };
  next = { ...next, concerns: concernedEnterprises(next, view.concerns) };
  const events = [assessmentEvent(a)];
  if ((view.state === 'assessing' || view.state === 'detected') && hasActionPlan(a)) {
    const moved = changeState(next, 'responding', 'system', said(`assessment ${a.seq} brought an isolation or evacuation plan`, 'reason.assessment-plan', { seq: a.seq }), at);
    next = moved.next;
    events.push(...moved.events);
  }
  return { next, events };
}

/** The isolation being carried out changed (the actions' sink); milestones given are merged. */
export function applyValves(view: IncidentView, valves: IncidentValveView[], milestones: Partial<IncidentMilestonesView> | undefined, at: number): IncidentView {
  return { ...view, valves, milestones: { ...view.milestones, ...milestones }, updatedAt: at };
}
