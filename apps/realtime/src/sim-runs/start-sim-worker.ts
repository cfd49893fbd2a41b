import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { openDatabase } from '@safetwin/db';
import type { ClientToServerEvents, ServerToClientEvents } from '@safetwin/protocol';
import { BullmqQueue } from '../jobs/bullmq-queue.ts';
import { defaultSimThreads, ThreadSimExecutor } from './sim-executor.ts';
import { simRunEvent } from './sim-run-event.ts';
import { SimRunStore } from './sim-run-store.ts';
import { DEFAULT_SIM_LEASE_MS, DEFAULT_SIM_RUN_TIMEOUT_MS, SimRunWorker } from './sim-run-worker.ts';
import { SiteRooms } from './site-rooms.ts';

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
  /** Lease of a computing run (the hubs fail a run not renewed for this long), ms. @defaultValue 15000 */
  leaseMs?: number;
  /** A run computing longer than this is stopped and failed, ms. @defaultValue 600000 */
  runTimeoutMs?: number;
  log?: (message: string, err?: unknown) => void;
}

/**
 * Works on the hubs' `sim.run` BullMQ jobs from any machine that reaches their Redis and
 * PostgreSQL: stores state, progress and results in `sim_runs`, renews each run's lease while
 * computing, and announces each change to everyone who may see the site's runs (its room and
 * its enterprise rooms, as a hub does) through the Redis adapter (the hubs deliver it).
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
  const executor = new ThreadSimExecutor(threads, 1);
  await executor.warm(); // one thread with the engine loaded before the first job is taken
  const queue = new BullmqQueue(options.redisUrl, prefix, (name, err) => log(`job ${name} failed`, err));
  const rooms = new SiteRooms(db);
  const worker = new SimRunWorker({
    store: new SimRunStore(db),
    executor,
    emit: (run) => {
      const event = simRunEvent(run);
      rooms.of(run.siteId).then(
        (to) => io.to(to).emit('sim-run', event),
        (err: unknown) => log(`announcing sim run ${run.id} failed`, err),
      );
    },
    now: Date.now,
    onError: (err) => log('sim run bookkeeping failed', err),
    leaseMs: options.leaseMs ?? DEFAULT_SIM_LEASE_MS,
    runTimeoutMs: options.runTimeoutMs ?? DEFAULT_SIM_RUN_TIMEOUT_MS,
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
