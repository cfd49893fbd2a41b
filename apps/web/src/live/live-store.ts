import type { LiveReading } from '@safetwin/protocol';
import { mergeBatch, type LatestSample } from './merge-batch.ts';
import { KeyedListeners } from './keyed-listeners.ts';

/** Runs a callback soon, once per frame in the browser; injectable so tests can drive it. */
export type FlushScheduler = (flush: () => void) => void;

/** Flush at the next animation frame in a browser, on a short timer elsewhere. */
export const frameScheduler: FlushScheduler = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
};

/**
 * Latest reading per device, outside React. Batches are merged as they arrive; listeners hear
 * about it at most once per frame and only for their own device, so one changed sensor
 * re-renders one row, not the table.
 */
export class LiveStore {
  private readonly latest = new Map<string, LatestSample>();
  private readonly deviceListeners = new KeyedListeners();
  private readonly anyListeners = new Set<() => void>();
  private readonly pending = new Set<string>();
  private flushScheduled = false;
  private primedFlag = false;
  private versionCounter = 0;
  private lastBatchAt: number | null = null;
  private readingsReceived = 0;

  constructor(private readonly schedule: FlushScheduler = frameScheduler) {}

  /** Merges readings received at `receivedAtMs` (local clock); notifies at the next flush. */
  apply(readings: readonly LiveReading[], receivedAtMs: number): void {
    this.lastBatchAt = receivedAtMs;
    this.readingsReceived += readings.length;
    const changed = mergeBatch(this.latest, readings, receivedAtMs);
    if (changed.size === 0) return;
    for (const id of changed) this.pending.add(id);
    this.requestFlush();
  }

  /** Marks that the hub has answered a subscribe: devices still without a sample now have no data. */
  markPrimed(): void {
    if (this.primedFlag) return;
    this.primedFlag = true;
    this.versionCounter++;
    for (const listener of this.anyListeners) listener();
  }

  /** True once the hub's first subscribe answer was merged. */
  get primed(): boolean {
    return this.primedFlag;
  }

  /** When the last batch (or subscribe answer) arrived, local epoch ms; null before the first. */
  get lastBatchAtMs(): number | null {
    return this.lastBatchAt;
  }

  /** Readings received so far (duplicates included), for rates: only ever grows. */
  get readingCount(): number {
    return this.readingsReceived;
  }

  /** Bumped on every flush that changed something; a snapshot for whole-site summaries. */
  get version(): number {
    return this.versionCounter;
  }

  /** The latest sample of a device (same object until a newer reading arrives). */
  get(deviceId: string): LatestSample | undefined {
    return this.latest.get(deviceId);
  }

  /** Listens for changes to one device; returns the unsubscribe function. */
  subscribeDevice(deviceId: string, listener: () => void): () => void {
    return this.deviceListeners.subscribe(deviceId, listener);
  }

  /** Listens for any change (once per flush); returns the unsubscribe function. */
  subscribeAny(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /** Delivers pending changes now (normally called by the scheduler). */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    this.versionCounter++;
    for (const id of ids) {
      this.deviceListeners.notify(id);
    }
    for (const listener of this.anyListeners) listener();
  }

  private requestFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.schedule(() => this.flush());
  }
}
