// The release the plume forecast should use once an isolation is carried out: the leak rate
// until the last valve is shut, then the inventory trapped between the valves and the leak
// draining at the same rate until it is gone, then nothing. Pure.
import type { IsolationAlternative } from './isolation.ts';

/** A time-varying release: rate by time since the leak began, when it ends, and the mass released. */
export interface ReleaseProfile {
  rateKgS: (tS: number) => number;
  /** When the release stops, s since the leak began; Infinity when a boundary feed stays joined. */
  endS: number;
  /** Mass released from the leak's start to `endS` (capped by `maxS`), kg. */
  totalKg: number;
}

/**
 * The release after `isolation` is commanded at `decisionAtS` (s since the leak began):
 * `leakRateKgS` until `decisionAtS + timeToIsolateS`, then until the trapped inventory has
 * drained (integrated in `stepS` steps, at most to `maxS`).
 */
export function isolatedRelease(
  leakRateKgS: number | ((tS: number) => number),
  isolation: Pick<IsolationAlternative, 'timeToIsolateS' | 'trappedInventoryKg'>,
  opts: { decisionAtS?: number; stepS?: number; maxS?: number } = {},
): ReleaseProfile {
  const rate = typeof leakRateKgS === 'number' ? () => leakRateKgS : leakRateKgS;
  const isolatedS = (opts.decisionAtS ?? 0) + isolation.timeToIsolateS;
  const stepS = opts.stepS ?? 1, maxS = opts.maxS ?? 86_400;
  let kg = 0;
  for (let t = 0; t < isolatedS; t += stepS) kg += rate(t + Math.min(stepS, isolatedS - t) / 2) * Math.min(stepS, isolatedS - t);
  let endS = isolatedS, left = isolation.trappedInventoryKg;
  while (left > 0 && endS < maxS) {
    const r = Math.max(0, rate(endS + stepS / 2));
    if (r === 0) break;
    const dt = Math.min(stepS, left / r);
    kg += r * dt;
    left -= r * dt;
    endS += dt;
  }
  if (left > 0 && !Number.isFinite(isolation.trappedInventoryKg)) endS = Infinity;
  return { rateKgS: (tS) => (tS >= 0 && tS < endS ? rate(tS) : 0), endS, totalKg: kg };
}
