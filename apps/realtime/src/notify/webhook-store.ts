import { webhookDeliveries, webhookOutbox, webhooks, type SqlClient } from '@safetwin/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { UnsentWebhookPayload, Webhook, WebhookDeliveryView, WebhookEvents } from './webhook-types.ts';

/** An event still to be delivered to a hook (the outbox). */
export interface PendingDelivery {
  hookId: string;
  payload: UnsentWebhookPayload;
  /** The next try's number. */
  attempt: number;
  firstTryAt: number;
  nextTryAt: number;
}

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
  deletedAt: r.deletedAt?.getTime() ?? null,
});

/** Webhooks, their pending events and their delivery attempts in the database. */
export class WebhookStore {
  constructor(private readonly db: SqlClient) {}

  /** The hooks in use (not deleted). */
  async all(): Promise<Webhook[]> {
    return (await this.db.orm.select().from(webhooks).where(isNull(webhooks.deletedAt))).map(toHook);
  }

  /** A hook, deleted ones included (their deliveries stay readable). */
  async get(id: string): Promise<Webhook | undefined> {
    const [row] = await this.db.orm.select().from(webhooks).where(eq(webhooks.id, id));
    return row ? toHook(row) : undefined;
  }

  async insert(hook: Webhook): Promise<void> {
    await this.db.orm.insert(webhooks).values({ ...hook, createdAt: new Date(hook.createdAt), deletedAt: null });
  }

  /** Marks a hook deleted (it gets nothing more; its deliveries stay); whether it was in use. */
  async delete(id: string, at: number): Promise<boolean> {
    const rows = await this.db.orm
      .update(webhooks)
      .set({ deletedAt: new Date(at) })
      .where(and(eq(webhooks.id, id), isNull(webhooks.deletedAt)))
      .returning({ id: webhooks.id });
    return rows.length > 0;
  }

  /** Records one attempt. */
  async record(hookId: string, d: WebhookDeliveryView): Promise<void> {
    await this.db.query(
      `INSERT INTO webhook_deliveries (hook_id, event_id, event, alarm_id, attempt, status_code, error, outcome, at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = $1)`,
      [hookId, d.eventId, d.event, d.alarmId, d.attempt, d.statusCode, d.error, d.outcome, new Date(d.at)],
    );
  }

  /** Puts an event in the outbox before its first try (a second put of the same event changes nothing). */
  async putPending(p: PendingDelivery): Promise<void> {
    await this.db.orm
      .insert(webhookOutbox)
      .values({ hookId: p.hookId, eventId: p.payload.id, payload: p.payload, attempt: p.attempt, firstTryAt: new Date(p.firstTryAt), nextTryAt: new Date(p.nextTryAt) })
      .onConflictDoNothing();
  }

  /** The next try of a pending event, or (`doneAt`) its end: delivered or given up. */
  async updatePending(hookId: string, eventId: string, next: { attempt: number; nextTryAt: number } | { doneAt: number }): Promise<void> {
    const set = 'doneAt' in next ? { doneAt: new Date(next.doneAt) } : { attempt: next.attempt, nextTryAt: new Date(next.nextTryAt) };
    await this.db.orm.update(webhookOutbox).set(set).where(and(eq(webhookOutbox.hookId, hookId), eq(webhookOutbox.eventId, eventId)));
  }

  /**
   * Removes the outbox entries that ended (delivered or given up) before `beforeMs`; returns how many. Each attempt stays
   * in `webhook_deliveries`; an entry only guards against putting the same event twice while it may still come again.
   */
  async pruneDone(beforeMs: number): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('WITH gone AS (DELETE FROM webhook_outbox WHERE done_at < $1 RETURNING 1) SELECT count(*) AS n FROM gone', [new Date(beforeMs)]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Events not yet delivered nor given up, to hooks in use. */
  async pending(): Promise<PendingDelivery[]> {
    const rows = await this.db.orm
      .select({ o: webhookOutbox })
      .from(webhookOutbox)
      .innerJoin(webhooks, eq(webhooks.id, webhookOutbox.hookId))
      .where(and(isNull(webhookOutbox.doneAt), isNull(webhooks.deletedAt)));
    return rows.map(({ o }) => ({ hookId: o.hookId, payload: o.payload as PendingDelivery['payload'], attempt: o.attempt, firstTryAt: o.firstTryAt.getTime(), nextTryAt: o.nextTryAt.getTime() }));
  }

  /** A hook's attempts, newest first. */
  async deliveries(hookId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows = await this.db.orm.select().from(webhookDeliveries).where(eq(webhookDeliveries.hookId, hookId)).orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id)).limit(limit);
    return rows.map((r) => ({ eventId: r.eventId, event: r.event, alarmId: r.alarmId, attempt: r.attempt, statusCode: r.statusCode, error: r.error, outcome: r.outcome as WebhookDeliveryView['outcome'], at: r.at.getTime() }));
  }
}
