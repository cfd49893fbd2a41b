// The lease, sweep, final-write and announcement rules of sim runs against the store itself
// (no hub): PGlite always, PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sites, testBackends, type SqlClient } from '@safetwin/db';
import type { SimRunView } from '@safetwin/protocol';
import { siteRoom } from './fanout/fanout.ts';
import { BullmqQueue } from './jobs/bullmq-queue.ts';
import { ThreadSimExecutor } from './sim-runs/sim-executor.ts';
import { SimRunStore } from './sim-runs/sim-run-store.ts';
import { SimRunSweeper } from './sim-runs/sim-run-sweeper.ts';
import { SimRunWorker } from './sim-runs/sim-run-worker.ts';
import { SiteRooms } from './sim-runs/site-rooms.ts';
import { heavyScenario, LEASE_OUTLIVING_RECEPTORS } from './test-support/heavy-scenario.ts';

/** A plume run that computes for seconds: outlives leases, and is stopped by a 0.3 s time limit. */
const HEAVY_INPUT = heavyScenario(LEASE_OUTLIVING_RECEPTORS);
const SMALL_INPUT = { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, heightM: 2 }, weather: { windSpeedMS: 3, stability: 'D' }, receptors: [{ xM: 500 }] };

/** Polls `check` every 20 ms until it returns a value, or throws after `timeoutMs`. */
async function poll<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testBackends())('sim run store and sweep on $name', (backend) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  let store: SimRunStore;
  const executor = new ThreadSimExecutor(1);
  const errors: unknown[] = [];

  beforeAll(async () => {
    ({ client: db, dispose } = await backend.open());
    store = new SimRunStore(db);
  });
  afterAll(async () => {
    await executor.close();
    await dispose();
  });

  const newRun = (input: unknown = SMALL_INPUT, siteId = 'site-a') =>
    store.insert({ id: randomUUID(), siteId, kind: 'plume', input: input as Record<string, unknown>, context: { source: null, weather: { from: 'request' } }, engineVersion: 'test', requestedBy: 'tester' });
  const worker = (emit: (run: SimRunView) => void, overrides: Partial<ConstructorParameters<typeof SimRunWorker>[0]> = {}) =>
    new SimRunWorker({ store, executor, emit, now: Date.now, onError: (err) => errors.push(err), leaseMs: 1500, finishRetryDelaysMs: [50, 100], ...overrides });
  const sweeper = (overrides: Partial<ConstructorParameters<typeof SimRunSweeper>[0]> = {}) =>
    new SimRunSweeper({
      store, queue: new BullmqQueue('redis://127.0.0.1:1', 'unused', () => {}), emit: () => {}, onError: () => {}, queuedGraceMs: 60_000, legacyLeaseMs: 60_000, ...overrides,
    });

  it('keeps the lease of a worker whose clock is 15 s behind: leases are written and compared on the database clock', async () => {
    const run = await newRun(HEAVY_INPUT);
    const lateClock = () => Date.now() - 15_000;
    const sweep = sweeper();
    let passes = 0;
    let finished = false;
    const handled = worker(() => {}, { now: lateClock }).handle({ runId: run.id }).finally(() => (finished = true));
    // Sweep like a hub does while the run computes.
    while (!finished) {
      await sweep.sweepLeases();
      if ((await store.stateOf(run.id)) === 'running') passes++;
      await new Promise((r) => setTimeout(r, 50));
    }
    await handled;
    console.log(`[sim-store] worker 15 s behind: ${passes} lease sweeps saw its run running`);
    expect(passes).toBeGreaterThan(0);
    expect(await store.stateOf(run.id)).toBe('done');
  });

  it('gives a run started by an older worker (no lease written) until started_at + legacyLeaseMs', async () => {
    const run = await newRun();
    await db.query(`UPDATE sim_runs SET state = 'running', started_at = now() - interval '30 seconds' WHERE id = $1`, [run.id]);
    const sweep = sweeper({ legacyLeaseMs: 60_000 });
    expect((await sweep.sweepLeases()).map((r) => r.id)).not.toContain(run.id);
    expect(await store.stateOf(run.id)).toBe('running');
    await db.query(`UPDATE sim_runs SET started_at = now() - interval '61 seconds' WHERE id = $1`, [run.id]);
    const failed = await sweep.sweepLeases();
    expect(failed.find((r) => r.id === run.id)).toMatchObject({ state: 'failed', error: 'worker lost: no heartbeat since it started' });
  });

  it('announces lease failures although the queue (Redis) never answers, and close() does not hang', async () => {
    const queued = await newRun();
    const lost = await newRun();
    expect(await store.start(lost.id, 1)).not.toBeNull(); // a worker that took it and died: lease of 1 ms
    const emitted: SimRunView[] = [];
    const reported: unknown[] = [];
    const sweep = sweeper({ emit: (r) => emitted.push(r), onError: (e) => reported.push(e), everyMs: 100, queuedGraceMs: 0, holdsTimeoutMs: 300, closeWaitMs: 500 });
    sweep.start();
    try {
      await poll('the lost run announced', () => emitted.find((r) => r.id === lost.id));
      await poll('a queue timeout reported', () => reported.find((e) => /gave no answer whether it holds/.test(String((e as Error).message))));
      // A pass of the lease sweep after a timed-out queued sweep still runs.
      const again = await newRun();
      expect(await store.start(again.id, 1)).not.toBeNull();
      await poll('a second lost run announced', () => emitted.find((r) => r.id === again.id));
    } finally {
      const closed = await Promise.race([sweep.close().then(() => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 15_000))]);
      expect(closed).toBe('closed');
    }
    expect(await store.stateOf(queued.id)).toBe('queued'); // nothing failed on a guess
  });

  it('bumps the version with every stored change; a beat after a cancel changes nothing', async () => {
    const run = await newRun();
    expect(run.version).toBe(0);
    const started = await store.start(run.id, 1500);
    expect(started?.version).toBe(1);
    expect(await store.heartbeat(run.id, 1500, { progress: 0.5, stage: 'zones' })).toBe(2);
    expect(await store.heartbeat(run.id, 1500)).toBe(3);
    const cancelled = await store.stop(run.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', version: 4 });
    expect(await store.heartbeat(run.id, 1500, { progress: 0.9, stage: 'zones' })).toBeNull();
    expect((await store.get(run.id))?.version).toBe(4);
  });

  it('announces a final state that committed although its write reported an error (retry finds it done)', async () => {
    class CommitsThenThrows extends SimRunStore {
      calls = 0;
      override async finish(...args: Parameters<SimRunStore['finish']>) {
        const row = await super.finish(...args);
        if (++this.calls === 1) throw new Error('connection reset by peer after commit (injected)');
        return row;
      }
    }
    const flaky = new CommitsThenThrows(db);
    const run = await newRun();
    const emitted: SimRunView[] = [];
    await new SimRunWorker({ store: flaky, executor, emit: (r) => emitted.push(r), now: Date.now, onError: (err) => errors.push(err), finishRetryDelaysMs: [50] }).handle({ runId: run.id });
    expect(flaky.calls).toBe(2);
    expect(emitted.map((r) => r.state)).toEqual(['running', 'done']);
    expect(emitted.at(-1)?.result).not.toBeNull();
  });

  it('stops a run at its time limit and stores it failed', async () => {
    const run = await newRun(HEAVY_INPUT);
    const emitted: SimRunView[] = [];
    await worker((r) => emitted.push(r), { runTimeoutMs: 300 }).handle({ runId: run.id });
    const after = await store.get(run.id);
    expect(after).toMatchObject({ state: 'failed', error: 'took longer than 0.3 s (simRunTimeoutMs); its worker thread was stopped' });
    expect(emitted.at(-1)?.state).toBe('failed');
  });

  it('lists summaries without results', async () => {
    const run = await newRun(SMALL_INPUT, 'site-list');
    await worker(() => {}).handle({ runId: run.id });
    const [listed] = await store.list('site-list', 10);
    expect(listed).toMatchObject({ id: run.id, state: 'done', result: null, resultOmitted: true });
    expect((await store.get(run.id))?.result).not.toBeNull();
  });

  it('hands every progress checkpoint over before the result, even for a run that takes milliseconds', async () => {
    const input = { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1, heightM: 1 }, weather: { windSpeedMS: 3, windFromDeg: 270, stability: 'D' }, points: [{ id: 'p', eastM: 500, northM: 0 }] };
    await executor.warm();
    for (let i = 0; i < 8; i++) {
      const stages: string[] = [];
      await executor.run({ kind: 'assessment', input }, { onProgress: (_f, stage) => stages.push(stage) });
      // The engine's last checkpoint is 'done' (without the drain the result, on piscina's own port, can overtake it).
      expect(stages.at(-1)).toBe('done');
      expect(stages).toContain('zones');
    }
  });

  it("answers a site's rooms when the sites table cannot be read, and reads again afterwards and after the TTL", async () => {
    await db.orm.insert(sites).values({ id: 'rooms-site', name: 'R', kind: 'chemical-park', description: { enterprises: [{ id: 'ent-1' }] } });
    let clockMs = 0;
    const rooms = new SiteRooms(db, 1000, () => clockMs);
    await db.query('ALTER TABLE sites RENAME TO sites_hidden');
    try {
      expect(await rooms.of('rooms-site')).toEqual([siteRoom('rooms-site')]);
    } finally {
      await db.query('ALTER TABLE sites_hidden RENAME TO sites');
    }
    const first = await rooms.of('rooms-site');
    expect(first).toHaveLength(2);
    await db.query(`UPDATE sites SET description = '{"enterprises":[{"id":"ent-1"},{"id":"ent-2"}]}'::jsonb WHERE id = 'rooms-site'`);
    expect(await rooms.of('rooms-site')).toEqual(first); // cached
    clockMs = 1001;
    expect(await rooms.of('rooms-site')).toHaveLength(3);
  });
});
