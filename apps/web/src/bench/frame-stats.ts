// Frame-time statistics for the wall benchmark: percentiles by the nearest-rank method.

/** Summary of a run of frame intervals, ms. */
export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  fps: number;
}

/** Nearest-rank percentile (p in 0–100) of ascending-sorted values. */
export function percentile(sortedAsc: readonly number[], p: number): number {
  if (sortedAsc.length === 0) return Number.NaN;
  const rank = Math.min(sortedAsc.length, Math.max(1, Math.ceil((p / 100) * sortedAsc.length)));
  return sortedAsc[rank - 1]!;
}

/** Percentiles and mean frame rate of frame intervals, ms. */
export function frameStats(intervalsMs: readonly number[]): FrameStats {
  const sorted = [...intervalsMs].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, v) => sum + v, 0);
  return {
    frames: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    fps: totalMs > 0 ? (sorted.length * 1000) / totalMs : 0,
  };
}
