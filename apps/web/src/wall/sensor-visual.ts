// One rule for how a sensor looks on every view of the wall (3D twin, map, lists): its data
// quality (live, stale, no link, no data) and its worst standing alarm, folded into one visual
// state with a colour AND a glyph, so the twin, the map and the lists always agree and a stale
// sensor is never drawn as if live.
import type { AlarmView } from '@safetwin/protocol';
import { deviceState, type LinkState } from '../live/device-state.ts';
import type { LatestSample } from '../live/merge-batch.ts';
import { GRADE_RGB, STATE_RGB, type Rgb } from './palette.ts';

/** Visual states, worst data quality or alarm level first in meaning (see `sensorVisualState`). */
export const SENSOR_VISUAL_STATES = ['critical', 'alarm', 'warning', 'advisory', 'normal', 'stale', 'offline', 'no-data'] as const;

/** How a sensor is drawn. */
export type SensorVisualState = (typeof SENSOR_VISUAL_STATES)[number];

/** Colour and glyph of a visual state; the glyph keeps it readable without colour. */
export interface SensorVisualStyle {
  rgb: Rgb;
  /** A text glyph for lists and labels. */
  glyph: string;
  /** A marker shape for 2D/3D views. */
  shape: 'circle' | 'diamond' | 'triangle' | 'square' | 'ring' | 'cross';
}

/** The style of every visual state. Alarm levels use the four-colour grades; data-quality states are greys. */
export const SENSOR_VISUAL_STYLES: Readonly<Record<SensorVisualState, SensorVisualStyle>> = {
  critical: { rgb: GRADE_RGB.red, glyph: '◆', shape: 'diamond' },
  alarm: { rgb: GRADE_RGB.orange, glyph: '▲', shape: 'triangle' },
  warning: { rgb: GRADE_RGB.yellow, glyph: '■', shape: 'square' },
  advisory: { rgb: GRADE_RGB.blue, glyph: '●', shape: 'circle' },
  normal: { rgb: STATE_RGB.normal, glyph: '●', shape: 'circle' },
  stale: { rgb: STATE_RGB.stale, glyph: '○', shape: 'ring' },
  offline: { rgb: STATE_RGB.offline, glyph: '○', shape: 'ring' },
  'no-data': { rgb: STATE_RGB.noData, glyph: '✕', shape: 'cross' },
};

/** Alarm level (1 red … 4 blue) → visual state. */
const LEVEL_STATE: Readonly<Record<AlarmView['level'], SensorVisualState>> = { 1: 'critical', 2: 'alarm', 3: 'warning', 4: 'advisory' };

/**
 * The visual state of one sensor at `nowMs`. Data quality wins over alarms: a stale or unlinked
 * sensor shows grey (its alarm still stands in the alarm stack), because its last value says
 * nothing about now. Otherwise an alarm whose process condition is active colours it by level;
 * an alarm that returned to normal (awaiting acknowledgement, shelved …) does not.
 */
export function sensorVisualState(
  sample: LatestSample | undefined,
  alarm: AlarmView | undefined,
  intervalMs: number,
  nowMs: number,
  link: LinkState,
): SensorVisualState {
  const quality = deviceState(sample, intervalMs, nowMs, link);
  if (quality === 'stale') return 'stale';
  if (quality === 'offline') return 'offline';
  if (quality === 'no-data' || quality === 'waiting') return 'no-data';
  if (alarm && alarm.processActive && alarm.state !== 'out-of-service') return LEVEL_STATE[alarm.level];
  return 'normal';
}

/** True for the states in which a value may be shown as current. */
export function showsLiveValue(state: SensorVisualState): boolean {
  return state !== 'stale' && state !== 'offline' && state !== 'no-data';
}

/** Per-state colours as 0–1 floats, for writing into instanced colour buffers without allocating. */
export const SENSOR_VISUAL_RGB_FLOAT: Readonly<Record<SensorVisualState, Float32Array>> = Object.fromEntries(
  SENSOR_VISUAL_STATES.map((state) => [state, Float32Array.from(SENSOR_VISUAL_STYLES[state].rgb, (v) => v / 255)]),
) as Record<SensorVisualState, Float32Array>;
