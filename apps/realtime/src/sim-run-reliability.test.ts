// Runs that could get stuck (worker gone, final write failing, queue not taking the job) and
// bounded replays, on PGlite, on PostgreSQL, and on PostgreSQL + BullMQ when the services are set.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, SimRunView } from '@safetwin/protocol';
import { call, login, pickDevices, startTestHub, storeVariants, type StoreVariant } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';
import { BullmqQueue } from './jobs/bullmq-queue.ts';
import { ThreadSimExecutor } from './sim-runs/sim-executor.ts';
import { SimRunService } from './sim-runs/sim-run-service.ts';
import { SimRunStore } from './sim-runs/sim-run-store.ts';
import { SIM_RUN_JOB, SimRunWorker } from './sim-runs/sim-run-worker.ts';

/** Chlorine, 1.2 kg/s, weather given (no live station needed). */
const SMALL = { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, heightM: 2 }, weather: { windSpeedMS: 3, stability: 'D' }, receptors: [{ xM: 500 }] };
/** A run that computes for seconds (20 000 dose integrals). */
const HEAVY = {
  chemical: 'Cl2',
  release: { kind: 'continuous', rateKgS: 1, durationS: 600 },
  weather: { windSpeedMS: 3, stability: 'D' },
  receptors: Array.from({ length: 20_000 }, (_, i) => ({ xM: 100 + i, doseUntilS: 3600 })),
};
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

const variants: { name: string; variant: StoreVariant; redisUrl?: string }[] = storeVariants().map((v) => ({ name: v.name, variant: v }));
if (process.env.REDIS_URL) variants.push({ name: `${storeVariants().at(-1)!.name} + bullmq`, variant: storeVariants().at(-1)!, redisUrl: process.env.REDIS_URL });

describe.each(variants)('sim run reliability on $name', ({ variant, redisUrl }) => {
  let hub: TestHub;
  let planner: string;
  let siteId: string;
  const redisPrefix = `safetwin-test-${randomUUID()}`;
  // The hub computes nothing itself (simWorker off): each test brings the worker it needs.
  const executor = new ThreadSimExecutor(2);
  const errors: unknown[] = [];

  beforeAll(async () => {
    hub = await startTestHub(variant, { redisUrl, redisPrefix, simWorker: false, simLeaseMs: LEASE_MS, simSweepMs: SWEEP_MS, simMaxReplays: 1, simReplayTimeoutMs: 3000 });
    planner = await login(hub, 'drill-planner');
    siteId = pickDevices(hub).park.id;
  });
  afterAll(async () => {
    await executor.close();
    await hub.dispose();
  });

  const submit = async (scenario: unknown) => {
    const res = await call(hub, 'POST', '/sim/runs', { token: planner, body: { siteId, kind: 'plume', scenario, weather: {} } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.run as SimRunView;
  };
  const worker = (store: SimRunStore, leaseMs = LEASE_MS) =>
    new SimRunWorker({ store, executor, emit: () => {}, now: Date.now, onError: (err) => errors.push(err), leaseMs, finishRetryDelaysMs: [50, 100] });

  it('fails a running run whose worker stopped renewing its lease ("worker lost") within lease + sweep', async () => {
    const run = await submit(SMALL);
    // A worker takes the run (exactly what SimRunWorker.handle does first) and dies before its first beat.
    const taken = await new SimRunStore(hub.db).start(run.id, Date.now(), Date.now() + LEASE_MS);
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
    const run = await submit(HEAVY);
    const leaseMs = 500;
    const t0 = Date.now();
    await worker(new CountingStore(hub.db), leaseMs).handle({ runId: run.id });
    console.log(`[sim-reliability] heavy run computed for ${Date.now() - t0} ms on a ${leaseMs} ms lease renewed ${renewals} times (every 200 ms), hub sweeping every ${SWEEP_MS} ms`);
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
    const user: Principal = { username: 'drill-planner', displayName: 'Drill planner', role: 'drill-planner', siteId: null, enterpriseId: null };
    const err = await service.submit({ siteId, kind: 'plume', scenario: SMALL, weather: {} }, user).then(
      () => null,
      (e: unknown) => e as { statusCode: number; message: string },
    );
    void deadQueue.close();
    expect(err?.statusCode).toBe(503);
    expect(err?.message).toMatch(/simulation queue 'sim\.run' unavailable: no answer within 300 ms/);
    const [row] = await hub.db.query<{ id: string; state: string; error: string }>(`SELECT id, state, error FROM sim_runs WHERE state = 'failed' AND error LIKE 'queue %' ORDER BY created_at DESC LIMIT 1`);
    expect(row?.state).toBe('failed');
    expect(row?.error).toMatch(/^queue 'sim\.run' \(bullmq\) did not take the job: no answer within 300 ms/);
  });

  it.skipIf(!redisUrl)('answers 503 at once when the queue throws (its Redis connection is closed)', async () => {
    const closedQueue = new BullmqQueue(redisUrl!, redisPrefix, () => {});
    await closedQueue.holds(SIM_RUN_JOB, 'none'); // opens the sim.run queue's connection, then closes it
    await closedQueue.close();
    const store = new SimRunStore(hub.db);
    const service = new SimRunService({ db: hub.db, registry: hub.registry, store, queue: closedQueue, executor, worker: worker(store), emit: () => {}, now: Date.now });
    const user: Principal = { username: 'drill-planner', displayName: 'Drill planner', role: 'drill-planner', siteId: null, enterpriseId: null };
    const err = await service.submit({ siteId, kind: 'plume', scenario: SMALL, weather: {} }, user).then(
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
    const lost = await waitForRun(hub, planner, run.id, (r) => r.state !== 'queued', 10_000);
    expect(lost.state).toBe('failed');
    expect(lost.error).toMatch(/^lost from the queue: 'sim\.run' \((in-process|bullmq)\) no longer holds its job/);
  });

  it('replays one run at a time (429 for another) and stops a replay at its time limit (504)', async () => {
    // A done run whose input computes far longer than the replay limit (80 000 dose integrals: ~4× HEAVY). Its
    // stored result is a stand-in: no replay of it gets to compare.
    const run = await submit({ ...HEAVY, receptors: Array.from({ length: 80_000 }, (_, i) => ({ xM: 100 + i / 4, doseUntilS: 3600 })) });
    const store = new SimRunStore(hub.db);
    await store.start(run.id, Date.now(), Date.now() + 60_000);
    await store.finish(run.id, { state: 'done', result: { standIn: true } }, Date.now());
    const t1 = Date.now();
    const answers = await Promise.all([0, 1].map(() => call(hub, 'POST', `/sim/runs/${run.id}/replay`, { token: planner })));
    console.log(`[sim-reliability] two replays of a long run answered in ${Date.now() - t1} ms: ${answers.map((a) => a.status).join(', ')}`);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([429, 504]);
    const busy = answers.find((a) => a.status === 429)!;
    expect(busy.body.error.message).toMatch(/already replaying 1 run\(s\), its limit \(simMaxReplays\)/);
    const late = answers.find((a) => a.status === 504)!;
    expect(late.body.error.message).toMatch(/replay stopped after 3 s \(simReplayTimeoutMs\)/);
    // The slot is free again and the pool still works: a small run replays identically.
    const small = await submit(SMALL);
    await worker(new SimRunStore(hub.db)).handle({ runId: small.id });
    const replay = await call(hub, 'POST', `/sim/runs/${small.id}/replay`, { token: planner });
    expect(replay.status, JSON.stringify(replay.body)).toBe(200);
    expect(replay.body.replay.identical).toBe(true);
  });
});
