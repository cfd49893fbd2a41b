import type { AlarmPoint } from '../alarm-engine.ts';
import { SetpointTracker } from '../setpoint-tracker.ts';
import type { VotingRule } from './rule-set.ts';
import { rulePoint, type RuleSink, type VotingUnit } from './rule-sensors.ts';

/** Hysteresis of one detector's vote, share of the voting level (50 %LEL votes until below 47.5). */
const VOTE_DEADBAND_SHARE = 0.05;
/** A detector keeps its vote this long after falling below, ms (a gust thinning the cloud for a second). */
const VOTE_OFF_DELAY_MS = 5_000;
/** The metric of flammable detectors. */
const LEL_METRIC = 'lel_pct';

/** Alarm kinds saying a member detector is faulted (sensor health, pseudo data). */
const FAULT_KINDS: ReadonlySet<string> = new Set(['stale', 'stuck', 'jump', 'out-of-range', 'pseudo-data']);
/** A member whose own gas alarm (one of these) is out of service is in maintenance (calibration, bump test). */
const SERVICE_KINDS: ReadonlySet<string> = new Set(['high', 'high-high']);

/** What the engine says of one alarm point (its change, see {@link VotingMonitor.alarmChanged}). */
export interface MemberAlarm {
  deviceId: string;
  metric: string;
  kind: string;
  state: string;
  processActive: boolean;
}

interface UnitState {
  unit: VotingUnit;
  point: AlarmPoint;
  degradedPoint: AlarmPoint;
  /** In-service members whose latest readings are over the voting level (the silent excepted). */
  voting: Set<string>;
  /** Members heard since the start (or the latest rule): the vote is not judged short before all have spoken. */
  heard: Set<string>;
  /** Members with an active fault alarm (id → the active fault alarms' metric/kind). */
  faults: Map<string, Set<string>>;
  /** Members in maintenance (id → their gas alarms out of service). */
  outOfService: Map<string, Set<string>>;
  /** The voting condition as last reported (cached: no alarm-id string per reading). */
  active: boolean;
  degraded: boolean;
}

/**
 * Voting of a unit's flammable detectors (MooN; 2ooN by default): when `votes` detectors of
 * one unit read ≥ the voting level, a level-1 `voting` alarm point of the unit is raised —
 * device = the unit's equipment id, metric `lel_pct`, set-point the voting level. One detector
 * alone (1ooN) never raises it: a single cell can fail high; its own high-high alarm (level 2)
 * still speaks. A unit with one detector is no voting unit (1oo1 is that detector's own gas
 * alarm, level 2). Each detector's vote has a deadband and an off-delay; O(1) per reading.
 *
 * Degraded voting (IEC 61511 practice: a broken sensor is never taken as safe):
 * - a faulted member (an active stale, stuck, jump, out-of-range or pseudo-data alarm) not
 *   over the level on its readings counts as a vote (fail-safe), but at most M−1 such fault
 *   votes count: a trip always needs one detector over the level on its readings, so a
 *   gateway outage silencing a whole unit does not close its valves on its own. 2oo4 with
 *   one faulted member is 1oo3 until it is repaired. A faulted member's fresh readings still
 *   vote (a detector saturated by a rich cloud reads its range top and raises out-of-range:
 *   it votes); a silent (stale) one's last reading does not.
 * - an out-of-service member (calibration, bump test with span gas) is excluded: neither
 *   its reading nor a fault counts.
 * - while any member is faulted or out of service, a level-3 `voting-degraded` point of the
 *   unit is active.
 */
export class VotingMonitor {
  private readonly byDetector = new Map<string, UnitState>();
  private readonly trackers = new Map<string, SetpointTracker>();

  constructor(
    units: readonly VotingUnit[],
    private readonly sink: RuleSink,
    private rule: VotingRule,
  ) {
    for (const unit of units) {
      if (unit.detectorIds.length < 2) continue; // 1oo1: the detector's own gas alarm
      const point = this.pointOf(unit);
      const degradedPoint = degradedPointOf(unit);
      const state: UnitState = {
        unit, point, degradedPoint, voting: new Set(), heard: new Set(), faults: new Map(), outOfService: new Map(),
        active: sink.isActive(point), degraded: sink.isActive(degradedPoint),
      };
      for (const id of unit.detectorIds) this.byDetector.set(id, state);
    }
  }

  /** A new voting rule: votes are counted afresh from the next readings (member status stays). */
  setRule(rule: VotingRule): void {
    this.rule = rule;
    this.trackers.clear();
    for (const state of new Set(this.byDetector.values())) {
      state.voting.clear();
      state.heard.clear();
      state.point = this.pointOf(state.unit);
      state.active = this.sink.isActive(state.point);
    }
  }

  /**
   * An alarm changed (the engine's onChange, and every standing alarm at start): a member's
   * fault or maintenance alarm changes how the unit votes, judged again at once.
   */
  alarmChanged(a: MemberAlarm): void {
    const state = this.byDetector.get(a.deviceId);
    if (!state) return;
    if (FAULT_KINDS.has(a.kind)) {
      toggleIn(state.faults, a.deviceId, `${a.metric}/${a.kind}`, a.processActive);
      if (a.kind === 'stale' && a.processActive) state.voting.delete(a.deviceId); // silent: its last reading's vote is void
    } else if (a.metric === LEL_METRIC && SERVICE_KINDS.has(a.kind)) {
      toggleIn(state.outOfService, a.deviceId, a.kind, a.state === 'out-of-service');
      if (a.state === 'out-of-service') state.voting.delete(a.deviceId);
    } else return;
    this.judge(state, null);
  }

  /** One reading of a flammable detector, %LEL, at sensor time `tsMs`. */
  observe(deviceId: string, metric: string, valuePct: number, tsMs: number): void {
    if (metric !== LEL_METRIC) return;
    const state = this.byDetector.get(deviceId);
    if (!state) return;
    let tracker = this.trackers.get(deviceId);
    if (!tracker) {
      const level = this.rule.lelPct;
      tracker = new SetpointTracker({ lowLow: null, low: null, high: level, highHigh: null, deadbandAbs: VOTE_DEADBAND_SHARE * level, onDelayMs: 0, offDelayMs: VOTE_OFF_DELAY_MS });
      this.trackers.set(deviceId, tracker);
    }
    tracker.update(valuePct, tsMs);
    state.heard.add(deviceId);
    const counts = tracker.condition !== 'normal' && !state.outOfService.has(deviceId);
    if (counts) state.voting.add(deviceId);
    else state.voting.delete(deviceId);
    this.judge(state, valuePct);
  }

  /** Members voting on their readings plus fault votes (capped at M−1) against M; the degraded point. */
  private judge(state: UnitState, value: number | null): void {
    const m = this.rule.votes;
    let faulted = 0;
    for (const id of state.faults.keys()) if (!state.voting.has(id) && !state.outOfService.has(id)) faulted++;
    const faultVotes = Math.min(faulted, m - 1);
    const tripped = state.voting.size + faultVotes >= m;
    // Judged on every reading of a member (a no-op when unchanged), so a vote that ended while the
    // hub was down clears — once every member has been heard or is known faulted or out of service.
    if (state.active !== tripped && (tripped || state.unit.detectorIds.every((d) => state.heard.has(d) || state.faults.has(d) || state.outOfService.has(d)))) {
      state.active = tripped;
      this.sink.setCondition(state.point, tripped, value);
    }
    const degraded = state.faults.size + state.outOfService.size > 0;
    if (state.degraded !== degraded) {
      state.degraded = degraded;
      this.sink.setCondition(state.degradedPoint, degraded, null);
    }
  }

  private pointOf(unit: VotingUnit): AlarmPoint {
    return rulePoint({ siteId: unit.siteId, deviceId: unit.equipmentId, enterpriseId: unit.enterpriseId, kind: 'gas-flammable', metric: LEL_METRIC }, 'voting', this.rule.lelPct);
  }
}

/** The level-3 point saying a unit votes with fewer healthy detectors than it has. */
function degradedPointOf(unit: VotingUnit): AlarmPoint {
  return { siteId: unit.siteId, deviceId: unit.equipmentId, enterpriseId: unit.enterpriseId, metric: LEL_METRIC, kind: 'voting-degraded', level: 3, priority: 'medium', setpoint: null };
}

/** Adds or removes `item` in the set of `id`, dropping an emptied set (so the map's keys are the ids with any). */
function toggleIn(map: Map<string, Set<string>>, id: string, item: string, on: boolean): void {
  let items = map.get(id);
  if (on) {
    if (!items) map.set(id, (items = new Set()));
    items.add(item);
  } else if (items) {
    items.delete(item);
    if (items.size === 0) map.delete(id);
  }
}
