// When a device was last heard from, the one rule the hub's status and the walls share.

/** How far a gateway's clock may run ahead of the receiver's before a reading looks fresher than it is, ms. */
export const CLOCK_SKEW_ALLOWANCE_MS = 2_000;

/**
 * When a device was last heard from: when its newest reading arrived, but never later than its
 * sensor time plus the skew allowance, so an old value (a gateway flushing its buffer late, the
 * latest value handed out on subscribe) is not mistaken for a fresh one.
 */
export function lastHeardMs(sensorTsMs: number, receivedAtMs: number): number {
  return Math.min(receivedAtMs, sensorTsMs + CLOCK_SKEW_ALLOWANCE_MS);
}
