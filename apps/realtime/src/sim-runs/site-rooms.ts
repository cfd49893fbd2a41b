import { eq } from 'drizzle-orm';
import { sites, type SqlClient } from '@safetwin/db';
import { siteRoom, siteWideRooms } from '../fanout/fanout.ts';

/** How long a site's enterprise list is trusted before it is read again (an enterprise added later is then reached), ms. */
export const SITE_ROOMS_TTL_MS = 60_000;

/**
 * The socket.io rooms of a site for a process without a site registry (a stand-alone sim
 * worker): the site room and each enterprise room, the same rule as the hub's
 * `Fanout.emitSiteWide`. Enterprise ids are read from `sites` and kept for `ttlMs`; the
 * promise is cached, so events of one site keep their order. A failed read answers just the
 * site room and is not kept (the next event asks again).
 */
export class SiteRooms {
  private readonly bySite = new Map<string, { rooms: Promise<string[]>; readAtMs: number }>();

  constructor(
    private readonly db: SqlClient,
    private readonly ttlMs = SITE_ROOMS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Rooms of a site (just the site room when the site is unknown or unreadable); never rejects. */
  of(siteId: string): Promise<string[]> {
    const cached = this.bySite.get(siteId);
    if (cached && this.now() - cached.readAtMs < this.ttlMs) return cached.rooms;
    const entry = { rooms: this.read(siteId), readAtMs: this.now() };
    this.bySite.set(siteId, entry);
    return entry.rooms;
  }

  private async read(siteId: string): Promise<string[]> {
    try {
      const [row] = await this.db.orm.select({ description: sites.description }).from(sites).where(eq(sites.id, siteId));
      if (!row) this.bySite.delete(siteId); // not stored yet: ask again next time
      const enterprises = (row?.description as { enterprises?: { id: string }[] } | undefined)?.enterprises ?? [];
      return siteWideRooms(siteId, enterprises.map((e) => e.id));
    } catch {
      this.bySite.delete(siteId);
      return [siteRoom(siteId)];
    }
  }
}
