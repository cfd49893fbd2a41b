// Whether the region wall's figures are current. The wall must never show old data as live:
// once the last good answer is older than STATUS_CURRENT_FOR_MS, or the latest request failed,
// every site is shown as NOT CURRENT (its last known figures dimmed and labelled so).

/** How often the wall asks the hub for the status, ms. */
export const STATUS_POLL_MS = 3_000;
/** How long an answer counts as current, ms (five polls: one slow answer does not flicker the wall). */
export const STATUS_CURRENT_FOR_MS = 15_000;

/** `waiting`: nothing received yet and nothing failed; `current`; `not-current`: old, or the latest request failed. */
export type StatusCurrency = 'waiting' | 'current' | 'not-current';

/**
 * The currency of the status received at `receivedAtMs` (browser clock; null: never) at `nowMs`,
 * when the latest request `failed` or not. `nowMs` 0 (the shared clock before it first ticks) waits.
 */
export function statusCurrency(receivedAtMs: number | null, failed: boolean, nowMs: number): StatusCurrency {
  if (failed) return 'not-current';
  if (receivedAtMs === null || nowMs === 0) return receivedAtMs === null ? 'waiting' : 'current';
  return nowMs - receivedAtMs > STATUS_CURRENT_FOR_MS ? 'not-current' : 'current';
}
