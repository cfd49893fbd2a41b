import { eq } from 'drizzle-orm';
import { sites, type SqlClient } from '@safetwin/db';
import { siteWideRooms } from '../fanout/fanout.ts';

/**
 * The socket.io rooms of a site for a process without a site registry (a stand-alone sim
 * worker): the site room and each enterprise room, the same rule as the hub's
 * `Fanout.emitSiteWide`. Enterprise ids are read from `sites` once per site; the promise is
 * cached, so events of one site keep their order.
 */
export class SiteRooms {
  private readonly bySite = new Map<string, Promise<string[]>>();

  constructor(private readonly db: SqlClient) {}

  /** Rooms of a site (just the site room when the site is unknown or unreadable). */
  of(siteId: string): Promise<string[]> {
    let rooms = this.bySite.get(siteId);
    if (!rooms) {
      rooms = this.read(siteId);
      this.bySite.set(siteId, rooms);
    }
    return rooms;
  }

  private async read(siteId: string): Promise<string[]> {
    const [row] = await this.db.orm.select({ description: sites.description }).from(sites).where(eq(sites.id, siteId));
    if (!row) this.bySite.delete(siteId); // not stored yet: ask again next time
    const enterprises = (row?.description as { enterprises?: { id: string }[] } | undefined)?.enterprises ?? [];
    return siteWideRooms(siteId, enterprises.map((e) => e.id));
  }
}
