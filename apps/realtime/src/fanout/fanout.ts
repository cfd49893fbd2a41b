import type { LiveReading, Principal, ReadingsBatch, ServerToClientEvents } from '@safetwin/protocol';
import type { Server } from 'socket.io';
import { canSeeDevice } from '../auth/access.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';

/** The socket.io room a user joins for a site: everything, or one enterprise's share. */
export function roomFor(user: Principal, siteId: string): string {
  return user.role === 'safety-officer' ? enterpriseRoom(siteId, user.enterpriseId ?? '') : siteRoom(siteId);
}
/** Room of full viewers of a site. */
export const siteRoom = (siteId: string) => `site:${siteId}`;
/** Room of one enterprise's officers on a site. */
export const enterpriseRoom = (siteId: string, enterpriseId: string) => `site:${siteId}:ent:${enterpriseId}`;

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
      const batch: ReadingsBatch = { siteId, readings };
      this.io.to(siteRoom(siteId)).emit('readings', batch);
      this.stats.batches++;
      this.stats.readings += readings.length;
      const site = this.registry.site(siteId);
      for (const enterprise of site?.enterprises ?? []) {
        const officer = { role: 'safety-officer', siteId, enterpriseId: enterprise.id } as Principal;
        const visible = readings.filter((r) => {
          const device = this.registry.device(r.deviceId);
          return device !== undefined && canSeeDevice(officer, device);
        });
        if (visible.length > 0) this.io.to(enterpriseRoom(siteId, enterprise.id)).emit('readings', { siteId, readings: visible });
      }
    }
  }

  /** Stops the tick after a last flush. */
  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
