// How each live thing of the twin looks, as a small integer code per instance: sensors by the
// wall's one sensor rule (sensor-visual.ts), valves by `open_pct`, machines by `powered`, people
// by their tag. Data quality comes first everywhere: a stale or unlinked device is grey and never
// shows its last value as if live.
import { deviceState, type LinkState } from '../../live/device-state.ts';
import type { LatestSample } from '../../live/merge-batch.ts';
import { GRADE_RGB, STATE_RGB, type Rgb } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STATES, SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';

/** How an instance is drawn in one state: colour, and size relative to its built size (0 hides it). */
export interface InstanceStyle {
  rgb: Rgb;
  scale: number;
}

/** Marker size by sensor state: the worse, the larger, so level reads by size as well as colour. */
const SENSOR_SCALE: Readonly<Record<SensorVisualState, number>> = {
  critical: 2.2, alarm: 1.8, warning: 1.5, advisory: 1.2, normal: 1, stale: 0.7, offline: 0.7, 'no-data': 0.55,
};

/** Sensor states in code order (code = index). */
export const SENSOR_CODES: readonly SensorVisualState[] = SENSOR_VISUAL_STATES;
/** Code of each sensor state. */
export const SENSOR_CODE: Readonly<Record<SensorVisualState, number>> = Object.fromEntries(SENSOR_CODES.map((s, i) => [s, i])) as Record<SensorVisualState, number>;
/** Style per sensor code. */
export const SENSOR_STYLES: readonly InstanceStyle[] = SENSOR_CODES.map((s) => ({ rgb: SENSOR_VISUAL_STYLES[s].rgb, scale: SENSOR_SCALE[s] }));

/** Valve states: open (green), closed (red), travelling between (amber), stale or unlinked (grey), no data, manual (no actuator). */
export const VALVE_CODES = ['open', 'closed', 'moving', 'stale', 'no-data', 'manual'] as const;
/** A valve state. */
export type ValveVisual = (typeof VALVE_CODES)[number];

/** Machine power states: powered (green), cut (red), stale or unlinked (grey), no data. */
export const POWER_CODES = ['powered', 'cut', 'stale', 'no-data'] as const;
/** A machine power state. */
export type PowerVisual = (typeof POWER_CODES)[number];

/** Person states: tag live (white), SOS (red, large), tag stale (grey, last known place), never heard (hidden). */
export const TAG_CODES = ['live', 'sos', 'stale', 'hidden'] as const;
/** A person's state. */
export type TagVisual = (typeof TAG_CODES)[number];

/** Green for open / powered and red for closed / cut: what flows and what is isolated, as on a P&ID mimic. */
const FLOW_RGB = { on: STATE_RGB.normal, off: GRADE_RGB.red, moving: [245, 185, 66], manual: [120, 132, 150] } as const satisfies Record<string, Rgb>;

/** Style of each valve state (closed drawn larger: an isolation is what the wall must show). */
export const VALVE_STYLE: Readonly<Record<ValveVisual, InstanceStyle>> = {
  open: { rgb: FLOW_RGB.on, scale: 1 },
  closed: { rgb: FLOW_RGB.off, scale: 1.3 },
  moving: { rgb: FLOW_RGB.moving, scale: 1.15 },
  stale: { rgb: STATE_RGB.stale, scale: 0.8 },
  'no-data': { rgb: STATE_RGB.noData, scale: 0.7 },
  manual: { rgb: FLOW_RGB.manual, scale: 0.6 },
};
/** Style per valve code. */
export const VALVE_STYLES: readonly InstanceStyle[] = VALVE_CODES.map((v) => VALVE_STYLE[v]);

/** Style of each machine power state. */
export const POWER_STYLE: Readonly<Record<PowerVisual, InstanceStyle>> = {
  powered: { rgb: FLOW_RGB.on, scale: 1 },
  cut: { rgb: FLOW_RGB.off, scale: 1.15 },
  stale: { rgb: STATE_RGB.stale, scale: 0.85 },
  'no-data': { rgb: STATE_RGB.noData, scale: 0.8 },
};
/** Style per power code. */
export const POWER_STYLES: readonly InstanceStyle[] = POWER_CODES.map((p) => POWER_STYLE[p]);

/** Style of each person state. */
export const TAG_STYLE: Readonly<Record<TagVisual, InstanceStyle>> = {
  live: { rgb: [240, 246, 252], scale: 1 },
  sos: { rgb: GRADE_RGB.red, scale: 1.8 },
  stale: { rgb: STATE_RGB.stale, scale: 0.8 },
  hidden: { rgb: STATE_RGB.noData, scale: 0 },
};
/** Style per person code. */
export const TAG_STYLES: readonly InstanceStyle[] = TAG_CODES.map((t) => TAG_STYLE[t]);

/** A valve reads open at or above this opening, %. */
export const VALVE_OPEN_AT_PCT = 95;
/** A valve reads closed at or below this opening, %. */
export const VALVE_CLOSED_AT_PCT = 5;

/** Data quality shared by valves, machines and tags: null while the value may be shown as current. */
function quality(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState): 'stale' | 'no-data' | null {
  const state = deviceState(sample, intervalMs, nowMs, link);
  if (state === 'live') return null;
  return state === 'stale' || state === 'offline' ? 'stale' : 'no-data';
}

/** A valve's state from its actuator's latest `open_pct`; `manual` when it has no actuator. */
export function valveVisual(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState, actuated = true): ValveVisual {
  if (!actuated) return 'manual';
  const q = quality(sample, intervalMs, nowMs, link);
  if (q) return q;
  const openPct = sample!.reading.values.open_pct;
  if (openPct === undefined || !Number.isFinite(openPct)) return 'no-data';
  if (openPct >= VALVE_OPEN_AT_PCT) return 'open';
  if (openPct <= VALVE_CLOSED_AT_PCT) return 'closed';
  return 'moving';
}

/** A machine's state from its latest `powered` flag (1 powered, 0 cut). */
export function powerVisual(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState): PowerVisual {
  const q = quality(sample, intervalMs, nowMs, link);
  if (q) return q;
  const powered = sample!.reading.values.powered;
  if (powered === undefined || !Number.isFinite(powered)) return 'no-data';
  return powered >= 0.5 ? 'powered' : 'cut';
}

/**
 * A person's state from their tag: hidden until a position was ever heard; stale (grey, at the
 * last known place) when the tag went quiet or the hub link is down; SOS while the tag raises it.
 */
export function tagVisual(sample: LatestSample | undefined, intervalMs: number, nowMs: number, link: LinkState): TagVisual {
  if (!sample || !hasPosition(sample)) return 'hidden';
  if (quality(sample, intervalMs, nowMs, link)) return 'stale';
  return (sample.reading.values.sos ?? 0) >= 0.5 ? 'sos' : 'live';
}

/** Whether a tag reading carries a full position (east_m, north_m, up_m). */
export function hasPosition(sample: LatestSample): boolean {
  const v = sample.reading.values;
  return Number.isFinite(v.east_m) && Number.isFinite(v.north_m) && Number.isFinite(v.up_m);
}
