/** KPI windows (EEMUA 191 / ISA-18.2 alarm-system performance). */
export const KPI_WINDOWS = {
  /** Alarm rate window: activations per 10 minutes (a flood is > 10 in 10 min per operator). */
  rateMs: 10 * 60_000,
  /** An alarm activated at least this often within `rateMs` is chattering. */
  chatteringActivations: 3,
  /** Bad-actor window: the alarms activated most in the last 24 h. */
  badActorMs: 24 * 60 * 60_000,
  /** How many bad actors are listed. */
  badActors: 5,
  /** An activation whose process returned within this time, before any operator action, is fleeting, ms. */
  fleetingMs: 10_000,
} as const;

/** `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The UTC month `YYYY-MM` that holds `ms`. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The UTC bounds [startMs, endMs) of month `YYYY-MM`; throws on anything else. */
export function monthBounds(month: string): { startMs: number; endMs: number } {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new Error(`month '${month}' is not YYYY-MM`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return { startMs: Date.UTC(year, index, 1), endMs: Date.UTC(year, index + 1, 1) };
}
