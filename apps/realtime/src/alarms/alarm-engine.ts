import type { AlarmTransitionView, AlarmView, LiveReading } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { AlarmTransitionError, transition, type AlarmEvent, type AlarmLifecycle } from './alarm-lifecycle.ts';
import { gradeOf, setpointOf, watchedMetrics, type WatchedMetric } from './alarm-policy.ts';
import type { AlarmStore } from './alarm-store.ts';
import { SetpointTracker, type SetpointCondition, type SetpointLimits } from './setpoint-tracker.ts';

type Limit = Exclude<SetpointCondition, 'normal'>;

/** The alarm kinds a condition holds active: high-high implies high, low-low implies low. */
const ACTIVE_KINDS: Record<SetpointCondition, readonly Limit[]> = {
  normal: [],
  high: ['high'],
  'high-high': ['high', 'high-high'],
  low: ['low'],
  'low-low': ['low', 'low-low'],
};

/** `${siteId}/${deviceId}/${metric}/${kind}`: the id of an alarm point. */
export const alarmId = (siteId: string, deviceId: string, metric: string, kind: string) => `${siteId}/${deviceId}/${metric}/${kind}`;

/** An alarm was refused an operator action, or does not exist. */
export class AlarmNotFoundError extends Error {
  readonly code = 'alarm:not-found';
}

/** One alarm point: what it watches, its kind and grade. */
export interface AlarmPoint {
  siteId: string;
  deviceId: string;
  enterpriseId: string | null;
  /** The metric, or `*` for the device as a whole (stale). */
  metric: string;
  kind: string;
  level: AlarmView['level'];
  priority: AlarmView['priority'];
  setpoint: number | null;
}

/**
 * A new activation (not a repeat of a standing one, not an operator action): the count rose from
 * not active. The one definition: the engine regroups the alarm and clears its response on it,
 * the graded response and the notification rule act on it.
 */
export function isNewActivation(alarm: { count: number }, transition: { event: string }, before: { processActive: boolean; count: number }): boolean {
  return transition.event === 'activate' && !before.processActive && alarm.count > before.count;
}

/** Puts a new activation into its group (same cause); null leaves it on its own. */
export type AlarmGrouper = (alarm: AlarmView) => { groupId: string; firstOut: boolean } | null;

/** Told of every change after it was published: the alarm now, the stored transition, the alarm before. */
export type AlarmListener = (alarm: AlarmView, transition: AlarmTransitionView, before: AlarmView) => void;

interface Watch {
  watched: WatchedMetric;
  tracker: SetpointTracker;
}

/**
 * Set-point alarms in memory, O(1) per reading: each watched metric has a tracker
 * (deadband, on/off delays); condition changes drive the ISA-18.2 lifecycle of its alarm
 * points (high, high-high, low, low-low). Every change is published at once and stored with
 * its transition (who, when, why). Shelving expires on a timer re-armed after a restart.
 */
export class AlarmEngine {
  private readonly watches = new Map<string, Watch>();
  private readonly alarms = new Map<string, AlarmView>();
  private readonly shelveTimers = new Map<string, NodeJS.Timeout>();
  /** Alarm ids by group id (the graded response asks for a group's members per activation: no scan). */
  private readonly groups = new Map<string, Set<string>>();
  private readonly listeners: AlarmListener[] = [];
  private grouper: AlarmGrouper = () => null;
  readonly stats = { evaluated: 0, changes: 0 };

  constructor(
    private readonly store: AlarmStore,
    private readonly publish: (alarm: AlarmView) => void,
    private readonly now: () => number,
  ) {}

  /** Loads stored alarms and watches every metric with set-points on these sites. */
  async start(sites: readonly Site[]): Promise<void> {
    for (const a of await this.store.loadAll()) {
      this.alarms.set(a.id, a);
      this.indexGroup(null, a);
    }
    for (const site of sites) {
      for (const watched of watchedMetrics(site)) {
        const initial = this.standingCondition(watched);
        this.watches.set(`${watched.deviceId}\u0000${watched.metric}`, { watched, tracker: new SetpointTracker(watched.limits, initial) });
      }
    }
    for (const a of this.alarms.values()) if (a.state === 'shelved' && a.shelvedUntil !== null) this.armShelveExpiry(a);
  }

  /** The condition the stored alarms of a metric say is standing (so a restart neither re-raises nor forgets). */
  private standingCondition(w: WatchedMetric): SetpointCondition {
    const active = (kind: Limit) => this.alarms.get(alarmId(w.siteId, w.deviceId, w.metric, kind))?.processActive === true;
    if (active('high-high')) return 'high-high';
    if (active('low-low')) return 'low-low';
    if (active('high')) return 'high';
    if (active('low')) return 'low';
    return 'normal';
  }

  /** Evaluates readings (sensor time drives the delays, so drills replay identically). */
  evaluate(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      for (const metric in r.values) {
        const watch = this.watches.get(`${r.deviceId}\u0000${metric}`);
        if (!watch) continue;
        this.stats.evaluated++;
        const before = watch.tracker.condition;
        const value = r.values[metric]!;
        const after = watch.tracker.update(value, r.ts);
        if (after === null) continue;
        const was = ACTIVE_KINDS[before];
        const now = ACTIVE_KINDS[after];
        for (const kind of was) if (!now.includes(kind)) this.apply(watch.watched, kind, { type: 'clear', value }, 'system', null);
        for (const kind of now) if (!was.includes(kind)) this.apply(watch.watched, kind, { type: 'activate', value }, 'system', null);
      }
    }
  }

  /**
   * Replaces the limits of a watched metric (a set-point changed through the API, an adaptive
   * rule switching): they apply from the next reading on. The raised condition is kept, so a
   * standing alarm neither clears nor repeats only because its limit moved. False when the
   * metric is not watched.
   */
  updateLimits(deviceId: string, metric: string, limits: SetpointLimits): boolean {
    const key = `${deviceId}\u0000${metric}`;
    const watch = this.watches.get(key);
    if (!watch) return false;
    this.watches.set(key, { watched: { ...watch.watched, limits }, tracker: new SetpointTracker(limits, watch.tracker.condition) });
    return true;
  }

  /** The limits a metric is watched against now, if it is watched. */
  limitsOf(deviceId: string, metric: string): SetpointLimits | undefined {
    return this.watches.get(`${deviceId}\u0000${metric}`)?.watched.limits;
  }

  /** An operator's action on an alarm; throws AlarmNotFoundError or AlarmTransitionError. */
  operate(id: string, event: Exclude<AlarmEvent, { type: 'activate' | 'clear' | 'shelve-expired' }>, actor: string, reason: string | null): AlarmView {
    const current = this.alarms.get(id);
    if (!current) throw new AlarmNotFoundError(`no alarm '${id}'`);
    // ISA-18.2 §12.2 lets shelving be restricted by priority: a level-1 explosion precursor is never hidden.
    if (event.type === 'shelve' && current.level === 1) throw new AlarmTransitionError(current.state, 'shelve', 'a level-1 alarm (explosion precursor) cannot be shelved');
    return this.transitionAlarm(current, event, actor, reason);
  }

  /** Sets who groups new activations (the flood module); by default every alarm stands alone. */
  setGrouper(grouper: AlarmGrouper): void {
    this.grouper = grouper;
  }

  /** Adds a listener told of every change (responses, notifications, KPIs). */
  onChange(listener: AlarmListener): void {
    this.listeners.push(listener);
  }

  /**
   * Sets the graded response of an alarm (a deadline set, confirmed or escalated): not a
   * lifecycle change, but stored as a `response` event with who and why, and published.
   */
  setResponse(id: string, response: AlarmView['response'], actor: string, reason: string | null): AlarmView {
    const current = this.alarms.get(id);
    if (!current) throw new AlarmNotFoundError(`no alarm '${id}'`);
    const next: AlarmView = { ...current, response, updatedAt: this.now() };
    this.commit(current, next, { at: next.updatedAt, event: 'response', fromState: current.state, toState: next.state, actor, reason, value: null });
    return next;
  }

  /** An alarm by id. */
  get(id: string): AlarmView | undefined {
    return this.alarms.get(id);
  }

  /** The alarms of a group, O(group size). */
  groupMembers(groupId: string): AlarmView[] {
    return [...(this.groups.get(groupId) ?? [])].map((id) => this.alarms.get(id)!);
  }

  /** Alarms of a site, optionally only those not `normal` (the standing list). */
  list(siteId: string | null, onlyActive: boolean): AlarmView[] {
    return [...this.alarms.values()].filter((a) => (siteId === null || a.siteId === siteId) && (!onlyActive || a.state !== 'normal'));
  }

  /** The recorded transitions of an alarm. */
  history(id: string): Promise<AlarmTransitionView[]> {
    return this.store.history(id);
  }

  /** Stops the shelving timers; resolves when the audit trail is stored. */
  async close(): Promise<void> {
    for (const t of this.shelveTimers.values()) clearTimeout(t);
    this.shelveTimers.clear();
    await this.store.drain();
  }

  private apply(w: WatchedMetric, kind: Limit, event: AlarmEvent, actor: string, reason: string | null): void {
    const grade = gradeOf(w.sensorKind, kind, w.holdsFlammable);
    this.applyToPoint({ siteId: w.siteId, deviceId: w.deviceId, enterpriseId: w.enterpriseId, metric: w.metric, kind, ...grade, setpoint: setpointOf(w.limits, kind) }, event, actor, reason);
  }

  /**
   * Sets the process condition of any alarm point (set-point or sensor health): raises it when
   * it becomes active, returns it when it clears. No-op when the condition is already so.
   * `reason` goes into the transition (e.g. who and where, for an alarm on a person's tag).
   */
  setCondition(point: AlarmPoint, active: boolean, value: number | null, reason: string | null = null): void {
    const id = alarmId(point.siteId, point.deviceId, point.metric, point.kind);
    if ((this.alarms.get(id)?.processActive ?? false) === active) return;
    this.applyToPoint(point, active ? { type: 'activate', value: value ?? Number.NaN } : { type: 'clear', value: value ?? Number.NaN }, 'system', reason);
  }

  /** Whether an alarm point's process condition is active (for monitors that resume after a restart). */
  isActive(point: Pick<AlarmPoint, 'siteId' | 'deviceId' | 'metric' | 'kind'>): boolean {
    return this.alarms.get(alarmId(point.siteId, point.deviceId, point.metric, point.kind))?.processActive ?? false;
  }

  private applyToPoint(point: AlarmPoint, event: AlarmEvent, actor: string, reason: string | null): void {
    const id = alarmId(point.siteId, point.deviceId, point.metric, point.kind);
    const current: AlarmView = this.alarms.get(id) ?? {
      id,
      siteId: point.siteId,
      enterpriseId: point.enterpriseId,
      deviceId: point.deviceId,
      metric: point.metric,
      kind: point.kind,
      level: point.level,
      priority: point.priority,
      state: 'normal',
      processActive: false,
      value: null,
      setpoint: point.setpoint,
      count: 0,
      raisedAt: null,
      updatedAt: this.now(),
      shelvedUntil: null,
      groupId: null,
      firstOut: false,
      response: null,
    };
    // Grade, owner and set-point follow the point as it is defined now (a policy change re-grades a stored alarm).
    this.transitionAlarm({ ...current, setpoint: point.setpoint, level: point.level, priority: point.priority, enterpriseId: point.enterpriseId }, event, actor, reason);
  }

  private transitionAlarm(current: AlarmView, event: AlarmEvent, actor: string, reason: string | null): AlarmView {
    const before: AlarmLifecycle = { state: current.state, processActive: current.processActive, count: current.count, value: current.value, shelvedUntilMs: current.shelvedUntil };
    const after = transition(before, event);
    const at = this.now();
    // A new activation (not a repeat of a standing one): grouped afresh, its old response done with.
    const raised = isNewActivation(after, { event: event.type }, before);
    let next: AlarmView = {
      ...current,
      state: after.state,
      processActive: after.processActive,
      count: after.count,
      value: after.value,
      shelvedUntil: after.shelvedUntilMs,
      raisedAt: event.type === 'activate' && after.count > before.count ? at : current.raisedAt,
      updatedAt: at,
    };
    if (raised) {
      const group = this.grouper(next);
      next = { ...next, groupId: group?.groupId ?? null, firstOut: group?.firstOut ?? false, response: null };
    }
    const value = (event.type === 'activate' || event.type === 'clear') && Number.isFinite(event.value) ? event.value : null;
    this.commit(current, next, { at, event: event.type, fromState: current.state, toState: next.state, actor, reason, value });
    return next;
  }

  /** Keeps, stores, publishes and tells listeners of one change. */
  private commit(before: AlarmView, next: AlarmView, transition: AlarmTransitionView): void {
    this.alarms.set(next.id, next);
    this.indexGroup(before, next);
    this.stats.changes++;
    if (next.state === 'shelved' && next.shelvedUntil !== null) this.armShelveExpiry(next);
    else this.disarmShelveExpiry(next.id);
    void this.store.save({ alarm: next, transition });
    this.publish(next);
    for (const listener of this.listeners) listener(next, transition, before);
  }

  private indexGroup(before: AlarmView | null, next: AlarmView): void {
    if (before?.groupId === next.groupId) return;
    if (before?.groupId) this.groups.get(before.groupId)?.delete(next.id);
    if (before?.groupId && this.groups.get(before.groupId)?.size === 0) this.groups.delete(before.groupId);
    if (next.groupId) this.groups.set(next.groupId, (this.groups.get(next.groupId) ?? new Set()).add(next.id));
  }

  private armShelveExpiry(a: AlarmView): void {
    this.disarmShelveExpiry(a.id);
    const timer = setTimeout(() => {
      this.shelveTimers.delete(a.id);
      const current = this.alarms.get(a.id);
      if (current?.state !== 'shelved') return;
      try {
        this.transitionAlarm(current, { type: 'shelve-expired' }, 'system', 'shelving time ended');
      } catch (err) {
        if (!(err instanceof AlarmTransitionError)) throw err;
      }
    }, Math.max(0, (a.shelvedUntil ?? 0) - this.now()));
    timer.unref();
    this.shelveTimers.set(a.id, timer);
  }

  private disarmShelveExpiry(id: string): void {
    const t = this.shelveTimers.get(id);
    if (t) clearTimeout(t);
    this.shelveTimers.delete(id);
  }
}
