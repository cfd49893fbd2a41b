import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Webhooks to enterprise systems: per enterprise (its officers manage them) or per site
 * (park and government tiers). The secret signs every delivery (HMAC-SHA256); it is shown
 * once when the hook is created and never again.
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
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** The event's id (the same on every attempt: receivers use it to drop duplicates). */
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    alarmId: text('alarm_id'),
    /** 1 for the first try. */
    attempt: integer('attempt').notNull(),
    /** The receiver's HTTP status, or null when no answer came. */
    statusCode: integer('status_code'),
    error: text('error'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('webhook_deliveries_hook_at_idx').on(t.hookId, t.at)],
);
