// Feeds a synthetic site's live store from the real simulator engine, in the browser, the way
// the hub's fan-out does: one batch per 100 ms tick with every reading that fell due.
import { createSimulator } from '@safetwin/simulator';
import type { Site } from '@safetwin/twin-models';
import type { LiveStore } from '../live/live-store.ts';

/** The hub's fan-out tick, ms (DESIGN.md §3). */
export const FANOUT_TICK_MS = 100;

/** Starts feeding `live` with simulated readings of `site`; returns the stop function. */
export function startBenchFeed(site: Site, live: LiveStore, onFirstBatch: () => void): () => void {
  const simulator = createSimulator({ sites: [site], seed: 7, faultRatePerDeviceHour: 0 });
  let first = true;
  const timer = setInterval(() => {
    const nowMs = Date.now();
    const readings = simulator.tick(nowMs);
    if (readings.length === 0) return;
    live.apply(readings, nowMs);
    if (first) {
      first = false;
      onFirstBatch();
    }
  }, FANOUT_TICK_MS);
  return () => clearInterval(timer);
}
