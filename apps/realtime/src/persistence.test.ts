import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHub } from './create-hub.ts';
import { call, pickDevices, readingFor, TEST_GATEWAY_KEY, TEST_PASSWORD } from './test-support/test-hub.ts';

describe('the embedded store across restarts (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'safetwin-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const start = () => createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: TEST_PASSWORD, demoGatewayKey: TEST_GATEWAY_KEY, logLevel: 'silent', dataDir });

  it('keeps the data of the first run and still recognises its retries', async () => {
    const first = await start();
    const devices = pickDevices(first);
    const reading = readingFor(devices.gas, 41);
    expect((await call(first, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [reading] } })).status).toBe(202);
    await first.close();

    const second = await start();
    try {
      const [n] = await second.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings_provenance WHERE device_id = $1`, [devices.gas.deviceId]);
      expect(n!.n).toBe(Object.keys(devices.gas.metrics).length);
      const retry = await call(second, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [reading, readingFor(devices.gas, 42)] } });
      expect(retry.body).toMatchObject({ accepted: 1, duplicates: 1 });
      const login = await call(second, 'POST', '/auth/login', { body: { username: 'commander', password: TEST_PASSWORD } });
      expect(login.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
