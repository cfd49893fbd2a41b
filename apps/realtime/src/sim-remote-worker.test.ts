// A hub that computes no simulations itself (simWorker off) and the stand-alone worker
// (`sim-runs/worker-main.ts`) as a separate process on the same Redis and PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@safetwin/db';
import type { SimRunView } from '@safetwin/protocol';
import { call, connect, login, pickDevices, startTestHub, storeVariants, type TestSocket } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';
import { heavyScenario, STOPPED_BEFORE_END_RECEPTORS } from './test-support/heavy-scenario.ts';
import { DEFAULT_SIM_INPUT_LIMITS } from './sim-runs/sim-input-limits.ts';

const redisUrl = process.env.REDIS_URL;
const adminUrl = process.env.DATABASE_URL;
const skipReason = !redisUrl || !adminUrl ? 'skipped: needs REDIS_URL and DATABASE_URL (a remote worker shares Redis and PostgreSQL with the hubs)' : '';
const WORKER_MAIN = fileURLToPath(new URL('./sim-runs/worker-main.ts', import.meta.url));
/** The worker's lease and the hub's sweep period, ms. */
const LEASE_MS = 2000;
const SWEEP_MS = 250;

/** A run the test kills while it computes. */
const HEAVY = heavyScenario(STOPPED_BEFORE_END_RECEPTORS);

/** Starts `worker-main.ts` in its own Node process and resolves once it takes jobs. */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sim worker did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('taking sim.run jobs')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sim worker exited with ${code}:\n${output}`)));
  });
  return child;
}

/** Collects `sim-run` events of one socket. */
function recorder(socket: TestSocket): { events: SimRunView[]; until: (id: string, state: string, timeoutMs?: number) => Promise<SimRunView[]> } {
  const events: SimRunView[] = [];
  socket.on('sim-run', (run) => events.push(run));
  return {
    events,
    until: async (id, state, timeoutMs = 30_000) => {
      const end = Date.now() + timeoutMs;
      while (!events.some((e) => e.id === id && e.state === state)) {
        if (Date.now() > end) throw new Error(`no '${state}' event for run ${id}; saw ${JSON.stringify(events.filter((e) => e.id === id).map((e) => e.state))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return events.filter((e) => e.id === id);
    },
  };
}

describe.skipIf(skipReason !== '')(`stand-alone sim worker process with a hub that computes nothing ${skipReason}`, () => {
  let hub: Hub & { dispose: () => Promise<void> };
  let dropScratch: () => Promise<void>;
  let worker: ChildProcess;
  let planner: string;
  let siteId: string;
  let enterpriseId: string;
  const redisPrefix = `safetwin-test-${randomUUID()}`;

  beforeAll(async () => {
    const scratch = await createScratchDatabase(adminUrl!);
    dropScratch = scratch.drop;
    hub = await startTestHub(storeVariants({})[0]!, { databaseUrl: scratch.url, redisUrl, redisPrefix, simWorker: false, simLeaseMs: LEASE_MS, simSweepMs: SWEEP_MS,
      simInputLimits: { ...DEFAULT_SIM_INPUT_LIMITS, receptors: STOPPED_BEFORE_END_RECEPTORS } });
    const devices = pickDevices(hub);
    siteId = devices.park.id;
    enterpriseId = devices.gas.enterpriseId!;
    planner = await login(hub, 'drill-planner');
    const t0 = Date.now();
    worker = await startWorkerProcess({ REDIS_URL: redisUrl!, DATABASE_URL: scratch.url, SAFETWIN_REDIS_PREFIX: redisPrefix, SAFETWIN_SIM_THREADS: '1', SAFETWIN_SIM_LEASE_MS: String(LEASE_MS) });
    console.log(`[sim-remote] worker process ready in ${Date.now() - t0} ms`);
  }, 60_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await hub?.dispose();
    await dropScratch?.();
  });

  it('computes an assessment queued → running → done; the site room and an enterprise room (officer) both get every event', async () => {
    const commander = await connect(hub, { token: await login(hub, 'commander') });
    const officer = await connect(hub, { token: await login(hub, `officer-${enterpriseId}`) });
    try {
      await commander.emitWithAck('subscribe', { siteId });
      await officer.emitWithAck('subscribe', { siteId });
      const wall = recorder(commander);
      const officerWall = recorder(officer);
      const t0 = Date.now();
      const res = await call(hub, 'POST', '/sim/runs', {
        token: planner,
        body: { siteId, kind: 'assessment', scenario: { release: { holeDiameterM: 0.025 }, weather: { stability: 'D' } }, source: { equipmentId: 'CP-E1-TK-01' }, weather: { windSpeedMS: 2, windFromDeg: 281 } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.run.id as string;
      const seen = await wall.until(id, 'done');
      const seenByOfficer = await officerWall.until(id, 'done');
      console.log(`[sim-remote] assessment done by the remote worker in ${Date.now() - t0} ms: ${seen.map((e) => `${e.state} ${e.progress.toFixed(2)}${e.stage ? ` ${e.stage}` : ''}`).join('; ')}`);
      expect(seen[0]!.state).toBe('queued');
      expect(seen[1]!.state).toBe('running');
      expect(seen.at(-1)).toMatchObject({ state: 'done', progress: 1, result: null, resultOmitted: true });
      // The engine's checkpoints cross the process boundary too: stored by the worker, announced through Redis.
      const progress = seen.slice(2, -1);
      expect(progress.length).toBeGreaterThan(0);
      for (const e of progress) expect(e).toMatchObject({ state: 'running', progress: expect.any(Number), stage: expect.any(String) });
      expect(seenByOfficer.map((e) => [e.state, e.progress])).toEqual(seen.map((e) => [e.state, e.progress]));
      const run = (await call(hub, 'GET', `/sim/runs/${id}`, { token: planner })).body.run as SimRunView;
      expect(run.state).toBe('done');
      expect((run.result as { kind: string }).kind).toBe('assessment');
    } finally {
      commander.disconnect();
      officer.disconnect();
    }
  });

  it('fails the run of a worker process killed mid-run within its lease (the hub sweeps)', async () => {
    const wallSocket = await connect(hub, { token: await login(hub, 'commander') });
    try {
      await wallSocket.emitWithAck('subscribe', { siteId });
      const wall = recorder(wallSocket);
      const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId, kind: 'plume', scenario: HEAVY, weather: {} } });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.run.id as string;
      await wall.until(id, 'running');
      worker.kill('SIGKILL');
      const killedAt = Date.now();
      const events = await wall.until(id, 'failed', LEASE_MS + 10 * SWEEP_MS + 5000);
      console.log(`[sim-remote] killed worker's run failed ${Date.now() - killedAt} ms after the kill (lease ${LEASE_MS} ms, sweep every ${SWEEP_MS} ms)`);
      expect(events.at(-1)!.error).toMatch(/^worker lost: no heartbeat since /);
      const run = (await call(hub, 'GET', `/sim/runs/${id}`, { token: planner })).body.run as SimRunView;
      expect(run).toMatchObject({ state: 'failed', result: null });
    } finally {
      wallSocket.disconnect();
    }
  });
});
