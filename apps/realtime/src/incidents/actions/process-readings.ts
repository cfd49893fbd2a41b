// The readings isolation is judged by: valve positions (`open_pct`), line flows (`flow_kg_s`) and
// vessel pressures (`pressure_kpa`), each device's recent values kept for a few minutes so the
// value "before the command" can be read back. Fed from ingest.onValidated; O(1) per reading
// (amortised: old samples leave from the front).
import type { LiveReading } from '@safetwin/protocol';

/** The metrics kept, by what they tell. */
export const PROCESS_METRICS = { position: 'open_pct', flow: 'flow_kg_s', pressure: 'pressure_kpa' } as const;
/** One of the kept metrics' names. */
export type ProcessMetric = (typeof PROCESS_METRICS)[keyof typeof PROCESS_METRICS];
const KEPT: readonly ProcessMetric[] = Object.values(PROCESS_METRICS);

/** How far back values are kept, ms: a baseline older than the incident's first minutes is not needed (our choice). */
export const PROCESS_WINDOW_MS = 10 * 60_000;

/** One kept value. */
export interface ProcessSample {
  ts: number;
  value: number;
}

/** Recent values of the devices' process metrics. */
export class ProcessReadings {
  private readonly series = new Map<string, ProcessSample[]>();

  constructor(private readonly windowMs = PROCESS_WINDOW_MS) {}

  /** Keeps the process metrics of a batch. */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      for (const metric of KEPT) {
        const value = r.values[metric];
        if (value === undefined) continue;
        const key = `${r.deviceId}/${metric}`;
        let list = this.series.get(key);
        if (!list) this.series.set(key, (list = []));
        if (list.length > 0 && r.ts < list[list.length - 1]!.ts) continue; // a late, out-of-order reading adds nothing to "now" or "before"
        list.push({ ts: r.ts, value });
        let drop = 0;
        while (drop < list.length - 1 && list[drop]!.ts < r.ts - this.windowMs) drop++;
        if (drop > 0) list.splice(0, drop);
      }
    }
  }

  /** The latest value, or undefined. */
  latest(deviceId: string, metric: ProcessMetric): ProcessSample | undefined {
    const list = this.series.get(`${deviceId}/${metric}`);
    return list?.[list.length - 1];
  }

  /** The last value at or before `tMs`; else the oldest kept (the best "before" there is); undefined when none. */
  before(deviceId: string, metric: ProcessMetric, tMs: number): ProcessSample | undefined {
    const list = this.series.get(`${deviceId}/${metric}`);
    if (!list || list.length === 0) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.ts <= tMs) return list[i];
    return list[0];
  }
}
