import type { SimRunView } from '@safetwin/protocol';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SimRunStore } from './sim-run-store.ts';
import { SIM_RUN_JOB } from './sim-run-worker.ts';

/** How often each hub sweeps for lost runs, ms. */
export const DEFAULT_SIM_SWEEP_MS = 5_000;

/** What the sweep needs. */
export interface SimRunSweeperDeps {
  store: SimRunStore;
  queue: JobQueue;
  emit: (run: SimRunView) => void;
  now: () => number;
  onError: (err: unknown) => void;
  /** Period, ms. @defaultValue {@link DEFAULT_SIM_SWEEP_MS} */
  everyMs?: number;
  /** A queued run younger than this is left alone (its job may still be on its way into the queue), ms. */
  queuedGraceMs: number;
}

/**
 * Fails runs nobody will finish, in every hub (each failure is one conditional UPDATE, so
 * hubs sweeping together fail a run once): running runs whose worker stopped renewing the
 * lease (process killed, machine lost, final write never landed) and queued runs that the
 * queue no longer holds (the job failed before the run started, or was lost with Redis).
 */
export class SimRunSweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(private readonly deps: SimRunSweeperDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined, (err: unknown) => this.deps.onError(err))
        .finally(() => (this.sweeping = null));
    }, this.deps.everyMs ?? DEFAULT_SIM_SWEEP_MS);
    this.timer.unref();
  }

  /** One pass; resolves with the runs it failed. */
  async sweep(): Promise<SimRunView[]> {
    const { store, queue, emit, now } = this.deps;
    const failed: SimRunView[] = [];
    for (const lost of await store.expiredLeases(now())) {
      const since = lost.heartbeatAt === null ? 'it started' : new Date(lost.heartbeatAt).toISOString();
      const run = await store.failLost(lost.id, now(), `worker lost: no heartbeat since ${since}`);
      if (run) failed.push(run);
    }
    for (const id of await store.queuedBefore(now() - this.deps.queuedGraceMs)) {
      if (await queue.holds(SIM_RUN_JOB, id)) continue;
      const run = await store.stop(id, now(), `lost from the queue: '${SIM_RUN_JOB}' (${queue.kind}) no longer holds its job, so no worker will start it`, ['queued']);
      if (run) failed.push(run);
    }
    for (const run of failed) emit(run);
    return failed;
  }

  /** Stops the timer and waits for a pass in progress. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}
