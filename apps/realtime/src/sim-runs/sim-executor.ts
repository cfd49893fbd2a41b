import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SimTask } from './compute.ts';

/** Runs engine commands somewhere other than the caller's event loop; `signal` stops a running one. */
export interface SimExecutor {
  run(task: SimTask, signal?: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

/** Threads of the pool: leave one core to the hub's event loop. */
export const defaultSimThreads = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * Worker threads (piscina): the hub's event loop never runs the engine. Aborting a task
 * that is running terminates its thread (piscina replaces it).
 */
export class ThreadSimExecutor implements SimExecutor {
  private readonly pool: Piscina;

  constructor(maxThreads = defaultSimThreads()) {
    this.pool = new Piscina({
      filename: new URL('./sim-worker-boot.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads,
      idleTimeout: 30_000,
    });
  }

  run(task: SimTask, signal?: AbortSignal): Promise<unknown> {
    return this.pool.run(task, signal ? { signal } : {});
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
