import { deviceState, type SqlClient } from '@safetwin/db';
import type { LiveReading, Principal } from '@safetwin/protocol';
import { eq } from 'drizzle-orm';
import { canSeeDevice } from '../auth/access.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';

/**
 * The latest value of every device of a site that `user` may see, from `device_state`
 * (shared by every hub, so a subscriber gets the full picture whichever hub it reaches).
 */
export async function latestValues(db: SqlClient, registry: SiteRegistry, user: Principal, siteId: string): Promise<LiveReading[]> {
  const rows = await db.orm.select().from(deviceState).where(eq(deviceState.siteId, siteId));
  const out: LiveReading[] = [];
  for (const row of rows) {
    const device = registry.device(row.deviceId);
    if (!device || !canSeeDevice(user, device)) continue;
    out.push({ deviceId: row.deviceId, ts: row.lastTs.getTime(), seq: Number(row.lastSeq), values: row.values });
  }
  return out;
}
