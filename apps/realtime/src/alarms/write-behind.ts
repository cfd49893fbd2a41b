/** Settings of a write-behind queue. */
export interface WriteBehindOptions {
  /** First wait before a failed batch is tried again, doubling to `maxRetryMs`, ms. @defaultValue 500 */
  retryMs: number;
  /** @defaultValue 30 s */
  maxRetryMs: number;
}

export const DEFAULT_WRITE_BEHIND: WriteBehindOptions = { retryMs: 500, maxRetryMs: 30_000 };

/**
 * Ordered write-behind with retry (alarms, their audit trail, alarm groups): items are written in order, a
 * batch of everything queued per `write` call; a failed batch is put back in front and tried
 * again with a backoff, so a database hiccup delays the record but never reorders or drops
 * it. `drain` keeps trying until everything is stored or its deadline passes, and then
 * reports what could not be stored — it never silently drops a backlog.
 */
export class WriteBehind<T> {
  private chain: Promise<void> = Promise.resolve();
  private backlog: T[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs: number;
  private closed = false;

  constructor(
    private readonly write: (batch: readonly T[]) => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly what: string,
    private readonly options: WriteBehindOptions = DEFAULT_WRITE_BEHIND,
  ) {
    this.retryDelayMs = options.retryMs;
  }

  /** Queues an item; resolves when it (and everything before it) was tried. */
  push(item: T): Promise<void> {
    this.backlog.push(item);
    this.chain = this.chain.then(() => this.flush());
    return this.chain;
  }

  /** Items not stored yet. */
  get pending(): number {
    return this.backlog.length;
  }

  /** Shutdown: flushes until every queued item is stored or `deadlineMs` has passed, then stops retrying. */
  async drain(deadlineMs = 5000): Promise<void> {
    const until = Date.now() + deadlineMs;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.chain;
    while (this.backlog.length > 0 && Date.now() < until) {
      await this.flush();
      if (this.backlog.length > 0) await new Promise((r) => setTimeout(r, Math.min(200, this.options.retryMs)));
    }
    if (this.backlog.length > 0) this.onError(new Error(`${this.backlog.length} ${this.what} could not be stored before shutdown`));
  }

  private async flush(): Promise<void> {
    if (this.backlog.length === 0) return;
    const batch = this.backlog;
    this.backlog = [];
    try {
      await this.write(batch);
      this.retryDelayMs = this.options.retryMs;
    } catch (err) {
      this.backlog = batch.concat(this.backlog); // kept in order for the next attempt
      this.onError(err);
      if (!this.retryTimer && !this.closed) {
        const delayMs = this.retryDelayMs;
        this.retryDelayMs = Math.min(this.options.maxRetryMs, this.retryDelayMs * 2);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.chain = this.chain.then(() => this.flush());
        }, delayMs);
        this.retryTimer.unref();
      }
    }
  }
}
