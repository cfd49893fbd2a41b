/** Which side of its set-points a process value is on. */
export type SetpointCondition = 'normal' | 'low' | 'low-low' | 'high' | 'high-high';

/** A metric's alarm limits with the anti-chatter settings of ISA-18.2 / EEMUA 191. */
export interface SetpointLimits {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
  /**
   * Hysteresis in the metric's unit: a high clears only below `high - deadbandAbs`, a low
   * only above `low + deadbandAbs`. EEMUA 191 suggests ~1 % of span for flow/level, 2 % for
   * temperature, 5 % for analysers (gas detectors).
   */
  deadbandAbs: number;
  /** A condition must hold this long before it is raised (on-delay), ms. */
  onDelayMs: number;
  /** A return to normal must hold this long before it clears (off-delay), ms. */
  offDelayMs: number;
}

const SEVERITY: Record<SetpointCondition, number> = { normal: 0, low: 1, high: 1, 'low-low': 2, 'high-high': 2 };

/** The raw condition of a value, entering each level at its limit (no hysteresis). */
function rawCondition(value: number, l: SetpointLimits): SetpointCondition {
  if (l.highHigh !== null && value >= l.highHigh) return 'high-high';
  if (l.lowLow !== null && value <= l.lowLow) return 'low-low';
  if (l.high !== null && value >= l.high) return 'high';
  if (l.low !== null && value <= l.low) return 'low';
  return 'normal';
}

/** Whether `value` still holds `condition` once the deadband is applied (leaving needs the band crossed). */
function stillHolds(condition: SetpointCondition, value: number, l: SetpointLimits): boolean {
  switch (condition) {
    case 'high-high':
      return l.highHigh !== null && value > l.highHigh - l.deadbandAbs;
    case 'high':
      return l.high !== null && value > l.high - l.deadbandAbs;
    case 'low-low':
      return l.lowLow !== null && value < l.lowLow + l.deadbandAbs;
    case 'low':
      return l.low !== null && value < l.low + l.deadbandAbs;
    case 'normal':
      return true;
  }
}

/** The condition a value supports given the current one: entering at the limit, leaving past the deadband. */
function nextCondition(current: SetpointCondition, value: number, l: SetpointLimits): SetpointCondition {
  const raw = rawCondition(value, l);
  if (SEVERITY[raw] >= SEVERITY[current] && raw !== 'normal') return raw;
  if (current !== 'normal' && stillHolds(current, value, l)) return current;
  // Stepping down (high-high → high, or out): the lower level, if the value still holds it.
  if (current === 'high-high' && stillHolds('high', value, l)) return 'high';
  if (current === 'low-low' && stillHolds('low', value, l)) return 'low';
  return raw;
}

/**
 * Tracks one metric of one sensor against its set-points: deadband against chattering at a
 * limit, on-delay against spikes, off-delay against flapping clears. O(1) per reading; time is
 * the reading's sensor time, so a replayed drill gives the same alarms.
 */
export class SetpointTracker {
  private confirmed: SetpointCondition = 'normal';
  private pending: SetpointCondition | null = null;
  private pendingSinceMs = 0;

  /** `initial`: the condition already raised (an alarm standing when the hub restarted). */
  constructor(
    private readonly limits: SetpointLimits,
    initial: SetpointCondition = 'normal',
  ) {
    this.confirmed = initial;
  }

  /** The condition currently raised. */
  get condition(): SetpointCondition {
    return this.confirmed;
  }

  /** Feeds a value; returns the new confirmed condition when it changed, else null. */
  update(value: number, tsMs: number): SetpointCondition | null {
    const candidate = nextCondition(this.confirmed, value, this.limits);
    if (candidate === this.confirmed) {
      this.pending = null;
      return null;
    }
    if (this.pending !== candidate) {
      this.pending = candidate;
      this.pendingSinceMs = tsMs;
    }
    const worse = SEVERITY[candidate] > SEVERITY[this.confirmed];
    const delayMs = worse ? this.limits.onDelayMs : this.limits.offDelayMs;
    if (tsMs - this.pendingSinceMs < delayMs) return null;
    this.confirmed = candidate;
    this.pending = null;
    return candidate;
  }
}
