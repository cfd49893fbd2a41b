import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Webhooks to enterprise systems: per enterprise (its officers manage them) or per site
 * (park and government tiers). The secret signs every delivery (HMAC-SHA256); it is shown
 * once when the hook is created and never again. Removing a hook only marks it deleted, so
 * its delivery record stays readable.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    /** The enterprise whose alarms it receives; null for a site-wide (park or government) hook. */
    enterpriseId: text('enterprise_id'),
    /** `enterprise`, `park` or `government`: who owns it. */
    tier: text('tier').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    /** Which events it wants (WebhookEvents: alarm raised with filters, response escalations). */
    events: jsonb('events').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When it was removed (it then gets nothing more; its deliveries stay); null while in use. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('webhooks_site_idx').on(t.siteId)],
);

/** Every delivery attempt of a webhook: what was sent, the answer or the error, and when. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    hookId: text('hook_id')
      .notNull()
      .references(() => webhooks.id),
    /** The event's id (the same on every attempt: receivers use it to drop duplicates). */
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    alarmId: text('alarm_id'),
    /** 1 for the first try. */
    attempt: integer('attempt').notNull(),
    /** The receiver's HTTP status, or null when no answer came. */
    statusCode: integer('status_code'),
    /** A generic error class (`timeout`, `connection-failed`, `address-not-allowed`, `http-500` …), never a raw socket message. */
    error: text('error'),
    /** `delivered`, `failed` (tried again later) or `gave-up` (the terminal row: no more tries). */
    outcome: text('outcome'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('webhook_deliveries_hook_at_idx').on(t.hookId, t.at)],
);

/**
 * Events still to be delivered to a hook, one row per (hook, event): written before the first
 * try and marked done when delivered or given up, so an embedded hub (in-process queue, whose
 * jobs die with it) re-enqueues what a restart interrupted.
 */
export const webhookOutbox = pgTable(
  'webhook_outbox',
  {
    hookId: text('hook_id')
      .notNull()
      .references(() => webhooks.id),
    eventId: text('event_id').notNull(),
    /** The payload as first sent (WebhookPayload without sentAt). */
    payload: jsonb('payload').notNull(),
    /** The next try's number (1 for the first). */
    attempt: integer('attempt').notNull(),
    firstTryAt: timestamp('first_try_at', { withTimezone: true, mode: 'date' }).notNull(),
    nextTryAt: timestamp('next_try_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When it was delivered or given up; null while pending. */
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.hookId, t.eventId] }), index('webhook_outbox_pending_idx').on(t.doneAt)],
);
