import type { SimRunView } from '@safetwin/protocol';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SimExecutor } from './sim-executor.ts';
import type { SimRunStore } from './sim-run-store.ts';

/** Queue job name of a simulation run; the job's data is `{runId}`. */
export const SIM_RUN_JOB = 'sim.run';

/** How often a running run checks whether it was cancelled elsewhere (another hub, another machine), ms. */
export const CANCEL_POLL_MS = 200;

/** What the worker side needs. */
export interface SimRunWorkerDeps {
  store: SimRunStore;
  executor: SimExecutor;
  /** Announces a state change (socket.io room `site:{siteId}`). */
  emit: (run: SimRunView) => void;
  now: () => number;
  onError: (err: unknown) => void;
}

/**
 * Works on `sim.run` jobs: queued → running → done | failed, computing on worker threads.
 * A cancel stops a running run at once when it reached this process, else at the next
 * poll (≤ {@link CANCEL_POLL_MS}): the thread is terminated and the run stays `cancelled`.
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
    const run = await store.start(runId, now());
    if (!run) return; // cancelled before it started, or another worker has it
    emit(run);
    const controller = new AbortController();
    this.running.set(runId, controller);
    const poll = setInterval(() => {
      store.stateOf(runId).then(
        (state) => state === 'cancelled' && controller.abort(),
        (err: unknown) => this.deps.onError(err),
      );
    }, CANCEL_POLL_MS);
    try {
      const result = await executor.run({ kind: run.kind, input: run.input }, controller.signal);
      const done = await store.finish(runId, { state: 'done', result }, now());
      if (done) emit(done);
    } catch (err) {
      if (controller.signal.aborted) return; // cancelled: the canceller stored and announced it
      const failed = await store.finish(runId, { state: 'failed', error: errorMessage(err) }, now());
      if (failed) emit(failed);
    } finally {
      clearInterval(poll);
      this.running.delete(runId);
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
