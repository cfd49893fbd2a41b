import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlume } from '@safetwin/sim';
import type { SimRunView } from '@safetwin/protocol';
import { call, connect, login, pickDevices, startTestHub, storeVariants, TEST_GATEWAY_KEY, type StoreVariant } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';
import { firstDifference } from './sim-runs/json-diff.ts';
import { defaultSimThreads } from './sim-runs/sim-executor.ts';

/** A scenario without wind (the live station fills it): chlorine, 1.2 kg/s from 2 m, class D. */
const SCENARIO = {
  release: { kind: 'continuous', rateKgS: 1.2, heightM: 2 },
  weather: { stability: 'D' },
  receptors: [{ xM: 500 }],
};
/** A run that computes for several seconds (20 000 dose integrals), to cancel while it runs. */
const HEAVY = {
  chemical: 'Cl2',
  release: { kind: 'continuous', rateKgS: 1, durationS: 600 },
  weather: { windSpeedMS: 3, stability: 'D' },
  receptors: Array.from({ length: 20_000 }, (_, i) => ({ xM: 100 + i, doseUntilS: 3600 })),
};

type TestHub = Hub & { dispose: () => Promise<void> };

async function waitForState(hub: TestHub, token: string, id: string, states: string[], timeoutMs = 20_000): Promise<SimRunView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(hub, 'GET', `/sim/runs/${id}`, { token });
    if (res.status !== 200) throw new Error(`GET run ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (states.includes(res.body.run.state)) return res.body.run as SimRunView;
    if (Date.now() > until) throw new Error(`run ${id} still ${res.body.run.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const variants: { name: string; variant: StoreVariant; redisUrl?: string }[] = storeVariants().map((v) => ({ name: v.name, variant: v }));
if (process.env.REDIS_URL) {
  const last = storeVariants().at(-1)!;
  variants.push({ name: `${last.name} + bullmq`, variant: last, redisUrl: process.env.REDIS_URL });
}

describe.each(variants)('simulation runs on $name', ({ variant, redisUrl }) => {
  let hub: TestHub;
  let devices: ReturnType<typeof pickDevices>;
  let planner: string;
  let seq = 0;
  const ingestWeather = (values: Record<string, number>) =>
    call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: devices.weather.deviceId, ts: Date.now(), seq: ++seq, values }] } });

  beforeAll(async () => {
    hub = await startTestHub(variant, redisUrl ? { redisUrl } : {});
    devices = pickDevices(hub);
    planner = await login(hub, 'drill-planner');
  });
  afterAll(() => hub.dispose());

  it('answers 422 when the site weather station has not reported and no weather is given', async () => {
    const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' } } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('sim:no-live-weather');
    expect(res.body.error.message).toContain(devices.weather.deviceId);
  });

  it('runs queued → done with the live weather filled in, a result equal to runPlume on the stored input, announced to the site room', async () => {
    const ingest = await ingestWeather({ wind_speed_ms: 3.5, wind_dir_deg: 270, air_temp_c: 15 });
    expect(ingest.status).toBe(202);
    await hub.writer.drain();
    const wall = await connect(hub, { token: await login(hub, 'commander') });
    try {
      await wall.emitWithAck('subscribe', { siteId: devices.park.id });
      const seen: SimRunView[] = [];
      const done = new Promise<void>((resolve) => wall.on('sim-run', (run) => (seen.push(run), run.state === 'done' && resolve())));
      const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' } } });
      expect(res.status).toBe(202);
      expect(res.body.run).toMatchObject({ state: 'queued', kind: 'plume', requestedBy: 'drill-planner', result: null, context: { weather: { from: 'live', deviceId: devices.weather.deviceId } } });
      expect(res.body.run.input.weather).toMatchObject({ windSpeedMS: 3.5, windFromDeg: 270, airTempK: 288.15, stability: 'D', terrain: 'rural' });
      const run = await waitForState(hub, planner, res.body.run.id, ['done', 'failed']);
      expect(run.state, run.error ?? '').toBe('done');
      expect(run.progress).toBe(1);
      expect(run.engineVersion).toBe('0.1.0');
      expect(run.startedAt).toBeGreaterThanOrEqual(run.createdAt);
      expect(run.finishedAt).toBeGreaterThanOrEqual(run.startedAt!);
      expect(firstDifference(run.result, JSON.parse(JSON.stringify(runPlume(run.input))))).toBeNull();
      expect((run.result as { windSpeedMS: number }).windSpeedMS).toBeGreaterThan(0);
      await done;
      expect(seen.map((r) => r.state)).toEqual(['queued', 'running', 'done']);

      const list = await call(hub, 'GET', `/sim/runs?siteId=${devices.park.id}`, { token: planner });
      expect(list.status).toBe(200);
      expect(list.body.runs.map((r: SimRunView) => r.id)).toContain(run.id);

      const replay = await call(hub, 'POST', `/sim/runs/${run.id}/replay`, { token: planner });
      expect(replay.status).toBe(200);
      expect(replay.body.replay).toEqual({ runId: run.id, identical: true, storedEngineVersion: '0.1.0', currentEngineVersion: '0.1.0', engineVersionMatches: true, firstDifference: null });
    } finally {
      wall.disconnect();
    }
  });

  it('defaults the chemical to what the equipment holds and runs zones at its position in lon/lat', async () => {
    await ingestWeather({ wind_speed_ms: 2.5, wind_dir_deg: 45, air_temp_c: 20 });
    await hub.writer.drain();
    const equipment = devices.park.equipment.find((e) => e.chemical === 'Cl2' || e.chemical === 'NH3')!;
    const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'zones', scenario: SCENARIO, source: { equipmentId: equipment.id } } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.run.input.chemical).toBe(equipment.chemical);
    expect(res.body.run.input.origin.lon).toBeCloseTo(devices.park.origin.lonDeg, 1);
    expect(res.body.run.context.source).toMatchObject({ equipmentId: equipment.id, eastM: equipment.position.eastM });
    const run = await waitForState(hub, planner, res.body.run.id, ['done', 'failed']);
    expect(run.state, run.error ?? '').toBe('done');
    expect((run.result as { type: string; features: unknown[] }).type).toBe('FeatureCollection');
    expect((run.result as { metadata: { windFromDeg: number } }).metadata.windFromDeg).toBe(45);
  });

  it('answers 400 naming the bad scenario field', async () => {
    const bad = { ...SCENARIO, chemical: 'Cl2', release: { kind: 'continuous', rateKgS: -1 } };
    const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: bad, weather: { windSpeedMS: 3 } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('sim:bad-input');
    expect(res.body.error.message).toMatch(/^scenario\.release\.rateKgS: /);
    const unknown = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' }, source: { equipmentId: 'no-such-thing' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^source\.equipmentId: /);
  });

  it('lets a safety officer see nothing to start (403) and hides other sites (404)', async () => {
    const officer = await login(hub, `officer-${devices.gas.enterpriseId}`);
    const body = { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' } };
    const forbidden = await call(hub, 'POST', '/sim/runs', { token: officer, body });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('auth:forbidden');
    const mineManager = await login(hub, 'mine-manager');
    const hidden = await call(hub, 'POST', '/sim/runs', { token: mineManager, body });
    expect(hidden.status).toBe(404);
    const list = await call(hub, 'GET', `/sim/runs?siteId=${devices.park.id}`, { token: mineManager });
    expect(list.status).toBe(404);
    const missing = await call(hub, 'GET', '/sim/runs/00000000-0000-0000-0000-000000000000', { token: planner });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('sim:not-found');
  });

  it('cancels a running run (its thread stops) and a queued one (it never starts); a finished run cannot be cancelled', async () => {
    const submit = async () => {
      const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: HEAVY, weather: {} } });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body.run as SimRunView;
    };
    // With the embedded queue, runs beyond the thread count wait in the queue.
    const busy = redisUrl ? [] : await Promise.all(Array.from({ length: defaultSimThreads() }, submit));
    const target = await submit();
    if (!redisUrl) {
      const queued = await call(hub, 'POST', `/sim/runs/${target.id}/cancel`, { token: planner });
      expect(queued.status).toBe(200);
      expect(queued.body.run).toMatchObject({ state: 'cancelled', startedAt: null });
    }
    const running = busy.length > 0 ? busy : [target];
    for (const r of running) await waitForState(hub, planner, r.id, ['running', 'cancelled']);
    const t0 = Date.now();
    for (const r of running) {
      const res = await call(hub, 'POST', `/sim/runs/${r.id}/cancel`, { token: planner });
      expect(res.status).toBe(200);
      expect(res.body.run.state).toBe('cancelled');
    }
    // The threads were freed: a small run finishes long before the heavy ones would have.
    const small = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' }, weather: { windSpeedMS: 3 } } });
    const done = await waitForState(hub, planner, small.body.run.id, ['done', 'failed']);
    expect(done.state).toBe('done');
    expect(Date.now() - t0).toBeLessThan(5000);
    for (const r of [...running, target]) {
      const after = await waitForState(hub, planner, r.id, ['cancelled', 'done', 'failed']);
      expect(after).toMatchObject({ state: 'cancelled', result: null });
    }
    if (!redisUrl) expect((await waitForState(hub, planner, target.id, ['cancelled'])).startedAt).toBeNull();
    const again = await call(hub, 'POST', `/sim/runs/${done.id}/cancel`, { token: planner });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('sim:bad-state');
  });

  it('lists the sim routes in the OpenAPI document', async () => {
    const res = await call(hub, 'GET', '/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/sim/runs', '/api/v1/sim/runs/{id}', '/api/v1/sim/runs/{id}/cancel', '/api/v1/sim/runs/{id}/replay']));
  });
});
