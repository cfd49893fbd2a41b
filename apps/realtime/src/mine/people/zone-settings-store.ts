// Personnel-zone settings changed through the API (table mine_zone_settings, migration 0011):
// they outlive a restart and override the mine description's limit and restriction.
import type { SqlClient } from '@safetwin/db';

/** A zone's settings as changed through the API. */
export interface ZoneSettings {
  headcountLimit: number | null;
  restricted: boolean;
  updatedBy: string;
  updatedAt: number;
}

/** Reads and writes the zone settings of a site. */
export class ZoneSettingsStore {
  constructor(private readonly db: SqlClient) {}

  /** Every changed zone of a site, by zone id. */
  async load(siteId: string): Promise<Map<string, ZoneSettings>> {
    const rows = await this.db.query<{ zone_id: string; headcount_limit: number | null; restricted: boolean; updated_by: string; updated_at: Date | string }>(
      'SELECT zone_id, headcount_limit, restricted, updated_by, updated_at FROM mine_zone_settings WHERE site_id = $1',
      [siteId],
    );
    return new Map(rows.map((r) => [r.zone_id, { headcountLimit: r.headcount_limit, restricted: r.restricted, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).getTime() }]));
  }

  /** Stores a zone's settings (the whole set, so a restart restores exactly these). */
  async save(siteId: string, zoneId: string, s: ZoneSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO mine_zone_settings (site_id, zone_id, headcount_limit, restricted, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (site_id, zone_id) DO UPDATE SET headcount_limit = EXCLUDED.headcount_limit, restricted = EXCLUDED.restricted, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [siteId, zoneId, s.headcountLimit, s.restricted, s.updatedBy, new Date(s.updatedAt).toISOString()],
    );
  }
}
