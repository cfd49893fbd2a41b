import { SetpointTracker } from '../setpoint-tracker.ts';
import { ruleFor, type DeviationRule } from './rule-set.ts';
import { referenceSpan, report, rulePoint, type Levels, type RuleSensor, type RuleSink } from './rule-sensors.ts';

/** A neighbour's reading counts while it is at most this many of its intervals old. */
const FRESH_INTERVALS = 3;
/** Share of the limit the deviation must fall below before the alarm clears. */
const DEVIATION_DEADBAND_SHARE = 0.2;
/** Off-delay of a deviation alarm, ms. */
const DEVIATION_OFF_DELAY_MS = 10_000;

interface Latest {
  value: number;
  tsMs: number;
}

/** The median of a short list (sorted in place). */
function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/**
 * Deviation from neighbours: a sensor far from the median of its neighbours' latest readings
 * (same kind and metric; on the same equipment, or — for sensors on no equipment — within the
 * rule's radius). Each reading compares its own sensor only, against a neighbour list fixed
 * at start (a handful: the demo park rings an item with 4–8 detectors), so the work per
 * reading is bounded. A reading *above* the median counts only while it is below the sensor's
 * own high limit: above it, the gas alarm itself speaks and a real local source is the likely
 * cause. A reading far *below* its neighbours always counts: a dead cell in a cloud is the
 * case that must not pass for safe. The on-delay keeps a passing plume from counting.
 */
export class DeviationMonitor {
  private readonly latest = new Map<string, Latest>();
  private readonly trackers = new Map<string, SetpointTracker>();
  private neighbours = new Map<string, RuleSensor[]>();

  constructor(
    private readonly sensors: readonly RuleSensor[],
    private readonly sink: RuleSink,
    private rules: readonly DeviationRule[],
  ) {
    this.neighbours = neighbourLists(sensors, rules);
  }

  /** New rules: neighbour lists and trackers are set afresh. */
  setRules(rules: readonly DeviationRule[]): void {
    this.rules = rules;
    this.neighbours = neighbourLists(this.sensors, rules);
    this.trackers.clear();
  }

  /** A sensor's levels changed: its threshold is set afresh with its next reading. */
  forget(deviceId: string): void {
    this.trackers.delete(deviceId);
  }

  /** One value of a sensor's watched metric at sensor time `tsMs`. */
  observe(s: RuleSensor, levels: Levels, value: number, tsMs: number): void {
    const previous = this.latest.get(s.deviceId);
    if (previous && tsMs <= previous.tsMs) return;
    this.latest.set(s.deviceId, { value, tsMs });
    const rule = ruleFor(this.rules, s.kind);
    const around = this.neighbours.get(s.deviceId);
    if (!rule || !around) return;
    const values: number[] = [];
    for (const n of around) {
      const l = this.latest.get(n.deviceId);
      if (l && Math.abs(tsMs - l.tsMs) <= FRESH_INTERVALS * n.intervalMs) values.push(l.value);
    }
    if (values.length < rule.minNeighbours) return; // too few to judge: keep the condition as it is
    const deviation = value - median(values);
    const counts = deviation < 0 || levels.high === null || value < levels.high;
    const limit = rule.share * referenceSpan(s, levels, rule.basis);
    let tracker = this.trackers.get(s.deviceId);
    if (!tracker) {
      const initial = this.sink.isActive(rulePoint(s, 'deviation', null)) ? 'high' : 'normal';
      tracker = new SetpointTracker({ lowLow: null, low: null, high: limit, highHigh: null, deadbandAbs: DEVIATION_DEADBAND_SHARE * limit, onDelayMs: rule.onDelayMs, offDelayMs: DEVIATION_OFF_DELAY_MS }, initial);
      this.trackers.set(s.deviceId, tracker);
    }
    const after = tracker.update(counts ? Math.abs(deviation) : 0, tsMs);
    if (after !== null) report(this.sink, rulePoint(s, 'deviation', limit), after !== 'normal', value);
  }
}

/** Neighbours of every sensor a deviation rule applies to. */
function neighbourLists(sensors: readonly RuleSensor[], rules: readonly DeviationRule[]): Map<string, RuleSensor[]> {
  const out = new Map<string, RuleSensor[]>();
  const byKind = new Map<string, RuleSensor[]>();
  const kindKey = (s: RuleSensor) => `${s.siteId}\u0000${s.kind}\u0000${s.metric}`;
  for (const s of sensors) {
    const list = byKind.get(kindKey(s));
    if (list) list.push(s);
    else byKind.set(kindKey(s), [s]);
  }
  for (const s of sensors) {
    const rule = ruleFor(rules, s.kind);
    if (!rule) continue;
    const near = byKind.get(kindKey(s))!.filter((n) =>
      n !== s && (s.equipmentId !== null ? n.equipmentId === s.equipmentId : n.equipmentId === null && Math.hypot(n.eastM - s.eastM, n.northM - s.northM) <= rule.radiusM),
    );
    if (near.length > 0) out.set(s.deviceId, near);
  }
  return out;
}
