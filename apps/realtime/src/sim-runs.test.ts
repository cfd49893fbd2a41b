import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlume } from '@safetwin/sim';
import { decodeF32Base64, type SimRunView } from '@safetwin/protocol';
import { call, connect, login, pickDevices, startTestHub, storeVariants, TEST_GATEWAY_KEY, type StoreVariant } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';
import { heavyScenario, STOPPED_BEFORE_END_RECEPTORS } from './test-support/heavy-scenario.ts';
import { firstDifference } from './sim-runs/json-diff.ts';
import { EVENT_RESULT_MAX_BYTES } from './sim-runs/sim-run-event.ts';
import { defaultSimThreads } from './sim-runs/sim-executor.ts';
import { DEFAULT_SIM_INPUT_LIMITS } from './sim-runs/sim-input-limits.ts';

/** A scenario without wind (the live station fills it): chlorine, 1.2 kg/s from 2 m, class D. */
const SCENARIO = {
  release: { kind: 'continuous', rateKgS: 1.2, heightM: 2 },
  weather: { stability: 'D' },
  receptors: [{ xM: 500 }],
};
/** Runs the test cancels while they compute. */
const HEAVY = heavyScenario(STOPPED_BEFORE_END_RECEPTORS);

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
    hub = await startTestHub(variant, { ...(redisUrl ? { redisUrl } : {}), simInputLimits: { ...DEFAULT_SIM_INPUT_LIMITS, receptors: STOPPED_BEFORE_END_RECEPTORS } });
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
      // Lists carry summaries: the result only from GET /sim/runs/:id.
      expect(list.body.runs.find((r: SimRunView) => r.id === run.id)).toMatchObject({ id: run.id, state: 'done', result: null, resultOmitted: true, version: run.version });

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

  it('runs an assessment from a hole in a chlorine sphere with live weather: site points, grid, progress stages, omitted result, replay', async () => {
    // Wind from 281°: the cloud goes towards the ammonia plant's control room, 1.43 km east-south-east of the sphere.
    await ingestWeather({ wind_speed_ms: 2, wind_dir_deg: 281, air_temp_c: 20 });
    await hub.writer.drain();
    const sphere = devices.park.equipment.find((e) => e.id === 'CP-E1-TK-01')!;
    expect(sphere).toMatchObject({ chemical: 'Cl2', operatingPressureKpa: 800, operatingTempC: 25 });
    const wall = await connect(hub, { token: await login(hub, 'commander') });
    try {
      await wall.emitWithAck('subscribe', { siteId: devices.park.id });
      const events: SimRunView[] = [];
      const ended = new Set<string>();
      wall.on('sim-run', (run) => (events.push(run), ['done', 'failed'].includes(run.state) && ended.add(run.id)));
      const scenario = { release: { holeDiameterM: 0.025, heightM: 1 }, weather: { stability: 'D' }, grid: { maxCellsPerSide: 128 }, frames: 24 };
      const t0 = Date.now();
      const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'assessment', scenario, source: { equipmentId: sphere.id } } });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const runId = res.body.run.id as string;
      const queued = res.body.run as SimRunView;
      // The hole at 800 kPa(g) + ambient, 25 °C: the airborne rate goes into the stored input, cut to the inventory.
      expect(queued.context.release).toMatchObject({ from: 'hole', equipmentId: sphere.id, holeDiameterM: 0.025, pressurePa: 800_000 + 101_325, temperatureK: 298.15, inventoryKg: 150_000 });
      const release = queued.context.release!;
      expect(queued.input.release).toMatchObject({ kind: 'continuous', rateKgS: release.airborneRateKgS, durationS: release.maxDurationS });
      expect(release.airborneRateKgS).toBeGreaterThan(0);
      // The engine's warnings travel as keyed notes beside their English (the wall words them in its language).
      expect(release.warningNotes?.map((w) => w.text)).toEqual(release.warnings);
      expect(release.warningNotes?.map((w) => w.key)).toContain('hole.vapour-pressure-estimated');
      expect(queued.input.origin).toMatchObject({ lon: expect.any(Number), lat: expect.any(Number) });
      expect(queued.context.points).toMatchObject({ 'assembly-point': 5, gate: 4, 'control-room': 7 });
      const controlRoom = (queued.input.points as { id: string; eastM: number; northM: number; zM: number }[]).find((p) => p.id === 'control-room:CP-E2-CR-01')!;
      expect(controlRoom).toMatchObject({ eastM: 500 - -905, northM: -150 - 130, zM: 1.5 });
      // The site's own weather: the live station's wind.
      expect(queued.input.weather).toMatchObject({ windSpeedMS: 2, windFromDeg: 281, stability: 'D' });

      const run = await waitForState(hub, planner, runId, ['done', 'failed'], 60_000);
      expect(run.state, run.error ?? '').toBe('done');
      while (!ended.has(runId)) await new Promise((r) => setTimeout(r, 20));
      const seen = events.filter((e) => e.id === runId);
      console.log(`[sim-runs] assessment (128 cells a side at most, 24 frames asked, ${(queued.input.points as unknown[]).length} points) done in ${Date.now() - t0} ms with ${seen.length} events: ${seen.map((e) => `${e.state} ${e.progress.toFixed(2)} ${e.stage ?? ''}`).join('; ')}`);
      // Events: queued, running, progress checkpoints (strictly rising, each with its stage), done at 1 without its large result.
      expect(seen.map((r) => r.state)).toEqual(['queued', 'running', ...seen.slice(2, -1).map(() => 'running'), 'done']);
      const progress = seen.slice(2, -1);
      expect(progress.length).toBeGreaterThan(0);
      for (const [i, r] of progress.entries()) {
        // The engine's last checkpoint ('done', before the result is encoded and stored) shows when the 5/s throttle lets it through.
        expect(r.stage).toMatch(/^(zones|grid frame \d+\/\d+|points \d+\/\d+|done)$/);
        expect(r.progress).toBeGreaterThan(i === 0 ? 0 : progress[i - 1]!.progress);
        expect(r.progress).toBeLessThan(1);
      }
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ state: 'done', progress: 1, result: null, resultOmitted: true, version: run.version });
      // Every event is newer than the one before (clients drop one whose version is not newer).
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.version).toBeGreaterThan(seen[i - 1]!.version);
      expect(last.stage).toBeUndefined();

      // GET has the result: grid frames decode to nx·ny values; the control room under the cloud reaches the red level.
      const result = run.result as { grid: { nx: number; ny: number; frames: { tS: number | null; valuesPpmF32Base64: string; maxPpm: number }[] }; zones: { metadata: { zones: { label: string }[] } }; points: { id: string; worstLevel: { label: string } | null }[] };
      expect(JSON.stringify(result).length).toBeGreaterThan(EVENT_RESULT_MAX_BYTES);
      // A steady plume gives one frame (tS null); a transient release the 24 asked for.
      expect(result.grid.frames).toHaveLength(result.grid.frames[0]!.tS === null ? 1 : 24);
      for (const frame of result.grid.frames) {
        const values = decodeF32Base64(frame.valuesPpmF32Base64);
        expect(values.length).toBe(result.grid.nx * result.grid.ny);
        expect(Math.max(...values)).toBeCloseTo(frame.maxPpm, 0);
      }
      const red = result.zones.metadata.zones[0]!.label;
      expect(result.points.find((p) => p.id === 'control-room:CP-E2-CR-01')?.worstLevel?.label).toBe(red);
      expect(result.points).toHaveLength((queued.input.points as unknown[]).length);

      const replay = await call(hub, 'POST', `/sim/runs/${runId}/replay`, { token: planner });
      expect(replay.status, JSON.stringify(replay.body)).toBe(200);
      expect(replay.body.replay).toMatchObject({ identical: true, firstDifference: null });
    } finally {
      wall.disconnect();
    }
  });

  it('answers 400 naming the field for a hole in equipment without an operating state, or a bad assessment field', async () => {
    const warehouse = devices.park.equipment.find((e) => e.id === 'CP-E1-WH-01')!;
    expect(warehouse.operatingPressureKpa).toBeNull();
    const body = (scenario: Record<string, unknown>, source: unknown = { equipmentId: warehouse.id }) => ({
      siteId: devices.park.id, kind: 'assessment', scenario, source, weather: { windSpeedMS: 3, windFromDeg: 90 },
    });
    const noState = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ release: { holeDiameterM: 0.02 }, weather: { stability: 'D' } }) });
    expect(noState.status).toBe(400);
    expect(noState.body.error.message).toBe(
      "scenario.release.holeDiameterM: equipment 'CP-E1-WH-01' has no operatingPressureKpa and operatingTempC in the site model, so no rate follows from a hole; give scenario.release.rateKgS instead",
    );
    const noEquipment = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ chemical: 'Cl2', release: { holeDiameterM: 0.02 }, weather: { stability: 'D' } }, { eastM: 0, northM: 0 }) });
    expect(noEquipment.status).toBe(400);
    expect(noEquipment.body.error.message).toMatch(/^scenario\.release\.holeDiameterM: a hole size needs source\.equipmentId/);
    const bigGrid = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ release: { kind: 'continuous', rateKgS: 1 }, weather: { stability: 'D' }, grid: { maxCellsPerSide: 300 } }) });
    expect(bigGrid.status).toBe(400);
    expect(bigGrid.body.error.message).toMatch(/^scenario\.grid\.maxCellsPerSide: /);
    const noSource = await call(hub, 'POST', '/sim/runs', { token: planner, body: { ...body({ chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1 }, weather: { stability: 'D' } }), source: undefined } });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.message).toMatch(/^source: an assessment needs the source/);
  });

  it('takes the hole location the user gives (vapour or liquid space) and refuses it where it means nothing', async () => {
    const sphere = devices.park.equipment.find((e) => e.id === 'CP-E1-TK-01')!;
    const body = (release: Record<string, unknown>, source: unknown = { equipmentId: sphere.id }) => ({
      siteId: devices.park.id, kind: 'assessment', scenario: { chemical: 'Cl2', release, weather: { stability: 'D' } }, source, weather: { windSpeedMS: 3, windFromDeg: 90 },
    });
    const submit = async (release: Record<string, unknown>) => {
      const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: body(release) });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const run = res.body.run as SimRunView;
      await call(hub, 'POST', `/sim/runs/${run.id}/cancel`, { token: planner });
      return run.context.release!;
    };
    // 800 kPa(g) at 25 °C is above chlorine's vapour pressure: the engine reads liquid unless told where the hole is.
    const guessed = await submit({ holeDiameterM: 0.01 });
    const vapour = await submit({ holeDiameterM: 0.01, phase: 'gas' });
    const liquid = await submit({ holeDiameterM: 0.01, phase: 'liquid', liquidHeadM: 5 });
    expect(guessed.phase).toBe('liquid');
    expect(vapour.phase).toBe('gas');
    expect(liquid.phase).toBe('liquid');
    expect(vapour.rateKgS).toBeLessThan(guessed.rateKgS / 5);
    expect(liquid.rateKgS).toBeGreaterThan(guessed.rateKgS); // 5 m of liquid above the hole adds ρgh
    const badPhase = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ holeDiameterM: 0.01, phase: 'vapour' }) });
    expect(badPhase.status).toBe(400);
    expect(badPhase.body.error.message).toMatch(/^scenario\.release\.phase: must be 'liquid'/);
    const badHead = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ holeDiameterM: 0.01, liquidHeadM: -2 }) });
    expect(badHead.status).toBe(400);
    expect(badHead.body.error.message).toMatch(/^scenario\.release\.liquidHeadM: /);
    const phaseWithRate = await call(hub, 'POST', '/sim/runs', { token: planner, body: body({ kind: 'continuous', rateKgS: 1, phase: 'gas' }) });
    expect(phaseWithRate.status).toBe(400);
    expect(phaseWithRate.body.error.message).toMatch(/^scenario\.release\.phase: only means something for a hole-size release/);
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
    for (const r of running) {
      const res = await call(hub, 'POST', `/sim/runs/${r.id}/cancel`, { token: planner });
      expect(res.status).toBe(200);
      expect(res.body.run.state).toBe('cancelled');
    }
    // The threads were freed: a small run still gets a thread and finishes (had the cancelled runs
    // kept every thread, it would wait behind tens of seconds of work each).
    const small = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId: devices.park.id, kind: 'plume', scenario: { ...SCENARIO, chemical: 'Cl2' }, weather: { windSpeedMS: 3 } } });
    const done = await waitForState(hub, planner, small.body.run.id, ['done', 'failed']);
    expect(done.state).toBe('done');
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
