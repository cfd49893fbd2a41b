import type { IncidentState } from '@safetwin/protocol';

/**
 * The incident lifecycle: detected → assessing → responding → contained → closed.
 * - `assessing` on the first assessment request, `responding` once an assessment brings an
 *   isolation or an evacuation plan (the scheduler moves these);
 * - a commander marks it `contained` (from any open state: a small leak may be stopped before the
 *   first plan) or `closed` (from any open state: a false alarm is closed from `detected`);
 * - `contained` returns to `responding` when new alarms join (the leak was not stopped);
 * - `closed` is final.
 */
const NEXT: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  detected: ['assessing', 'responding', 'contained', 'closed'],
  assessing: ['responding', 'contained', 'closed'],
  responding: ['contained', 'closed'],
  contained: ['responding', 'closed'],
  closed: [],
};

/** A state change the lifecycle does not allow; the message names both states. */
export class IncidentTransitionError extends Error {
  readonly code = 'incident:invalid-transition';
  constructor(
    readonly from: IncidentState,
    readonly to: IncidentState,
  ) {
    super(
      from === to
        ? `the incident is already ${from}`
        : from === 'closed'
          ? `cannot move a closed incident to ${to}: closed is final`
          : `cannot move an incident from ${from} to ${to} (from ${from} it may go to ${NEXT[from].join(', ')})`,
    );
    this.name = 'IncidentTransitionError';
  }
}

/** Whether the lifecycle allows `from` → `to`. */
export function canTransition(from: IncidentState, to: IncidentState): boolean {
  return NEXT[from].includes(to);
}

/** Throws {@link IncidentTransitionError} unless the lifecycle allows `from` → `to`. */
export function checkTransition(from: IncidentState, to: IncidentState): void {
  if (!canTransition(from, to)) throw new IncidentTransitionError(from, to);
}

/** Every state but `closed`: the incident is being worked on (assessed, joined by alarms). */
export function isOpenState(state: IncidentState): boolean {
  return state !== 'closed';
}
