import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, pickDevices, pollUntil, startTestHub, storeVariants } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

// Scenarios staged on the running demo simulator through the hub: who may, what is refused,
// and that a methane rise and a sensor dropout really show in the stored readings.
type TestHub = Hub & { dispose: () => Promise<void> };
type History = { readings: { ts: number; values: Record<string, number> }[] };

/** Stored readings of a device with sensor time in [fromMs, toMs). */
async function history(hub: Hub, token: string, deviceId: string, fromMs: number, toMs: number) {
  const res = await call(hub, 'GET', `/sensors/${deviceId}/readings?from=${fromMs}&to=${toMs}`, { token });
  expect(res.status).toBe(200);
  return (res.body as History).readings;
}

describe('simulator scenarios API with the demo simulator running', () => {
  let hub: TestHub;
  let commander: string;
  let devices: ReturnType<typeof pickDevices>;
  /** A CH4 sensor in the upper corner (alarm ≥ 1 %); normal running stays well under it. */
  let ch4: string;
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, { simulator: true });
    commander = await login(hub, 'commander');
    devices = pickDevices(hub);
    ch4 = devices.mine.sensors.find((s) => s.kind === 'gas-ch4' && s.placement === 'upper-corner')!.id;
  });
  afterAll(() => hub.dispose());

  const methaneRise = (over: Record<string, unknown> = {}) => ({ kind: 'methane-rise', siteId: devices.mine.id, sensorId: ch4, peakPct: 2.5, durationS: 5, ...over });
  const dropout = (over: Record<string, unknown> = {}) => ({ kind: 'sensor-dropout', siteId: devices.park.id, deviceId: devices.gas.deviceId, durationS: 4, ...over });

  it('lets only the commander and the drill planner stage scenarios', async () => {
    for (const username of ['park-manager', 'mine-manager', `officer-${devices.gas.enterpriseId}`, `officer-${devices.mine.enterprises[0]!.id}`]) {
      const res = await call(hub, 'POST', '/simulator/scenarios', { token: await login(hub, username), body: dropout() });
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe('auth:forbidden');
    }
    expect((await call(hub, 'POST', '/simulator/scenarios', { body: dropout() })).status).toBe(401);
    const planner = await call(hub, 'POST', '/simulator/scenarios', { token: await login(hub, 'drill-planner'), body: dropout({ durationS: 1 }) });
    expect(planner.status).toBe(201);
  });

  it('refuses malformed requests with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [methaneRise({ peakPct: undefined }), /peakPct/],
      [methaneRise({ peakPct: -1 }), /peakPct/],
      [methaneRise({ peakPct: 120 }), /peakPct/],
      [methaneRise({ durationS: 0 }), /durationS/],
      [dropout({ durationS: 99_999 }), /durationS/],
      [dropout({ deviceId: undefined }), /deviceId/],
      [dropout({ siteId: '' }), /siteId/],
      [dropout({ startInS: 10 }), /startInS/],
      [{ kind: 'flood', siteId: devices.park.id }, /kind/],
    ];
    for (const [body, field] of cases) {
      const res = await call(hub, 'POST', '/simulator/scenarios', { token: commander, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('request:bad-body');
      expect(res.body.error.message, JSON.stringify(body)).toMatch(field);
    }
  });

  it('refuses what the simulator cannot stage with coded 404/422 answers', async () => {
    const valve = hub.registry.devicesOf(devices.park.id).find((d) => d.kind === 'valve-actuator')!.deviceId;
    const mineCo = hub.registry.devicesOf(devices.mine.id).find((d) => d.kind === 'gas-co')!.deviceId;
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ kind: 'leak', siteId: devices.park.id, equipmentId: 'T-101', chemical: 'Cl2', rateKgS: 2, durationS: 60 }, 404, 'simulator:unknown-device', /T-101/],
      [dropout({ siteId: 'no-such-site' }), 404, 'request:not-found', /no-such-site/],
      [dropout({ deviceId: 'NO-SUCH-DEVICE' }), 404, 'simulator:unknown-device', /NO-SUCH-DEVICE/],
      [dropout({ siteId: devices.mine.id }), 422, 'simulator:wrong-site', new RegExp(`belongs to site '${devices.park.id}'`)],
      [methaneRise({ sensorId: mineCo }), 422, 'simulator:wrong-device', /needs a CH4 sensor.*gas-co/],
      [methaneRise({ siteId: devices.park.id, sensorId: devices.gas.deviceId }), 422, 'simulator:wrong-device', /CH4/],
      [dropout({ deviceId: valve }), 422, 'simulator:wrong-device', /valve-actuator/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await call(hub, 'POST', '/simulator/scenarios', { token: commander, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('stages a methane rise that shows in the stored readings of that sensor, then falls back', async () => {
    const before = await pollUntil(async () => {
      const rs = await history(hub, commander, ch4, Date.now() - 10_000, Date.now());
      return rs.length >= 3 ? rs : undefined;
    }, 10_000, 200);
    const normalPct = Math.max(...before!.map((r) => r.values.ch4_pct!));
    expect(normalPct).toBeLessThan(1);

    const res = await call(hub, 'POST', '/simulator/scenarios', { token: commander, body: methaneRise() });
    expect(res.status).toBe(201);
    const { scenario } = res.body;
    expect(scenario).toEqual({ ...methaneRise(), id: expect.stringMatching(/^scenario-\d+$/), startMs: expect.any(Number), endMs: scenario.startMs + 5000 });
    expect(Math.abs(scenario.startMs - Date.now())).toBeLessThan(2000);

    const after = await pollUntil(async () => {
      const rs = await history(hub, commander, ch4, scenario.startMs, scenario.endMs + 3000);
      return rs.some((r) => r.ts > scenario.endMs) ? rs : undefined;
    }, 15_000, 250);
    const during = after!.filter((r) => r.ts < scenario.endMs).map((r) => r.values.ch4_pct!);
    expect(Math.max(...during)).toBeGreaterThan(2);
    expect(Math.max(...during)).toBeLessThanOrEqual(2.5 + 0.2);
    for (const r of after!.filter((x) => x.ts > scenario.endMs)) expect(r.values.ch4_pct).toBeLessThan(1);
  });

  it('stages a sensor dropout: that device stores nothing for the duration while the others go on, then it resumes', async () => {
    const res = await call(hub, 'POST', '/simulator/scenarios', { token: await login(hub, 'drill-planner'), body: dropout() });
    expect(res.status).toBe(201);
    const { scenario } = res.body;
    expect(scenario).toEqual({ ...dropout(), id: expect.any(String), startMs: expect.any(Number), endMs: scenario.startMs + 4000 });
    const resumed = await pollUntil(async () => {
      const rs = await history(hub, commander, devices.gas.deviceId, scenario.endMs, scenario.endMs + 60_000);
      return rs.length >= 2 ? rs : undefined;
    }, 15_000, 250);
    expect(resumed!.length).toBeGreaterThanOrEqual(2);
    // It resumes on its own schedule: back before it would count as stale (3× its interval).
    expect(resumed![0]!.ts - scenario.endMs).toBeLessThan(3 * devices.gas.intervalMs);
    expect(await history(hub, commander, devices.gas.deviceId, scenario.startMs, scenario.endMs)).toEqual([]);
    expect((await history(hub, commander, devices.gas.deviceId, scenario.startMs - 3000, scenario.startMs)).length).toBeGreaterThanOrEqual(2);
    expect((await history(hub, commander, devices.otherEnterprise.deviceId, scenario.startMs, scenario.endMs)).length).toBeGreaterThanOrEqual(3);
  });

  it('lists staged scenarios newest first, scoped to what the user may see', async () => {
    const staged = await call(hub, 'POST', '/simulator/scenarios', { token: commander, body: dropout({ durationS: 1 }) });
    expect(staged.status).toBe(201);
    const all = await call(hub, 'GET', '/simulator/scenarios', { token: commander });
    expect(all.status).toBe(200);
    const ids = all.body.scenarios.map((s: { id: string }) => s.id);
    expect(ids[0]).toBe(staged.body.scenario.id);
    expect(all.body.scenarios[0]).toEqual(staged.body.scenario);
    expect(new Set(all.body.scenarios.map((s: { kind: string }) => s.kind))).toEqual(new Set(['methane-rise', 'sensor-dropout']));

    const mine = await call(hub, 'GET', `/simulator/scenarios?siteId=${devices.mine.id}`, { token: commander });
    expect(mine.body.scenarios.length).toBeGreaterThan(0);
    expect(mine.body.scenarios.every((s: { siteId: string; kind: string }) => s.siteId === devices.mine.id && s.kind === 'methane-rise')).toBe(true);

    // The officer of the detector's enterprise sees its dropouts; another enterprise's officer and the mine's manager do not.
    const own = await call(hub, 'GET', '/simulator/scenarios', { token: await login(hub, `officer-${devices.gas.enterpriseId}`) });
    expect(own.body.scenarios.map((s: { id: string }) => s.id)).toContain(staged.body.scenario.id);
    expect(own.body.scenarios.every((s: { siteId: string }) => s.siteId === devices.park.id)).toBe(true);
    const other = await call(hub, 'GET', '/simulator/scenarios', { token: await login(hub, `officer-${devices.otherEnterprise.enterpriseId}`) });
    expect(other.body.scenarios).toEqual([]);
    const mineManager = await login(hub, 'mine-manager');
    expect((await call(hub, 'GET', `/simulator/scenarios?siteId=${devices.park.id}`, { token: mineManager })).status).toBe(404);
    expect((await call(hub, 'GET', '/simulator/scenarios', { token: mineManager })).body.scenarios.every((s: { siteId: string }) => s.siteId === devices.mine.id)).toBe(true);
  });

  it('documents both routes and the request kinds in the OpenAPI document', async () => {
    const doc = await call(hub, 'GET', '/openapi.json');
    const path = doc.body.paths['/api/v1/simulator/scenarios'];
    expect(Object.keys(path).sort()).toEqual(['get', 'post']);
    const body = JSON.stringify(path.post.requestBody);
    for (const kind of ['methane-rise', 'sensor-dropout', 'leak']) expect(body).toContain(kind);
    expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['201', '403', '409', '422']));
  });
});

describe('simulator scenarios API without the simulator', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!);
  });
  afterAll(() => hub.dispose());

  it('answers 409 simulator:not-running', async () => {
    const token = await login(hub, 'commander');
    const { park, gas } = pickDevices(hub);
    const post = await call(hub, 'POST', '/simulator/scenarios', { token, body: { kind: 'sensor-dropout', siteId: park.id, deviceId: gas.deviceId, durationS: 5 } });
    expect(post.status).toBe(409);
    expect(post.body.error).toEqual({ code: 'simulator:not-running', message: expect.stringMatching(/not running/) });
    expect((await call(hub, 'GET', '/simulator/scenarios', { token })).status).toBe(409);
  });
});
