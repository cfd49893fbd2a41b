import { randomUUID } from 'node:crypto';
import type { AlarmView } from '@safetwin/protocol';
import type { Enu } from '@safetwin/twin-models';
import type { DeviceRelations } from './alarm-relations.ts';
import { causeOf, type AlarmGroupSink, type AlarmGroupView } from './alarm-group.ts';

/** Settings of grouping by cause. */
export interface GrouperOptions {
  /** An activation joins a group whose last activation is at most this old, ms. @defaultValue 10 min */
  windowMs: number;
  /** Sensors this close (3-D, metres) are related whatever their unit. @defaultValue 100 m */
  radiusM: number;
}

export const DEFAULT_GROUPER_OPTIONS: GrouperOptions = { windowMs: 10 * 60_000, radiusM: 100 };

interface OpenGroup {
  view: AlarmGroupView;
  members: Set<string>;
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
 * device, unit (equipment, pipe segment), enterprise plot or roadway, or within `radiusM` —
 * and the group's last activation is inside `windowMs`; otherwise it opens a group as its
 * first-out. Related groups are found through a key index and a grid of `radiusM` cells,
 * so an activation costs O(1) whatever the number of groups; joining the oldest related
 * group keeps an incident that spreads across plots one group.
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
      const group: OpenGroup = { view: { ...view }, members: new Set(), keys: [], cells: [] };
      this.open.set(view.id, group);
      if (!this.isOpen(group, at)) {
        this.close(group);
        continue;
      }
      for (const alarm of members.get(view.id) ?? []) {
        group.members.add(alarm.id);
        this.index(group, alarm);
      }
    }
  }

  /** Puts a new activation into its group (engine.setGrouper). */
  assign(alarm: AlarmView): { groupId: string; firstOut: boolean } {
    const at = alarm.raisedAt ?? this.now();
    const group = this.relatedGroup(alarm, at);
    if (group) {
      const v = group.view;
      if (!group.members.has(alarm.id)) {
        group.members.add(alarm.id);
        v.memberCount++;
      }
      v.activationCount++;
      v.lastActivationAt = Math.max(v.lastActivationAt, at);
      v.topLevel = Math.min(v.topLevel, alarm.level) as AlarmGroupView['topLevel'];
      this.index(group, alarm);
      this.sink.save({ ...v }, { alarmId: alarm.id, joinedAt: at });
      // The first-out coming back (it cleared and went off again) is still its group's first-out.
      return { groupId: v.id, firstOut: v.firstOutAlarmId === alarm.id };
    }
    const rel = this.relationsOf(alarm.siteId, alarm.deviceId);
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
    const opened: OpenGroup = { view, members: new Set([alarm.id]), keys: [], cells: [] };
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

  /** Open groups now (for KPIs and tests). */
  openGroups(): AlarmGroupView[] {
    return [...this.open.values()].map((g) => ({ ...g.view }));
  }

  private isOpen(group: OpenGroup, at: number): boolean {
    return at - group.view.lastActivationAt <= this.options.windowMs;
  }

  /** The oldest open group related to the alarm, closing expired ones met on the way. */
  private relatedGroup(alarm: AlarmView, at: number): OpenGroup | null {
    let best: OpenGroup | null = null;
    const consider = (g: OpenGroup | undefined) => {
      if (!g || g.view.closedAt !== null) return;
      if (!this.isOpen(g, at)) return this.close(g);
      if (!best || g.view.openedAt < best.view.openedAt) best = g;
    };
    const scope = this.scopeOf(alarm);
    const rel = this.relationsOf(alarm.siteId, alarm.deviceId);
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

  /** Site and kind of cause: groups never mix them. */
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
    group.view.closedAt = group.view.lastActivationAt + this.options.windowMs;
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
