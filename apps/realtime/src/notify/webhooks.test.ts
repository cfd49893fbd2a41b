import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChemicalPark } from '@safetwin/twin-models';
import { TEST_GATEWAY_KEY, call, login, pollUntil, startTestHub, storeVariants } from '../test-support/test-hub.ts';
import type { Hub } from '../create-hub.ts';
import { verifySignature } from './webhook-signing.ts';
import type { WebhookPayload } from './webhook-types.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookPayload;
}

/** A local receiver: records every POST; `/flaky…` paths answer 500 to the first two tries of each event, then 200. */
async function startReceiver() {
  const received: Received[] = [];
  const tries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) as WebhookPayload });
      const key = `${path}|${String(req.headers['x-safetwin-delivery'])}`;
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      res.statusCode = path.startsWith('/flaky') && n <= 2 ? 500 : 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const at = (path: string) => received.filter((r) => r.path === path);
  // The set-point alarms (the detectors' later silence raises `stale` alarms of a cause of their own).
  const setpointAt = (path: string) => at(path).filter((r) => r.body.alarm.kind === 'high' || r.body.alarm.kind === 'high-high');
  return { url, received, at, setpointAt, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Two gas detectors of one enterprise on one item, with a value between their high and high-high. */
function twoDetectors(hub: Hub) {
  const park = hub.registry.all().find((s) => s.kind === 'chemical-park') as ChemicalPark;
  const gas = park.sensors.filter((s) => s.kind.startsWith('gas-') && s.kind !== 'gas-o2' && s.enterpriseId !== null && s.equipmentId && s.setpoints?.high != null);
  const pair = gas.flatMap((a) => gas.filter((b) => b.id > a.id && b.equipmentId === a.equipmentId).map((b) => [a, b] as const))[0]!;
  const other = park.enterprises.find((e) => e.id !== pair[0].enterpriseId)!;
  const reading = (s: (typeof gas)[number]) => {
    const sp = s.setpoints!;
    const value = sp.highHigh != null ? (sp.high! + sp.highHigh) / 2 : sp.high! * 1.5;
    return { deviceId: s.id, ts: Date.now(), seq: 1, values: { [sp.metric]: value } };
  };
  return { park, enterpriseId: pair[0].enterpriseId!, otherEnterpriseId: other.id, readings: () => pair.map(reading) };
}

describe.each(storeVariants())('webhooks ($name)', (variant) => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    // On PostgreSQL with REDIS_URL (CI) deliveries go through BullMQ, embedded through the in-process queue.
    // The receiver listens on 127.0.0.1: allowed only with webhookAllowPrivate (webhook-delivery.test.ts shows the refusal).
    hub = await startTestHub(variant, { webhookAllowPrivate: true, ...(variant.name === 'postgres' && process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}) });
    expect((await call(hub, 'GET', '/health')).body.queue).toBe(variant.name === 'postgres' && process.env.REDIS_URL ? 'bullmq' : 'in-process');
  }, 180_000);
  afterAll(async () => {
    await hub?.dispose();
    await receiver?.close();
  });

  it('role rules: who may add, see and delete hooks; bad input names the field', async () => {
    const { park, enterpriseId, otherEnterpriseId } = twoDetectors(hub);
    const officer = await login(hub, `officer-${enterpriseId}`);
    const other = await login(hub, `officer-${otherEnterpriseId}`);
    const manager = await login(hub, 'park-manager');
    const commander = await login(hub, 'commander');
    const planner = await login(hub, 'drill-planner');
    const mine = hub.registry.all().find((s) => s.kind === 'coal-mine')!;

    const created = await call(hub, 'POST', '/webhooks', { token: officer, body: { url: `${receiver.url}/roles` } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^[0-9a-f]{64}$/); // generated, shown once
    expect(created.body.webhook).toMatchObject({ siteId: park.id, enterpriseId, tier: 'enterprise', events: { alarmRaised: { firstOutOnly: true, maxLevel: 4 }, responses: ['response-escalated'] } });
    expect(created.body.webhook.secret).toBeUndefined();
    const id = created.body.webhook.id as string;
    expect((await call(hub, 'GET', '/webhooks', { token: officer })).body.webhooks.map((h: { id: string }) => h.id)).toContain(id);
    expect((await call(hub, 'GET', '/webhooks', { token: other })).body.webhooks).toEqual([]);
    expect((await call(hub, 'GET', '/webhooks', { token: manager })).body.webhooks).toEqual([]); // the park's hooks, not an enterprise's
    expect((await call(hub, 'GET', `/webhooks/${id}/deliveries`, { token: other })).status).toBe(404);
    expect((await call(hub, 'DELETE', `/webhooks/${id}`, { token: other })).status).toBe(404);
    expect((await call(hub, 'DELETE', `/webhooks/${id}`, { token: officer })).status).toBe(204);
    expect((await call(hub, 'GET', '/webhooks', { token: officer })).body.webhooks).toEqual([]);
    // Soft-deleted: its delivery record stays readable by the same roles, a second delete finds nothing.
    expect((await call(hub, 'GET', `/webhooks/${id}/deliveries`, { token: officer })).status).toBe(200);
    expect((await call(hub, 'GET', `/webhooks/${id}/deliveries`, { token: other })).status).toBe(404);
    expect((await call(hub, 'DELETE', `/webhooks/${id}`, { token: officer })).status).toBe(404);

    expect((await call(hub, 'POST', '/webhooks', { token: planner, body: { url: `${receiver.url}/x` } })).status).toBe(403);
    expect((await call(hub, 'POST', '/webhooks', { token: officer, body: { siteId: mine.id, url: `${receiver.url}/x` } })).status).toBe(404);
    expect((await call(hub, 'POST', '/webhooks', { token: manager, body: { siteId: mine.id, url: `${receiver.url}/x` } })).status).toBe(404);
    const noSite = await call(hub, 'POST', '/webhooks', { token: commander, body: { url: `${receiver.url}/x` } });
    expect(noSite.status).toBe(400);
    expect(noSite.body.error.message).toContain('siteId');
    const CASES = [
      { title: 'not a URL', body: { url: 'nope' }, field: 'url' },
      { title: 'not http', body: { url: 'ftp://example.com/x' }, field: 'url' },
      { title: 'short secret', body: { url: `${receiver.url}/x`, secret: 'short' }, field: 'secret' },
      { title: 'level 5', body: { url: `${receiver.url}/x`, events: { alarmRaised: { maxLevel: 5 } } }, field: 'maxLevel' },
      { title: 'unknown event', body: { url: `${receiver.url}/x`, events: { responses: ['coffee'] } }, field: 'responses' },
    ];
    for (const c of CASES) {
      const res = await call(hub, 'POST', '/webhooks', { token: officer, body: c.body });
      expect(res.status, c.title).toBe(400);
      expect(res.body.error.message, c.title).toContain(c.field);
    }
    const site = await call(hub, 'POST', '/webhooks', { token: commander, body: { siteId: park.id, url: `${receiver.url}/gov` } });
    expect(site.body.webhook).toMatchObject({ tier: 'government', enterpriseId: null });
    expect((await call(hub, 'GET', '/webhooks', { token: manager })).body.webhooks).toHaveLength(1);
    expect((await call(hub, 'DELETE', `/webhooks/${site.body.webhook.id}`, { token: manager })).status).toBe(204);
  });

  it('deliveries: signed, to the tenants that see the alarm only, first-out and level filters, response events, retried with backoff and recorded', { timeout: 120_000 }, async () => {
    const { park, enterpriseId, otherEnterpriseId, readings } = twoDetectors(hub);
    const officer = await login(hub, `officer-${enterpriseId}`);
    const other = await login(hub, `officer-${otherEnterpriseId}`);
    const manager = await login(hub, 'park-manager');
    const secret = 'a-receiver-chosen-secret-0123456789';
    const add = async (token: string, path: string, body: Record<string, unknown> = {}) => {
      const res = await call(hub, 'POST', '/webhooks', { token, body: { url: `${receiver.url}${path}`, secret, ...body } });
      expect(res.status, path).toBe(201);
      return res.body.webhook.id as string;
    };
    await add(officer, '/own');
    await add(officer, '/own-all', { events: { alarmRaised: { firstOutOnly: false } } });
    await add(officer, '/own-red-only', { events: { alarmRaised: { maxLevel: 1 } } });
    await add(officer, '/own-responses', { events: { alarmRaised: null, responses: ['response-due', 'response-escalated'] } });
    const flaky = await add(officer, '/flaky');
    await add(other, '/other');
    await add(manager, '/park');

    const res = await fetch(`${hub.url}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${TEST_GATEWAY_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ readings: readings() }) });
    expect(res.status).toBe(202);

    expect(await pollUntil(async () => receiver.setpointAt('/own-all').length >= 2 && receiver.setpointAt('/park').length >= 1 && receiver.setpointAt('/own-responses').length >= 1, 15_000)).toBe(true);
    // Retried twice with backoff (1 s, then 2 s), then delivered.
    expect(await pollUntil(async () => receiver.setpointAt('/flaky').length >= 3, 20_000)).toBe(true);
    // Retried, not given up: /health counts deliveries given up after every retry.
    expect((await call(hub, 'GET', '/health')).body.webhooks).toEqual({ gaveUp: 0 });
    await new Promise((r) => setTimeout(r, 500)); // time for anything that should not come

    const own = receiver.setpointAt('/own');
    expect(own, 'only the first-out of the two notifies').toHaveLength(1);
    expect(own[0]!.body).toMatchObject({ event: 'alarm.raised', siteId: park.id, enterpriseId, alarm: { enterpriseId, firstOut: true } });
    // The signature: sha256=HMAC-SHA256(secret, body), checked like a receiver would; the timestamp header is the body's sentAt.
    expect(own[0]!.headers['x-safetwin-signature']).toBe(`sha256=${createHmac('sha256', secret).update(own[0]!.raw).digest('hex')}`);
    expect(verifySignature(secret, own[0]!.raw, own[0]!.headers['x-safetwin-signature'] as string)).toBe(true);
    expect(verifySignature('another-secret-of-some-length', own[0]!.raw, own[0]!.headers['x-safetwin-signature'] as string)).toBe(false);
    expect(Number(own[0]!.headers['x-safetwin-timestamp'])).toBe(own[0]!.body.sentAt);
    expect(own[0]!.headers['x-safetwin-event']).toBe('alarm.raised');
    expect(own[0]!.headers['x-safetwin-delivery']).toBe(own[0]!.body.id);

    expect(receiver.setpointAt('/own-all').map((r) => r.body.alarm.deviceId).sort()).toEqual(readings().map((r) => r.deviceId).sort());
    expect(receiver.at('/own-red-only')).toHaveLength(0);
    expect(receiver.at('/other'), "another enterprise's hook never gets this alarm").toHaveLength(0);
    expect(receiver.setpointAt('/park').map((r) => r.body)).toEqual([expect.objectContaining({ event: 'alarm.raised', enterpriseId: null })]);
    expect(receiver.setpointAt('/own-responses').map((r) => r.body.event)).toEqual(['alarm.response-due']);

    const attempts = receiver.setpointAt('/flaky');
    expect(new Set(attempts.map((a) => a.body.id)).size).toBe(1); // one event, three tries
    const recorded = await pollUntil(async () => {
      const d = (await call(hub, 'GET', `/webhooks/${flaky}/deliveries`, { token: officer })).body.deliveries as { attempt: number; statusCode: number; error: string | null; outcome: string; eventId: string }[];
      const ofEvent = d.filter((x) => x.eventId === attempts[0]!.body.id);
      return ofEvent.length >= 3 ? ofEvent : undefined;
    });
    expect(recorded!.map((d) => [d.attempt, d.statusCode, d.error, d.outcome])).toEqual([
      [3, 200, null, 'delivered'],
      [2, 500, 'http-500', 'failed'],
      [1, 500, 'http-500', 'failed'],
    ]);
  });
});
