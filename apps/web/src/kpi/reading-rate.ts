// Readings per second from a monotonically increasing counter (LiveStore.readingCount),
// averaged over a rolling window so the KPI does not flicker with the hub's 100 ms batches.

/** Default averaging window of {@link RollingRate}, ms. */
export const DEFAULT_RATE_WINDOW_MS = 10_000;

/**
 * A rolling rate over the last `windowMs`: feed it `(nowMs, count)` samples (about once a
 * second) and read events per second. Fixed-size ring buffer, so it never grows however long
 * the wall runs. A counter that goes backwards (a new store after a remount) restarts it.
 */
export class RollingRate {
  private readonly times: Float64Array;
  private readonly counts: Float64Array;
  private head = 0;
  private size = 0;

  /** `capacity` samples are kept; with one sample a second, 32 cover the default window. */
  constructor(
    private readonly windowMs: number = DEFAULT_RATE_WINDOW_MS,
    capacity = 32,
  ) {
    if (!(windowMs > 0)) throw new RangeError(`RollingRate: windowMs must be positive, got ${windowMs}`);
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`RollingRate: capacity must be an integer ≥ 2, got ${capacity}`);
    this.times = new Float64Array(capacity);
    this.counts = new Float64Array(capacity);
  }

  /** Records the counter's value at `nowMs` (local epoch ms). */
  sample(nowMs: number, count: number): void {
    if (this.size > 0) {
      const last = (this.head - 1 + this.times.length) % this.times.length;
      if (count < this.counts[last]! || nowMs < this.times[last]!) this.size = 0;
    }
    this.times[this.head] = nowMs;
    this.counts[this.head] = count;
    this.head = (this.head + 1) % this.times.length;
    this.size = Math.min(this.size + 1, this.times.length);
  }

  /** Events per second over the window ending at the latest sample; null until two samples span some time. */
  perSecond(): number | null {
    if (this.size < 2) return null;
    const cap = this.times.length;
    const newest = (this.head - 1 + cap) % cap;
    const tNew = this.times[newest]!;
    // The oldest sample still inside the window (or the oldest held, if all are inside).
    let oldest = newest;
    for (let k = 1; k < this.size; k++) {
      const i = (newest - k + cap) % cap;
      if (tNew - this.times[i]! > this.windowMs) break;
      oldest = i;
    }
    const spanMs = tNew - this.times[oldest]!;
    if (spanMs <= 0) return null;
    return ((this.counts[newest]! - this.counts[oldest]!) * 1000) / spanMs;
  }
}
