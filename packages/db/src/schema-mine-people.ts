import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Attendance underground (AQ 6210 / AQ 1048 下井/升井记录): one row per stay of a person below
 * the surface, opened when their tag goes down the shaft (or is first seen underground) and
 * closed when it comes up. Crossings are rare, so a row each beats scanning the tags' readings.
 */
export const mineAttendance = pgTable(
  'mine_attendance',
  {
    siteId: text('site_id').notNull(),
    personId: text('person_id').notNull(),
    tagDeviceId: text('tag_device_id').notNull(),
    /** Sensor time of the first reading underground. */
    downAt: timestamp('down_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Whether the descent was seen (a surface reading before); false: first seen already underground. */
    downObserved: boolean('down_observed').notNull(),
    /** The shaft nearest to where the tag crossed, or null. */
    downShaftId: text('down_shaft_id'),
    /** Sensor time of the first reading on the surface after the stay; null while underground. */
    upAt: timestamp('up_at', { withTimezone: true, mode: 'date' }),
    upShaftId: text('up_shaft_id'),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.personId, t.downAt] }),
    index('mine_attendance_site_down_idx').on(t.siteId, t.downAt),
    index('mine_attendance_open_idx').on(t.siteId).where(sql`${t.upAt} IS NULL`),
  ],
);

/** Personnel-zone settings changed through the API (headcount limit, restricted), over the mine description's. */
export const mineZoneSettings = pgTable(
  'mine_zone_settings',
  {
    siteId: text('site_id').notNull(),
    zoneId: text('zone_id').notNull(),
    /** Most people at once; null: no limit. */
    headcountLimit: integer('headcount_limit'),
    restricted: boolean('restricted').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.zoneId] })],
);
