import type { AlarmPoint } from '../alarm-engine.ts';
import { SetpointTracker } from '../setpoint-tracker.ts';
import type { VotingRule } from './rule-set.ts';
import { report, rulePoint, type RuleSink, type VotingUnit } from './rule-sensors.ts';

/** Hysteresis of one detector's vote, share of the voting level (50 %LEL votes until below 47.5). */
const VOTE_DEADBAND_SHARE = 0.05;
/** A detector keeps its vote this long after falling below, ms (a gust thinning the cloud for a second). */
const VOTE_OFF_DELAY_MS = 5_000;
/** The metric of flammable detectors. */
const LEL_METRIC = 'lel_pct';

interface UnitState {
  unit: VotingUnit;
  point: AlarmPoint;
  voting: Set<string>;
  /** Members heard since the start (or the latest rule): the vote is not judged short before all have spoken. */
  heard: Set<string>;
}

/**
 * Voting of a unit's flammable detectors (MooN; 2ooN by default): when `votes` detectors of
 * one unit read ≥ the voting level, a level-1 `voting` alarm point of the unit is raised —
 * device = the unit's equipment id, metric `lel_pct`, set-point the voting level. One detector
 * alone (1ooN) never raises it: a single cell can fail high; its own high-high alarm (level 2)
 * still speaks. Each detector's vote has a deadband and an off-delay; O(1) per reading.
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
      const state: UnitState = { unit, point: this.pointOf(unit), voting: new Set(), heard: new Set() };
      for (const id of unit.detectorIds) this.byDetector.set(id, state);
    }
  }

  /** A new voting rule: votes are counted afresh from the next readings. */
  setRule(rule: VotingRule): void {
    this.rule = rule;
    this.trackers.clear();
    for (const state of new Set(this.byDetector.values())) {
      state.voting.clear();
      state.heard.clear();
      state.point = this.pointOf(state.unit);
    }
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
    if (tracker.condition === 'normal') state.voting.delete(deviceId);
    else state.voting.add(deviceId);
    const tripped = state.voting.size >= this.rule.votes;
    // Judged on every reading of a member (a no-op when unchanged), so a vote that ended while
    // the hub was down clears — once every member has been heard, not at the first reading.
    if (tripped || state.heard.size === state.unit.detectorIds.length) report(this.sink, state.point, tripped, valuePct);
  }

  private pointOf(unit: VotingUnit): AlarmPoint {
    return rulePoint({ siteId: unit.siteId, deviceId: unit.equipmentId, enterpriseId: unit.enterpriseId, kind: 'gas-flammable', metric: LEL_METRIC }, 'voting', this.rule.lelPct);
  }
}
