import type { LiveReading } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { DEFAULT_RULE_SET, type AlarmRuleSet } from './rule-set.ts';
import type { Levels, RuleSensor, RuleSink } from './rule-sensors.ts';
import type { RuleAuditEntry, RuleStore } from './rule-store.ts';
import { BadRulesError, checkEffectiveLevels, checkLevels, checkRuleSet, isLevelOneGuard, loosens, LooseningRefusedError } from './rule-checks.ts';
import { SiteRules, type LimitSink } from './site-rules.ts';
import type { MemberAlarm } from './voting-monitor.ts';

/** The engine's alarms as the rules follow them (voting members' faults and maintenance). */
export interface AlarmSource {
  list(siteId: string | null, onlyActive: boolean): MemberAlarm[];
  onChange(listener: (alarm: MemberAlarm) => void): void;
}

/** A site's rules as the API shows them. */
export interface RuleSetView {
  siteId: string;
  /** 0 = the built-in defaults, never edited. */
  version: number;
  rules: AlarmRuleSet;
  updatedAt: number | null;
  updatedBy: string | null;
}

/** A sensor's levels in force: base (site description or API) and effective (adaptive rules applied). */
export interface SensorLevelsView {
  deviceId: string;
  metric: string;
  base: Levels;
  effective: Levels;
  changedThroughApi: boolean;
}

const LEVEL_ORDER = ['lowLow', 'low', 'high', 'highHigh'] as const;

/**
 * The alarm rules of every site the hub serves: loaded from the database at start (newest
 * rule-set version, set-point overrides), applied to readings in memory, and changed through
 * the API — each change stored with its audit entry first, then put in force at once in the
 * running engine. Writes are serialised, so an audit entry's "before" is always what was in
 * force. With several hubs, each follows the others' changes by reading the tables every few
 * seconds ({@link AlarmRules.follow}).
 */
export class AlarmRules {
  private readonly sites = new Map<string, SiteRules>();
  /** Every sensor of every site (weather stations too) → its site's rules. */
  private readonly byDevice = new Map<string, SiteRules>();
  private readonly views = new Map<string, RuleSetView>();
  private readonly changed = new Set<string>();
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: RuleStore,
    private readonly now: () => number,
  ) {}

  /** Loads the stored rules and set-points of `sites` and puts them in force (call after the engine started). */
  static async start(store: RuleStore, sites: readonly Site[], sink: RuleSink & LimitSink & AlarmSource, now: () => number): Promise<AlarmRules> {
    const out = new AlarmRules(store, now);
    const stored = new Map((await store.latestRuleSets()).map((r) => [r.siteId, r]));
    const overrides = await store.overrides();
    for (const site of sites) {
      const row = stored.get(site.id);
      const rules = row?.rules ?? DEFAULT_RULE_SET;
      const mine = new Map(overrides.filter((o) => o.siteId === site.id).map((o) => [o.deviceId, o.levels]));
      for (const id of mine.keys()) out.changed.add(id);
      const siteRules = new SiteRules(site, sink, rules, mine);
      out.sites.set(site.id, siteRules);
      for (const s of site.sensors) out.byDevice.set(s.id, siteRules);
      out.views.set(site.id, { siteId: site.id, version: row?.version ?? 0, rules, updatedAt: row?.createdAt ?? null, updatedBy: row?.createdBy ?? null });
    }
    // Standing faults and maintenance of voting members (loaded by the engine), then every change.
    for (const a of sink.list(null, true)) out.byDevice.get(a.deviceId)?.alarmChanged(a);
    sink.onChange((a) => out.byDevice.get(a.deviceId)?.alarmChanged(a));
    return out;
  }

  /**
   * Follows changes other hubs store: every `everyMs` the newest rule-set versions and the
   * set-point overrides are read and whatever differs from what is in force is put in force.
   * Returns the stop function.
   */
  follow(everyMs: number, onError: (err: unknown) => void): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      this.refresh().catch(onError).finally(() => (busy = false));
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Reads the stored rules and set-points once and puts in force what differs (serialised with this hub's own writes). */
  refresh(): Promise<void> {
    return this.serial(async () => {
      for (const row of await this.store.latestRuleSets()) {
        const site = this.sites.get(row.siteId);
        const view = this.views.get(row.siteId);
        if (!site || !view || row.version <= view.version) continue;
        site.setRules(row.rules);
        this.views.set(row.siteId, { siteId: row.siteId, version: row.version, rules: row.rules, updatedAt: row.createdAt, updatedBy: row.createdBy });
      }
      for (const o of await this.store.overrides()) {
        const site = this.byDevice.get(o.deviceId);
        const now = site?.levelsOf(o.deviceId)?.base;
        if (!site || !now || LEVEL_ORDER.every((k) => now[k] === o.levels[k])) continue;
        site.setLevels(o.deviceId, o.levels);
        this.changed.add(o.deviceId);
      }
    });
  }

  /** Judges validated readings (any site). */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) this.byDevice.get(r.deviceId)?.observe(r);
  }

  /** A site's rules in force, or undefined for a site the hub does not serve. */
  ruleSet(siteId: string): RuleSetView | undefined {
    return this.views.get(siteId);
  }

  /** The levels in force of every sensor of a site with set-points. */
  levels(siteId: string): SensorLevelsView[] {
    const site = this.sites.get(siteId);
    if (!site) return [];
    return site.sensorIds().map((id) => this.levelsView(site, id)!);
  }

  /** A sensor with set-points and its site's rules, if any. */
  sensor(deviceId: string): { sensor: RuleSensor; site: SiteRules } | undefined {
    const site = this.byDevice.get(deviceId);
    const sensor = site?.sensor(deviceId);
    return site && sensor ? { sensor, site } : undefined;
  }

  /**
   * Stores and puts in force version `baseVersion + 1`; throws StaleRuleVersionError when
   * `baseVersion` is not current, BadRulesError when the rules cannot work on this site's sensors.
   */
  setRules(siteId: string, baseVersion: number, rules: AlarmRuleSet, actor: string, reason: string | null): Promise<RuleSetView> {
    return this.serial(async () => {
      const site = this.sites.get(siteId)!;
      checkRuleSet(rules, site.votingUnits, site.sensorIds().map((id) => ({ sensor: site.sensor(id)!, base: site.levelsOf(id)!.base })));
      const stored = await this.store.saveRuleSet(siteId, baseVersion, site.rules, rules, actor, reason, this.now());
      site.setRules(rules);
      const view: RuleSetView = { siteId, version: stored.version, rules, updatedAt: stored.createdAt, updatedBy: actor };
      this.views.set(siteId, view);
      return view;
    });
  }

  /**
   * Stores and puts in force a sensor's levels (`patch` over those in force; null clears a
   * level). Throws BadRulesError (field: the level) for levels out of order, the clearing of a
   * level-1 point's last guard, or effective (adaptive) levels out of order or range; and
   * LooseningRefusedError when `mayLoosen` is false and a level is raised, lowered or cleared
   * the unsafe way.
   */
  setLevels(deviceId: string, patch: Partial<Levels>, actor: string, reason: string | null, mayLoosen = true): Promise<SensorLevelsView> {
    return this.serial(async () => {
      const { sensor, site } = this.sensor(deviceId)!;
      const before = site.levelsOf(deviceId)!.base;
      const after: Levels = { ...before, ...patch };
      checkLevels(after);
      for (const k of LEVEL_ORDER) {
        if (patch[k] === null && before[k] !== null && isLevelOneGuard(sensor, k)) throw new BadRulesError(k, `${k} of ${deviceId} is the last limit of a level-1 alarm (it commands the shutdown) and may not be cleared`);
      }
      const field = (Object.keys(patch)[0] ?? 'high') as keyof Levels;
      try {
        checkEffectiveLevels(sensor, after, site.rules.adaptive);
      } catch (err) {
        throw err instanceof BadRulesError ? new BadRulesError(field, err.message) : err;
      }
      const loose = mayLoosen ? null : loosens(before, after);
      if (loose) throw new LooseningRefusedError(loose, `${loose} ${before[loose]} → ${after[loose] ?? 'none'} loosens the alarm; only tightening is allowed to a safety officer (a commander or the park manager may loosen)`);
      await this.store.saveLevels({ deviceId, siteId: sensor.siteId, metric: sensor.metric, levels: after, updatedAt: this.now(), updatedBy: actor }, before, reason);
      site.setLevels(deviceId, after);
      this.changed.add(deviceId);
      return this.levelsView(site, deviceId)!;
    });
  }

  /** A site's audited rule and set-point changes, newest first. */
  history(siteId: string, limit: number): Promise<RuleAuditEntry[]> {
    return this.store.history(siteId, limit);
  }

  private levelsView(site: SiteRules, deviceId: string): SensorLevelsView | undefined {
    const s = site.sensor(deviceId);
    const levels = site.levelsOf(deviceId);
    return s && levels ? { deviceId, metric: s.metric, ...levels, changedThroughApi: this.changed.has(deviceId) } : undefined;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn, fn);
    this.writes = run.catch(() => {});
    return run;
  }
}
