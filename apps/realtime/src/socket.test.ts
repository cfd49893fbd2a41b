import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveReading, ReadingsBatch } from '@safetwin/protocol';
import { call, connect, login, pickDevices, readingFor, startTestHub, storedRows, storeVariants, TEST_GATEWAY_KEY, type TestSocket } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

/** Collects `readings` batches until `predicate` holds. */
function waitForReadings(socket: TestSocket, predicate: (all: LiveReading[]) => boolean, timeoutMs = 5000): Promise<{ batches: ReadingsBatch[]; all: LiveReading[] }> {
  return new Promise((resolve, reject) => {
    const batches: ReadingsBatch[] = [];
    const all: LiveReading[] = [];
    const timer = setTimeout(() => {
      socket.off('readings', onBatch);
      reject(new Error(`timed out; got ${all.length} readings`));
    }, timeoutMs);
    function onBatch(batch: ReadingsBatch) {
      batches.push(batch);
      all.push(...batch.readings);
      if (predicate(all)) {
        clearTimeout(timer);
        socket.off('readings', onBatch);
        resolve({ batches, all });
      }
    }
    socket.on('readings', onBatch);
  });
}

describe.each(storeVariants())('socket.io on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  const sockets: TestSocket[] = [];
  const open = async (auth: Record<string, string>) => {
    const s = await connect(hub, auth);
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    hub = await startTestHub(variant);
    devices = pickDevices(hub);
    await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [readingFor(devices.gas, 1), readingFor(devices.otherEnterprise, 1), readingFor(devices.weather, 1)] } });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hub.dispose();
  });

  it('refuses a handshake without credentials or with a bad token', async () => {
    await expect(connect(hub, {})).rejects.toThrow(/auth/);
    await expect(connect(hub, { token: 'nope' })).rejects.toThrow(/invalid/);
  });

  it('gives a subscriber the latest value of every device it may see, then batched live readings', async () => {
    const socket = await open({ token: await login(hub, 'commander') });
    const ack = await socket.emitWithAck('subscribe', { siteId: devices.park.id });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.latest.map((r) => r.deviceId)).toEqual(expect.arrayContaining([devices.gas.deviceId, devices.otherEnterprise.deviceId, devices.weather.deviceId]));
    const live = waitForReadings(socket, (all) => all.filter((r) => r.deviceId === devices.gas.deviceId).length >= 20);
    const readings = Array.from({ length: 20 }, (_, i) => readingFor(devices.gas, 100 + i));
    for (let i = 0; i < 20; i += 5) await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: readings.slice(i, i + 5) } });
    const { batches, all } = await live;
    expect(all.filter((r) => r.deviceId === devices.gas.deviceId).map((r) => r.seq)).toEqual(readings.map((r) => r.seq));
    expect(batches.length).toBeLessThanOrEqual(4); // batched per tick, not one message per reading
  });

  it('shows a safety officer only their own enterprise (and the weather)', async () => {
    const officer = `officer-${devices.gas.enterpriseId}`;
    const socket = await open({ token: await login(hub, officer) });
    const ack = await socket.emitWithAck('subscribe', { siteId: devices.park.id });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const ids = ack.latest.map((r) => r.deviceId);
    expect(ids).toContain(devices.gas.deviceId);
    expect(ids).toContain(devices.weather.deviceId);
    expect(ids).not.toContain(devices.otherEnterprise.deviceId);
    const live = waitForReadings(socket, (all) => all.some((r) => r.deviceId === devices.gas.deviceId && r.seq === 500));
    await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [readingFor(devices.otherEnterprise, 500), readingFor(devices.gas, 500)] } });
    const { all } = await live;
    expect(all.some((r) => r.deviceId === devices.otherEnterprise.deviceId)).toBe(false);
    const mine = await socket.emitWithAck('subscribe', { siteId: devices.mine.id });
    expect(mine).toMatchObject({ ok: false, error: { code: 'request:not-found' } });
  });

  it('ingests from a gateway socket through the same path, with an ack', async () => {
    const gateway = await open({ gatewayKey: TEST_GATEWAY_KEY });
    const ack = await gateway.emitWithAck('ingest', { readings: [readingFor(devices.gas, 900), readingFor(devices.gas, 900)] });
    expect(ack).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const bad = await gateway.emitWithAck('ingest', { readings: [{ ...readingFor(devices.gas, 901), values: { nonsense_ppm: 1 } }] });
    expect(bad).toMatchObject({ error: { code: 'ingest:bad-reading' } });
    const notContract = await gateway.emitWithAck('ingest', { rows: [] });
    expect(notContract).toMatchObject({ error: { code: 'request:bad-body' } });
    const garbage = await gateway.emitWithAck('ingest', 'hello' as never);
    expect(garbage).toMatchObject({ error: { code: 'request:bad-body' } });
    expect(gateway.connected).toBe(true);
    const [n] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings_provenance WHERE device_id = $1 AND seq IN (900, 901)`, [devices.gas.deviceId]);
    expect(n!.n).toBe(Object.keys(devices.gas.metrics).length);
  });

  it('refuses ingestion from a user socket and subscription from a gateway', async () => {
    const user = await open({ token: await login(hub, 'commander') });
    const before = await storedRows(hub, devices.gas.deviceId);
    expect(await user.emitWithAck('ingest', { readings: [readingFor(devices.gas, 950)] })).toMatchObject({ error: { code: 'auth:forbidden' } });
    expect(await storedRows(hub, devices.gas.deviceId)).toBe(before);
    const gateway = await open({ gatewayKey: TEST_GATEWAY_KEY });
    expect(await gateway.emitWithAck('subscribe', { siteId: devices.park.id })).toMatchObject({ ok: false, error: { code: 'auth:forbidden' } });
    expect(await user.emitWithAck('subscribe', { site: 1 } as never)).toMatchObject({ ok: false, error: { code: 'request:bad-body' } });
  });

  it('disconnects the sockets of a token when it logs out', async () => {
    const token = await login(hub, 'park-manager');
    const socket = await open({ token });
    expect((await socket.emitWithAck('subscribe', { siteId: devices.park.id })).ok).toBe(true);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await call(hub, 'POST', '/auth/logout', { token })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    await expect(connect(hub, { token })).rejects.toThrow(/invalid/);
  });
});
