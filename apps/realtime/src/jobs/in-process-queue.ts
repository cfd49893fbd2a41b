import { randomUUID } from 'node:crypto';
import type { AddJobOptions, JobHandler, JobQueue } from './job-queue.ts';

interface Registered {
  handler: JobHandler;
  concurrency: number;
  running: number;
  waiting: { id: string; data: unknown }[];
}

/**
 * The embedded queue: jobs run in this process (CPU-heavy handlers hand their work to
 * worker threads themselves), with per-name concurrency, delays and idempotent ids.
 * Jobs do not survive a restart; callers that need that (deadlines) re-arm from the database.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly registered = new Map<string, Registered>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingIds = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly onError: (name: string, err: unknown) => void) {}

  process(name: string, handler: JobHandler, concurrency = 1): void {
    this.registered.set(name, { handler, concurrency, running: 0, waiting: [] });
  }

  async add(name: string, data: unknown, options: AddJobOptions = {}): Promise<string> {
    const id = options.jobId ?? randomUUID();
    if (this.closed || (options.jobId && this.pendingIds.has(id))) return id;
    this.pendingIds.add(id);
    const enqueue = () => {
      const reg = this.registered.get(name);
      if (!reg) {
        this.pendingIds.delete(id);
        this.onError(name, new Error(`no handler for job '${name}'`));
        return;
      }
      reg.waiting.push({ id, data });
      this.pump(name, reg);
    };
    if (options.delayMs && options.delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        enqueue();
      }, options.delayMs);
      this.timers.add(timer);
    } else {
      queueMicrotask(enqueue);
    }
    return id;
  }

  async holds(_name: string, jobId: string): Promise<boolean> {
    return this.pendingIds.has(jobId);
  }

  async repeat(name: string, everyMs: number, data: unknown = {}): Promise<void> {
    const timer = setInterval(() => void this.add(name, data, { jobId: `repeat:${name}` }), everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  private pump(name: string, reg: Registered): void {
    while (!this.closed && reg.running < reg.concurrency && reg.waiting.length > 0) {
      const job = reg.waiting.shift()!;
      reg.running++;
      const run = reg
        .handler(job.data)
        .catch((err: unknown) => this.onError(name, err))
        .finally(() => {
          reg.running--;
          this.pendingIds.delete(job.id);
          this.running.delete(run);
          this.pump(name, reg);
        });
      this.running.add(run);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
