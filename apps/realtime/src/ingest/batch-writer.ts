import { writeReadings, type ReadingRow, type SqlClient } from '@safetwin/db';

/** Group-commit settings (see HubOptions for defaults). */
export interface BatchWriterOptions {
  batchRows: number;
  batchDelayMs: number;
  concurrency: number;
  maxPendingRows: number;
  now: () => number;
}

interface Waiter {
  rows: ReadingRow[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The writer is saturated: the caller should answer 503 and the gateway retry later. */
export class BackpressureError extends Error {
  constructor(pendingRows: number) {
    super(`ingestion is saturated (${pendingRows} rows waiting for the database); retry shortly`);
    this.name = 'BackpressureError';
  }
}

/**
 * Group commit: rows from many ingest calls are written together in one COPY / unnest
 * transaction when the batch is full or its first row has waited `batchDelayMs`. Each
 * caller's promise settles when its rows are committed (or the batch failed), so an
 * HTTP 202 means "stored", not "queued".
 */
export class BatchWriter {
  private pending: Waiter[] = [];
  private pendingRows = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly idle = new Set<() => void>();
  /** Figures for /health and the benchmark. */
  readonly stats = { batches: 0, rows: 0, failures: 0, lastBatchRows: 0 };

  constructor(
    private readonly db: SqlClient,
    private readonly options: BatchWriterOptions,
  ) {}

  /** Queues rows; resolves once they are committed. Throws BackpressureError when saturated. */
  write(rows: ReadingRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (this.pendingRows + rows.length > this.options.maxPendingRows) return Promise.reject(new BackpressureError(this.pendingRows));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      this.pendingRows += rows.length;
      this.schedule();
    });
  }

  /** Rows accepted but not yet committed. */
  get backlogRows(): number {
    return this.pendingRows;
  }

  /** Resolves when everything queued so far is committed (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight > 0) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      this.flush();
      await new Promise<void>((resolve) => this.idle.add(resolve));
    }
  }

  private schedule(): void {
    if (this.pendingRows >= this.options.batchRows) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.options.batchDelayMs);
    }
  }

  private flush(): void {
    const limit = this.db.kind === 'pglite' ? 1 : this.options.concurrency;
    while (this.pending.length > 0 && this.inFlight < limit) {
      const batch: Waiter[] = [];
      let size = 0;
      while (this.pending.length > 0 && (size === 0 || size + this.pending[0]!.rows.length <= this.options.batchRows)) {
        const w = this.pending.shift()!;
        batch.push(w);
        size += w.rows.length;
      }
      this.pendingRows -= size;
      void this.commit(batch, size);
    }
  }

  private async commit(batch: Waiter[], size: number): Promise<void> {
    this.inFlight++;
    const rows = batch.length === 1 ? batch[0]!.rows : batch.flatMap((w) => w.rows);
    try {
      await writeReadings(this.db, rows, this.options.now());
      this.stats.batches++;
      this.stats.rows += size;
      this.stats.lastBatchRows = size;
      for (const w of batch) w.resolve();
    } catch (err) {
      this.stats.failures++;
      for (const w of batch) w.reject(err);
    } finally {
      this.inFlight--;
      if (this.pending.length > 0) this.flush();
      if (this.pending.length === 0 && this.inFlight === 0) {
        for (const resolve of this.idle) resolve();
        this.idle.clear();
      }
    }
  }
}
