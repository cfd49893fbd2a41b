/** A job handler: gets the job's data, returns its result. */
export type JobHandler = (data: unknown) => Promise<unknown>;

/** Options of one job. */
export interface AddJobOptions {
  /** Run no earlier than this many ms from now. @defaultValue 0 */
  delayMs?: number;
  /** Idempotency: a second job with the same id is not added while the first exists. */
  jobId?: string;
}

/**
 * The hub's job queue: simulations, notifications, deadlines and maintenance — never one
 * job per reading (DESIGN.md §6). Embedded it runs in-process; with REDIS_URL it is BullMQ,
 * so workers on other machines can take jobs and repeatable jobs run once per cluster.
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /** Registers the handler of a job name (this process then works on such jobs). */
  process(name: string, handler: JobHandler, concurrency?: number): void;
  /** Adds a job; resolves with its id. */
  add(name: string, data: unknown, options?: AddJobOptions): Promise<string>;
  /** Whether the queue still holds a job (waiting, delayed or being worked on); false once it finished, failed or was never added. */
  holds(name: string, jobId: string): Promise<boolean>;
  /** Runs `name` every `everyMs` (once per cluster with BullMQ). */
  repeat(name: string, everyMs: number, data?: unknown): Promise<void>;
  /** Waits for running jobs, then stops. */
  close(): Promise<void>;
}
