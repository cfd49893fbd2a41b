import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from './create-hub.ts';
import { call, login, pickDevices, readingFor, startTestHub, storedRows, storeVariants, TEST_GATEWAY_KEY } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

describe.each(storeVariants())('HTTP ingestion on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  const key = { token: TEST_GATEWAY_KEY };
  beforeAll(async () => {
    hub = await startTestHub(variant);
    devices = pickDevices(hub);
  });
  afterAll(() => hub.dispose());

  it('stores a batch with its provenance and answers 202 once committed', async () => {
    const ts = Date.now() - 1000;
    const res = await call(hub, 'POST', '/ingest', { ...key, body: { readings: [readingFor(devices.gas, 1, ts), readingFor(devices.weather, 1, ts)] } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const [row] = await hub.db.query<{ site_id: string; gateway_id: string; ts: Date; ingest_ts: Date; seq: number }>(
      `SELECT site_id, gateway_id, ts, ingest_ts, seq FROM readings_provenance WHERE device_id = $1`,
      [devices.gas.deviceId],
    );
    expect(row).toMatchObject({ site_id: devices.park.id, gateway_id: 'demo-gateway' });
    expect(new Date(row!.ts).getTime()).toBe(ts);
    expect(new Date(row!.ingest_ts).getTime()).toBeGreaterThanOrEqual(ts);
  });

  it('stores a retried reading once and counts it as a duplicate', async () => {
    const reading = readingFor(devices.gas, 2);
    const first = await call(hub, 'POST', '/ingest', { ...key, body: { readings: [reading] } });
    const retry = await call(hub, 'POST', '/ingest', { ...key, body: { readings: [reading, reading] } });
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 2 });
    const [n] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings_provenance WHERE device_id = $1 AND seq = 2`, [devices.gas.deviceId]);
    expect(n!.n).toBe(Object.keys(devices.gas.metrics).length);
  });

  it('accepts ISO-8601 sensor times', async () => {
    const ts = new Date(Date.now() - 5000).toISOString();
    const res = await call(hub, 'POST', '/ingest', { ...key, body: { readings: [{ ...readingFor(devices.gas, 3), ts }] } });
    expect(res.status).toBe(202);
  });

  it('returns the stored history of a sensor', async () => {
    const token = await login(hub, 'commander');
    const res = await call(hub, 'GET', `/sensors/${devices.gas.deviceId}/readings?from=${Date.now() - 60_000}`, { token });
    expect(res.status).toBe(200);
    const readings = res.body.readings as { seq: number; ts: number }[];
    expect(readings.map((r) => r.seq).sort()).toEqual([1, 2, 3]);
    expect(readings.map((r) => r.ts)).toEqual(readings.map((r) => r.ts).sort((a, b) => a - b));
  });

  it('reports refused readings by index and stores the rest', async () => {
    const res = await call(hub, 'POST', '/ingest', { ...key, body: { readings: [readingFor(devices.gas, 10), { deviceId: 'NOPE-1', ts: Date.now(), seq: 1, values: { x_ppm: 1 } }] } });
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected).toEqual([{ index: 1, code: 'ingest:unknown-device', error: "unknown device 'NOPE-1'" }]);
  });

  const metricOf = () => Object.keys(devices.gas.metrics)[0]!;
  const BAD: { title: string; request: () => { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> }; status: number; code: string; mentions: string }[] = [
    { title: 'malformed JSON', request: () => ({ ...key, rawBody: '{"readings": [' }), status: 400, code: 'request:bad-json', mentions: 'JSON' },
    { title: 'a body that is not the contract', request: () => ({ ...key, body: { data: [] } }), status: 400, code: 'request:bad-body', mentions: 'readings' },
    { title: 'an empty batch', request: () => ({ ...key, body: { readings: [] } }), status: 400, code: 'request:bad-body', mentions: 'readings' },
    { title: 'a reading without seq', request: () => ({ ...key, body: { readings: [{ deviceId: devices.gas.deviceId, ts: Date.now(), values: { [metricOf()]: 1 } }] } }), status: 422, code: 'ingest:bad-reading', mentions: 'seq' },
    { title: 'an unknown device', request: () => ({ ...key, body: { readings: [{ ...readingFor(devices.gas, 50), deviceId: 'GHOST-9' }] } }), status: 422, code: 'ingest:unknown-device', mentions: 'GHOST-9' },
    { title: 'a non-finite value', request: () => ({ ...key, rawBody: `{"readings":[{"deviceId":"${devices.gas.deviceId}","ts":${Date.now()},"seq":51,"values":{"${metricOf()}":1e999}}]}` }), status: 422, code: 'ingest:bad-reading', mentions: 'Infinity' },
    { title: 'an out-of-range value', request: () => ({ ...key, body: { readings: [{ ...readingFor(devices.gas, 52), values: { [metricOf()]: devices.gas.metrics[metricOf()]!.maxValue + 1 } }] } }), status: 422, code: 'ingest:out-of-range', mentions: 'physical range' },
    { title: 'a metric the device does not have', request: () => ({ ...key, body: { readings: [{ ...readingFor(devices.gas, 53), values: { bogus_ppm: 1 } }] } }), status: 422, code: 'ingest:bad-reading', mentions: 'bogus_ppm' },
    { title: 'a time more than a day ahead', request: () => ({ ...key, body: { readings: [readingFor(devices.gas, 54, Date.now() + 2 * 86_400_000)] } }), status: 422, code: 'ingest:bad-time', mentions: 'future' },
    { title: 'a time more than a year old', request: () => ({ ...key, body: { readings: [readingFor(devices.gas, 55, Date.now() - 400 * 86_400_000)] } }), status: 422, code: 'ingest:bad-time', mentions: 'past' },
    { title: 'an oversized body', request: () => ({ ...key, rawBody: JSON.stringify({ readings: [readingFor(devices.gas, 56)], pad: 'x'.repeat(BODY_LIMIT_BYTES) }) }), status: 413, code: 'request:too-large', mentions: 'MiB' },
    { title: 'a missing key', request: () => ({ body: { readings: [readingFor(devices.gas, 57)] } }), status: 401, code: 'auth:missing', mentions: 'Authorization' },
    { title: 'a wrong key', request: () => ({ token: 'not-a-key', body: { readings: [readingFor(devices.gas, 58)] } }), status: 401, code: 'auth:invalid', mentions: 'gateway key' },
    { title: 'a user token instead of a gateway key', request: () => ({ token: 'x'.repeat(43), body: { readings: [readingFor(devices.gas, 59)] } }), status: 401, code: 'auth:invalid', mentions: 'gateway key' },
    { title: 'a non-JSON content type', request: () => ({ ...key, rawBody: 'readings', headers: { 'content-type': 'text/plain' } }), status: 415, code: 'request:unsupported-media-type', mentions: 'Content-Type' },
  ];
  for (const c of BAD) {
    it(`refuses ${c.title} with ${c.status} ${c.code}, stores nothing and keeps serving`, async () => {
      const before = await storedRows(hub, devices.gas.deviceId);
      const res = await call(hub, 'POST', '/ingest', c.request());
      expect(res.status, c.title).toBe(c.status);
      expect(res.body.error.code, c.title).toBe(c.code);
      expect(res.body.error.message, c.title).toContain(c.mentions);
      expect(await storedRows(hub, devices.gas.deviceId), c.title).toBe(before);
      expect((await call(hub, 'GET', '/health')).status, c.title).toBe(200);
    });
  }

  it('refuses readings of another site from a key bound to one site', async () => {
    await hub.auth.upsertGatewayKey('park-gw', 'Park gateway', 'park-only-key', devices.park.id);
    const res = await call(hub, 'POST', '/ingest', { token: 'park-only-key', body: { readings: [readingFor(devices.mineSensor, 1)] } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ingest:wrong-site');
    const ok = await call(hub, 'POST', '/ingest', { token: 'park-only-key', body: { readings: [readingFor(devices.gas, 100)] } });
    expect(ok.status).toBe(202);
    const [row] = await hub.db.query<{ gateway_id: string }>(`SELECT gateway_id FROM readings_provenance WHERE device_id = $1 AND seq = 100`, [devices.gas.deviceId]);
    expect(row!.gateway_id).toBe('park-gw');
  });
});
