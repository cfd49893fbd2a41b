/** Which try of a job a handler is running (for handlers that record their attempts). */
export interface JobAttempt {
  /** 1 for the first try. */
  attempt: number;
  /** Tries allowed in all. */
  attempts: number;
}

/** A job handler: gets the job's data (and which try this is), returns its result; a throw fails the try. */
export type JobHandler = (data: unknown, job: JobAttempt) => Promise<unknown>;

/** Options of one job. */
export interface AddJobOptions {
  /** Run no earlier than this many ms from now. @defaultValue 0 */
  delayMs?: number;
  /** Idempotency: a second job with the same id is not added while the first exists. */
  jobId?: string;
  /** Tries in all: a handler that throws is run again until it succeeds or this many tries failed. @defaultValue 1 */
  attempts?: number;
  /**
   * Exponential backoff between tries, ms: try n+1 waits `backoffMs × 2^(n-1)` after try n
   * failed (BullMQ's `exponential` backoff). @defaultValue 0 (retry at once)
   */
  backoffMs?: number;
}

/** Delay before the try after failed try `attempt` (1-based), ms: BullMQ's exponential backoff. */
export const retryDelayMs = (backoffMs: number, attempt: number): number => (backoffMs > 0 ? backoffMs * 2 ** (attempt - 1) : 0);

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
