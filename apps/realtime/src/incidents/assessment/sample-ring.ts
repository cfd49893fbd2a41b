// A fixed-capacity ring of timed samples with a few value columns (one device's metrics): the
// oldest sample is overwritten once it is full, so its memory is bounded by construction.

/** One column's values of the samples returned by {@link SampleRing.since}, aligned with `tMs`. */
export interface RingRows {
  tMs: number[];
  /** Per column, NaN where a sample lacked that metric. */
  columns: number[][];
}

/** Samples `(tMs, v₀ … vₖ)` in arrival order; 8 bytes per time + 4 per value (Float32: ~7 significant digits, finer than any detector). */
export class SampleRing {
  private readonly times: Float64Array;
  private readonly values: Float32Array[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number, columns: number) {
    this.times = new Float64Array(capacity);
    this.values = Array.from({ length: columns }, () => new Float32Array(capacity));
  }

  /** Appends a sample; `values[i]` is column i (NaN: not sent). */
  push(tMs: number, values: readonly number[]): void {
    this.times[this.next] = tMs;
    for (let c = 0; c < this.values.length; c++) this.values[c]![this.next] = values[c] ?? NaN;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Samples stored. */
  get length(): number {
    return this.count;
  }

  /** Every stored sample at or after `fromMs`, oldest stored first (arrival order). */
  since(fromMs: number): RingRows {
    const out: RingRows = { tMs: [], columns: this.values.map(() => []) };
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let k = 0; k < this.count; k++) {
      const i = (start + k) % this.capacity;
      if (this.times[i]! < fromMs) continue;
      out.tMs.push(this.times[i]!);
      for (let c = 0; c < this.values.length; c++) out.columns[c]!.push(this.values[c]![i]!);
    }
    return out;
  }
}
