import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { AddJobOptions, JobHandler, JobQueue } from './job-queue.ts';

/**
 * BullMQ on Redis: one queue per job name under `prefix`, workers in this process for
 * the names it registers (other machines can run workers of their own on the same queues).
 */
export class BullmqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connection: ConnectionOptions;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly onError: (name: string, err: unknown) => void,
  ) {
    const url = new URL(redisUrl);
    this.connection = {
      host: url.hostname,
      port: Number(url.port || 6379),
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      maxRetriesPerRequest: null,
    };
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 } });
      // Redis connection errors are reported, not thrown: an 'error' event without a listener would end the process.
      q.on('error', (err) => this.onError(name, err));
      this.queues.set(name, q);
    }
    return q;
  }

  process(name: string, handler: JobHandler, concurrency = 1): void {
    const worker = new Worker(name, async (job) => handler(job.data, { attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1 }), { connection: this.connection, prefix: this.prefix, concurrency });
    worker.on('failed', (_job, err) => this.onError(name, err));
    worker.on('error', (err) => this.onError(name, err));
    this.workers.push(worker);
  }

  async add(name: string, data: unknown, options: AddJobOptions = {}): Promise<string> {
    // BullMQ's exponential backoff waits delay × 2^(n-1) after the n-th failed try, as retryDelayMs does.
    const retries = options.attempts !== undefined && options.attempts > 1 ? { attempts: options.attempts, backoff: { type: 'exponential', delay: options.backoffMs ?? 0 } } : {};
    const job = await this.queue(name).add(name, data, { delay: options.delayMs, jobId: options.jobId, ...retries });
    return job.id ?? '';
  }

  async holds(name: string, jobId: string): Promise<boolean> {
    const state = await this.queue(name).getJobState(jobId);
    return state !== 'completed' && state !== 'failed' && state !== 'unknown';
  }

  async repeat(name: string, everyMs: number, data: unknown = {}): Promise<void> {
    await this.queue(name).upsertJobScheduler(`repeat:${name}`, { every: everyMs }, { name, data });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
