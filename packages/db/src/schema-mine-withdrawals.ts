import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Withdrawals ordered in a mine (issue 7): who ordered which area out and why. Kept so that a hub
 * restarted during a withdrawal still knows it; `seq` continues the site's numbering (`W-<site>-<seq>`).
 */
export const mineWithdrawals = pgTable(
  'mine_withdrawals',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason').notNull(),
    /** The hub's reason as a message key with values (protocol HubText), for the wall's language; null for a commander's words (migration 0016). */
    reasonText: jsonb('reason_text'),
    orderedBy: text('ordered_by').notNull(),
    /** Roadway ids, as ordered. */
    sourceRoadwayIds: jsonb('source_roadway_ids').notNull(),
    /** Roadway ids of the area ordered out (the sources and everything downstream). */
    affectedRoadwayIds: jsonb('affected_roadway_ids').notNull(),
    /** The people paged by this withdrawal. */
    personIds: jsonb('person_ids').notNull(),
  },
  (t) => [uniqueIndex('mine_withdrawals_site_seq_idx').on(t.siteId, t.seq), index('mine_withdrawals_site_at_idx').on(t.siteId, t.at)],
);

/**
 * Each person's current withdrawal order (one row per person, replaced by a newer order): the
 * escape route as paged, the page's outcome, when they acknowledged and reached safety, and
 * their state (paged, acknowledged, withdrawing, safe, no-route), updated as they change.
 */
export const mineWithdrawalOrders = pgTable(
  'mine_withdrawal_orders',
  {
    siteId: text('site_id').notNull(),
    personId: text('person_id').notNull(),
    withdrawalId: text('withdrawal_id')
      .notNull()
      .references(() => mineWithdrawals.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    /** `{kind, id}` of the shaft or refuge chamber, or null without a route. */
    destination: jsonb('destination'),
    roadwayIds: jsonb('roadway_ids').notNull(),
    /** The escape route in site metres (`[{eastM, northM, upM}]`). */
    polyline: jsonb('polyline').notNull(),
    etaS: doublePrecision('eta_s'),
    selfRescuerS: doublePrecision('self_rescuer_s'),
    pagedAt: timestamp('paged_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The page command's outcome (`sent` until the command channel answers). */
    pageState: text('page_state').notNull(),
    /** Sensor time of the wearer's acknowledgement. */
    ackedAt: timestamp('acked_at', { withTimezone: true, mode: 'date' }),
    /** Sensor time of the reading that found them safe. */
    safeAt: timestamp('safe_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.personId] })],
);
