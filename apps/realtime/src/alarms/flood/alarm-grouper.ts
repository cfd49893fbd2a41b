import { randomUUID } from 'node:crypto';
import type { AlarmView } from '@safetwin/protocol';
import type { Enu } from '@safetwin/twin-models';
import type { DeviceRelations } from './alarm-relations.ts';
import { causeOf, type AlarmGroupSink, type AlarmGroupView } from './alarm-group.ts';

/** Settings of grouping by cause. */
export interface GrouperOptions {
  /** A group closes once its last activation is this old, ms. @defaultValue 10 min */
  windowMs: number;
  /** Alarms of another unit than the first-out's join only this long after the first-out, ms; later they open their own group. @defaultValue 10 min */
  joinMs: number;
  /** A group closes this long after its first-out whatever keeps activating in it, ms. @defaultValue 30 min */
  maxAgeMs: number;
  /** Sensors this close (3-D, metres) are related whatever their unit. @defaultValue 100 m */
  radiusM: number;
}

export const DEFAULT_GROUPER_OPTIONS: GrouperOptions = { windowMs: 10 * 60_000, joinMs: 10 * 60_000, maxAgeMs: 30 * 60_000, radiusM: 100 };

interface OpenGroup {
  view: AlarmGroupView;
  /** Its alarms, each with its activations in the group. */
  members: Map<string, number>;
  /** Index entries it owns, removed when it closes. */
  keys: string[];
  cells: string[];
}

interface CellEntry {
  group: OpenGroup;
  position: Enu;
}

const distanceM = (a: Enu, b: Enu) => Math.hypot(a.eastM - b.eastM, a.northM - b.northM, a.upM - b.upM);

/**
 * Groups new activations by cause (ISA-18.2 first-out): an activation joins an open group of
 * its site and kind of cause when it is related to one of the group's members — the same
 * device, unit (equipment, pipe segment) or roadway, or within `radiusM` (an enterprise plot
 * alone relates nothing: a plot is hundreds of metres wide) — and otherwise opens a group as
 * its first-out. Groups close: `windowMs` after their last activation, and at the latest
 * `maxAgeMs` after their first-out, so a chattering alarm cannot keep one open; and only the
 * first-out's own unit joins after `joinMs`, so an incident of another unit later on is never
 * folded (and silenced) into an old group. Related groups are found through a key index and a
 * grid of `radiusM` cells, so an activation costs O(1) whatever the number of groups; joining
 * the oldest related group keeps an incident that spreads across plots one group.
 */
export class AlarmGrouper {
  private readonly open = new Map<string, OpenGroup>();
  private readonly byKey = new Map<string, OpenGroup>();
  private readonly grid = new Map<string, CellEntry[]>();

  constructor(
    private readonly relationsOf: (siteId: string, deviceId: string) => DeviceRelations | undefined,
    private readonly sink: AlarmGroupSink,
    private readonly now: () => number,
    private readonly options: GrouperOptions = DEFAULT_GROUPER_OPTIONS,
  ) {}

  /** Restores open groups after a restart with their members' alarms; closes those whose window passed. */
  restore(groups: readonly AlarmGroupView[], members: ReadonlyMap<string, readonly AlarmView[]>): void {
    const at = this.now();
    for (const view of groups) {
      const group: OpenGroup = { view: { ...view }, members: new Map(), keys: [], cells: [] };
      this.open.set(view.id, group);
      if (!this.isOpen(group, at)) {
        this.close(group);
        continue;
      }
      for (const alarm of members.get(view.id) ?? []) {
        group.members.set(alarm.id, 1); // (activations before a restart are not kept per member)
        this.index(group, alarm);
      }
    }
  }

  /** Puts a new activation into its group (engine.setGrouper). */
  assign(alarm: AlarmView): { groupId: string; firstOut: boolean } {
    const at = alarm.raisedAt ?? this.now();
    const rel = this.relationsOf(alarm.siteId, alarm.deviceId);
    const consequence = this.consequenceGroup(alarm, at);
    const group = consequence ?? this.relatedGroup(alarm, rel, at);
    if (group) {
      const v = group.view;
      if (!group.members.has(alarm.id)) v.memberCount++;
      group.members.set(alarm.id, (group.members.get(alarm.id) ?? 0) + 1);
      v.activationCount++;
      v.lastActivationAt = Math.max(v.lastActivationAt, at);
      v.topLevel = Math.min(v.topLevel, alarm.level) as AlarmGroupView['topLevel'];
      // A consequence joins without leading other health alarms into the process group.
      if (!consequence) this.index(group, alarm);
      this.sink.save({ ...v }, { alarmId: alarm.id, joinedAt: at });
      // The first-out coming back (it cleared and went off again) is still its group's first-out.
      return { groupId: v.id, firstOut: v.firstOutAlarmId === alarm.id };
    }
    const view: AlarmGroupView = {
      id: randomUUID(),
      siteId: alarm.siteId,
      unit: rel?.unit ?? alarm.deviceId,
      cause: causeOf(alarm.kind, rel?.kind),
      firstOutAlarmId: alarm.id,
      topLevel: alarm.level,
      openedAt: at,
      lastActivationAt: at,
      closedAt: null,
      memberCount: 1,
      activationCount: 1,
    };
    const opened: OpenGroup = { view, members: new Map([[alarm.id, 1]]), keys: [], cells: [] };
    this.open.set(view.id, opened);
    this.index(opened, alarm);
    this.sink.save({ ...view }, { alarmId: alarm.id, joinedAt: at });
    return { groupId: view.id, firstOut: true };
  }

  /** Closes every group whose window has passed (call it now and then; O(open groups)). */
  sweep(): void {
    const at = this.now();
    for (const group of this.open.values()) if (!this.isOpen(group, at)) this.close(group);
  }

  /** An open group by id. */
  get(id: string): AlarmGroupView | undefined {
    const g = this.open.get(id);
    return g ? { ...g.view } : undefined;
  }

  /** How often an alarm activated in an open group; undefined once it closed (or when not a member). */
  activationsOf(groupId: string, alarmId: string): number | undefined {
    return this.open.get(groupId)?.members.get(alarmId);
  }

  /** Open groups now (for KPIs and tests). */
  openGroups(): AlarmGroupView[] {
    return [...this.open.values()].map((g) => ({ ...g.view }));
  }

  /** When a group closes: its window after the last activation, at the latest its maximum age after the first-out. */
  private closesAt(view: AlarmGroupView): number {
    return Math.min(view.lastActivationAt + this.options.windowMs, view.openedAt + this.options.maxAgeMs);
  }

  private isOpen(group: OpenGroup, at: number): boolean {
    return at <= this.closesAt(group.view);
  }

  /** Whether an activation of `unit` may join: any unit within the join period, after it the first-out's unit only. */
  private joinable(group: OpenGroup, unit: string, at: number): boolean {
    return at - group.view.openedAt <= this.options.joinMs || unit === group.view.unit;
  }

  /** The oldest open group related to the alarm that it may join, closing expired ones met on the way. */
  private relatedGroup(alarm: AlarmView, rel: DeviceRelations | undefined, at: number): OpenGroup | null {
    let best: OpenGroup | null = null;
    const unit = rel?.unit ?? alarm.deviceId;
    const consider = (g: OpenGroup | undefined) => {
      if (!g || g.view.closedAt !== null) return;
      if (!this.isOpen(g, at)) return this.close(g);
      if (!this.joinable(g, unit, at)) return;
      if (!best || g.view.openedAt < best.view.openedAt) best = g;
    };
    const scope = this.scopeOf(alarm);
    for (const key of this.keysOf(alarm, rel)) consider(this.byKey.get(`${scope}|${key}`));
    if (rel?.position) {
      const p = rel.position;
      const [cx, cy] = this.cellOf(p);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const e of this.grid.get(`${scope}|${cx + dx},${cy + dy}`) ?? []) if (distanceM(e.position, p) <= this.options.radiusM) consider(e.group);
        }
      }
    }
    return best;
  }

  /**
   * The open process group a `jump` belongs to when its detector is already a member: a plume front
   * arriving or a release ending steps a gas reading by more than half its range at once, which
   * the health check calls implausible; on a detector alarming for the process it is that cause's
   * consequence, not a broken sensor of its own (ISA-18.2: one cause, one notification).
   */
  private consequenceGroup(alarm: AlarmView, at: number): OpenGroup | null {
    if (alarm.kind !== 'jump') return null;
    const g = this.byKey.get(`${alarm.siteId}|process|device:${alarm.deviceId}`);
    return g && g.view.closedAt === null && this.isOpen(g, at) ? g : null;
  }

  /** Site and kind of cause: groups never mix them (a health jump of a process member excepted, see consequenceGroup). */
  private scopeOf(alarm: AlarmView): string {
    return `${alarm.siteId}|${causeOf(alarm.kind, this.relationsOf(alarm.siteId, alarm.deviceId)?.kind)}`;
  }

  private keysOf(alarm: AlarmView, rel: DeviceRelations | undefined): string[] {
    return [`device:${alarm.deviceId}`, ...(rel?.keys ?? [])];
  }

  private cellOf(p: Enu): [number, number] {
    return [Math.floor(p.eastM / this.options.radiusM), Math.floor(p.northM / this.options.radiusM)];
  }

  /** Makes the alarm's keys and position lead to the group (keys another open group holds stay with it). */
  private index(group: OpenGroup, alarm: AlarmView): void {
    const scope = this.scopeOf(alarm);
    const rel = this.relationsOf(alarm.siteId, alarm.deviceId);
    for (const key of this.keysOf(alarm, rel)) {
      const k = `${scope}|${key}`;
      const holder = this.byKey.get(k);
      if (holder === group || (holder && holder.view.closedAt === null)) continue;
      this.byKey.set(k, group);
      group.keys.push(k);
    }
    if (!rel?.position) return;
    const [cx, cy] = this.cellOf(rel.position);
    const cell = `${scope}|${cx},${cy}`;
    const entries = this.grid.get(cell) ?? [];
    // One entry per group and spot is enough: skip a member standing where another already stands.
    if (entries.some((e) => e.group === group && distanceM(e.position, rel.position!) < 1)) return;
    entries.push({ group, position: rel.position });
    this.grid.set(cell, entries);
    if (!group.cells.includes(cell)) group.cells.push(cell);
  }

  private close(group: OpenGroup): void {
    group.view.closedAt = this.closesAt(group.view);
    this.open.delete(group.view.id);
    for (const k of group.keys) if (this.byKey.get(k) === group) this.byKey.delete(k);
    for (const cell of group.cells) {
      const rest = (this.grid.get(cell) ?? []).filter((e) => e.group !== group);
      if (rest.length > 0) this.grid.set(cell, rest);
      else this.grid.delete(cell);
    }
    this.sink.save({ ...group.view }, null);
  }
}
