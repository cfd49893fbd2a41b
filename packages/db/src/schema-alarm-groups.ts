import { index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Alarm groups (one cause: a leak that trips thirty detectors is one group with one
 * first-out alarm). A group is open while activations keep joining it within the grouping
 * window; it is closed once the window has passed since its last activation.
 */
export const alarmGroups = pgTable(
  'alarm_groups',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    /** The unit of the first-out alarm: its equipment, pipe segment, enterprise plot, roadway or device. */
    unit: text('unit').notNull(),
    /** `process`, `health` or `advisory`: alarms of different kinds of cause never share a group. */
    cause: text('cause').notNull(),
    firstOutAlarmId: text('first_out_alarm_id').notNull(),
    /** The most severe level (1 red … 4 blue) among the group's activations. */
    topLevel: smallint('top_level').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastActivationAt: timestamp('last_activation_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** Distinct alarms in the group. */
    memberCount: integer('member_count').notNull(),
    /** Activations that joined it (an alarm that clears and comes back joins again). */
    activationCount: integer('activation_count').notNull(),
  },
  (t) => [
    index('alarm_groups_site_opened_idx').on(t.siteId, t.openedAt),
    index('alarm_groups_open_idx').on(t.siteId).where(sql`${t.closedAt} IS NULL`),
  ],
);

/** Which alarms joined which group, and when they first did. */
export const alarmGroupMembers = pgTable(
  'alarm_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => alarmGroups.id, { onDelete: 'cascade' }),
    alarmId: text('alarm_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.alarmId] })],
);
