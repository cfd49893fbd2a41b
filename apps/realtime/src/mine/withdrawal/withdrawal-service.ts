import type { SqlClient } from '@safetwin/db';
import {
  hubText, type AlarmTransitionView, type AlarmView, type CommandRecord, type CommandRequest, type InterlockLogEntry, type LiveReading,
  type PersonOrderView, type PersonView, type SitePeopleView, type WithdrawalView,
} from '@safetwin/protocol';
import {
  affectedArea, locateOnRoadways, planWithdrawal, type CoalMine, type EscapeOptions, type EscapePlan, type Enu, type Site,
} from '@safetwin/twin-models';
import { isNewActivation } from '../../alarms/alarm-engine.ts';
import { said, type Said } from '../../said.ts';
import type { InterlockCutEvent } from '../interlock/methane-interlock.ts';
import { acknowledgesPage, sendTagPage } from '../tag-page.ts';
import { WithdrawalStore, type StoredOrder } from './withdrawal-store.ts';

/** Who the page commands name. */
export const WITHDRAWAL_ACTOR = 'system:withdrawal';
/** A person within this distance of their destination (shaft bottom, refuge chamber) is safe, m (about two UWB anchor gaps' noise and the chamber's door). */
export const SAFE_RADIUS_M = 15;
/** A tag this far below the collar level or less is on the surface, m. */
export const SURFACE_UP_M = -20;
/** A withdrawal everyone has come out of is shown again after a restart only if ordered this recently, ms (a day: the three shifts). */
export const RESTORE_FINISHED_MS = 24 * 3_600_000;

/** What the withdrawal service needs from the hub. */
export interface WithdrawalDeps {
  /** Where withdrawals and orders are kept across a restart. */
  db: SqlClient;
  sites: readonly Site[];
  ingest: { onValidated(listener: (readings: LiveReading[]) => void): void };
  commands: { send(request: CommandRequest, issuedBy: string): Promise<CommandRecord> };
  /** Cuts of the methane interlock order a withdrawal of the range and the roadways downstream. */
  interlock?: { onCut(listener: (e: InterlockCutEvent) => void): void };
  /** A new level-1/2 CO alarm orders a withdrawal downstream of its sensor. */
  engine?: { onChange(listener: (alarm: AlarmView, transition: AlarmTransitionView, before: AlarmView) => void): void };
  now: () => number;
  onError: (err: unknown) => void;
  escape?: EscapeOptions;
}

interface Person {
  view: PersonView;
}

interface MineState {
  site: CoalMine;
  byTag: Map<string, Person>;
  withdrawals: WithdrawalView[];
  /** The site's last withdrawal number (ids `W-<site>-<n>`). */
  seq: number;
  /** People whose order changed since it was last written. */
  dirty: Set<Person>;
}

/**
 * Withdrawal and escape (issue 7): when the interlock cuts power, a CO alarm rises or a commander
 * orders it, everyone in the affected area (the cut range and every roadway downstream of the
 * source in the air flow) is planned an escape route (twin-models `planWithdrawal`) and paged it
 * through the command channel (`tag.page` with the route); the tag's `page_ack` tells when the
 * wearer acknowledged, and each person is tracked from their tag positions until safe: within
 * {@link SAFE_RADIUS_M} of the shaft bottom or refuge chamber, or on the surface. Withdrawals and
 * orders are stored as they change (one write at a time, off the ingest path) and read back at start.
 */
export class WithdrawalService {
  private readonly mines = new Map<string, MineState>();
  private readonly byTag = new Map<string, MineState>();
  private readonly store: WithdrawalStore;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WithdrawalDeps) {
    this.store = new WithdrawalStore(deps.db);
    for (const site of deps.sites) {
      if (site.kind !== 'coal-mine') continue;
      const state: MineState = { site, byTag: new Map(), withdrawals: [], seq: 0, dirty: new Set() };
      for (const m of site.miners) {
        state.byTag.set(m.tagDeviceId, { view: { personId: m.id, name: m.name, team: m.team, tagDeviceId: m.tagDeviceId, position: null, roadwayId: null, chainageM: null, reportedAt: null, state: 'working', order: null } });
        this.byTag.set(m.tagDeviceId, state);
      }
      this.mines.set(site.id, state);
    }
  }

  /**
   * Reads back each mine's withdrawals and its people's orders (their positions come back with
   * the next tag readings), then listens to tag readings, interlock cuts and CO alarms.
   */
  async start(): Promise<this> {
    for (const mine of this.mines.values()) await this.restore(mine);
    this.deps.ingest.onValidated((readings) => this.observe(readings));
    this.deps.interlock?.onCut((e) => {
      const why = cutReason(e.sensorId, e.entry);
      void this.order(e.siteId, { sourceRoadwayIds: e.sensorRoadwayId ? [e.sensorRoadwayId] : [], extraRoadwayIds: e.rangeRoadwayIds, reason: why, orderedBy: 'system:interlock' }).catch(this.deps.onError);
    });
    this.deps.engine?.onChange((alarm, transition, before) => {
      const mine = this.mines.get(alarm.siteId);
      if (!mine || alarm.metric !== 'co_ppm' || alarm.level > 2 || !isNewActivation(alarm, transition, before)) return;
      const roadwayId = mine.site.sensors.find((s) => s.id === alarm.deviceId)?.roadwayId;
      if (!roadwayId) return;
      const why = said(`CO ${alarm.value} ppm at ${alarm.deviceId} (${alarm.kind})`, 'withdrawal.co-alarm', { ppm: alarm.value ?? '?', device: alarm.deviceId, kind: alarm.kind });
      void this.order(alarm.siteId, { sourceRoadwayIds: [roadwayId], reason: why, orderedBy: 'system:co-alarm' }).catch(this.deps.onError);
    });
    return this;
  }

  /** Resolves when every write so far is stored (failures went to `onError`). */
  flushed(): Promise<void> {
    return this.writes;
  }

  /**
   * Orders a withdrawal (a commander's order, or the triggers above): the people in the roadways
   * downstream of the sources (and in `extraRoadwayIds`) are planned and paged. Null for a site
   * that is not a mine. People already withdrawing keep their order. Resolves once the pages are
   * sent and the withdrawal with its orders is stored (a failed write goes to `onError`). `reason`: a person's words
   * as typed, or the hub's sentence in both forms (a wall words it in its user's language).
   */
  async order(siteId: string, request: { sourceRoadwayIds: string[]; extraRoadwayIds?: string[]; reason: string | Said; orderedBy: string }): Promise<WithdrawalView | null> {
    const mine = this.mines.get(siteId);
    if (!mine) return null;
    const affected = affectedArea(mine.site, request.sourceRoadwayIds, request.extraRoadwayIds ?? []);
    const inside = [...mine.byTag.values()].filter((p) => p.view.roadwayId !== null && affected.has(p.view.roadwayId) && (p.view.order === null || p.view.state === 'safe'));
    const plans = planWithdrawal(mine.site, inside.map((p) => ({ personId: p.view.personId, position: { roadwayId: p.view.roadwayId!, chainageM: p.view.chainageM ?? 0 } })), affected, this.deps.escape);
    const seq = ++mine.seq;
    const view: WithdrawalView = { id: `W-${siteId}-${seq}`, at: this.deps.now(), ...reasonFields(request.reason), orderedBy: request.orderedBy, sourceRoadwayIds: request.sourceRoadwayIds, affectedRoadwayIds: [...affected].sort(), personIds: inside.map((p) => p.view.personId) };
    mine.withdrawals.push(view);
    const pages = inside.map((p) => this.page(mine, p, view, plans.get(p.view.personId)!));
    // Rows taken when the write runs: the orders as they are then, less any a newer withdrawal has replaced.
    const stored = this.write(() => this.store.insert(siteId, seq, view, inside.filter((p) => p.view.order?.withdrawalId === view.id).map(storedOrder)));
    await Promise.all([...pages, stored]);
    return view;
  }

  /** The people of a mine, their positions, states and orders (GET /sites/:id/people); null for another site. */
  people(siteId: string): SitePeopleView | null {
    const mine = this.mines.get(siteId);
    if (!mine) return null;
    const people = [...mine.byTag.values()].map((p) => structuredClone(p.view));
    return { siteId, at: this.deps.now(), people, withdrawals: [...mine.withdrawals].reverse(), stillInside: people.filter((p) => p.order && p.state !== 'safe').length };
  }

  /** Tag readings: positions (snapped to the roadways), acknowledgements, arrival. */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      const mine = this.byTag.get(r.deviceId);
      const p = mine?.byTag.get(r.deviceId);
      if (!mine || !p) continue;
      const v = r.values;
      const view = p.view;
      if (v.east_m !== undefined && v.north_m !== undefined && v.up_m !== undefined && (view.reportedAt === null || r.ts >= view.reportedAt)) {
        view.position = { eastM: v.east_m, northM: v.north_m, upM: v.up_m };
        view.reportedAt = r.ts;
        const fix = locateOnRoadways(mine.site, view.position);
        view.roadwayId = fix?.roadwayId ?? null;
        view.chainageM = fix?.chainageM ?? null;
      }
      const order = view.order;
      if (!order) continue;
      let changed = false;
      if (order.ackedAt === null && acknowledgesPage(v, r.ts, order.pagedAt)) {
        order.ackedAt = r.ts;
        if (view.state === 'paged') view.state = 'acknowledged';
        changed = true;
      }
      if (order.safeAt === null && view.position && this.isSafe(view.position, order)) {
        order.safeAt = r.ts;
        view.state = 'safe';
        changed = true;
      } else if (view.state === 'acknowledged' && view.position && order.polyline.length > 0 && dist(view.position, order.polyline[0]!) > SAFE_RADIUS_M) {
        view.state = 'withdrawing';
        changed = true;
      }
      if (changed) this.changed(mine, p);
    }
  }

  /** Reads back a mine's withdrawals, its people's orders and states, and its withdrawal number. */
  private async restore(mine: MineState): Promise<void> {
    const restored = await this.store.restore(mine.site.id, this.deps.now() - RESTORE_FINISHED_MS);
    const byPerson = new Map([...mine.byTag.values()].map((p) => [p.view.personId, p]));
    for (const o of restored.orders) {
      const p = byPerson.get(o.personId);
      if (p) Object.assign(p.view, { order: o.order, state: o.state });
    }
    mine.withdrawals = restored.withdrawals;
    mine.seq = restored.lastSeq;
  }

  /** Notes that a person's order changed; the changes of a burst of readings are written together. */
  private changed(mine: MineState, p: Person): void {
    if (mine.dirty.size === 0) {
      void this.write(async () => {
        const people = [...mine.dirty];
        mine.dirty.clear();
        await this.store.update(mine.site.id, people.map(storedOrder));
      });
    }
    mine.dirty.add(p);
  }

  /** Queues a write after the earlier ones (so an order's changes land after its insert); failures go to `onError`. */
  private write(op: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(op).catch(this.deps.onError);
    return this.writes;
  }

  private isSafe(p: Enu, order: PersonOrderView): boolean {
    if (p.upM > SURFACE_UP_M) return true;
    const end = order.polyline[order.polyline.length - 1];
    return order.destination !== null && end !== undefined && dist(p, end) <= SAFE_RADIUS_M;
  }

  private async page(mine: MineState, p: Person, w: WithdrawalView, plan: EscapePlan): Promise<void> {
    const route = plan.route;
    const order: PersonOrderView = {
      withdrawalId: w.id, decision: plan.decision, reason: plan.reason, destination: route ? { kind: route.destination.kind, id: route.destination.id } : null,
      roadwayIds: route?.roadwayIds ?? [], polyline: route?.polyline ?? [], etaS: route?.etaS ?? null, selfRescuerS: route?.selfRescuerS ?? null,
      pagedAt: this.deps.now(), pageState: 'sent', ackedAt: null, safeAt: null,
    };
    p.view.order = order;
    p.view.state = route ? 'paged' : 'no-route';
    const where = route ? (route.destination.kind === 'shaft' ? `out by ${route.destination.id}` : `to refuge chamber ${route.destination.id}`) : 'no route: stay put, call the dispatcher';
    const text = `撤离 WITHDRAW: ${where}${route ? ` via ${route.roadwayIds.join(' → ')}` : ''}`.slice(0, 200);
    const destination = route ? pageDestination(mine.site, route.roadwayIds[route.roadwayIds.length - 1] ?? null, route.destination, route.nodeIds) : undefined;
    order.pageState = await sendTagPage(
      this.deps.commands,
      { siteId: mine.site.id, tagDeviceId: p.view.tagDeviceId, reason: `${w.id}: ${w.reason}` },
      { text, ...(route ? { waypointNodeIds: route.nodeIds } : {}), ...(destination ? { destination } : {}) },
      WITHDRAWAL_ACTOR,
      this.deps.onError,
    );
    this.changed(mine, p);
  }
}

/** Where a page's route ends on the roadway network: the shaft bottom node or the refuge chamber's chainage. */
function pageDestination(site: CoalMine, lastRoadwayId: string | null, destination: { kind: 'shaft'; nodeId: string } | { kind: 'refuge'; roadwayId: string; chainageM: number } | { kind: string }, nodeIds: string[]): { roadwayId: string; chainageM: number } | undefined {
  if (destination.kind === 'refuge' && 'roadwayId' in destination) return { roadwayId: destination.roadwayId, chainageM: destination.chainageM };
  if (!lastRoadwayId) return undefined;
  const e = site.roadways.edges.find((x) => x.id === lastRoadwayId)!;
  const end = nodeIds[nodeIds.length - 1];
  return { roadwayId: e.id, chainageM: e.from === end ? 0 : e.lengthM };
}

/** A person's order as stored (only called for people who have one). */
const storedOrder = (p: Person): StoredOrder => ({ personId: p.view.personId, state: p.view.state, order: p.view.order! });

const dist = (a: Enu, b: Enu) => Math.hypot(a.eastM - b.eastM, a.northM - b.northM, a.upM - b.upM);

/** Why the interlock's cut orders a withdrawal: the sensor's reading at its cut level, or its fault (which cuts its range). */
function cutReason(sensorId: string, entry: InterlockLogEntry): Said {
  const en = `methane power cut: ${sensorId} ${entry.readingPct ?? entry.fault} (${entry.kind})`;
  if (entry.fault) return said(en, 'withdrawal.methane-fault', { sensor: sensorId, fault: hubText(`fault.${entry.fault}`) });
  return said(en, 'withdrawal.methane-cut', { sensor: sensorId, readingPct: entry.readingPct ?? '?' });
}

/** A withdrawal's reason as its view stores it: the English, and the sentence for a wall (null: a person's words). */
function reasonFields(reason: string | Said): Pick<WithdrawalView, 'reason' | 'reasonText'> {
  return typeof reason === 'string' ? { reason, reasonText: null } : { reason: reason.en, reasonText: reason.text };
}
