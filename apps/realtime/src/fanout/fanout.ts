import type { AlarmLoadView, AlarmView, IncidentHandoverView, IncidentView, LiveReading, Principal, ReadingsBatch, ServerToClientEvents } from '@safetwin/protocol';
import type { Server } from 'socket.io';
import { alarmSubject, enterprisesLosingIncident, enterprisesSeeing, incidentEnterprises } from '../auth/access.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';

/** The socket.io room a user joins for a site: everything, or one enterprise's share. */
export function roomFor(user: Principal, siteId: string): string {
  return user.role === 'safety-officer' ? enterpriseRoom(siteId, user.enterpriseId ?? '') : siteRoom(siteId);
}
/** Room of full viewers of a site. */
export const siteRoom = (siteId: string) => `site:${siteId}`;
/** Room of one enterprise's officers on a site. */
export const enterpriseRoom = (siteId: string, enterpriseId: string) => `site:${siteId}:ent:${enterpriseId}`;

/** Every room of a site: full viewers and each enterprise's officers (site-wide events such as simulation runs). */
export const siteWideRooms = (siteId: string, enterpriseIds: readonly string[]): string[] => [siteRoom(siteId), ...enterpriseIds.map((id) => enterpriseRoom(siteId, id))];

/**
 * Per-site fan-out: committed readings are buffered per site and sent as one `readings`
 * event per tick (≤ `tickMs`) to the site's room, and the visible share of them to each
 * enterprise room. Works across hubs through the socket.io adapter (Redis when configured).
 */
export class Fanout {
  private buffers = new Map<string, LiveReading[]>();
  private readonly timer: NodeJS.Timeout;
  /** Counters for /health and KPIs. */
  readonly stats = { batches: 0, readings: 0 };

  constructor(
    private readonly io: Server<Record<string, never>, ServerToClientEvents>,
    private readonly registry: SiteRegistry,
    tickMs: number,
    /** True with the in-memory adapter (one hub): rooms are all local. */
    private readonly localOnly: boolean,
  ) {
    this.timer = setInterval(() => this.flush(), tickMs);
    this.timer.unref();
  }

  /** Queues committed readings of a site for the next tick. */
  push(siteId: string, readings: LiveReading[]): void {
    const buffer = this.buffers.get(siteId);
    if (buffer) for (const r of readings) buffer.push(r);
    else this.buffers.set(siteId, readings.slice());
  }

  /** Sends every buffered batch now. */
  flush(): void {
    if (this.buffers.size === 0) return;
    const buffers = this.buffers;
    this.buffers = new Map();
    for (const [siteId, readings] of buffers) {
      this.stats.batches++;
      this.stats.readings += readings.length;
      const room = siteRoom(siteId);
      if (this.hasListeners(room)) this.io.to(room).emit('readings', { siteId, readings } satisfies ReadingsBatch);
      // Each enterprise room gets its own devices and the shared ones (weather), in one pass.
      const site = this.registry.site(siteId);
      if (!site) continue;
      const rooms = site.enterprises.map((e) => enterpriseRoom(siteId, e.id)).filter((r) => this.hasListeners(r));
      if (rooms.length === 0) continue;
      const byRoom = new Map<string, LiveReading[]>(rooms.map((r) => [r, []]));
      const enterpriseIds = site.enterprises.map((e) => e.id);
      for (const r of readings) {
        const device = this.registry.device(r.deviceId);
        if (!device) continue;
        for (const id of enterprisesSeeing(device, enterpriseIds)) byRoom.get(enterpriseRoom(siteId, id))?.push(r);
      }
      for (const [r, list] of byRoom) if (list.length > 0) this.io.to(r).emit('readings', { siteId, readings: list });
    }
  }

  /**
   * Whether anyone may be listening in a room. With the in-memory adapter the room is
   * local and empty rooms are skipped (socket.io would still encode the batch); with the
   * Redis adapter listeners may sit on other hubs, so it always emits.
   */
  private hasListeners(room: string): boolean {
    if (!this.localOnly) return true;
    return (this.io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  }

  /** Sends an alarm change at once to the site's room and to the rooms of those who may see its device. */
  emitAlarm(alarm: AlarmView): void {
    this.io.to(siteRoom(alarm.siteId)).emit('alarm', alarm);
    const site = this.registry.site(alarm.siteId);
    if (!site) return;
    const seeing = enterprisesSeeing(alarmSubject(alarm, this.registry.device(alarm.deviceId)), site.enterprises.map((e) => e.id));
    for (const enterpriseId of seeing) this.io.to(enterpriseRoom(alarm.siteId, enterpriseId)).emit('alarm', alarm);
  }

  /** Sends the alarm load of one operator scope: the site's room (null), or one enterprise's room. */
  emitAlarmLoad(load: AlarmLoadView, enterpriseId: string | null): void {
    this.io.to(enterpriseId === null ? siteRoom(load.siteId) : enterpriseRoom(load.siteId, enterpriseId)).emit('alarm-load', load);
  }

  /**
   * Sends an incident change at once to those who may see it (canSeeIncident): the site's room
   * and the rooms of the plants it concerns on the site (incidentEnterprises). The rooms of plants
   * that saw `previous` (the stored version this one replaced) and no longer see it get
   * `incident-handed-over` instead: their walls drop it rather than keep a stale copy. The previous
   * version comes from the store's version check, not from memory here, so it is right whichever
   * hub wrote the earlier versions.
   */
  emitIncident(incident: IncidentView, previous: IncidentView | null): void {
    const rooms = [siteRoom(incident.siteId), ...incidentEnterprises(incident).map((e) => enterpriseRoom(incident.siteId, e))];
    this.io.to(rooms).emit('incident', incident);
    const lost = previous ? enterprisesLosingIncident(previous, incident) : [];
    if (lost.length === 0) return;
    const handover: IncidentHandoverView = { id: incident.id, siteId: incident.siteId, updatedAt: incident.updatedAt, reason: 'source-moved' };
    this.io.to(lost.map((e) => enterpriseRoom(incident.siteId, e))).except(rooms).emit('incident-handed-over', handover);
  }

  /** Sends a site-wide event (a simulation run) to the site's room and every enterprise room of the site. */
  emitSiteWide<E extends 'sim-run'>(siteId: string, event: E, payload: Parameters<ServerToClientEvents[E]>[0]): void {
    const enterprises = this.registry.site(siteId)?.enterprises ?? [];
    this.io.to(siteWideRooms(siteId, enterprises.map((e) => e.id))).emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  }

  /** Stops the tick after a last flush. */
  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
