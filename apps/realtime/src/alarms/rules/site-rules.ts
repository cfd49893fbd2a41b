import type { LiveReading } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { limitsFor } from '../alarm-policy.ts';
import type { SetpointLimits } from '../setpoint-tracker.ts';
import { AdaptiveConditions } from './adaptive-limits.ts';
import { DeviationMonitor } from './deviation-monitor.ts';
import { PseudoDataMonitor } from './pseudo-data-monitor.ts';
import { RateMonitor } from './rate-monitor.ts';
import type { AlarmRuleSet } from './rule-set.ts';
import { ruleSensorsOf, votingUnitsOf, type Levels, type RuleSensor, type RuleSink, type VotingUnit } from './rule-sensors.ts';
import { VotingMonitor, type MemberAlarm } from './voting-monitor.ts';

/** Where effective limits go: the alarm engine's set-point trackers. */
export interface LimitSink {
  updateLimits(deviceId: string, metric: string, limits: SetpointLimits): boolean;
}

/**
 * The rules of one site in force: its rule set (one version), its sensors' base levels (the
 * site description's, or those changed through the API), the adaptive conditions, and the
 * monitors (rate, deviation, voting, pseudo-data) reporting to the engine. Everything in
 * memory; each reading is judged in O(1).
 */
export class SiteRules {
  readonly siteId: string;
  /** The site's units whose flammable detectors vote. */
  readonly votingUnits: readonly VotingUnit[];
  private ruleSet: AlarmRuleSet;
  private readonly sensors: Map<string, RuleSensor>;
  private readonly base = new Map<string, Levels>();
  private readonly stations: ReadonlySet<string>;
  private readonly adaptive: AdaptiveConditions;
  private readonly rate: RateMonitor;
  private readonly deviation: DeviationMonitor;
  private readonly voting: VotingMonitor;
  private readonly pseudo: PseudoDataMonitor;

  constructor(
    site: Site,
    private readonly sink: RuleSink & LimitSink,
    ruleSet: AlarmRuleSet,
    overrides: ReadonlyMap<string, Levels>,
  ) {
    this.siteId = site.id;
    this.ruleSet = ruleSet;
    const list = ruleSensorsOf(site);
    this.sensors = new Map(list.map((s) => [s.deviceId, s]));
    this.stations = new Set(site.sensors.filter((s) => s.kind === 'weather').map((s) => s.id));
    this.adaptive = new AdaptiveConditions(ruleSet.adaptive);
    this.rate = new RateMonitor(sink, ruleSet.rate);
    this.deviation = new DeviationMonitor(list, sink, ruleSet.deviation);
    this.votingUnits = votingUnitsOf(site);
    this.voting = new VotingMonitor(this.votingUnits, sink, ruleSet.voting);
    this.pseudo = new PseudoDataMonitor(list, sink, ruleSet.pseudoData);
    for (const [deviceId, levels] of overrides) {
      if (!this.sensors.has(deviceId)) continue;
      this.base.set(deviceId, levels);
      this.push(deviceId);
    }
  }

  /** The rule set in force. */
  get rules(): AlarmRuleSet {
    return this.ruleSet;
  }

  /** Pseudo-data windows judged and found repeated (for /health and tests). */
  get pseudoDataStats(): Readonly<{ judged: number; repeated: number }> {
    return this.pseudo.stats;
  }

  /** The sensors of this site with set-points. */
  sensorIds(): string[] {
    return [...this.sensors.keys()];
  }

  /** A sensor of this site with set-points, if any. */
  sensor(deviceId: string): RuleSensor | undefined {
    return this.sensors.get(deviceId);
  }

  /** A sensor's base levels (description or API) and the effective ones (adaptive rules applied). */
  levelsOf(deviceId: string): { base: Levels; effective: Levels } | undefined {
    const s = this.sensors.get(deviceId);
    if (!s) return undefined;
    const base = this.base.get(deviceId) ?? s.described;
    return { base, effective: this.adaptive.apply(s.kind, base) };
  }

  /** Judges one validated reading of this site. */
  observe(r: LiveReading): void {
    if (this.stations.has(r.deviceId) && this.adaptive.observe(r.deviceId, r.values)) this.pushKinds(this.ruleSet.adaptive);
    const s = this.sensors.get(r.deviceId);
    if (!s) return;
    const value = r.values[s.metric];
    if (value === undefined) return;
    const base = this.base.get(s.deviceId) ?? s.described;
    this.rate.observe(s, base, value, r.ts);
    this.deviation.observe(s, base, value, r.ts);
    this.voting.observe(s.deviceId, s.metric, value, r.ts);
    this.pseudo.observe(s, value, r.ts);
  }

  /** An alarm of this site changed (the engine's onChange): voting follows its members' faults and maintenance. */
  alarmChanged(a: MemberAlarm): void {
    this.voting.alarmChanged(a);
  }

  /** A new rule set: monitors restart from the engine's conditions; limits follow the adaptive rules at once. */
  setRules(ruleSet: AlarmRuleSet): void {
    const before = this.ruleSet;
    this.ruleSet = ruleSet;
    this.rate.setRules(ruleSet.rate);
    this.deviation.setRules(ruleSet.deviation);
    this.voting.setRule(ruleSet.voting);
    if (JSON.stringify(before.pseudoData) !== JSON.stringify(ruleSet.pseudoData)) this.pseudo.setRule(ruleSet.pseudoData);
    this.adaptive.setRules(ruleSet.adaptive);
    this.pushKinds([...before.adaptive, ...ruleSet.adaptive]);
  }

  /** A sensor's new base levels (through the API): the engine watches them from the next reading. */
  setLevels(deviceId: string, levels: Levels): void {
    this.base.set(deviceId, levels);
    this.rate.forget(deviceId);
    this.deviation.forget(deviceId);
    this.push(deviceId);
  }

  /** Sends the effective limits of every sensor these adaptive rules may touch. */
  private pushKinds(rules: AlarmRuleSet['adaptive']): void {
    const kinds = new Set<string>(rules.flatMap((r) => r.sensorKinds));
    for (const s of this.sensors.values()) if (kinds.has(s.kind)) this.push(s.deviceId);
  }

  private push(deviceId: string): void {
    const s = this.sensors.get(deviceId)!;
    this.sink.updateLimits(deviceId, s.metric, limitsFor(s.kind, this.levelsOf(deviceId)!.effective));
  }
}
