// The site wall's alarm stack as pure functions: the ISA-101 order (level, then waiting for an
// operator, then newest), alarms of one cause collapsed under their first-out, the graded
// response's countdown (never negative: overdue says so), and which response an alarm asks of
// which role. No React, no timers; `nowMs` is an argument.
import type { AlarmView, Role } from '@safetwin/protocol';
import { activatedAtMs, canActOnAlarms } from './alarm-list.ts';

/** How much an alarm's state asks of the operator: waiting for an acknowledgement first, then standing, then muted. */
function stateRank(alarm: AlarmView): number {
  switch (alarm.state) {
    case 'unacknowledged':
      return 0;
    case 'rtn-unacknowledged':
      return 1;
    case 'acknowledged':
      return 2;
    default:
      // shelved, suppressed by design, out of service: listed for the record, not annunciated.
      return 3;
  }
}

/** Stack order: level 1 first, then unacknowledged before the rest, then the latest activation; ties by id. */
export function compareStack(a: AlarmView, b: AlarmView): number {
  return a.level - b.level || stateRank(a) - stateRank(b) || activatedAtMs(b) - activatedAtMs(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One line of the stack: an alarm, and the other standing alarms of its group (same cause) folded under it. */
export interface StackEntry {
  /** The group's first-out alarm (or, when it has cleared, its most urgent standing member). */
  head: AlarmView;
  /** Members more severe than the head (a level-1 alarm must never hide under a level-3 first-out) or with a response due: always shown, in stack order. */
  pinned: AlarmView[];
  /** The group's other standing alarms, in stack order, folded until expanded; empty for an alarm that stands alone. */
  members: AlarmView[];
  /** The most urgent level in the group (the entry sorts by it). */
  level: AlarmView['level'];
  /** Whether any alarm of the entry waits for an acknowledgement. */
  awaitsAck: boolean;
}

/**
 * Folds a standing list into stack entries: one per group (head = first-out) and one per
 * ungrouped alarm, ordered by the group's worst level, then unacknowledged first, then newest.
 * A leak that trips thirty detectors becomes one line with 29 members.
 */
export function stackEntries(alarms: readonly AlarmView[]): StackEntry[] {
  const groups = new Map<string, AlarmView[]>();
  const entries: StackEntry[] = [];
  for (const alarm of alarms) {
    if (alarm.groupId === null) {
      entries.push(entryOf([alarm]));
      continue;
    }
    const group = groups.get(alarm.groupId);
    if (group) group.push(alarm);
    else groups.set(alarm.groupId, [alarm]);
  }
  for (const group of groups.values()) entries.push(entryOf(group));
  return entries.sort(compareEntries);
}

function entryOf(group: AlarmView[]): StackEntry {
  const ordered = [...group].sort(compareStack);
  const first = ordered.find((a) => a.firstOut) ?? ordered[0]!;
  const rest = ordered.filter((a) => a !== first);
  return {
    head: first,
    pinned: rest.filter((a) => isPinned(a, first)),
    members: rest.filter((a) => !isPinned(a, first)),
    level: ordered[0]!.level,
    awaitsAck: ordered.some((a) => stateRank(a) <= 1),
  };
}

/**
 * A member shown under its head instead of folded: more severe than the head, or carrying a
 * response still due (another enterprise's demand in the group must stay in sight to be confirmed).
 */
function isPinned(member: AlarmView, head: AlarmView): boolean {
  return member.level < head.level || (member.response !== null && member.response.confirmedAt === null && member.response.dueAt !== null);
}

function compareEntries(a: StackEntry, b: StackEntry): number {
  return a.level - b.level || Number(b.awaitsAck) - Number(a.awaitsAck) || compareStack(a.head, b.head);
}

/** Where a graded response stands at `nowMs`: nothing due, running down, overdue, or confirmed. */
export type ResponseClock =
  | { kind: 'none' }
  | { kind: 'due'; remainingMs: number }
  | { kind: 'overdue'; overdueMs: number }
  | { kind: 'confirmed'; atMs: number; by: string | null };

/** The countdown of an alarm's response to its `dueAt`; overdue is a state with its own time, never a negative countdown. */
export function responseClock(response: AlarmView['response'], nowMs: number): ResponseClock {
  if (!response) return { kind: 'none' };
  if (response.confirmedAt !== null) return { kind: 'confirmed', atMs: response.confirmedAt, by: response.confirmedBy };
  if (response.dueAt === null) return { kind: 'none' };
  const remainingMs = response.dueAt - nowMs;
  return remainingMs > 0 ? { kind: 'due', remainingMs } : { kind: 'overdue', overdueMs: nowMs - response.dueAt };
}

/** A countdown as a wall reads it: "29:59", "1:05:00" (h:mm:ss past an hour); whole seconds, rounded up so 0:00 means due. */
export function formatCountdown(ms: number): string {
  const totalS = Math.max(0, Math.ceil(ms / 1_000));
  const s = String(totalS % 60).padStart(2, '0');
  const totalMin = Math.floor(totalS / 60);
  if (totalMin < 60) return `${totalMin}:${s}`;
  return `${Math.floor(totalMin / 60)}:${String(totalMin % 60).padStart(2, '0')}:${s}`;
}

/** A confirmation the wall can send: the level-2 emergency plan, the level-3 rectification plan (the hub's routes). */
export type ResponseAction = 'confirm-plan' | 'rectification-plan';

/**
 * The confirmation an alarm asks of this role now: the response is unconfirmed, has a deadline,
 * and the role acts on alarms (a drill planner watches only). The hub re-checks the tenant.
 */
export function responseAction(alarm: AlarmView, role: Role): ResponseAction | null {
  const response = alarm.response;
  if (!response || response.confirmedAt !== null || response.dueAt === null || !canActOnAlarms(role)) return null;
  if (response.kind === 'emergency-plan') return 'confirm-plan';
  if (response.kind === 'rectification-plan') return 'rectification-plan';
  return null;
}

/** The level-1 alarms that get a red card: standing and either active or still unacknowledged, newest first. */
export function redCardAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  return alarms
    .filter((a) => a.level === 1 && (a.state === 'unacknowledged' || a.state === 'acknowledged' || a.state === 'rtn-unacknowledged') && (a.processActive || a.state !== 'acknowledged'))
    .sort((a, b) => activatedAtMs(b) - activatedAtMs(a));
}
