// The trend's data: one device's readings over the last hour, filled from the history API and
// extended with live readings, ordered by sensor time, without duplicates, trimmed to the window.
// Columns for uPlot break the line where the sensor was silent, so a gap never reads as data.

/** A reading as the trend keeps it. */
export interface TrendPoint {
  ts: number;
  seq: number;
  values: Readonly<Record<string, number>>;
}

/** uPlot's aligned columns: x in seconds, then y (null: no value, the line breaks). */
export type TrendColumns = [xs: number[], ys: (number | null)[]];

/** Readings of one device in time order. */
export class TrendSeries {
  private readonly ts: number[] = [];
  private readonly seq: number[] = [];
  private readonly values: Readonly<Record<string, number>>[] = [];

  /** Number of readings held. */
  get size(): number {
    return this.ts.length;
  }

  /** Sensor time of the newest reading, epoch ms; null when empty. */
  get lastTs(): number | null {
    return this.ts.length > 0 ? this.ts[this.ts.length - 1]! : null;
  }

  /** Adds a reading in time order; a reading already held (same ts and seq) is ignored. Returns whether it was added. */
  add(point: TrendPoint): boolean {
    const n = this.ts.length;
    if (n === 0 || point.ts > this.ts[n - 1]! || (point.ts === this.ts[n - 1]! && point.seq > this.seq[n - 1]!)) {
      this.ts.push(point.ts);
      this.seq.push(point.seq);
      this.values.push(point.values);
      return true;
    }
    // Out of order (history arriving after live readings): binary search for the slot.
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ts[mid]! < point.ts || (this.ts[mid] === point.ts && this.seq[mid]! < point.seq)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && this.ts[lo] === point.ts && this.seq[lo] === point.seq) return false;
    this.ts.splice(lo, 0, point.ts);
    this.seq.splice(lo, 0, point.seq);
    this.values.splice(lo, 0, point.values);
    return true;
  }

  /** Adds many readings; returns how many were new. */
  merge(points: readonly TrendPoint[]): number {
    let added = 0;
    for (const p of points) if (this.add(p)) added++;
    return added;
  }

  /** Drops readings older than `cutoffMs`. */
  trimBefore(cutoffMs: number): void {
    let k = 0;
    while (k < this.ts.length && this.ts[k]! < cutoffMs) k++;
    if (k === 0) return;
    this.ts.splice(0, k);
    this.seq.splice(0, k);
    this.values.splice(0, k);
  }

  /** Drops everything (another device was selected). */
  clear(): void {
    this.ts.length = 0;
    this.seq.length = 0;
    this.values.length = 0;
  }

  /**
   * Columns of one metric for uPlot: x in seconds; readings without the metric are left out, and
   * a null point is put in every silence longer than `gapMs` so the line breaks there.
   */
  columns(metric: string, gapMs: number): TrendColumns {
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    let prev: number | null = null;
    for (let i = 0; i < this.ts.length; i++) {
      const v = this.values[i]![metric];
      if (v === undefined) continue;
      const t = this.ts[i]!;
      if (prev !== null && t - prev > gapMs) {
        xs.push((prev + gapMs / 2) / 1000);
        ys.push(null);
      }
      xs.push(t / 1000);
      ys.push(v);
      prev = t;
    }
    return [xs, ys];
  }
}

/**
 * The y range of a trend: every value and every set-point line in view (so the distance to an
 * alarm is visible), padded 8 %; a flat or empty series gets a range round its value.
 */
export function valueRange(ys: ArrayLike<number | null | undefined>, lines: readonly number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) continue;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  for (const v of lines) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const span = hi - lo;
  const pad = span > 0 ? span * 0.08 : Math.max(Math.abs(hi) * 0.1, 1);
  return [lo - pad, hi + pad];
}
