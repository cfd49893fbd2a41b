import type { AlarmLoadView } from '@safetwin/protocol';
import type { AlarmNotice, OperatorScope } from './notification-rule.ts';

/** Settings of the alarm-load window. */
export interface AlarmLoadOptions {
  /** The sliding window, ms. @defaultValue 10 min */
  windowMs: number;
  /** More notifications than this in the window is a flood (ISA-18.2 / EEMUA 191: 10 in 10 min per operator). @defaultValue 10 */
  floodThreshold: number;
}

export const DEFAULT_ALARM_LOAD_OPTIONS: AlarmLoadOptions = { windowMs: 10 * 60_000, floodThreshold: 10 };

/** Timestamps in arrival order with O(1) amortised eviction from the front. */
class TimeWindow {
  private times: number[] = [];
  private head = 0;
  push(at: number): void {
    this.times.push(at);
  }
  /** Drops times at or before `cutoffMs`; whether any were dropped. */
  evict(cutoffMs: number): boolean {
    const start = this.head;
    while (this.head < this.times.length && this.times[this.head]! <= cutoffMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.head !== start;
  }
  get size(): number {
    return this.times.length - this.head;
  }
}

interface ScopeLoad {
  siteId: string;
  scope: OperatorScope;
  notifications: TimeWindow;
  activations: TimeWindow;
  standing: number;
  floodSince: number | null;
}

/**
 * The alarm load per site and operator scope (the whole site; each enterprise's share):
 * notifications and raw activations in a sliding window, standing alarms, and whether the
 * scope is flooded (more than `floodThreshold` notifications in the window). O(scopes) per
 * change; changed loads are reported once per turn of the event loop.
 */
export class AlarmLoad {
  private readonly loads = new Map<string, ScopeLoad>();
  private readonly dirty = new Set<ScopeLoad>();
  private flushScheduled = false;

  constructor(
    private readonly now: () => number,
    private readonly report: (load: AlarmLoadView, scope: OperatorScope) => void,
    private readonly options: AlarmLoadOptions = DEFAULT_ALARM_LOAD_OPTIONS,
    private readonly schedule: (fn: () => void) => void = (fn) => setImmediate(fn),
  ) {}

  /** Counts an activation in each scope that sees it, and a notification where it notifies. */
  record(siteId: string, notice: AlarmNotice): void {
    const at = this.now();
    for (const scope of notice.scopes) {
      const load = this.load(siteId, scope);
      load.activations.push(at);
      if (notice.notifies.includes(scope)) load.notifications.push(at);
      this.touch(load, at);
    }
  }

  /** An alarm of these scopes entered (+1) or left (−1) the standing list. */
  standing(siteId: string, scopes: readonly OperatorScope[], delta: 1 | -1): void {
    const at = this.now();
    for (const scope of scopes) {
      const load = this.load(siteId, scope);
      load.standing = Math.max(0, load.standing + delta);
      this.touch(load, at);
    }
  }

  /** The load one scope of a site carries now. */
  view(siteId: string, scope: OperatorScope): AlarmLoadView {
    const load = this.load(siteId, scope);
    this.evict(load, this.now());
    return this.toView(load);
  }

  /** Lets old activations leave the window; reports the loads that changed. */
  sweep(): void {
    const at = this.now();
    for (const load of this.loads.values()) if (this.evict(load, at)) this.markDirty(load);
  }

  /** Reports every changed load now. */
  flush(): void {
    this.flushScheduled = false;
    const changed = [...this.dirty];
    this.dirty.clear();
    for (const load of changed) this.report(this.toView(load), load.scope);
  }

  private load(siteId: string, scope: OperatorScope): ScopeLoad {
    const key = `${siteId}\u0000${scope ?? ''}`;
    let load = this.loads.get(key);
    if (!load) {
      load = { siteId, scope, notifications: new TimeWindow(), activations: new TimeWindow(), standing: 0, floodSince: null };
      this.loads.set(key, load);
    }
    return load;
  }

  private touch(load: ScopeLoad, at: number): void {
    this.evict(load, at);
    this.markDirty(load);
  }

  /** Evicts old times and updates the flood flag; whether anything changed. */
  private evict(load: ScopeLoad, at: number): boolean {
    const cutoff = at - this.options.windowMs;
    const droppedNotifications = load.notifications.evict(cutoff);
    const dropped = load.activations.evict(cutoff) || droppedNotifications;
    const flooding = load.notifications.size > this.options.floodThreshold;
    const floodChanged = flooding !== (load.floodSince !== null);
    if (floodChanged) load.floodSince = flooding ? at : null;
    return dropped || floodChanged;
  }

  private markDirty(load: ScopeLoad): void {
    this.dirty.add(load);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.schedule(() => this.flush());
  }

  private toView(load: ScopeLoad): AlarmLoadView {
    return {
      siteId: load.siteId,
      notificationsLast10Min: load.notifications.size,
      activationsLast10Min: load.activations.size,
      standing: load.standing,
      flooding: load.floodSince !== null,
      floodSince: load.floodSince,
      asOfMs: this.now(),
    };
  }
}
