import { webhookDeliveries, webhooks, type SqlClient } from '@safetwin/db';
import { desc, eq } from 'drizzle-orm';
import type { Webhook, WebhookDeliveryView, WebhookEvents } from './webhook-types.ts';

type HookRow = typeof webhooks.$inferSelect;
const toHook = (r: HookRow): Webhook => ({
  id: r.id,
  siteId: r.siteId,
  enterpriseId: r.enterpriseId,
  tier: r.tier as Webhook['tier'],
  url: r.url,
  secret: r.secret,
  events: r.events as WebhookEvents,
  createdBy: r.createdBy,
  createdAt: r.createdAt.getTime(),
});

/** Webhooks and their delivery attempts in the database. */
export class WebhookStore {
  constructor(private readonly db: SqlClient) {}

  async all(): Promise<Webhook[]> {
    return (await this.db.orm.select().from(webhooks)).map(toHook);
  }

  async get(id: string): Promise<Webhook | undefined> {
    const [row] = await this.db.orm.select().from(webhooks).where(eq(webhooks.id, id));
    return row ? toHook(row) : undefined;
  }

  async insert(hook: Webhook): Promise<void> {
    await this.db.orm.insert(webhooks).values({ ...hook, createdAt: new Date(hook.createdAt) });
  }

  /** Removes a hook and its recorded deliveries; whether it existed. */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.orm.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    return rows.length > 0;
  }

  /** Records one attempt (a hook deleted meanwhile records nothing). */
  async record(hookId: string, d: WebhookDeliveryView): Promise<void> {
    await this.db.query(
      `INSERT INTO webhook_deliveries (hook_id, event_id, event, alarm_id, attempt, status_code, error, at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = $1)`,
      [hookId, d.eventId, d.event, d.alarmId, d.attempt, d.statusCode, d.error, new Date(d.at)],
    );
  }

  /** A hook's attempts, newest first. */
  async deliveries(hookId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows = await this.db.orm.select().from(webhookDeliveries).where(eq(webhookDeliveries.hookId, hookId)).orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id)).limit(limit);
    return rows.map((r) => ({ eventId: r.eventId, event: r.event, alarmId: r.alarmId, attempt: r.attempt, statusCode: r.statusCode, error: r.error, at: r.at.getTime() }));
  }
}
