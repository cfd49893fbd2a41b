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

/** Severity of a demand: an emergency plan (level 2) outranks a rectification plan (level 3). */
const DEMAND_RANK: Readonly<Record<DeadlineKind, number>> = { 'emergency-plan': 2, 'rectification-plan': 3 };

/**
 * An alarm group needs one response per enterprise in it (a cloud drifting onto a neighbour's
 * plot demands a plan of the neighbour too, on an alarm its officer sees and may confirm): it
 * sits on the first-out alarm, on the first member of each other enterprise, or on an alarm
 * standing alone. A later member whose level demands more than any response its enterprise's
 * members already carry (a level-2 gas alarm behind a level-3 first-out) carries its own, so the
 * most severe demand is never lost; `members` are the other alarms of the group.
 */
export function carriesGroupResponse(
  alarm: Pick<AlarmView, 'groupId' | 'firstOut' | 'enterpriseId'>,
  kind: DeadlineKind,
  members: readonly Pick<AlarmView, 'response' | 'enterpriseId'>[],
): boolean {
  if (alarm.groupId === null || alarm.firstOut) return true;
  return !members.some((m) => m.enterpriseId === alarm.enterpriseId && m.response !== null && m.response.kind !== 'shutdown' && DEMAND_RANK[m.response.kind] <= DEMAND_RANK[kind]);
}

/** The operator and timer events that bring a hidden alarm back. */
const REINSTATING_EVENTS: ReadonlySet<string> = new Set(['unshelve', 'shelve-expired', 'unsuppress', 'return-to-service']);

/** An alarm reinstated while its process condition stands and it carries no response (its activation came while it was hidden). */
export function isReinstatedUnanswered(alarm: AlarmView, transition: AlarmTransitionView): boolean {
  return REINSTATING_EVENTS.has(transition.event) && alarm.processActive && alarm.response === null;
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

/**
 * A missed deadline: the next tier answerable, its deadline one period after the missed one
 * (not after whenever the job ran: worker lag or downtime must not shift the chain).
 */
export function escalateResponse(r: AlarmResponseView & { dueAt: number }, durationMs: number): AlarmResponseView & { dueAt: number } {
  return { ...r, tier: nextTier(r.tier), escalations: r.escalations + 1, dueAt: r.dueAt + durationMs };
}

/**
 * Every tier missed by `nowMs`, in order: after downtime the chain catches up (each missed tier
 * a step of its own), ending with the first deadline still ahead. Empty when `r` is not yet due.
 */
export function missedEscalations(r: AlarmResponseView & { dueAt: number }, nowMs: number, durationMs: number): (AlarmResponseView & { dueAt: number })[] {
  const steps: (AlarmResponseView & { dueAt: number })[] = [];
  for (let at = r; at.dueAt <= nowMs; ) {
    at = escalateResponse(at, durationMs);
    steps.push(at);
  }
  return steps;
}

/** A confirmation: the clock stops (dueAt kept, so lateness stays visible). */
export function confirmResponse(r: AlarmResponseView, by: string, note: string, nowMs: number): AlarmResponseView {
  return { ...r, confirmedAt: nowMs, confirmedBy: by, note };
}
