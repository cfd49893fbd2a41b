// The pure parts of `npm run bench:alarm`: what to send when (the crossing schedule), the
// value a background reading carries, percentiles and the verdict against the issue's targets.
// No timers, no I/O: unit-tested in alarm-plan.test.ts.

/** One thing the probe does at `atMs` after it starts. */
export interface ProbeStep {
  atMs: number;
  /** Index of the injected detector (for `echo`: the crossing it follows). */
  detector: number;
  /**
   * `cross`: over the high limit (a fresh activation, measured); `return`: below the deadband, every
   * `keepAliveMs` between crossings (the alarm returns after the off-delay; the detector never goes stale);
   * `echo`: one socket.io echo.
   */
  kind: 'cross' | 'return' | 'echo';
}

/** A detector crosses again only once below the band for the off-delay plus this, ms (the probe checks it; the schedule leaves room for it). */
export const RETURN_SPARE_MS = 250;

/** How the probe spaces its set-point crossings. */
export interface ScheduleOptions {
  detectors: number;
  durationMs: number;
  /** The detectors' off-delay: a return to normal must hold this long before the alarm clears, ms. */
  offDelayMs: number;
  /** Most time a detector goes without a reading (below its stale limit of 3× its interval), ms. */
  keepAliveMs: number;
  /** Time after a crossing before the value returns below the deadband, ms. @defaultValue 500 */
  holdMs?: number;
  /** Extra time past the off-delay before the next crossing, ms (more than RETURN_SPARE_MS). @defaultValue 500 */
  marginMs?: number;
}

/**
 * The probe's schedule. Each detector cycles: over the high limit → after `holdMs` back below
 * the deadband, reported every `keepAliveMs` for longer than the off-delay (the alarm returns)
 * → over again, which raises a fresh activation (ISA-18.2: a new count, not a repeat of a
 * standing alarm). Detectors are staggered evenly, so crossings come at a steady rate of
 * `detectors / cycle`; an echo goes halfway between consecutive crossings.
 */
export function crossingSchedule(o: ScheduleOptions): ProbeStep[] {
  const holdMs = o.holdMs ?? 500;
  const cycleMs = cycleLengthMs(o);
  const steps: ProbeStep[] = [];
  for (let d = 0; d < o.detectors; d++) {
    for (let crossMs = (d * cycleMs) / o.detectors; crossMs < o.durationMs; crossMs += cycleMs) {
      steps.push({ atMs: crossMs, detector: d, kind: 'cross' });
      steps.push({ atMs: crossMs + cycleMs / o.detectors / 2, detector: d, kind: 'echo' });
      for (let t = crossMs + holdMs; t < crossMs + cycleMs - holdMs / 2; t += o.keepAliveMs) steps.push({ atMs: t, detector: d, kind: 'return' });
    }
  }
  return steps.sort((a, b) => a.atMs - b.atMs || a.detector - b.detector);
}

/** One detector's cycle (time between its crossings): the off-delay, a margin and two holds, ms. */
export function cycleLengthMs(o: ScheduleOptions): number {
  return 2 * (o.holdMs ?? 500) + o.offDelayMs + (o.marginMs ?? 500);
}

/** Set-points of a metric (any may be absent). */
export interface Limits {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
}

/**
 * A background value well inside a metric's set-points and physical range: midway between
 * low and high, 20 % of the way up to a lone high limit, halfway from a lone low limit to the
 * top, and 1 % of the range for a metric without set-points.
 */
export function normalValue(range: { minValue: number; maxValue: number }, limits: Limits | null): number {
  const low = limits?.low ?? limits?.lowLow ?? null;
  const high = limits?.high ?? limits?.highHigh ?? null;
  let v: number;
  if (low !== null && high !== null) v = (low + high) / 2;
  else if (high !== null) v = range.minValue + (high - range.minValue) * 0.2;
  else if (low !== null) v = low + (range.maxValue - low) * 0.5;
  else v = range.minValue + (range.maxValue - range.minValue) * 0.01;
  return Math.min(range.maxValue, Math.max(range.minValue, v));
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** p50, p99 and count of latencies, ms. */
export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  count: number;
}

/** Summarises latencies (any order), ms. */
export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), count: sorted.length };
}

/** The issue's targets (issue 5, Performance). */
export const TARGETS = { p50Ms: 20, p99Ms: 100, p99OverEcho: 2 } as const;

/** Each target with the measured figure and whether it is met. */
export function verdicts(alarm: LatencySummary, echo: LatencySummary): { target: string; measured: string; met: boolean }[] {
  const ratio = alarm.p99Ms / echo.p99Ms;
  return [
    { target: `p50 ≤ ${TARGETS.p50Ms} ms`, measured: `${alarm.p50Ms.toFixed(1)} ms`, met: alarm.p50Ms <= TARGETS.p50Ms },
    { target: `p99 ≤ ${TARGETS.p99Ms} ms`, measured: `${alarm.p99Ms.toFixed(1)} ms`, met: alarm.p99Ms <= TARGETS.p99Ms },
    { target: `p99 ≤ ${TARGETS.p99OverEcho}× echo p99`, measured: `${ratio.toFixed(2)}×`, met: ratio <= TARGETS.p99OverEcho },
  ];
}

/** `--name value` options of the command line, as numbers; unknown names are refused. */
export function parseNumberArgs<K extends string>(argv: readonly string[], defaults: Record<K, number>): Record<K, number> {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !(name in defaults)) throw new Error(`unknown option '${arg}' (known: ${Object.keys(defaults).map((k) => `--${k}`).join(', ')})`);
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got '${argv[i]}'`);
    out[name as K] = value;
  }
  return out;
}
