import type { SimRunView } from '@safetwin/protocol';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SimRunStore } from './sim-run-store.ts';
import { SIM_RUN_JOB } from './sim-run-worker.ts';
import { withTimeout } from './with-timeout.ts';

/** How often each hub sweeps for lost runs, ms. */
export const DEFAULT_SIM_SWEEP_MS = 5_000;
/** Longest the queued sweep waits for the queue to say whether it holds a job (BullMQ waits for a lost Redis forever), ms. */
export const QUEUE_HOLDS_TIMEOUT_MS = 2_000;
/** Longest `close()` waits for a pass in progress, ms (a pass stuck on a lost Redis must not hold up shutdown). */
export const SWEEP_CLOSE_WAIT_MS = 3_000;

/** What the sweep needs. */
export interface SimRunSweeperDeps {
  store: SimRunStore;
  queue: JobQueue;
  emit: (run: SimRunView) => void;
  onError: (err: unknown) => void;
  /** Period, ms. @defaultValue {@link DEFAULT_SIM_SWEEP_MS} */
  everyMs?: number;
  /** A queued run younger than this is left alone (its job may still be on its way into the queue), ms. */
  queuedGraceMs: number;
  /** A running run without a lease (started by a worker of an older release, which never writes one) is lost this long after it started, ms. */
  legacyLeaseMs: number;
  /** @defaultValue {@link QUEUE_HOLDS_TIMEOUT_MS} */
  holdsTimeoutMs?: number;
  /** @defaultValue {@link SWEEP_CLOSE_WAIT_MS} */
  closeWaitMs?: number;
}

/**
 * Fails runs nobody will finish, in every hub (each failure is one conditional UPDATE, so
 * hubs sweeping together fail a run once): running runs whose worker stopped renewing the
 * lease (process killed, machine lost, final write never landed) and queued runs that the
 * queue no longer holds (the job failed before the run started, or was lost with Redis).
 * The two sweeps run independently (the queued one needs Redis, the lease one only the
 * database), and each failure is announced as soon as it is stored.
 */
export class SimRunSweeper {
  private timer: NodeJS.Timeout | null = null;
  private leasePass: Promise<unknown> | null = null;
  private queuedPass: Promise<unknown> | null = null;

  constructor(private readonly deps: SimRunSweeperDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      this.leasePass ??= this.sweepLeases()
        .catch((err: unknown) => this.deps.onError(err))
        .finally(() => (this.leasePass = null));
      this.queuedPass ??= this.sweepQueued()
        .catch((err: unknown) => this.deps.onError(err))
        .finally(() => (this.queuedPass = null));
    }, this.deps.everyMs ?? DEFAULT_SIM_SWEEP_MS);
    this.timer.unref();
  }

  /** One pass of both sweeps; resolves with the runs it failed. */
  async sweep(): Promise<SimRunView[]> {
    const [leases, queued] = await Promise.all([this.sweepLeases(), this.sweepQueued()]);
    return [...leases, ...queued];
  }

  /** Running runs whose lease ran out (database clock) → failed, each announced at once. */
  async sweepLeases(): Promise<SimRunView[]> {
    const { store, emit, legacyLeaseMs } = this.deps;
    const failed: SimRunView[] = [];
    for (const lost of await store.expiredLeases(legacyLeaseMs)) {
      const since = lost.heartbeatAt === null ? 'it started' : new Date(lost.heartbeatAt).toISOString();
      const run = await store.failLost(lost.id, `worker lost: no heartbeat since ${since}`, legacyLeaseMs);
      if (!run) continue;
      failed.push(run);
      emit(run);
    }
    return failed;
  }

  /**
   * Queued runs past the grace that the queue no longer holds → failed, each announced at once.
   * A queue that does not answer within `holdsTimeoutMs` ends the pass (nothing is failed on a
   * guess; the next pass asks again).
   */
  async sweepQueued(): Promise<SimRunView[]> {
    const { store, queue, emit } = this.deps;
    const failed: SimRunView[] = [];
    for (const id of await store.queuedBefore(this.deps.queuedGraceMs)) {
      if (await withTimeout(queue.holds(SIM_RUN_JOB, id), this.deps.holdsTimeoutMs ?? QUEUE_HOLDS_TIMEOUT_MS, `queue '${SIM_RUN_JOB}' (${queue.kind}) gave no answer whether it holds run ${id}`)) continue;
      const run = await store.stop(id, `lost from the queue: '${SIM_RUN_JOB}' (${queue.kind}) no longer holds its job, so no worker will start it`, ['queued']);
      if (!run) continue;
      failed.push(run);
      emit(run);
    }
    return failed;
  }

  /** Stops the timer and waits for passes in progress, at most `closeWaitMs`. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const passes = Promise.all([this.leasePass, this.queuedPass]);
    await withTimeout(passes, this.deps.closeWaitMs ?? SWEEP_CLOSE_WAIT_MS, 'sweep pass').catch((err: unknown) => this.deps.onError(err));
  }
}
