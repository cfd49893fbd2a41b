// Per-marker state for the map, in typed arrays the deck.gl accessors read: one byte of visual
// state per sensor, and position + state per miner. Refreshed a few times a second from the
// live stores; the refresh reports whether anything changed, so layers update only then.
import { deviceState, type LinkState } from '../../live/device-state.ts';
import type { LatestSample } from '../../live/merge-batch.ts';
import { SENSOR_VISUAL_STATES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import type { SiteProjector } from './site-projector.ts';

/** Index of each visual state in {@link SENSOR_VISUAL_STATES}, the byte stored per sensor. */
export const VISUAL_STATE_INDEX: Readonly<Record<SensorVisualState, number>> = Object.fromEntries(
  SENSOR_VISUAL_STATES.map((s, i) => [s, i]),
) as Record<SensorVisualState, number>;

/** Writes each sensor's visual state index into `out`; returns how many changed. */
export function refreshSensorStates(
  out: Uint8Array,
  sensors: ReadonlyArray<{ deviceId: string }>,
  stateOf: (deviceId: string) => SensorVisualState,
): number {
  let changed = 0;
  for (let i = 0; i < sensors.length; i++) {
    const next = VISUAL_STATE_INDEX[stateOf(sensors[i]!.deviceId)];
    if (out[i] !== next) {
      out[i] = next;
      changed++;
    }
  }
  return changed;
}

/** How a miner's marker is drawn: tag reporting, tag reporting an SOS, tag silent (last place, grey), never heard. */
export const MINER_STATES = ['live', 'sos', 'silent', 'no-data'] as const;
/** One of {@link MINER_STATES}. */
export type MinerState = (typeof MINER_STATES)[number];

/** A miner's tag as the map needs it. */
export interface MinerTag {
  tagDeviceId: string;
  tagIntervalMs: number;
}

/**
 * Positions (lon, lat pairs) and states of the miners' tags. A silent tag keeps its last place but
 * is drawn grey; a tag never heard has no place (NaN) and is not drawn.
 */
export class MinerBuffers {
  /** lon, lat per miner, degrees; NaN when the tag has never reported a position. */
  readonly positions: Float64Array;
  /** Index into {@link MINER_STATES} per miner. */
  readonly states: Uint8Array;
  private readonly seen: (LatestSample | undefined)[];

  constructor(
    private readonly tags: readonly MinerTag[],
    private readonly projector: SiteProjector,
  ) {
    this.positions = new Float64Array(tags.length * 2).fill(Number.NaN);
    this.states = new Uint8Array(tags.length).fill(MINER_STATES.indexOf('no-data'));
    this.seen = new Array(tags.length).fill(undefined);
  }

  /** Reads the tags' latest samples; returns true when a position or a state changed. */
  refresh(get: (deviceId: string) => LatestSample | undefined, nowMs: number, link: LinkState): boolean {
    let changed = false;
    for (let i = 0; i < this.tags.length; i++) {
      const tag = this.tags[i]!;
      const sample = get(tag.tagDeviceId);
      if (sample !== this.seen[i]) {
        this.seen[i] = sample;
        const v = sample?.reading.values;
        if (v && Number.isFinite(v.east_m) && Number.isFinite(v.north_m)) {
          this.projector.writeLonLat(this.positions, i * 2, v.east_m!, v.north_m!);
          changed = true;
        }
      }
      const next = MINER_STATES.indexOf(minerState(sample, tag.tagIntervalMs, nowMs, link));
      if (this.states[i] !== next) {
        this.states[i] = next;
        changed = true;
      }
    }
    return changed;
  }
}

/** A miner's marker state: SOS only while the tag is live; a silent or unlinked tag is never drawn as live. */
export function minerState(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState): MinerState {
  const quality = deviceState(sample, intervalMs, nowMs, link);
  if (quality === 'no-data' || quality === 'waiting') return 'no-data';
  if (quality !== 'live') return 'silent';
  return sample?.reading.values.sos === 1 ? 'sos' : 'live';
}
