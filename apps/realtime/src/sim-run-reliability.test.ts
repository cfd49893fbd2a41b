// Runs that could get stuck (worker gone, final write failing, queue not taking the job) and
// bounded replays, on PGlite, on PostgreSQL, and on PostgreSQL + BullMQ when the services are set.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, SimRunView } from '@safetwin/protocol';
import { call, login, pickDevices, startTestHub, storeVariants, type StoreVariant } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';
import { heavyScenario, LEASE_OUTLIVING_RECEPTORS } from './test-support/heavy-scenario.ts';
import { BullmqQueue } from './jobs/bullmq-queue.ts';
import { InProcessQueue } from './jobs/in-process-queue.ts';
import { createHub } from './create-hub.ts';
import { DEFAULT_SIM_INPUT_LIMITS } from './sim-runs/sim-input-limits.ts';
import { ThreadSimExecutor, type SimExecutor } from './sim-runs/sim-executor.ts';
import { SimRunService } from './sim-runs/sim-run-service.ts';
import { SimRunStore } from './sim-runs/sim-run-store.ts';
import { SIM_RUN_JOB, SimRunWorker } from './sim-runs/sim-run-worker.ts';

/** Chlorine, 1.2 kg/s, weather given (no live station needed). */
const SMALL = { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, heightM: 2 }, weather: { windSpeedMS: 3, stability: 'D' }, receptors: [{ xM: 500 }] };
/** A run that computes for seconds (beyond the hub's default input limits, which these tests raise). */
const HEAVY = heavyScenario(LEASE_OUTLIVING_RECEPTORS);
const LIMITS = { ...DEFAULT_SIM_INPUT_LIMITS, receptors: 100_000 };
const PLANNER: Principal = { username: 'drill-planner', displayName: 'Drill planner', role: 'drill-planner', siteId: null, enterpriseId: null };
/** The hub's lease and sweep in these tests, ms. */
const LEASE_MS = 1500;
const SWEEP_MS = 200;

type TestHub = Hub & { dispose: () => Promise<void> };

async function waitForRun(hub: TestHub, token: string, id: string, until: (run: SimRunView) => boolean, timeoutMs = 20_000): Promise<SimRunView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(hub, 'GET', `/sim/runs/${id}`, { token });
    if (res.status !== 200) throw new Error(`GET run ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (until(res.body.run)) return res.body.run as SimRunView;
    if (Date.now() > end) throw new Error(`run ${id} still ${res.body.run.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Registers a test only in the variants it applies to (a skipped test would read as one that did not run). */
const itWhen = (applies: boolean) => (name: string, fn: () => Promise<void>): void => {
  if (applies) it(name, fn);
};

const variants: { name: string; variant: StoreVariant; redisUrl?: string }[] = storeVariants().map((v) => ({ name: v.name, variant: v }));
if (process.env.REDIS_URL) variants.push({ name: `${storeVariants().at(-1)!.name} + bullmq`, variant: storeVariants().at(-1)!, redisUrl: process.env.REDIS_URL });

describe.each(variants)('sim run reliability on $name', ({ variant, redisUrl }) => {
  let hub: TestHub;
  let planner: string;
  let siteId: string;
  const redisPrefix = `safetwin-test-${randomUUID()}`;
  // Runs the tests drive themselves are never computed by the hub: with BullMQ the hub's worker is off (jobs wait in Redis);
  // embedded, they are submitted through a service whose queue has no handler (the job is dropped, as with no worker).
  const executor = new ThreadSimExecutor(2);
  const errors: unknown[] = [];
  const handlerless = new InProcessQueue(() => {});

  beforeAll(async () => {
    hub = await startTestHub(variant, {
      redisUrl, redisPrefix, simWorker: !redisUrl, simLeaseMs: LEASE_MS, simSweepMs: SWEEP_MS, simMaxReplays: 1, simReplayTimeoutMs: 3000, simInputLimits: LIMITS,
    });
    planner = await login(hub, 'drill-planner');
    siteId = pickDevices(hub).park.id;
  });
  afterAll(async () => {
    await executor.close();
    await handlerless.close();
    await hub.dispose();
  });

  const service = (overrides: Partial<ConstructorParameters<typeof SimRunService>[0]> = {}) => {
    const store = new SimRunStore(hub.db);
    return new SimRunService({ db: hub.db, registry: hub.registry, store, queue: handlerless, executor, worker: worker(store), emit: () => {}, now: Date.now, inputLimits: LIMITS, ...overrides });
  };
  const submit = async (scenario: unknown) => {
    if (!redisUrl) return service().submit({ siteId, kind: 'plume', scenario: scenario as Record<string, unknown>, weather: {} }, PLANNER);
    const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId, kind: 'plume', scenario, weather: {} } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.run as SimRunView;
  };
  const worker = (store: SimRunStore, leaseMs = LEASE_MS, runs: SimExecutor = executor) =>
    new SimRunWorker({ store, executor: runs, emit: () => {}, now: Date.now, onError: (err) => errors.push(err), leaseMs, finishRetryDelaysMs: [50, 100] });
  /** The pool, each result held until `minMs` after its run began: the run outlives several leases however fast this machine computes. */
  const atLeast = (minMs: number): SimExecutor => ({
    run: async (task, options) => {
      const t0 = Date.now();
      const result = await executor.run(task, options);
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + minMs - Date.now())));
      return result;
    },
    warm: () => executor.warm(),
    close: async () => {},
  });

  it('fails a running run whose worker stopped renewing its lease ("worker lost") within lease + sweep', async () => {
    const run = await submit(SMALL);
    // A worker takes the run (exactly what SimRunWorker.handle does first) and dies before its first beat.
    const taken = await new SimRunStore(hub.db).start(run.id, LEASE_MS);
    expect(taken?.state).toBe('running');
    const t0 = Date.now();
    const lost = await waitForRun(hub, planner, run.id, (r) => r.state !== 'running', 10_000);
    console.log(`[sim-reliability] lost worker's run failed ${Date.now() - t0} ms after it was taken (lease ${LEASE_MS} ms, sweep every ${SWEEP_MS} ms)`);
    expect(lost.state).toBe('failed');
    expect(lost.error).toMatch(/^worker lost: no heartbeat since \d{4}-\d\d-\d\dT/);
  });

  it('keeps a run whose worker renews a short lease running for many leases, and it ends done', async () => {
    let renewals = 0;
    class CountingStore extends SimRunStore {
      override async heartbeat(...args: Parameters<SimRunStore['heartbeat']>) {
        const running = await super.heartbeat(...args);
        if (running) renewals++;
        return running;
      }
    }
    // Lease 1200 ms renewed every 200 ms: six beats of slack for a loaded machine. The run lasts at least four leases (a fast
    // idle machine computed HEAVY in 2.2 s: 11 renewals, and the check below read that as a run too short to mean anything).
    const run = await submit(HEAVY);
    const leaseMs = 1200;
    const t0 = Date.now();
    await worker(new CountingStore(hub.db), leaseMs, atLeast(4 * leaseMs)).handle({ runId: run.id });
    console.log(`[sim-reliability] heavy run held ${Date.now() - t0} ms (computed, then kept to four leases) on a ${leaseMs} ms lease renewed ${renewals} times (every 200 ms), hub sweeping every ${SWEEP_MS} ms`);
    const after = await waitForRun(hub, planner, run.id, (r) => r.state !== 'running');
    expect(after.state, after.error ?? '').toBe('done');
    // Only meaningful if the run outlived several leases: HEAVY must keep the worker busy for many beats.
    expect(renewals).toBeGreaterThanOrEqual(2 * Math.ceil(leaseMs / 200));
  });

  it('retries a final write that fails once, and the run ends done', async () => {
    let finishCalls = 0;
    class FlakyStore extends SimRunStore {
      override async finish(...args: Parameters<SimRunStore['finish']>) {
        if (++finishCalls === 1) throw new Error('connection reset by peer (injected)');
        return super.finish(...args);
      }
    }
    const run = await submit(SMALL);
    const before = errors.length;
    await worker(new FlakyStore(hub.db)).handle({ runId: run.id });
    const done = await waitForRun(hub, planner, run.id, (r) => r.state !== 'running' && r.state !== 'queued');
    expect(done.state, done.error ?? '').toBe('done');
    expect(finishCalls).toBe(2);
    expect(String((errors[before] as Error).message)).toMatch(/storing the done state of sim run .* failed \(try 1 of 3\)/);
  });

  it('stores the run failed and answers 503 naming the queue when the queue does not take the job', async () => {
    // A BullMQ queue whose Redis does not answer (nothing listens on port 1): add() never resolves.
    const deadQueue = new BullmqQueue('redis://127.0.0.1:1', redisPrefix, () => {});
    const store = new SimRunStore(hub.db);
    const service = new SimRunService({
      db: hub.db, registry: hub.registry, store, queue: deadQueue, executor, worker: worker(store), emit: () => {}, now: Date.now, queueAddTimeoutMs: 300,
    });
    const err = await service.submit({ siteId, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER).then(
      () => null,
      (e: unknown) => e as { statusCode: number; code: string; message: string },
    );
    void deadQueue.close();
    expect(err?.statusCode).toBe(503);
    expect(err?.code).toBe('sim:queue-unavailable');
    expect(err?.message).toMatch(/simulation queue 'sim\.run' unavailable: no answer within 300 ms/);
    const [row] = await hub.db.query<{ id: string; state: string; error: string }>(`SELECT id, state, error FROM sim_runs WHERE state = 'failed' AND error LIKE 'queue %' ORDER BY created_at DESC LIMIT 1`);
    expect(row?.state).toBe('failed');
    expect(row?.error).toMatch(/^queue 'sim\.run' \(bullmq\) did not take the job: no answer within 300 ms/);
  });

  itWhen(!!redisUrl)('answers 503 at once when the queue throws (its Redis connection is closed)', async () => {
    const closedQueue = new BullmqQueue(redisUrl!, redisPrefix, () => {});
    await closedQueue.holds(SIM_RUN_JOB, 'none'); // opens the sim.run queue's connection, then closes it
    await closedQueue.close();
    const store = new SimRunStore(hub.db);
    const service = new SimRunService({ db: hub.db, registry: hub.registry, store, queue: closedQueue, executor, worker: worker(store), emit: () => {}, now: Date.now });
    const err = await service.submit({ siteId, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER).then(
      () => null,
      (e: unknown) => e as { statusCode: number; message: string },
    );
    console.log(`[sim-reliability] closed queue: ${err?.message}`);
    expect(err?.statusCode).toBe(503);
    expect(err?.message).toMatch(/^simulation queue 'sim\.run' unavailable: /);
    expect(err?.message).not.toMatch(/no answer within/);
  });

  it('fails a queued run that no queue holds', async () => {
    const run = await submit(SMALL);
    if (redisUrl) {
      // The job waits in Redis for a worker: the run stays queued; then the job is lost (e.g. Redis flushed).
      await new Promise((r) => setTimeout(r, LEASE_MS + 3 * SWEEP_MS));
      expect((await call(hub, 'GET', `/sim/runs/${run.id}`, { token: planner })).body.run.state).toBe('queued');
      const queue = new Queue(SIM_RUN_JOB, { connection: { url: redisUrl }, prefix: redisPrefix });
      await queue.remove(run.id);
      await queue.close();
    }
    // Embedded queue without a handler (simWorker off): the job is dropped at once.
    const lost = await waitForRun(hub, planner, run.id, (r) => r.state !== 'queued', 30_000);
    expect(lost.state).toBe('failed');
    expect(lost.error).toMatch(/^lost from the queue: 'sim\.run' \((in-process|bullmq)\) no longer holds its job/);
  });

  it('replays one run at a time (429 sim:busy for another) and stops a replay at its time limit (504 sim:timeout)', async () => {
    // A done run whose stored result is a stand-in: no replay of it gets to compare. Its compute time is measured
    // here, and the replay limit set to a quarter of it, so the 504 does not depend on the machine's speed.
    const run = await submit(HEAVY);
    const store = new SimRunStore(hub.db);
    await store.start(run.id, 60_000);
    await store.finish(run.id, { state: 'done', result: { standIn: true } });
    const t0 = Date.now();
    await executor.run({ kind: 'plume', input: run.input });
    const computeMs = Date.now() - t0;
    const replayTimeoutMs = Math.max(100, Math.round(computeMs / 4));
    const replays = service({ maxReplays: 1, replayTimeoutMs });
    const t1 = Date.now();
    const answers = await Promise.all([0, 1].map(() => replays.replay(run.id, PLANNER).then(() => null, (e: unknown) => e as { statusCode: number; code: string; message: string })));
    console.log(`[sim-reliability] heavy run computes in ${computeMs} ms; two replays with a ${replayTimeoutMs} ms limit answered in ${Date.now() - t1} ms: ${answers.map((a) => a?.statusCode).join(', ')}`);
    expect(answers.map((a) => a?.statusCode).sort()).toEqual([429, 504]);
    const busy = answers.find((a) => a?.statusCode === 429)!;
    expect(busy.code).toBe('sim:busy');
    expect(busy.message).toMatch(/already replaying 1 run\(s\), its limit \(simMaxReplays\)/);
    const late = answers.find((a) => a?.statusCode === 504)!;
    expect(late.code).toBe('sim:timeout');
    expect(late.message).toContain(`replay stopped after ${replayTimeoutMs / 1000} s (simReplayTimeoutMs)`);
    // The slot is free again and the pool still works: a small run replays identically.
    const small = await submit(SMALL);
    await worker(new SimRunStore(hub.db)).handle({ runId: small.id });
    const replay = await replays.replay(small.id, PLANNER);
    expect(replay.identical).toBe(true);
  });

  it('answers 202 with the run as it is when the queue answers late but a worker already started it (not a false 503)', async () => {
    const store = new SimRunStore(hub.db);
    const runWorker = worker(store);
    /** Takes the job at once (a worker starts the run) but answers the add only much later, like a slow Redis round trip. */
    class LateAnswerQueue extends InProcessQueue {
      override async add(name: string, data: unknown): Promise<string> {
        const { runId } = data as { runId: string };
        await runWorker.handle({ runId });
        return new Promise(() => {});
      }
    }
    const late = new LateAnswerQueue(() => {});
    const run = await service({ queue: late, queueAddTimeoutMs: 2000 }).submit({ siteId, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER);
    expect(['running', 'done']).toContain(run.state);
    expect((await waitForRun(hub, planner, run.id, (r) => r.state === 'done' || r.state === 'failed')).state).toBe('done');
    await late.close();
  });

  it('refuses lists longer than the input limits (400 naming the field) and more unfinished runs than the site limit (429 sim:busy)', async () => {
    const mine = pickDevices(hub).mine.id;
    const limited = service({ inputLimits: DEFAULT_SIM_INPUT_LIMITS, maxActiveRunsPerSite: 2 });
    const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { statusCode: number; code: string; message: string });
    const tooMany = await fail(limited.submit({ siteId: mine, kind: 'plume', scenario: { ...SMALL, receptors: Array.from({ length: 1001 }, () => ({ xM: 100 })) }, weather: {} }, PLANNER));
    expect(tooMany).toMatchObject({ statusCode: 400, code: 'sim:bad-input', message: 'scenario.receptors: 1001 entries, at most 1000 are accepted (simInputLimits)' });
    const steps = await fail(limited.submit({ siteId: mine, kind: 'plume', scenario: { ...SMALL, thresholdsPpm: Array.from({ length: 11 }, (_, i) => i + 1) }, weather: {} }, PLANNER));
    expect(steps?.message).toMatch(/^scenario\.thresholdsPpm: 11 entries, at most 10/);
    await limited.submit({ siteId: mine, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER);
    await limited.submit({ siteId: mine, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER);
    const busy = await fail(limited.submit({ siteId: mine, kind: 'plume', scenario: SMALL, weather: {} }, PLANNER));
    expect(busy).toMatchObject({ statusCode: 429, code: 'sim:busy' });
    expect(busy?.message).toMatch(/already has 2 queued or running simulation run\(s\), its limit \(simMaxActiveRunsPerSite\)/);
  });

  itWhen(!redisUrl)('refuses to start a hub with simWorker off and no Redis (nobody would compute its runs)', async () => {
    await expect(createHub({ port: 0, host: '127.0.0.1', logLevel: 'silent', simWorker: false })).rejects.toThrow(/simWorker is off but there is no REDIS_URL/);
  });
});
