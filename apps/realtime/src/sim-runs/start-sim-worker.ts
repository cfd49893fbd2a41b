import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { openDatabase } from '@safetwin/db';
import type { ClientToServerEvents, ServerToClientEvents } from '@safetwin/protocol';
import { BullmqQueue } from '../jobs/bullmq-queue.ts';
import { siteRoom } from '../fanout/fanout.ts';
import { defaultSimThreads, ThreadSimExecutor } from './sim-executor.ts';
import { SimRunStore } from './sim-run-store.ts';
import { SimRunWorker } from './sim-run-worker.ts';

/** Options of a stand-alone simulation worker (no HTTP, no ingestion). */
export interface SimWorkerOptions {
  /** Redis of the hubs (their BullMQ queues and socket.io adapter). */
  redisUrl: string;
  /** PostgreSQL of the hubs (`sim_runs`). */
  databaseUrl: string;
  /** Key prefix the hubs use. @defaultValue 'safetwin' */
  redisPrefix?: string;
  /** Runs computed at once, each on its own worker thread. @defaultValue min(4, cores − 1) */
  threads?: number;
  log?: (message: string, err?: unknown) => void;
}

/**
 * Works on the hubs' `sim.run` BullMQ jobs from any machine that reaches their Redis and
 * PostgreSQL: stores state and results in `sim_runs` and announces each change to the
 * site's socket.io room through the Redis adapter (the hubs deliver it to their clients).
 */
export async function startSimWorker(options: SimWorkerOptions): Promise<{ close: () => Promise<void> }> {
  const prefix = options.redisPrefix ?? 'safetwin';
  const threads = options.threads ?? defaultSimThreads();
  const log = options.log ?? ((message: string, err?: unknown) => console.error(message, err ?? ''));
  const db = await openDatabase({ databaseUrl: options.databaseUrl });
  const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>();
  io.adapter(createAdapter(pub, sub, { key: `${prefix}:socket.io` }));
  const executor = new ThreadSimExecutor(threads);
  const queue = new BullmqQueue(options.redisUrl, prefix, (name, err) => log(`job ${name} failed`, err));
  const worker = new SimRunWorker({
    store: new SimRunStore(db),
    executor,
    emit: (run) => void io.to(siteRoom(run.siteId)).emit('sim-run', run),
    now: Date.now,
    onError: (err) => log('sim run bookkeeping failed', err),
  });
  worker.attach(queue, threads);
  return {
    close: async () => {
      await queue.close();
      await executor.close();
      io.close();
      await Promise.allSettled([pub.quit(), sub.quit()]);
      await db.close();
    },
  };
}
