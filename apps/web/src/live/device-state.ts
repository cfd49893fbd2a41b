import { CLOCK_SKEW_ALLOWANCE_MS, lastHeardMs as lastHeardAtMs } from '@safetwin/protocol';
import type { LatestSample } from './merge-batch.ts';

/** A device is stale once it has been silent for this many of its reporting intervals. */
export const STALE_AFTER_INTERVALS = 3;

/**
 * What a row shows: `live` (reporting on time), `stale` (silent ≥ 3× its interval), `offline`
 * (recent, but the hub link is down so it is not live), `no-data` (the hub has nothing from it),
 * `waiting` (we have not heard from the hub yet).
 */
export type DeviceState = 'live' | 'stale' | 'offline' | 'no-data' | 'waiting';

/** The hub link as rows need it: never subscribed yet, subscribed and flowing, or down. */
export type LinkState = 'waiting' | 'up' | 'down';

/** How far sensor and browser clocks may disagree before a fresh reading starts to look old, ms (the hub's status uses the same). */
export { CLOCK_SKEW_ALLOWANCE_MS };

/**
 * When the device was last heard from, epoch ms on this browser's clock: when its reading arrived
 * here, but never later than its sensor time plus the skew allowance, so an old value (the hub's
 * latest on subscribe, a gateway's buffer flushed late) is not mistaken for a fresh one.
 */
export function lastHeardMs(sample: LatestSample): number {
  return lastHeardAtMs(sample.reading.ts, sample.receivedAtMs);
}

/** How long ago the device was last heard from, ms (never negative). */
export function sampleAgeMs(sample: LatestSample, nowMs: number): number {
  return Math.max(0, nowMs - lastHeardMs(sample));
}

/** The staleness rule: silent for at least 3× `intervalMs`. */
export function isStale(ageMs: number, intervalMs: number): boolean {
  return ageMs >= STALE_AFTER_INTERVALS * intervalMs;
}

/** A device's state at `nowMs`: a recent value is only `live` while the hub link is up. */
export function deviceState(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState): DeviceState {
  if (!sample) return link === 'waiting' ? 'waiting' : 'no-data';
  if (isStale(sampleAgeMs(sample, nowMs), intervalMs)) return 'stale';
  return link === 'down' ? 'offline' : 'live';
}

/** The text every state is shown with (states are never told by colour alone). */
export const STATE_LABELS: Record<DeviceState, string> = {
  live: 'LIVE',
  stale: 'STALE',
  offline: 'NO LINK',
  'no-data': 'NO DATA',
  waiting: 'WAITING',
};

/** The link as rows need it, from the socket's status and whether the hub's first answer has been merged. */
export function linkStateOf(status: 'connecting' | 'live' | 'lost' | 'refused', primed: boolean): LinkState {
  if (status === 'live') return 'up';
  return primed ? 'down' : 'waiting';
}

/** Shortest silence that counts as a "quiet hub": 3× the fastest device's interval (capped at a minute), at least 5 s. */
export function quietAfterMs(devices: ReadonlyArray<{ intervalMs: number }>): number {
  return Math.max(5_000, STALE_AFTER_INTERVALS * Math.min(...devices.map((d) => d.intervalMs), 60_000));
}
