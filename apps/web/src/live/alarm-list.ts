// The standing-alarm list as pure functions: merge the hub's `alarm` events into it, order it,
// count it, and decide which operator actions an alarm offers to which role. No React, no timers.
import type { AlarmView, Role } from '@safetwin/protocol';
import type { AlarmT } from './alarm-format.ts';
import { translator } from '../i18n/messages-core.ts';
import { alarmMessages } from '../i18n/messages/alarms.ts';

const EN_ALARMS: AlarmT = translator(alarmMessages, 'en');

/** An operator action the panel can offer (the hub's `/alarms/:id/<action>` routes). */
export type AlarmAction = 'ack' | 'shelve' | 'unshelve';

/** Roles the hub lets act on alarms; a drill planner watches only (the hub answers 403). */
const OPERATOR_ROLES: ReadonlySet<Role> = new Set<Role>(['commander', 'park-manager', 'safety-officer']);

/** Whether a role may acknowledge, shelve and unshelve alarms. */
export function canActOnAlarms(role: Role): boolean {
  return OPERATOR_ROLES.has(role);
}

/** An alarm stands (is listed) in every state but `normal`. */
export function isStanding(alarm: AlarmView): boolean {
  return alarm.state !== 'normal';
}

/** Whether the alarm still waits for an operator's acknowledgement (active or returned to normal). */
export function awaitsAck(alarm: AlarmView): boolean {
  return alarm.state === 'unacknowledged' || alarm.state === 'rtn-unacknowledged';
}

/** When the alarm last became active, epoch ms; the last change when the hub never raised it (e.g. taken out of service). */
export function activatedAtMs(alarm: AlarmView): number {
  return alarm.raisedAt ?? alarm.updatedAt;
}

/** Latest activation first (a repeat moves an alarm to the top); ties by id so the order is stable. */
export function compareAlarms(a: AlarmView, b: AlarmView): number {
  const byTime = activatedAtMs(b) - activatedAtMs(a);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The standing alarms of a list (e.g. a subscribe answer), ordered; one entry per id (the newest). */
export function standingAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  const byId = new Map<string, AlarmView>();
  for (const alarm of alarms) {
    const known = byId.get(alarm.id);
    if (!known || alarm.updatedAt >= known.updatedAt) byId.set(alarm.id, alarm);
  }
  return [...byId.values()].filter(isStanding).sort(compareAlarms);
}

/**
 * Merges one alarm change into an ordered standing list: replaces the entry with the same id,
 * adds a new one, drops it when it went back to `normal`. A change older than the one held
 * (e.g. an action's answer arriving after the socket already told of a later change) is ignored.
 * Returns the same array when nothing changed, so snapshots stay stable for React.
 */
export function mergeAlarm(list: readonly AlarmView[], alarm: AlarmView): readonly AlarmView[] {
  const index = list.findIndex((a) => a.id === alarm.id);
  const known = index >= 0 ? list[index] : undefined;
  if (known && alarm.updatedAt < known.updatedAt) return list;
  if (!isStanding(alarm)) return known ? list.filter((_, i) => i !== index) : list;
  if (known && sameAlarm(known, alarm)) return list;
  const next = known ? list.filter((_, i) => i !== index) : [...list];
  // Insert in order rather than re-sorting: lists are short, but events arrive one at a time.
  let at = next.findIndex((a) => compareAlarms(alarm, a) < 0);
  if (at < 0) at = next.length;
  next.splice(at, 0, alarm);
  return next;
}

/** Field-by-field equality of two views of one alarm (the hub may resend an unchanged view). */
function sameAlarm(a: AlarmView, b: AlarmView): boolean {
  return (
    a.state === b.state &&
    a.updatedAt === b.updatedAt &&
    a.count === b.count &&
    a.value === b.value &&
    a.raisedAt === b.raisedAt &&
    a.shelvedUntil === b.shelvedUntil &&
    a.processActive === b.processActive &&
    a.level === b.level &&
    a.setpoint === b.setpoint &&
    a.groupId === b.groupId &&
    a.firstOut === b.firstOut &&
    sameResponse(a.response, b.response)
  );
}

/** Whether two graded responses are the same (a response set in the same millisecond as the activation must not be dropped). */
function sameResponse(a: AlarmView['response'], b: AlarmView['response']): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.dueAt === b.dueAt && a.tier === b.tier && a.escalations === b.escalations && a.confirmedAt === b.confirmedAt && a.confirmedBy === b.confirmedBy && a.note === b.note;
}

/** Counts for the panel header: standing alarms and those still waiting for an acknowledgement. */
export interface AlarmCounts {
  total: number;
  unacknowledged: number;
}

/** Counts a standing list. */
export function alarmCounts(list: readonly AlarmView[]): AlarmCounts {
  let unacknowledged = 0;
  for (const alarm of list) if (awaitsAck(alarm)) unacknowledged++;
  return { total: list.length, unacknowledged };
}

/** The panel header: "No standing alarms", "1 alarm · 1 unacknowledged", "3 alarms · 0 unacknowledged". */
export function alarmCountText({ total, unacknowledged }: AlarmCounts, t: AlarmT = EN_ALARMS): string {
  if (total === 0) return t('none');
  return total === 1 ? t('countOne', { unack: unacknowledged }) : t('countMany', { total, unack: unacknowledged });
}

/** The actions an alarm offers to a role: acknowledge while it waits for one, shelve while it is annunciated, unshelve while shelved. */
export function alarmActions(alarm: AlarmView, role: Role): AlarmAction[] {
  if (!canActOnAlarms(role)) return [];
  switch (alarm.state) {
    case 'unacknowledged':
    case 'rtn-unacknowledged':
      return ['ack', 'shelve'];
    case 'acknowledged':
      return ['shelve'];
    case 'shelved':
      return ['unshelve'];
    default:
      // normal, suppressed by design, out of service: nothing for the operator here.
      return [];
  }
}

/**
 * The alarm a table row shows for its device: the most severe (lowest level number), then one
 * still waiting for an acknowledgement, then the latest. Undefined when the device has none.
 */
export function worstAlarm(alarms: readonly AlarmView[]): AlarmView | undefined {
  let worst: AlarmView | undefined;
  for (const alarm of alarms) {
    if (!worst) {
      worst = alarm;
      continue;
    }
    const byLevel = alarm.level - worst.level;
    const byAck = Number(awaitsAck(worst)) - Number(awaitsAck(alarm));
    if (byLevel < 0 || (byLevel === 0 && (byAck < 0 || (byAck === 0 && compareAlarms(alarm, worst) < 0)))) worst = alarm;
  }
  return worst;
}
