import type { LiveReading } from '@safetwin/protocol';

/** The newest reading of one device and when this browser received it (epoch ms, local clock). */
export interface LatestSample {
  reading: LiveReading;
  receivedAtMs: number;
}

/** True when `next` supersedes `current`: later sensor time, or the same time and a higher seq. */
export function isNewer(next: LiveReading, current: LiveReading | undefined): boolean {
  if (!current) return true;
  if (next.ts !== current.ts) return next.ts > current.ts;
  return next.seq > current.seq;
}

/**
 * Merges a batch into the latest-per-device map in place and returns the ids that changed.
 * Old, duplicate or replayed readings (reconnect acks, out-of-order batches) never overwrite newer ones.
 */
export function mergeBatch(latest: Map<string, LatestSample>, readings: readonly LiveReading[], receivedAtMs: number): Set<string> {
  const changed = new Set<string>();
  for (const reading of readings) {
    if (!isNewer(reading, latest.get(reading.deviceId)?.reading)) continue;
    latest.set(reading.deviceId, { reading, receivedAtMs });
    changed.add(reading.deviceId);
  }
  return changed;
}
