// Test and bench support: a staged leak on a park played offline by the demo simulator's engine
// (no hub, no sockets), its devices' readings handed to a sink second by second — what
// `ingest.onValidated` would pass to RecentReadings — up to some time after the release began.
import type { LiveReading } from '@safetwin/protocol';
import { createSimulator, type WeatherOptions } from '@safetwin/simulator';
import type { ChemicalPark } from '@safetwin/twin-models';

/** One staged leak. */
export interface StagedLeakOptions {
  park: ChemicalPark;
  itemId: string;
  chemical: string;
  rateKgS: number;
  /** A pipe segment: the hole's distance along it from its first node, m. @defaultValue its middle */
  alongM?: number;
  /** Seconds of readings after the release began. */
  afterStartS: number;
  /** Seconds of quiet readings before it (the estimator's wind look-back wants minutes). @defaultValue 300 */
  beforeS?: number;
  /** Start of the simulation, epoch ms. @defaultValue 2026-06-01T10:00Z (day, moderate sun) */
  startMs?: number;
  seed?: number;
  weather?: WeatherOptions;
  /** Faults (stuck, silent sensors …) per device-hour. @defaultValue 0: none, so a test reads what it staged */
  faultRatePerDeviceHour?: number;
}

/** When the release began and the time of the last readings, epoch ms. */
export interface StagedLeak {
  leakAtMs: number;
  nowMs: number;
}

/** Plays the park with the leak, passing each second's readings to `sink`. */
export function playStagedLeak(o: StagedLeakOptions, sink: (readings: LiveReading[]) => void): StagedLeak {
  const startMs = o.startMs ?? Date.UTC(2026, 5, 1, 2, 0, 0); // 10:00 in Nanjing (UTC+8)
  const sim = createSimulator({ sites: [o.park], startMs, seed: o.seed ?? 7, faultRatePerDeviceHour: o.faultRatePerDeviceHour ?? 0, ...(o.weather ? { weather: o.weather } : {}) });
  const leakAtMs = startMs + (o.beforeS ?? 300) * 1000;
  const nowMs = leakAtMs + o.afterStartS * 1000;
  for (let t = startMs; t <= nowMs; t += 1000) {
    if (t === leakAtMs) sim.stage({ kind: 'leak', siteId: o.park.id, equipmentId: o.itemId, chemical: o.chemical, rateKgS: o.rateKgS, durationS: 3600, ...(o.alongM === undefined ? {} : { alongM: o.alongM }) }, t);
    sink(sim.tick(t));
  }
  return { leakAtMs, nowMs };
}
