import { SetpointTracker } from '../setpoint-tracker.ts';
import { ruleFor, type RateRule } from './rule-set.ts';
import { referenceSpan, report, rulePoint, type Levels, type RuleSensor, type RuleSink } from './rule-sensors.ts';

interface RateTrack {
  /** The two raw values before this one (a median of three drops single-sample spikes). */
  raw1: number;
  raw2: number;
  smoothed: number;
  lastTsMs: number;
  /** The smoothed value half a window to a window ago, and the newer one that replaces it. */
  anchorTsMs: number;
  anchorValue: number;
  midTsMs: number;
  midValue: number;
  tracker: SetpointTracker;
}

/** Share of the limit the rate must fall below before a rate alarm clears (hysteresis). */
const RATE_DEADBAND_SHARE = 0.25;

/**
 * Rate-of-change alarms, O(1) per reading on sensor time. The value goes through a median of
 * three (a one-sample spike is a sensor fault the `jump` rule reports, not a rate) and is then
 * smoothed (EWMA, time constant a sixth of the window) so noisy samples do not count; the rate is the
 * change of the smoothed value since an anchor between half a window and a window old (two
 * anchors leapfrog, so no sample list is kept). The rate in unit/min then goes through a
 * set-point tracker (limit, 25 % deadband, off-delay of one window), so it does not chatter.
 * A gap of more than a window (dropout, restart) starts afresh: no rate across a hole.
 */
export class RateMonitor {
  private readonly tracks = new Map<string, RateTrack>();

  constructor(
    private readonly sink: RuleSink,
    private rules: readonly RateRule[],
  ) {}

  /** New rules: trackers restart from the conditions the engine holds. */
  setRules(rules: readonly RateRule[]): void {
    this.rules = rules;
    this.tracks.clear();
  }

  /** A sensor's levels changed: its rate limit is set afresh with its next reading. */
  forget(deviceId: string): void {
    this.tracks.delete(deviceId);
  }

  /** One value of a sensor's watched metric at sensor time `tsMs`, judged against its current base levels. */
  observe(s: RuleSensor, levels: Levels, value: number, tsMs: number): void {
    const rule = ruleFor(this.rules, s.kind);
    if (!rule) return;
    const track = this.tracks.get(s.deviceId);
    if (!track || tsMs - track.lastTsMs > rule.windowMs) {
      this.tracks.set(s.deviceId, this.fresh(s, levels, rule, value, tsMs));
      return;
    }
    if (tsMs <= track.lastTsMs) return; // late or repeated: no step to judge
    const halfMs = rule.windowMs / 2;
    const filtered = medianOf3(track.raw2, track.raw1, value);
    track.raw2 = track.raw1;
    track.raw1 = value;
    track.smoothed += (1 - Math.exp(-(tsMs - track.lastTsMs) / (rule.windowMs / 6))) * (filtered - track.smoothed);
    track.lastTsMs = tsMs;
    if (tsMs - track.midTsMs >= halfMs) {
      track.anchorTsMs = track.midTsMs;
      track.anchorValue = track.midValue;
      track.midTsMs = tsMs;
      track.midValue = track.smoothed;
    }
    if (tsMs - track.anchorTsMs < halfMs) return;
    const ratePerMin = ((track.smoothed - track.anchorValue) / (tsMs - track.anchorTsMs)) * 60_000;
    const after = track.tracker.update(ratePerMin, tsMs);
    if (after !== null) report(this.sink, rulePoint(s, 'rate', limitPerMin(s, levels, rule)), after !== 'normal', ratePerMin);
  }

  private fresh(s: RuleSensor, levels: Levels, rule: RateRule, value: number, tsMs: number): RateTrack {
    const limit = limitPerMin(s, levels, rule);
    const tracker = new SetpointTracker(
      { lowLow: null, low: rule.direction === 'both' ? -limit : null, high: limit, highHigh: null, deadbandAbs: RATE_DEADBAND_SHARE * limit, onDelayMs: 0, offDelayMs: rule.windowMs },
      this.sink.isActive(rulePoint(s, 'rate', null)) ? 'high' : 'normal',
    );
    return { raw1: value, raw2: value, smoothed: value, lastTsMs: tsMs, anchorTsMs: tsMs, anchorValue: value, midTsMs: tsMs, midValue: value, tracker };
  }
}

/** The middle one of three values. */
function medianOf3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** The rate limit of a sensor, unit per minute. */
function limitPerMin(s: RuleSensor, levels: Levels, rule: RateRule): number {
  return rule.sharePerMin * referenceSpan(s, levels, rule.basis);
}
