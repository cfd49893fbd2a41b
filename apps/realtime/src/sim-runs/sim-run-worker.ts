import type { SimRunView } from '@safetwin/protocol';
import type { JobQueue } from '../jobs/job-queue.ts';
import { RunHeartbeat } from './run-heartbeat.ts';
import type { SimExecutor } from './sim-executor.ts';
import type { SimRunStore } from './sim-run-store.ts';

/** Queue job name of a simulation run; the job's data is `{runId}`. */
export const SIM_RUN_JOB = 'sim.run';

/** Heartbeat period of a running run, ms: lease renewal, progress (≤ 5 announcements/s) and the check for a cancel made elsewhere. */
export const CANCEL_POLL_MS = 200;

/** How long a worker holds a run without renewing it before any hub may fail it as lost, ms. */
export const DEFAULT_SIM_LEASE_MS = 15_000;

/** Longest a run may compute before its thread is stopped and the run failed, ms (10 min). */
export const DEFAULT_SIM_RUN_TIMEOUT_MS = 600_000;

/** Waits before the 2nd, 3rd and 4th try of a run's final write, ms (then the lease sweep fails the run). */
export const DEFAULT_FINISH_RETRY_DELAYS_MS: readonly number[] = [100, 400, 1600];

/** What the worker side needs. */
export interface SimRunWorkerDeps {
  store: SimRunStore;
  executor: SimExecutor;
  /** Announces a change (the site's rooms). */
  emit: (run: SimRunView) => void;
  /** This process's clock: paces progress reports only (leases and times use the database clock). */
  now: () => number;
  onError: (err: unknown) => void;
  /** @defaultValue {@link DEFAULT_SIM_LEASE_MS} */
  leaseMs?: number;
  /** A run computing longer than this is stopped (thread terminated) and failed, ms. @defaultValue {@link DEFAULT_SIM_RUN_TIMEOUT_MS} */
  runTimeoutMs?: number;
  /** @defaultValue {@link DEFAULT_FINISH_RETRY_DELAYS_MS} */
  finishRetryDelaysMs?: readonly number[];
}

/**
 * Works on `sim.run` jobs: queued → running → done | failed, computing on worker threads.
 * While a run computes, its lease is renewed and its progress stored every {@link CANCEL_POLL_MS};
 * a cancel stops it at once when it reached this process, else at the next beat (the thread
 * is terminated and the run stays `cancelled`). The final write is retried with backoff.
 */
export class SimRunWorker {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: SimRunWorkerDeps) {}

  /** Registers the handler on a queue, `concurrency` runs at a time. */
  attach(queue: JobQueue, concurrency: number): void {
    queue.process(SIM_RUN_JOB, (data) => this.handle(data), concurrency);
  }

  /** Stops a run this process is computing (the row is already `cancelled`). */
  abortLocal(id: string): void {
    this.running.get(id)?.abort();
  }

  /** One job. Never throws for the run's own failure: that is stored as `failed`. */
  async handle(data: unknown): Promise<void> {
    const runId = (data as { runId?: unknown } | null)?.runId;
    if (typeof runId !== 'string') throw new Error('sim.run job without a runId');
    const { store, executor, emit, now } = this.deps;
    const leaseMs = this.deps.leaseMs ?? DEFAULT_SIM_LEASE_MS;
    const run = await store.start(runId, leaseMs);
    if (!run) return; // cancelled before it started, or another worker has it
    emit(run);
    const controller = new AbortController();
    this.running.set(runId, controller);
    const runTimeoutMs = this.deps.runTimeoutMs ?? DEFAULT_SIM_RUN_TIMEOUT_MS;
    const timeLimit = AbortSignal.timeout(runTimeoutMs);
    const signal = AbortSignal.any([controller.signal, timeLimit]);
    const heartbeat = new RunHeartbeat({
      store,
      runId,
      leaseMs,
      everyMs: CANCEL_POLL_MS,
      now,
      onLost: () => controller.abort(),
      onReport: (progress, stage, version) => emit({ ...run, progress, ...(stage ? { stage } : {}), version }),
      onError: this.deps.onError,
    });
    heartbeat.start();
    try {
      let outcome: { state: 'done'; result: unknown } | { state: 'failed'; error: string };
      try {
        outcome = { state: 'done', result: await executor.run({ kind: run.kind, input: run.input }, { signal, onProgress: heartbeat.progress }) };
      } catch (err) {
        if (controller.signal.aborted) return; // cancelled or failed elsewhere: that side stored and announced it
        outcome = timeLimit.aborted
          ? { state: 'failed', error: `took longer than ${runTimeoutMs / 1000} s (simRunTimeoutMs); its worker thread was stopped` }
          : { state: 'failed', error: errorMessage(err) };
      }
      await heartbeat.stop();
      const finished = await this.finish(runId, outcome);
      if (finished) emit(finished);
    } finally {
      await heartbeat.stop();
      this.running.delete(runId);
    }
  }

  /**
   * The final write, tried again after each delay; gives up (the lease sweep will fail the run)
   * after the last. A retry that finds the run no longer running re-reads it: an earlier try may
   * have committed and only its answer was lost (connection reset), and that final state must
   * still be announced.
   */
  private async finish(runId: string, outcome: Parameters<SimRunStore['finish']>[1]): Promise<SimRunView | null> {
    const delays = this.deps.finishRetryDelaysMs ?? DEFAULT_FINISH_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        const finished = await this.deps.store.finish(runId, outcome);
        if (finished || attempt === 0) return finished;
        const current = await this.deps.store.get(runId);
        return current && (current.state === 'done' || current.state === 'failed') ? current : null;
      } catch (err) {
        const delayMs = delays[attempt];
        this.deps.onError(new Error(`storing the ${outcome.state} state of sim run ${runId} failed (try ${attempt + 1} of ${delays.length + 1})`, { cause: err }));
        if (delayMs === undefined) return null;
        await new Promise((r) => setTimeout(r, delayMs));
      }
    }
  }
}

/** An engine error as stored: its code and path when it has them. */
function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { code?: unknown; path?: unknown; message: unknown };
    const code = typeof e.code === 'string' ? `${e.code}: ` : '';
    const path = typeof e.path === 'string' ? ` (${e.path})` : '';
    return `${code}${String(e.message)}${path}`;
  }
  return String(err);
}
