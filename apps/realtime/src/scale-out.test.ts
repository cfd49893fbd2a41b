import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@safetwin/db';
import type { ReadingsBatch } from '@safetwin/protocol';
import { createHub, type Hub } from './create-hub.ts';
import { runSourceMove } from './incidents/source-move-scenario.ts';
import { call, connect, login, pickDevices, readingFor, TEST_GATEWAY_KEY, TEST_PASSWORD, type TestSocket } from './test-support/test-hub.ts';

const { DATABASE_URL, REDIS_URL } = process.env;

// Two hubs on one PostgreSQL and one Redis, as README "Scaling out" describes: a reading
// ingested at hub A reaches a wall subscribed at hub B (socket.io Redis adapter), and the
// job queue is BullMQ; an incident update written at one hub tells the officers of a plant it no
// longer concerns, though the version they saw was written at the other. Runs where the real
// servers are configured (CI).
describe.skipIf(!DATABASE_URL || !REDIS_URL)('two hubs behind the Redis adapter', () => {
  let a: Hub;
  let b: Hub;
  let drop: () => Promise<void>;
  let wall: TestSocket;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    const scratch = await createScratchDatabase(DATABASE_URL!);
    drop = scratch.drop;
    const common = { host: '127.0.0.1', port: 0, demo: true, simulator: false, demoPassword: TEST_PASSWORD, demoGatewayKey: TEST_GATEWAY_KEY, logLevel: 'silent' as const, databaseUrl: scratch.url, redisUrl: REDIS_URL, redisPrefix: `safetwin-test-${randomUUID()}` };
    a = await createHub(common);
    b = await createHub(common);
  });
  afterAll(async () => {
    wall?.disconnect();
    for (const s of sockets) s.disconnect();
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('fans a reading ingested at one hub out to a wall connected to the other', async () => {
    const devices = pickDevices(a);
    wall = await connect(b, { token: await login(b, 'commander') });
    const ack = await wall.emitWithAck('subscribe', { siteId: devices.park.id });
    expect(ack.ok).toBe(true);
    const received = new Promise<ReadingsBatch>((resolve) => wall.on('readings', (batch) => batch.readings.some((r) => r.seq === 77) && resolve(batch)));
    const res = await call(a, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [readingFor(devices.gas, 77)] } });
    expect(res.status).toBe(202);
    const batch = await received;
    expect(batch.siteId).toBe(devices.park.id);
    const health = await call(b, 'GET', '/health');
    expect(health.body).toMatchObject({ queue: 'bullmq', socketAdapter: 'redis', database: { kind: 'postgres' } });
  });

  it('hands an incident over from one plant to another when the estimate that moves its source is written at the other hub', async () => {
    // Hub A records the estimate naming plant A's tank; hub B, which never held the incident, the one
    // naming plant B: only the stored version tells B that plant A's officers saw it.
    await runSourceMove(a, b, sockets);
  }, 120_000);
});
