import { randomUUID } from 'node:crypto';
import { retryDelayMs, type AddJobOptions, type JobHandler, type JobQueue } from './job-queue.ts';

/** A job waiting for its next try. */
interface Waiting {
  id: string;
  data: unknown;
  /** The try it waits for, 1-based. */
  attempt: number;
  attempts: number;
  backoffMs: number;
}

interface Registered {
  handler: JobHandler;
  concurrency: number;
  running: number;
  waiting: Waiting[];
}

/**
 * The embedded queue: jobs run in this process (CPU-heavy handlers hand their work to
 * worker threads themselves), with per-name concurrency, delays, idempotent ids and retries
 * with exponential backoff.
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
    const job: Waiting = { id, data, attempt: 1, attempts: Math.max(1, options.attempts ?? 1), backoffMs: options.backoffMs ?? 0 };
    this.enqueueAfter(name, job, options.delayMs ?? 0);
    return id;
  }

  /** Puts a job in its name's line after `delayMs` (at the next microtask when 0). */
  private enqueueAfter(name: string, job: Waiting, delayMs: number): void {
    const enqueue = () => {
      const reg = this.registered.get(name);
      if (!reg) {
        this.pendingIds.delete(job.id);
        this.onError(name, new Error(`no handler for job '${name}'`));
        return;
      }
      reg.waiting.push(job);
      this.pump(name, reg);
    };
    if (delayMs <= 0) {
      queueMicrotask(enqueue);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      enqueue();
    }, delayMs);
    this.timers.add(timer);
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
      let retry = false;
      const run = Promise.resolve()
        .then(() => reg.handler(job.data, { attempt: job.attempt, attempts: job.attempts }))
        .catch((err: unknown) => {
          this.onError(name, err);
          retry = job.attempt < job.attempts && !this.closed;
        })
        .finally(() => {
          reg.running--;
          // A job that will be tried again is still held (its id stays taken) until its last try.
          if (retry) this.enqueueAfter(name, { ...job, attempt: job.attempt + 1 }, retryDelayMs(job.backoffMs, job.attempt));
          else this.pendingIds.delete(job.id);
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
