import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, pickDevices, startTestHub, storeVariants, TEST_PASSWORD } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

describe.each(storeVariants())('REST API on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  beforeAll(async () => {
    hub = await startTestHub(variant);
    devices = pickDevices(hub);
  });
  afterAll(() => hub.dispose());

  it('reports health with the store and queue in use', async () => {
    const res = await call(hub, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { kind: variant.name, state: 'ok' }, queue: expect.any(String), mqtt: 'off' });
  });

  it('logs in, says who is logged in, and logs out', async () => {
    const login = await call(hub, 'POST', '/auth/login', { body: { username: 'park-manager', password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'park-manager', role: 'park-manager', siteId: devices.park.id });
    const me = await call(hub, 'GET', '/auth/me', { token: login.body.token });
    expect(me.body.username).toBe('park-manager');
    expect((await call(hub, 'POST', '/auth/logout', { token: login.body.token })).status).toBe(200);
    expect((await call(hub, 'GET', '/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('refuses wrong passwords and malformed logins without telling which part was wrong', async () => {
    const wrong = await call(hub, 'POST', '/auth/login', { body: { username: 'commander', password: 'guess' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'auth:invalid', message: 'wrong username or password' });
    const nobody = await call(hub, 'POST', '/auth/login', { body: { username: 'nobody', password: 'guess' } });
    expect(nobody.body.error).toEqual(wrong.body.error);
    const malformed = await call(hub, 'POST', '/auth/login', { body: { user: 'commander' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/username/);
  });

  it('stores passwords hashed', async () => {
    const rows = await hub.db.query<{ password_hash: string }>(`SELECT password_hash FROM users`);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.password_hash.startsWith('scrypt$')).toBe(true);
      expect(r.password_hash).not.toContain(TEST_PASSWORD);
    }
  });

  it('scopes sites by role', async () => {
    const all = await call(hub, 'GET', '/sites', { token: await login(hub, 'commander') });
    expect(all.body.sites.map((s: { id: string }) => s.id).sort()).toEqual([devices.mine.id, devices.park.id].sort());
    const manager = await login(hub, 'park-manager');
    expect((await call(hub, 'GET', '/sites', { token: manager })).body.sites.map((s: { id: string }) => s.id)).toEqual([devices.park.id]);
    expect((await call(hub, 'GET', `/sites/${devices.mine.id}`, { token: manager })).status).toBe(404);
    expect((await call(hub, 'GET', '/sites')).status).toBe(401);
  });

  it('asks who is calling before it reads the body: 401 without a valid token, 400 for a bad body with one', async () => {
    const declare = (token?: string) => call(hub, 'POST', '/incidents', { token, body: {} });
    const anonymous = await declare();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('auth:missing');
    expect((await declare('not-a-token')).status).toBe(401);
    const commander = await declare(await login(hub, 'commander'));
    expect(commander.status).toBe(400);
    expect(commander.body.error.message).toMatch(/siteId/);
    // A gateway's intake takes its key the same way; an unknown key is refused before the batch is read.
    expect((await call(hub, 'POST', '/ingest', { token: 'no-such-key', body: { readings: 'none' } })).status).toBe(401);
  });

  it("gives a safety officer only their own enterprise's devices and equipment", async () => {
    const officer = await login(hub, `officer-${devices.gas.enterpriseId}`);
    const list = await call(hub, 'GET', `/sites/${devices.park.id}/devices`, { token: officer });
    const ids = list.body.devices.map((d: { deviceId: string }) => d.deviceId);
    expect(ids).toContain(devices.gas.deviceId);
    expect(ids).not.toContain(devices.otherEnterprise.deviceId);
    const site = await call(hub, 'GET', `/sites/${devices.park.id}`, { token: officer });
    expect(site.body.site.enterprises.map((e: { id: string }) => e.id)).toEqual([devices.gas.enterpriseId]);
    // Every item with an owner, at any depth (sensors, equipment, pipe segments, valves …), is theirs or park-level.
    const owners: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ('enterpriseId' in v) owners.push((v as { enterpriseId: unknown }).enterpriseId);
        Object.values(v).forEach(walk);
      }
    };
    walk({ ...site.body.site, enterprises: [] });
    expect(owners.length).toBeGreaterThan(50);
    expect(owners.every((o) => o === null || o === devices.gas.enterpriseId)).toBe(true);
    expect(site.body.site.pipes.valves.length).toBeGreaterThan(0);
    const sites = await call(hub, 'GET', '/sites', { token: officer });
    expect(sites.body.sites).toEqual([expect.objectContaining({ id: devices.park.id, deviceCount: ids.length })]);
    const history = await call(hub, 'GET', `/sensors/${devices.otherEnterprise.deviceId}/readings`, { token: officer });
    expect(history.status).toBe(404);
  });

  it('returns the full twin description to a commander', async () => {
    const res = await call(hub, 'GET', `/sites/${devices.park.id}`, { token: await login(hub, 'commander') });
    expect(res.status).toBe(200);
    expect(res.body.site.id).toBe(devices.park.id);
    expect(res.body.site.sensors.length).toBeGreaterThanOrEqual(200);
  });

  it('validates history queries', async () => {
    const token = await login(hub, 'commander');
    const bad = await call(hub, 'GET', `/sensors/${devices.gas.deviceId}/readings?from=yesterday`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from');
    const reversed = await call(hub, 'GET', `/sensors/${devices.gas.deviceId}/readings?from=2000&to=1000`, { token });
    expect(reversed.status).toBe(400);
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const res = await call(hub, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/ingest', '/api/v1/health', '/api/v1/sites', '/api/v1/sites/{id}', '/api/v1/sensors/{id}/readings', '/api/v1/auth/login', '/api/v1/commands']));
    const ingestBody = res.body.paths['/api/v1/ingest'].post.requestBody.content['application/json'].schema;
    expect(ingestBody.required).toContain('readings');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await call(hub, 'GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('request:not-found');
  });
});
