import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { SimTask } from './compute.ts';
import type { WorkerTask, ProgressMessage } from './sim-worker.ts';
import { withTimeout } from './with-timeout.ts';

/** The engine's checkpoints: fraction done (0..1) and what it is doing. */
export type SimProgress = (fraction: number, stage: string) => void;

/** How one task runs: `signal` stops it (its thread is terminated), `onProgress` hears the engine's checkpoints. */
export interface SimRunOptions {
  signal?: AbortSignal;
  onProgress?: SimProgress;
}

/** Runs engine commands somewhere other than the caller's event loop. */
export interface SimExecutor {
  run(task: SimTask, options?: SimRunOptions): Promise<unknown>;
  /** Resolves once a thread has loaded the engine (the first run then starts at once). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** Longest a finished task waits for its last progress messages, ms. */
const PROGRESS_DRAIN_MS = 1_000;

/** Threads of the pool: leave one core to the hub's event loop. */
export const defaultSimThreads = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * Worker threads (piscina): the hub's event loop never runs the engine. Aborting a task
 * that is running terminates its thread (piscina replaces it). Progress comes back over a
 * MessagePort handed to the thread with the task (transferred, not cloned). `warmThreads`
 * threads stay started with the engine loaded (a cold thread takes ~1 s to load tsx and the
 * engine: measured on the 2-core CI machine), so a click on the wall computes at once.
 */
export class ThreadSimExecutor implements SimExecutor {
  private readonly pool: Piscina;

  constructor(maxThreads = defaultSimThreads(), warmThreads = 1) {
    this.pool = new Piscina({
      filename: new URL('./sim-worker-boot.mjs', import.meta.url).href,
      minThreads: Math.min(warmThreads, maxThreads),
      maxThreads,
      idleTimeout: 30_000,
    });
  }

  async run(task: SimTask, options: SimRunOptions = {}): Promise<unknown> {
    const { signal, onProgress } = options;
    if (!onProgress) return this.pool.run({ task } satisfies WorkerTask, signal ? { signal } : {});
    const { port1, port2 } = new MessageChannel();
    // The thread's last message on the port is `{end: true}`: after it, every checkpoint has arrived.
    let ended: () => void = () => {};
    const drained = new Promise<void>((resolve) => (ended = resolve));
    port1.on('message', (m: ProgressMessage) => (m.end ? ended() : onProgress(m.fraction, m.stage)));
    try {
      const result = await this.pool.run({ task, progressPort: port2 } satisfies WorkerTask, { transferList: [port2], ...(signal ? { signal } : {}) });
      // The result travels on piscina's own port and can overtake the last checkpoints: let them arrive first.
      await withTimeout(drained, PROGRESS_DRAIN_MS, 'progress port').catch(() => {});
      return result;
    } finally {
      port1.close();
    }
  }

  async warm(): Promise<void> {
    await this.pool.run({ task: null } satisfies WorkerTask);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
