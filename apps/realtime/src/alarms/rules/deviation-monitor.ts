import { SetpointTracker } from '../setpoint-tracker.ts';
import { ruleFor, type DeviationRule } from './rule-set.ts';
import { referenceSpan, report, rulePoint, type Levels, type RuleSensor, type RuleSink } from './rule-sensors.ts';

/** A neighbour's reading counts while it is at most this many of its intervals old. */
const FRESH_INTERVALS = 3;
/** Neighbours a sensor is compared with at most: the nearest (bounded work per reading whatever the radius). */
export const MAX_NEIGHBOURS = 8;
/** Share of the limit the deviation must fall below before the alarm clears. */
const DEVIATION_DEADBAND_SHARE = 0.2;
/** Off-delay of a deviation alarm, ms. */
const DEVIATION_OFF_DELAY_MS = 10_000;

/** One sensor's latest reading, its rule and neighbours, and its tracker (all set up front: no allocation per reading). */
interface Slot {
  sensor: RuleSensor;
  value: number;
  tsMs: number;
  rule: DeviationRule | null;
  neighbours: Slot[];
  tracker: SetpointTracker | null;
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
 * rule's radius), the nearest {@link MAX_NEIGHBOURS} of them. Each reading compares its own
 * sensor only, against a neighbour list fixed at start, so the work per reading is bounded. A reading *above* the median counts only while it is below the sensor's
 * own high limit: above it, the gas alarm itself speaks and a real local source is the likely
 * cause. A reading far *below* its neighbours always counts: a dead cell in a cloud is the
 * case that must not pass for safe. The on-delay keeps a passing plume from counting.
 */
export class DeviationMonitor {
  private readonly slots = new Map<string, Slot>();
  private readonly scratch: number[] = [];

  constructor(
    sensors: readonly RuleSensor[],
    private readonly sink: RuleSink,
    rules: readonly DeviationRule[],
  ) {
    for (const sensor of sensors) this.slots.set(sensor.deviceId, { sensor, value: 0, tsMs: -Infinity, rule: null, neighbours: [], tracker: null });
    this.setRules(rules);
  }

  /** New rules: neighbour lists and trackers are set afresh. */
  setRules(rules: readonly DeviationRule[]): void {
    const lists = neighbourLists([...this.slots.values()].map((slot) => slot.sensor), rules);
    for (const slot of this.slots.values()) {
      slot.rule = ruleFor(rules, slot.sensor.kind) ?? null;
      slot.neighbours = (lists.get(slot.sensor.deviceId) ?? []).map((n) => this.slots.get(n.deviceId)!);
      slot.tracker = null;
    }
  }

  /** A sensor's levels changed: its threshold is set afresh with its next reading. */
  forget(deviceId: string): void {
    const slot = this.slots.get(deviceId);
    if (slot) slot.tracker = null;
  }

  /** One value of a sensor's watched metric at sensor time `tsMs`. */
  observe(s: RuleSensor, levels: Levels, value: number, tsMs: number): void {
    const slot = this.slots.get(s.deviceId);
    if (!slot || tsMs <= slot.tsMs) return;
    slot.value = value;
    slot.tsMs = tsMs;
    const rule = slot.rule;
    if (!rule || slot.neighbours.length === 0) return;
    const values = this.scratch;
    values.length = 0;
    for (const n of slot.neighbours) if (Math.abs(tsMs - n.tsMs) <= FRESH_INTERVALS * n.sensor.intervalMs) values.push(n.value);
    if (values.length < rule.minNeighbours) return; // too few to judge: keep the condition as it is
    const deviation = value - median(values);
    const counts = deviation < 0 || levels.high === null || value < levels.high;
    const limit = rule.share * referenceSpan(s, levels, rule.basis);
    if (!slot.tracker) {
      const initial = this.sink.isActive(rulePoint(s, 'deviation', null)) ? 'high' : 'normal';
      slot.tracker = new SetpointTracker({ lowLow: null, low: null, high: limit, highHigh: null, deadbandAbs: DEVIATION_DEADBAND_SHARE * limit, onDelayMs: rule.onDelayMs, offDelayMs: DEVIATION_OFF_DELAY_MS }, initial);
    }
    const after = slot.tracker.update(counts ? Math.abs(deviation) : 0, tsMs);
    if (after !== null) report(this.sink, rulePoint(s, 'deviation', limit), after !== 'normal', value);
  }
}

/** Neighbours of every sensor a deviation rule applies to. */
export function neighbourLists(sensors: readonly RuleSensor[], rules: readonly DeviationRule[]): Map<string, RuleSensor[]> {
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
    const distance = (n: RuleSensor) => Math.hypot(n.eastM - s.eastM, n.northM - s.northM);
    const near = byKind.get(kindKey(s))!.filter((n) =>
      n !== s && (s.equipmentId !== null ? n.equipmentId === s.equipmentId : n.equipmentId === null && distance(n) <= rule.radiusM),
    );
    if (near.length > MAX_NEIGHBOURS) near.sort((a, b) => distance(a) - distance(b)).length = MAX_NEIGHBOURS;
    if (near.length > 0) out.set(s.deviceId, near);
  }
  return out;
}
