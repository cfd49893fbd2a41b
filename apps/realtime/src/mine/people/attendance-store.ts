// Durable attendance underground (table mine_attendance, migration 0011): one row per stay,
// opened at the descent and closed on the surface. Crossings are rare (a few per person and
// shift), so a row each is cheap, while deriving them from the tags' readings would scan every
// position of every tag back to the last crossing.
import type { SqlClient } from '@safetwin/db';
import type { AttendanceRecord } from '@safetwin/protocol';

interface Row {
  person_id: string;
  tag_device_id: string;
  down_at: Date | string;
  down_observed: boolean;
  down_shaft_id: string | null;
  up_at: Date | string | null;
  up_shaft_id: string | null;
}

const COLUMNS = 'person_id, tag_device_id, down_at, down_observed, down_shaft_id, up_at, up_shaft_id';
const toRecord = (r: Row): AttendanceRecord => ({
  personId: r.person_id, tagDeviceId: r.tag_device_id, downAt: new Date(r.down_at).getTime(), downObserved: r.down_observed,
  downShaftId: r.down_shaft_id, upAt: r.up_at === null ? null : new Date(r.up_at).getTime(), upShaftId: r.up_shaft_id,
});

/** Reads and writes a site's stays underground. */
export class AttendanceStore {
  constructor(private readonly db: SqlClient) {}

  /** Stays still open (people underground), for the restart. */
  async open(siteId: string): Promise<AttendanceRecord[]> {
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM mine_attendance WHERE site_id = $1 AND up_at IS NULL`, [siteId]);
    return rows.map(toRecord);
  }

  /** Records a descent (idempotent on site, person and time). */
  async down(siteId: string, r: AttendanceRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO mine_attendance (site_id, person_id, tag_device_id, down_at, down_observed, down_shaft_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [siteId, r.personId, r.tagDeviceId, new Date(r.downAt).toISOString(), r.downObserved, r.downShaftId],
    );
  }

  /** Closes a person's open stay at `upAtMs`. */
  async up(siteId: string, personId: string, downAtMs: number, upAtMs: number, upShaftId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE mine_attendance SET up_at = $4, up_shaft_id = $5 WHERE site_id = $1 AND person_id = $2 AND down_at = $3 AND up_at IS NULL`,
      [siteId, personId, new Date(downAtMs).toISOString(), new Date(upAtMs).toISOString(), upShaftId],
    );
  }

  /** Stays that overlap [fromMs, toMs): down before `toMs` and not up before `fromMs`; newest first, at most `limit`. */
  async between(siteId: string, fromMs: number, toMs: number, limit: number): Promise<AttendanceRecord[]> {
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM mine_attendance WHERE site_id = $1 AND down_at < $3 AND (up_at IS NULL OR up_at >= $2) ORDER BY down_at DESC, person_id LIMIT $4`,
      [siteId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), limit],
    );
    return rows.map(toRecord);
  }
}
