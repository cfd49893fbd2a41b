import type { AlarmLoadView, AlarmView, Principal } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import type { AlarmEngine } from '../alarm-engine.ts';
import { alarmSubject, enterprisesSeeing } from '../../auth/access.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { deviceRelations, type DeviceRelations } from './alarm-relations.ts';
import type { AlarmGroupStore } from './alarm-group-store.ts';
import { AlarmGrouper, DEFAULT_GROUPER_OPTIONS, type GrouperOptions } from './alarm-grouper.ts';
import { AlarmLoad, DEFAULT_ALARM_LOAD_OPTIONS, type AlarmLoadOptions } from './alarm-load.ts';
import { NotificationRule, type AlarmNotice, type OperatorScope } from './notification-rule.ts';

/** What the flood monitor needs from the hub. */
export interface FloodMonitorDeps {
  engine: AlarmEngine;
  registry: SiteRegistry;
  store: AlarmGroupStore;
  now: () => number;
  /** Sends a scope's changed load to its operators (fan-out). */
  emitLoad: (load: AlarmLoadView, scope: OperatorScope) => void;
  grouper?: GrouperOptions;
  load?: AlarmLoadOptions;
  /** How often groups close and old activations leave the window, ms. @defaultValue 5 s */
  sweepMs?: number;
}

/** Listener of activations with whom they notify (webhooks). */
export type NoticeListener = (notice: AlarmNotice) => void;

/**
 * Floods and incidents (ISA-18.2 / EEMUA 191): groups new activations by cause with a
 * first-out, decides whom each activation notifies (NotificationRule), keeps the alarm load
 * per site and operator scope and reports it when it changes. Hooks into the engine with
 * `setGrouper` and `onChange`; everything runs in memory, groups are stored behind.
 */
export class FloodMonitor {
  readonly grouper: AlarmGrouper;
  readonly load: AlarmLoad;
  private readonly rule: NotificationRule;
  private readonly relations = new Map<string, Map<string, DeviceRelations>>();
  private readonly listeners: NoticeListener[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: FloodMonitorDeps) {
    this.grouper = new AlarmGrouper((siteId, deviceId) => this.relationsOf(siteId, deviceId), deps.store, deps.now, deps.grouper ?? DEFAULT_GROUPER_OPTIONS);
    this.load = new AlarmLoad(deps.now, deps.emitLoad, deps.load ?? DEFAULT_ALARM_LOAD_OPTIONS);
    this.rule = new NotificationRule((alarm) => this.scopesOf(alarm));
  }

  /** Restores open groups and standing counts, then takes the engine's new activations and changes. */
  async start(): Promise<void> {
    const { engine, store, now } = this.deps;
    const { groups, members } = await store.loadOpen();
    const alarmsOf = (ids: readonly string[]) => ids.map((id) => engine.get(id)).filter((a): a is AlarmView => a !== undefined);
    this.grouper.restore(groups, new Map(groups.map((g) => [g.id, alarmsOf(members.get(g.id) ?? [])])));
    const open = new Set(this.grouper.openGroups().map((g) => g.id));
    for (const alarm of engine.list(null, false)) {
      if (alarm.groupId !== null && open.has(alarm.groupId)) this.rule.seed(alarm, now());
      if (alarm.state !== 'normal') this.load.standing(alarm.siteId, this.scopesOf(alarm), 1);
    }
    engine.setGrouper((alarm) => this.grouper.assign(alarm));
    engine.onChange((alarm, transition, before) => {
      const wasStanding = before.state !== 'normal';
      if (wasStanding !== (alarm.state !== 'normal')) this.load.standing(alarm.siteId, this.scopesOf(alarm), wasStanding ? -1 : 1);
      const notice = this.rule.classify(alarm, transition, before);
      if (!notice) return;
      this.load.record(alarm.siteId, notice);
      for (const listener of this.listeners) listener(notice);
    });
    this.timer = setInterval(() => this.sweep(), this.deps.sweepMs ?? 5000);
    this.timer.unref();
  }

  /** Adds a listener of activations (after grouping and the notification rule). */
  onNotice(listener: NoticeListener): void {
    this.listeners.push(listener);
  }

  /** The load a user's view of a site carries: the whole site, or an officer's enterprise share. */
  loadFor(user: Principal, siteId: string): AlarmLoadView {
    return this.load.view(siteId, scopeOfUser(user));
  }

  /** Closes expired groups and lets old activations leave the load window. */
  sweep(): void {
    this.grouper.sweep();
    this.load.sweep();
    this.rule.prune(this.deps.now() - (this.deps.grouper ?? DEFAULT_GROUPER_OPTIONS).windowMs);
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.deps.store.drain();
  }

  /** Every operator scope that sees an alarm: the site's full viewers, and the enterprises that see its device. */
  scopesOf(alarm: Pick<AlarmView, 'siteId' | 'deviceId' | 'enterpriseId'>): OperatorScope[] {
    const site = this.deps.registry.site(alarm.siteId);
    if (!site) return [null];
    return [null, ...enterprisesSeeing(alarmSubject(alarm, this.deps.registry.device(alarm.deviceId)), site.enterprises.map((e) => e.id))];
  }

  /** The unit an alarm of a device belongs to (its equipment, pipe segment, roadway, else the device). */
  unitOf(siteId: string, deviceId: string): string {
    return this.relationsOf(siteId, deviceId)?.unit ?? deviceId;
  }

  private relationsOf(siteId: string, deviceId: string): DeviceRelations | undefined {
    let site = this.relations.get(siteId);
    if (!site) {
      const described: Site | undefined = this.deps.registry.site(siteId);
      site = described ? deviceRelations(described) : new Map();
      this.relations.set(siteId, site);
    }
    return site.get(deviceId);
  }
}

/** The operator scope of a user: an officer's enterprise, else the whole site. */
export const scopeOfUser = (user: Principal): OperatorScope => (user.role === 'safety-officer' ? (user.enterpriseId ?? '') : null);
