// The webhook outbox against the store itself (no hub): PGlite always, PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites, testBackends, type SqlClient } from '@safetwin/db';
import { WebhookStore, type PendingDelivery } from './webhook-store.ts';
import type { UnsentWebhookPayload, Webhook } from './webhook-types.ts';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

describe.each(testBackends())('webhook outbox on $name', (backend) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  let store: WebhookStore;
  const hook: Webhook = { id: 'hook-prune', siteId: 'site-prune', enterpriseId: null, tier: 'park', url: 'https://example.invalid/hook', secret: 'x'.repeat(32), events: { alarmRaised: null, responses: [] }, createdBy: 'test', createdAt: T0, deletedAt: null };
  const pending = (eventId: string): PendingDelivery => ({ hookId: hook.id, payload: { id: eventId, event: 'alarm.raised' } as unknown as UnsentWebhookPayload, attempt: 1, firstTryAt: T0, nextTryAt: T0 });

  beforeAll(async () => {
    ({ client: db, dispose } = await backend.open());
    await db.orm.insert(sites).values({ id: hook.siteId, kind: 'chemical-park', name: 'Prune park', description: {} }).onConflictDoNothing();
    store = new WebhookStore(db);
    await store.insert(hook);
  });
  afterAll(async () => dispose?.());

  it('prunes the entries that ended before the cut only: open ones and recent ends stay, and a pruned event can be put again', async () => {
    for (const id of ['delivered-long-ago', 'gave-up-long-ago', 'delivered-yesterday', 'still-trying']) await store.putPending(pending(id));
    await store.updatePending(hook.id, 'delivered-long-ago', { doneAt: T0 - 10 * DAY_MS });
    await store.updatePending(hook.id, 'gave-up-long-ago', { doneAt: T0 - 8 * DAY_MS });
    await store.updatePending(hook.id, 'delivered-yesterday', { doneAt: T0 - DAY_MS });
    expect(await store.pruneDone(T0 - 7 * DAY_MS)).toBe(2);
    expect(await store.pruneDone(T0 - 7 * DAY_MS)).toBe(0);
    const left = await db.query<{ event_id: string }>('SELECT event_id FROM webhook_outbox WHERE hook_id = $1 ORDER BY event_id', [hook.id]);
    expect(left.map((r) => r.event_id)).toEqual(['delivered-yesterday', 'still-trying']);
    expect((await store.pending()).map((p) => p.payload.id)).toEqual(['still-trying']);
  });
});
