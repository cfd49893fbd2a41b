import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { createHub, type Hub } from '../../create-hub.ts';
import type { HubOptions } from '../../hub-options.ts';
import { alarmId } from '../alarm-engine.ts';
import { call, login, pickDevices, pollUntil, storeVariants, TEST_GATEWAY_KEY, TEST_PASSWORD } from '../../test-support/test-hub.ts';

const MIN = 60_000;

/** A local webhook receiver: the events it was sent. */
async function startReceiver() {
  const events: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      events.push((JSON.parse(raw) as { event: string }).event);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, events, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(storeVariants())('response deadlines across a hub restart on $name', (variant) => {
  it('fires a deadline that passed while the hub was down when it starts, once, tells the webhooks, and keeps the escalation', async () => {
    const store = await variant.prepare();
    const receiver = await startReceiver();
    const dataDir = variant.name === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'safetwin-response-')) : undefined;
    let offsetMs = 0; // the hub's clock: real time, moved forward while the hub is down
    const options: Partial<HubOptions> = {
      port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: TEST_PASSWORD, demoGatewayKey: TEST_GATEWAY_KEY, logLevel: 'silent', webhookAllowPrivate: true,
      redisUrl: process.env.REDIS_URL, redisPrefix: `safetwin-test-${randomUUID()}`, now: () => Date.now() + offsetMs, ...store.options, ...(dataDir ? { dataDir } : {}),
    };
    const hubs: Hub[] = [];
    const start = async () => {
      const hub = await createHub(options);
      hubs.push(hub);
      return hub;
    };
    try {
      const first = await start();
      const devices = pickDevices(first);
      const sensor = devices.park.sensors.find((s) => s.id === devices.gas.deviceId)!;
      const metric = sensor.setpoints!.metric;
      const id = alarmId(devices.park.id, sensor.id, metric, 'high');
      const officer = await login(first, `officer-${sensor.enterpriseId}`);
      const hook = await call(first, 'POST', '/webhooks', { token: officer, body: { url: `${receiver.url}/escalations`, events: { alarmRaised: null, responses: ['response-escalated'] } } });
      expect(hook.status).toBe(201);
      const ingest = await call(first, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: sensor.id, ts: Date.now(), seq: 1, values: { [metric]: sensor.setpoints!.high! * 1.2 } }] } });
      expect(ingest.status).toBe(202);
      const opened = await pollUntil(async () => first.alarmEngine.get(id)?.response ?? undefined);
      expect(opened).toMatchObject({ kind: 'emergency-plan', tier: 'enterprise', escalations: 0 });
      await first.close();

      offsetMs = 31 * MIN; // the deadline passes while no hub runs
      const second = await start();
      const escalated = await pollUntil(async () => (second.alarmEngine.get(id)?.response?.tier === 'park' ? second.alarmEngine.get(id)!.response! : undefined));
      expect(escalated).toMatchObject({ kind: 'emergency-plan', tier: 'park', escalations: 1, confirmedAt: null });
      expect(escalated!.dueAt!).toBe(opened!.dueAt! + 30 * MIN); // the park's 30 min run from the missed deadline, not from the restart
      const token = await login(second, 'commander');
      const trail = await pollUntil(async () => {
        const h = (await call(second, 'GET', `/alarms/${encodeURIComponent(id)}`, { token })).body.history as { event: string; actor: string; reason: string }[];
        const responses = h.filter((t) => t.event === 'response');
        return responses.length >= 2 ? responses : undefined;
      });
      expect(trail!.map((t) => t.actor)).toEqual(['system', 'system']);
      expect(trail![1]!.reason).toMatch(/^enterprise missed the emergency-plan deadline .*: escalated to park/);
      // The catch-up runs once the webhooks listen (it used to fire before they subscribed: nobody was told).
      expect(await pollUntil(async () => receiver.events.includes('alarm.response-escalated') || undefined, 30_000)).toBe(true);
      await second.close();

      const third = await start(); // the new deadline has not passed: nothing fires again
      await new Promise((r) => setTimeout(r, 500));
      const kept: AlarmView['response'] = third.alarmEngine.get(id)!.response;
      expect(kept).toMatchObject({ tier: 'park', escalations: 1, dueAt: escalated!.dueAt });
    } finally {
      for (const hub of hubs) await hub.close();
      await store.dispose();
      await receiver.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
