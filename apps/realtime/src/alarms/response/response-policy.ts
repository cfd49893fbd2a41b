import type { AlarmResponseView, AlarmTransitionView, AlarmView, ResponseTier } from '@safetwin/protocol';
import { RESPONSE_TIERS } from '@safetwin/protocol';

/** A response with a deadline (level 1's shutdown has none). */
export type DeadlineKind = Extract<AlarmResponseView['kind'], 'emergency-plan' | 'rectification-plan'>;

/** How long each tier has to confirm (DESIGN.md §5): emergency plan 30 min (level 2), rectification plan 2 h (level 3). */
export const RESPONSE_DEADLINE_MS: Readonly<Record<DeadlineKind, number>> = { 'emergency-plan': 30 * 60_000, 'rectification-plan': 2 * 60 * 60_000 };

/** What a level demands with a deadline: level 2 an emergency plan, level 3 a rectification plan; level 1 (automatic shutdown) and 4 (advisory) none. */
export function deadlineKindOf(level: AlarmView['level']): DeadlineKind | null {
  return level === 2 ? 'emergency-plan' : level === 3 ? 'rectification-plan' : null;
}

/**
 * A new activation (not a repeat of a standing one, not an operator action): the count rose from
 * not active — as the engine judges it when it regroups the alarm and clears its response.
 */
export function isNewActivation(alarm: AlarmView, transition: AlarmTransitionView, before: AlarmView): boolean {
  return transition.event === 'activate' && !before.processActive && alarm.count > before.count;
}

/** Severity of a demand: an emergency plan (level 2) outranks a rectification plan (level 3). */
const DEMAND_RANK: Readonly<Record<DeadlineKind, number>> = { 'emergency-plan': 2, 'rectification-plan': 3 };

/**
 * An alarm group needs one response: it sits on the first-out alarm, or on an alarm standing
 * alone. A later member whose level demands more than any response the group already carries
 * (a level-2 gas alarm behind a level-3 first-out) carries its own, so the group's most severe
 * demand is never lost; `members` are the other alarms of the group.
 */
export function carriesGroupResponse(alarm: Pick<AlarmView, 'groupId' | 'firstOut'>, kind: DeadlineKind, members: readonly Pick<AlarmView, 'response'>[]): boolean {
  if (alarm.groupId === null || alarm.firstOut) return true;
  return !members.some((m) => m.response !== null && m.response.kind !== 'shutdown' && DEMAND_RANK[m.response.kind] <= DEMAND_RANK[kind]);
}

/** Whether a response still waits for a confirmation, its clock running. */
export function isRunning(response: AlarmResponseView | null): response is AlarmResponseView & { dueAt: number } {
  return response !== null && response.dueAt !== null && response.confirmedAt === null;
}

/** The tier a missed deadline escalates to; government stays answerable once it is. */
export function nextTier(tier: ResponseTier): ResponseTier {
  return RESPONSE_TIERS[Math.min(RESPONSE_TIERS.indexOf(tier) + 1, RESPONSE_TIERS.length - 1)]!;
}

/** The response an activation opens: the enterprise answerable, its deadline from now. */
export function openResponse(kind: DeadlineKind, nowMs: number, durationMs = RESPONSE_DEADLINE_MS[kind]): AlarmResponseView {
  return { kind, dueAt: nowMs + durationMs, tier: 'enterprise', escalations: 0, confirmedAt: null, confirmedBy: null, note: null };
}

/** A missed deadline: the next tier answerable, with a fresh deadline of the same duration from now. */
export function escalateResponse(r: AlarmResponseView & { dueAt: number }, nowMs: number, durationMs: number): AlarmResponseView {
  return { ...r, tier: nextTier(r.tier), escalations: r.escalations + 1, dueAt: nowMs + durationMs };
}

/** A confirmation: the clock stops (dueAt kept, so lateness stays visible). */
export function confirmResponse(r: AlarmResponseView, by: string, note: string, nowMs: number): AlarmResponseView {
  return { ...r, confirmedAt: nowMs, confirmedBy: by, note };
}
