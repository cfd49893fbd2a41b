/** ISA-18.2 alarm states, with the names the API uses. */
export const ALARM_STATES = ['normal', 'unacknowledged', 'acknowledged', 'rtn-unacknowledged', 'shelved', 'suppressed', 'out-of-service'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** States that keep an alarm off the operators' displays on purpose (ISA-18.2: shelved, suppressed by design, out of service). */
export const HIDDEN_STATES: ReadonlySet<AlarmState> = new Set(['shelved', 'suppressed', 'out-of-service']);

/** What can happen to an alarm: the process (activate / clear) or an operator or the design. */
export type AlarmEvent =
  | { type: 'activate'; value: number }
  | { type: 'clear'; value: number }
  | { type: 'ack' }
  | { type: 'shelve'; untilMs: number; reason: string }
  | { type: 'unshelve' }
  | { type: 'shelve-expired' }
  | { type: 'suppress'; reason: string }
  | { type: 'unsuppress' }
  | { type: 'out-of-service'; reason: string }
  | { type: 'return-to-service' };

/** An alarm's lifecycle state (the part the state machine owns). */
export interface AlarmLifecycle {
  state: AlarmState;
  /** Whether the process condition is abnormal now, whatever the state shows (ISA-18.2 keeps both). */
  processActive: boolean;
  /** Activations while already active (a repeat updates the alarm, never duplicates it). */
  count: number;
  /** Last process value that changed the alarm. */
  value: number | null;
  shelvedUntilMs: number | null;
}

/** A refused operator action, e.g. acknowledging an alarm that is not waiting for it. */
export class AlarmTransitionError extends Error {
  readonly code = 'alarm:invalid-transition';
  constructor(
    readonly from: AlarmState,
    readonly event: AlarmEvent['type'],
    why?: string,
  ) {
    super(why ? `cannot ${event}: ${why}` : `cannot ${event} an alarm that is ${from}`);
    this.name = 'AlarmTransitionError';
  }
}

/** A new alarm's lifecycle before anything happened. */
export function initialLifecycle(): AlarmLifecycle {
  return { state: 'normal', processActive: false, count: 0, value: null, shelvedUntilMs: null };
}

/** The state an alarm returns to from shelved / suppressed / out of service: what the process says now. */
function reinstated(l: AlarmLifecycle): AlarmState {
  return l.processActive ? 'unacknowledged' : 'normal';
}

/**
 * ISA-18.2 (ANSI/ISA-18.2-2016 §11, the alarm state transition diagram) as a pure function:
 * the next lifecycle for an event, or an AlarmTransitionError for an operator action that the
 * state does not allow. Process events are never refused: while shelved, suppressed or out of
 * service they update `processActive` silently, so the alarm comes back truthfully.
 */
export function transition(l: AlarmLifecycle, event: AlarmEvent): AlarmLifecycle {
  const next: AlarmLifecycle = { ...l };
  const refuse = () => {
    throw new AlarmTransitionError(l.state, event.type);
  };
  switch (event.type) {
    case 'activate':
      next.processActive = true;
      next.value = Number.isFinite(event.value) ? event.value : l.value;
      if (l.state === 'normal' || l.state === 'rtn-unacknowledged') {
        next.state = 'unacknowledged';
        next.count = l.count + 1;
      } else if (l.state === 'unacknowledged' || l.state === 'acknowledged') {
        next.count = l.count + 1; // a repeat: counted, not duplicated
      } else if (!l.processActive) {
        // Shelved, suppressed or out of service: the display stays as the operator set it, but a
        // new process activation is still one — counted and dated, so safety functions (ESD) act on
        // it and the alarm comes back with its true age.
        next.count = l.count + 1;
      }
      return next;
    case 'clear':
      next.processActive = false;
      next.value = Number.isFinite(event.value) ? event.value : l.value;
      if (l.state === 'unacknowledged') next.state = 'rtn-unacknowledged';
      else if (l.state === 'acknowledged') next.state = 'normal';
      return next;
    case 'ack':
      if (l.state === 'unacknowledged') next.state = 'acknowledged';
      else if (l.state === 'rtn-unacknowledged') next.state = 'normal';
      else refuse();
      return next;
    case 'shelve':
      if (l.state === 'out-of-service' || l.state === 'suppressed' || l.state === 'shelved') refuse();
      next.state = 'shelved';
      next.shelvedUntilMs = event.untilMs;
      return next;
    case 'unshelve':
    case 'shelve-expired':
      if (l.state !== 'shelved') refuse();
      next.state = reinstated(l);
      next.shelvedUntilMs = null;
      return next;
    case 'suppress':
      if (l.state === 'out-of-service') refuse();
      next.state = 'suppressed';
      next.shelvedUntilMs = null;
      return next;
    case 'unsuppress':
      if (l.state !== 'suppressed') refuse();
      next.state = reinstated(l);
      return next;
    case 'out-of-service':
      if (l.state === 'out-of-service') refuse();
      next.state = 'out-of-service';
      next.shelvedUntilMs = null;
      return next;
    case 'return-to-service':
      if (l.state !== 'out-of-service') refuse();
      next.state = reinstated(l);
      return next;
  }
}
