// Keeps a wall's IncidentStore whole across lost links: the socket only carries changes, so after
// every (re)subscribe the list is fetched again (`GET /incidents?siteId=`), and a failed fetch is
// retried until one succeeds or the next resubscribe starts over. Events that arrive meanwhile
// merge by version, so the order of fetch answers and events does not matter. The refetch also
// reconciles: an open incident the wall holds that the list lacks is checked (`GET /incidents/:id`)
// and leaves the wall on 404 — it was handed over while the wall was offline and missed the
// `incident-handed-over` event; any other failure keeps it and retries like a failed fetch.
import type { IncidentHandoverView, IncidentView } from '@safetwin/protocol';
import { unlistedOpen, type IncidentStore } from './incident-store.ts';

/** First and longest wait before retrying a failed fetch, ms (doubling in between). */
export const RESYNC_RETRY_FIRST_MS = 1_000;
export const RESYNC_RETRY_MAX_MS = 15_000;

/** Fetches the site's incidents. */
export type IncidentLoader = () => Promise<readonly IncidentView[]>;

/** Fetches one incident as the hub shows it to this user now; null when the hub answers 404 (it does not, or no longer); throws on any other failure. */
export type IncidentLookup = (id: string) => Promise<IncidentView | null>;

/** Timer functions, injectable for tests. */
export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const REAL_TIMERS: SyncTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Refetches the incident list on every (re)subscribe, with retries; the last failure is kept for the wall to show. */
export class IncidentSync {
  private loader: IncidentLoader | null = null;
  private lookup: IncidentLookup | null = null;
  private pending = false;
  private retry: unknown = null;
  private retryMs = RESYNC_RETRY_FIRST_MS;
  private epoch = 0;
  private lastError: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    /** The store it keeps whole. */
    readonly store: IncidentStore,
    private readonly timers: SyncTimers = REAL_TIMERS,
  ) {}

  /**
   * Sets how to fetch the list and check one incident (null until the hub's address is known); a
   * resync asked for before runs now. Without `lookup`, a refetch never drops an incident.
   */
  setLoader(loader: IncidentLoader | null, lookup: IncidentLookup | null = null): void {
    this.loader = loader;
    this.lookup = loader ? lookup : null;
    if (loader && this.pending) this.resync();
  }

  /** Why the last fetch failed (null after a success). */
  get error(): string | null {
    return this.lastError;
  }

  /** Called on every (re)subscribe: fetch the list again (the socket may have missed changes). */
  resync(): void {
    this.timers.clearTimeout(this.retry);
    this.retry = null;
    if (!this.loader) {
      this.pending = true;
      return;
    }
    this.pending = false;
    this.retryMs = RESYNC_RETRY_FIRST_MS;
    void this.fetch(++this.epoch);
  }

  /** An `incident` socket event of the site: merged into the store by version. */
  apply(incident: IncidentView): void {
    this.store.apply(incident);
  }

  /** An `incident-handed-over` socket event of the site: the incident no longer concerns this plant and leaves the wall. */
  handOver(handover: IncidentHandoverView): void {
    this.store.handOver(handover, this.timers.now());
  }

  /** Listens for a change of `error`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops retrying (the wall unmounts). */
  close(): void {
    this.timers.clearTimeout(this.retry);
    this.retry = null;
    this.epoch++;
    this.loader = null;
  }

  private async fetch(epoch: number): Promise<void> {
    const loader = this.loader;
    if (!loader) return;
    try {
      const list = await loader();
      // Applied even when a newer resync started: versions merge, and nothing is lost.
      this.store.applyFetched(list, this.timers.now());
      await this.reconcile(list);
      if (epoch === this.epoch) this.setError(null);
    } catch (err) {
      if (epoch !== this.epoch) return;
      this.setError(err instanceof Error ? err.message : String(err));
      const waitMs = this.retryMs;
      this.retryMs = Math.min(RESYNC_RETRY_MAX_MS, this.retryMs * 2);
      this.retry = this.timers.setTimeout(() => {
        if (epoch === this.epoch) void this.fetch(epoch);
      }, waitMs);
    }
  }

  /**
   * Checks each open incident held that `list` lacks: a newer version is merged, a 404 drops it
   * (`IncidentStore.dropNotVisible`, which keeps it if a newer event arrived meanwhile). Every
   * answer is applied; then the first failure, if any, is thrown so the fetch is retried.
   */
  private async reconcile(list: readonly IncidentView[]): Promise<void> {
    const lookup = this.lookup;
    const unlisted = lookup ? unlistedOpen(this.store.incidents, list) : [];
    if (!lookup || unlisted.length === 0) return;
    const answers = await Promise.allSettled(unlisted.map((held) => lookup(held.id)));
    answers.forEach((answer, k) => {
      const held = unlisted[k]!;
      if (answer.status === 'rejected') return;
      if (answer.value) this.store.apply(answer.value);
      else this.store.dropNotVisible(held.id, held.updatedAt, this.timers.now());
    });
    const failed = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private setError(error: string | null): void {
    if (error === this.lastError) return;
    this.lastError = error;
    for (const listener of this.listeners) listener();
  }
}
