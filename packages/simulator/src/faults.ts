// Sensor faults injected at a low rate, so the wall's data-quality cues (staleness, stuck
// values, implausible jumps) have something to show and tests know what was injected.

/** What can go wrong with a device: a flat line, silence, or one implausible value. */
export const FAULT_KINDS = ['stuck', 'dropout', 'spike'] as const;
/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One injected fault. */
export interface FaultRecord {
  deviceId: string;
  siteId: string;
  kind: FaultKind;
  /** When it began and (planned) ended, epoch ms; a spike lasts one reading (endMs = startMs). */
  startMs: number;
  endMs: number;
  /** Spikes: the metric and the value sent. */
  metric?: string;
  value?: number;
}

/** How long a fault lasts, ms: stuck 2–10 min, dropout 1–6 min (long against 1 s reporting, so staleness shows). */
export const FAULT_DURATION_MS: Record<Exclude<FaultKind, 'spike'>, readonly [number, number]> = {
  stuck: [2 * 60_000, 10 * 60_000],
  dropout: [60_000, 6 * 60_000],
};

/** Relative frequency of each kind when a fault starts. */
export const FAULT_WEIGHTS: Record<FaultKind, number> = { stuck: 0.4, dropout: 0.35, spike: 0.25 };
