import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Alarm rule sets of a site, one row per version (rate, deviation, voting, pseudo-data and
 * adaptive rules as JSON). A version is never changed; the newest is the one in force. The
 * primary key makes two concurrent edits of one base version collide: one wins, one gets 409.
 */
export const alarmRuleSets = pgTable(
  'alarm_rule_sets',
  {
    siteId: text('site_id').notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.version] })],
);

/** Set-points changed through the API: they replace the site description's for that sensor's metric. */
export const alarmSetpointOverrides = pgTable('alarm_setpoint_overrides', {
  deviceId: text('device_id').primaryKey(),
  siteId: text('site_id').notNull(),
  metric: text('metric').notNull(),
  lowLow: doublePrecision('low_low'),
  low: doublePrecision('low'),
  high: doublePrecision('high'),
  highHigh: doublePrecision('high_high'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** Every change of alarm rules or set-points: who, when, what, before and after. */
export const alarmRuleAudit = pgTable(
  'alarm_rule_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    siteId: text('site_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actor: text('actor').notNull(),
    /** `rules` (a new rule-set version) or `setpoints` (one sensor's levels). */
    subject: text('subject').notNull(),
    /** The sensor, for set-point changes. */
    deviceId: text('device_id'),
    /** The rule-set version written, for rule changes. */
    version: integer('version'),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
    reason: text('reason'),
  },
  (t) => [index('alarm_rule_audit_site_at_idx').on(t.siteId, t.at)],
);
