import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { InProcessQueue } from '../jobs/in-process-queue.ts';
import { call, login, pollUntil, startTestHub, storeVariants } from '../test-support/test-hub.ts';
import { forbiddenClass } from './webhook-address.ts';
import { DEFAULT_WEBHOOK_RETRY, nextRetryDelayMs } from './webhook-backoff.ts';
import { WebhookNotifier, type WebhookDeliveryOptions } from './webhook-notifier.ts';
import type { PendingDelivery, WebhookStore } from './webhook-store.ts';
import type { Webhook, WebhookDeliveryView } from './webhook-types.ts';

/** A receiver answering `status` to every POST, counting them. */
async function receiver(status: number) {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hook`, hits: () => hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** An in-memory store of one hook: its attempts and its outbox. */
function memoryStore(hook: Webhook, pendingAtStart: PendingDelivery[] = []) {
  const rows: WebhookDeliveryView[] = [];
  const outbox = new Map<string, { attempt: number; done: boolean }>();
  const store = {
    all: async () => [hook],
    get: async (id: string) => (id === hook.id ? hook : undefined),
    record: async (_id: string, d: WebhookDeliveryView) => void rows.push(d),
    putPending: async (p: PendingDelivery) => void outbox.set(p.payload.id, { attempt: p.attempt, done: false }),
    updatePending: async (_h: string, eventId: string, next: { attempt: number } | { doneAt: number }) =>
      void outbox.set(eventId, 'doneAt' in next ? { attempt: outbox.get(eventId)?.attempt ?? 0, done: true } : { attempt: next.attempt, done: false }),
    pending: async () => pendingAtStart,
    pruneDone: async () => 0,
  };
  return { store: store as unknown as WebhookStore, rows, outbox };
}

const hookAt = (url: string): Webhook => ({ id: 'h1', siteId: 's1', enterpriseId: null, tier: 'park', url, secret: 'x'.repeat(32), events: { alarmRaised: { firstOutOnly: false, maxLevel: 4 }, responses: [] }, createdBy: 'u', createdAt: 0, deletedAt: null });
const alarm = { id: 's1/d1/gas/high', siteId: 's1', deviceId: 'd1', level: 2, raisedAt: 1 } as unknown as AlarmView;

function notifier(store: WebhookStore, options: Partial<WebhookDeliveryOptions>) {
  const errors: unknown[] = [];
  const queue = new InProcessQueue(() => {});
  const n = new WebhookNotifier({ store, queue, now: Date.now, scopesOf: () => [null], onError: (e) => errors.push(e), options });
  return { n, queue, errors };
}

describe('webhook retry schedule', () => {
  it('doubles from 1 s to a 10 min cap, with jitter, and gives up once the next try would start past 2 h', () => {
    const waits: number[] = [];
    let since = 0;
    for (let attempt = 1; ; attempt++) {
      const wait = nextRetryDelayMs(DEFAULT_WEBHOOK_RETRY, attempt, since, 0.5);
      if (wait === null) break;
      waits.push(wait);
      since += wait;
    }
    expect(waits.slice(0, 11)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600].map((s) => s * 1000));
    expect(Math.max(...waits)).toBe(600_000);
    expect(since).toBeLessThanOrEqual(2 * 3_600_000);
    expect(since).toBeGreaterThan(2 * 3_600_000 - 600_000); // tries until the very end of the span
    expect(waits.length + 1).toBe(21); // tries in all
    // Jitter: ±20 % around the nominal wait.
    expect(nextRetryDelayMs(DEFAULT_WEBHOOK_RETRY, 20, 0, 0)).toBe(480_000);
    expect(nextRetryDelayMs(DEFAULT_WEBHOOK_RETRY, 20, 0, 0.999_999)).toBe(720_000);
  });
});

describe('webhook target addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['10.0.0.5', 'private'],
    ['172.20.1.1', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12::1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['93.184.216.34', null],
    ['2606:2800:220:1::1', null],
  ])('%s → %s', (ip, cls) => {
    expect(forbiddenClass(ip)).toBe(cls);
  });
});

describe('webhook deliveries (notifier, in-process queue)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it('prunes the outbox entries that ended more than the retention ago, at start and then at most hourly', async () => {
    const cuts: number[] = [];
    const { store } = memoryStore(hookAt('http://127.0.0.1:9/hook'));
    (store as unknown as { pruneDone: (beforeMs: number) => Promise<number> }).pruneDone = async (beforeMs) => (cuts.push(beforeMs), 3);
    let now = Date.UTC(2026, 10, 30);
    const n = new WebhookNotifier({ store, queue: new InProcessQueue(() => {}), now: () => now, scopesOf: () => [null], onError: () => {}, options: { outboxRetentionMs: 7 * 86_400_000 } });
    closers.push(() => n.close());
    await n.start();
    expect(cuts).toEqual([now - 7 * 86_400_000]);
    now += 30 * 60_000;
    expect(await n.pruneOutbox()).toBeNull();
    now += 31 * 60_000;
    expect(await n.pruneOutbox()).toBe(3);
    expect(cuts).toEqual([now - 61 * 60_000 - 7 * 86_400_000, now - 7 * 86_400_000]);
  });

  it('a 127.0.0.1 hook is refused at delivery without allowPrivate: nothing is sent, the record says address-not-allowed, not the socket error', async () => {
    const rx = await receiver(200);
    const { store, rows } = memoryStore(hookAt(rx.url));
    const { n, queue } = notifier(store, { giveUpAfterMs: 0 });
    closers.push(rx.close, () => queue.close(), () => n.close());
    await n.start();
    n.onNotice({ alarm, raised: true, scopes: [null], notifies: [null] });
    expect(await pollUntil(async () => rows.some((r) => r.outcome === 'gave-up'))).toBe(true);
    expect(rx.hits()).toBe(0);
    expect(rows[0]).toMatchObject({ attempt: 1, statusCode: null, error: 'address-not-allowed', outcome: 'failed' });
    expect(await n.urlProblem(rx.url)).toMatch(/loopback/);
  });

  it('a receiver that never answers 2xx: tries with backoff, then one terminal gave-up row, the outbox entry done', async () => {
    const rx = await receiver(503);
    const { store, rows, outbox } = memoryStore(hookAt(rx.url));
    const { n, queue, errors } = notifier(store, { allowPrivate: true, backoffMs: 10, backoffCapMs: 40, giveUpAfterMs: 300, jitter: 0 });
    closers.push(rx.close, () => queue.close(), () => n.close());
    await n.start();
    n.onNotice({ alarm, raised: true, scopes: [null], notifies: [null] });
    expect(await pollUntil(async () => rows.some((r) => r.outcome === 'gave-up'), 10_000)).toBe(true);
    const tries = rows.filter((r) => r.outcome === 'failed');
    expect(tries.length).toBeGreaterThanOrEqual(4);
    expect(tries.every((r) => r.error === 'http-503' && r.statusCode === 503)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ error: 'gave-up', outcome: 'gave-up' });
    expect(rows.filter((r) => r.outcome === 'gave-up')).toHaveLength(1);
    expect([...outbox.values()]).toEqual([expect.objectContaining({ done: true })]);
    expect(rx.hits()).toBe(tries.length);
    expect(n.gaveUp).toBe(1);
    expect(String(errors.at(-1))).toContain('gave up');
  });

  it('at start an embedded hub re-enqueues what the outbox holds (a restart lost the in-process jobs)', async () => {
    const rx = await receiver(200);
    const pending: PendingDelivery = { hookId: 'h1', payload: { id: 'e1', event: 'alarm.raised', siteId: 's1', enterpriseId: null, at: 1, alarm }, attempt: 3, firstTryAt: Date.now() - 5000, nextTryAt: Date.now() - 1000 };
    const { store, rows, outbox } = memoryStore(hookAt(rx.url), [pending]);
    const { n, queue } = notifier(store, { allowPrivate: true });
    closers.push(rx.close, () => queue.close(), () => n.close());
    await n.start();
    expect(await pollUntil(async () => rows.some((r) => r.outcome === 'delivered'))).toBe(true);
    expect(rows).toEqual([expect.objectContaining({ eventId: 'e1', attempt: 3, statusCode: 200, error: null, outcome: 'delivered' })]);
    expect(outbox.get('e1')).toMatchObject({ done: true });
  });
});

describe.each(storeVariants().filter((v) => v.name === 'pglite'))('webhook creation without webhookAllowPrivate ($name)', (variant) => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  beforeAll(async () => {
    hub = await startTestHub(variant);
  }, 180_000);
  afterAll(async () => {
    await hub?.dispose();
  });

  it('refuses loopback, metadata and private URLs with a 400 naming url', async () => {
    const commander = await login(hub, 'commander');
    const park = hub.registry.all().find((s) => s.kind === 'chemical-park')!;
    for (const url of ['http://127.0.0.1:4000/x', 'http://localhost:4000/x', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5:5432/', 'http://[::1]/x', 'http://100.64.1.1/']) {
      const res = await call(hub, 'POST', '/webhooks', { token: commander, body: { siteId: park.id, url } });
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toMatch(/^url: /);
    }
    expect((await call(hub, 'GET', '/webhooks', { token: commander })).body.webhooks).toEqual([]);
  });
});
