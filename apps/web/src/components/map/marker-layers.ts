// The live layers of the map: sensors coloured and shaped by their visual state, miners at their
// tags' positions, and the selection ring. Data arrays are built once per site; live changes reach
// the GPU through `updateTriggers` keyed on a version number, and the accessors read typed
// buffers and pre-built colour tables, so an update allocates nothing per marker.
import type { Layer, PickingInfo } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { SENSOR_VISUAL_STATES, SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { MINER_STATES, type MinerBuffers } from './marker-buffers.ts';
import { ALARM_GLYPH_PX, GLYPH_FONT_FAMILY, MINER_RADIUS_PX, MINER_RGBA, SENSOR_RADIUS_PX, type Rgba } from './map-style.ts';
import type { MapSensor } from './site-map-data.ts';
import type { LonLat } from './site-projector.ts';

/** States drawn as a glyph (◆▲■ for alarm levels 1–3, ✕ for no data) instead of a dot. */
const GLYPH_STATES: ReadonlySet<SensorVisualState> = new Set<SensorVisualState>(['critical', 'alarm', 'warning', 'no-data']);
/** States drawn as a hollow grey ring: the last value says nothing about now. */
const RING_STATES: ReadonlySet<SensorVisualState> = new Set<SensorVisualState>(['stale', 'offline']);

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const MARKER_OUTLINE: Rgba = [8, 13, 19, 255];

/** Dot fill, outline and radius per visual state index (tables, so accessors return shared arrays). */
const DOT_FILL: readonly Rgba[] = SENSOR_VISUAL_STATES.map((s) =>
  GLYPH_STATES.has(s) || RING_STATES.has(s) ? TRANSPARENT : [...SENSOR_VISUAL_STYLES[s].rgb, 255],
);
const DOT_LINE: readonly Rgba[] = SENSOR_VISUAL_STATES.map((s) => (GLYPH_STATES.has(s) ? TRANSPARENT : RING_STATES.has(s) ? [...SENSOR_VISUAL_STYLES[s].rgb, 255] : MARKER_OUTLINE));
const DOT_LINE_PX: readonly number[] = SENSOR_VISUAL_STATES.map((s) => (RING_STATES.has(s) ? 2.5 : 1));
const DOT_RADIUS_PX: readonly number[] = SENSOR_VISUAL_STATES.map((s) => (s === 'advisory' ? SENSOR_RADIUS_PX + 2 : RING_STATES.has(s) ? SENSOR_RADIUS_PX + 1 : SENSOR_RADIUS_PX));
const GLYPH_RGBA: readonly Rgba[] = SENSOR_VISUAL_STATES.map((s) => [...SENSOR_VISUAL_STYLES[s].rgb, 255]);
const GLYPH_PX: readonly number[] = SENSOR_VISUAL_STATES.map((s) => (s === 'no-data' ? 12 : ALARM_GLYPH_PX));
/** Every glyph the sensor layer can draw, for the font atlas. */
const GLYPH_CHARSET = SENSOR_VISUAL_STATES.map((s) => SENSOR_VISUAL_STYLES[s].glyph);

/** The sensors that draw a glyph now; rebuilt only when states change (a short list in normal operation). */
export function glyphSensors(sensors: readonly MapSensor[], states: Uint8Array): MapSensor[] {
  const out: MapSensor[] = [];
  for (let i = 0; i < sensors.length; i++) if (GLYPH_STATES.has(SENSOR_VISUAL_STATES[states[i]!]!)) out.push(sensors[i]!);
  // Worst state on top: SENSOR_VISUAL_STATES lists critical first, so draw in reverse order of it.
  return out.sort((a, b) => states[b.index]! - states[a.index]!);
}

/** What the sensor layers need. */
export interface SensorLayerInput {
  sensors: readonly MapSensor[];
  /** Visual state index per sensor (marker-buffers). */
  states: Uint8Array;
  /** Sensors drawn as glyphs (see {@link glyphSensors}). */
  glyphs: readonly MapSensor[];
  /** Bumped whenever `states` changed. */
  version: number;
  /** Scales marker sizes with the page's root font (1 at 18 px). */
  scale: number;
  onPick: (deviceId: string) => void;
}

const pickSensor = (onPick: (id: string) => void) => (info: PickingInfo<MapSensor>) => {
  if (info.object) onPick(info.object.deviceId);
  return true;
};

/** The sensor dots and glyphs. */
export function sensorLayers({ sensors, states, glyphs, version, scale, onPick }: SensorLayerInput): Layer[] {
  return [
    new ScatterplotLayer<MapSensor>({
      id: 'live-sensors',
      data: sensors,
      getPosition: (s) => s.position,
      getFillColor: (s) => DOT_FILL[states[s.index]!]!,
      getLineColor: (s) => DOT_LINE[states[s.index]!]!,
      getLineWidth: (s) => DOT_LINE_PX[states[s.index]!]!,
      getRadius: (s) => DOT_RADIUS_PX[states[s.index]!]! * scale,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: true,
      onClick: pickSensor(onPick),
      updateTriggers: { getFillColor: version, getLineColor: version, getLineWidth: version, getRadius: [version, scale] },
    }),
    new TextLayer<MapSensor>({
      id: 'live-sensor-glyphs',
      data: glyphs,
      getPosition: (s) => s.position,
      getText: (s) => SENSOR_VISUAL_STYLES[SENSOR_VISUAL_STATES[states[s.index]!]!].glyph,
      getColor: (s) => GLYPH_RGBA[states[s.index]!]!,
      getSize: (s) => GLYPH_PX[states[s.index]!]! * scale,
      sizeUnits: 'pixels',
      fontFamily: GLYPH_FONT_FAMILY,
      characterSet: GLYPH_CHARSET,
      fontSettings: { sdf: true },
      outlineWidth: 3,
      outlineColor: [8, 13, 19, 255],
      pickable: true,
      onClick: pickSensor(onPick),
      updateTriggers: { getText: version, getColor: version, getSize: [version, scale] },
    }),
  ];
}

/** A miner on the map; `index` is its slot in the MinerBuffers. */
export interface MapMiner {
  tagDeviceId: string;
  name: string;
  team: string;
  index: number;
}

const MINER_FILL: readonly Rgba[] = MINER_STATES.map((s) => (s === 'silent' ? TRANSPARENT : MINER_RGBA[s]));
const MINER_LINE: readonly Rgba[] = MINER_STATES.map((s) => (s === 'silent' ? MINER_RGBA.silent : s === 'no-data' ? TRANSPARENT : MARKER_OUTLINE));
const MINER_RADIUS: readonly number[] = MINER_STATES.map((s) => (s === 'no-data' ? 0 : s === 'sos' ? MINER_RADIUS_PX + 3 : MINER_RADIUS_PX));
const SOS_INDEX = MINER_STATES.indexOf('sos');

/** The miners whose tag reports an SOS now (labelled on the map). */
export function sosMiners(miners: readonly MapMiner[], buffers: MinerBuffers): MapMiner[] {
  return miners.filter((m) => buffers.states[m.index] === SOS_INDEX);
}

/** Miners' markers and SOS labels. */
export function minerLayers(miners: readonly MapMiner[], buffers: MinerBuffers, sos: readonly MapMiner[], version: number, scale: number, sosText: string): Layer[] {
  const { positions, states } = buffers;
  return [
    new ScatterplotLayer<MapMiner>({
      id: 'live-miners',
      data: miners,
      getPosition: (m, { target }) => {
        target[0] = positions[m.index * 2]!;
        target[1] = positions[m.index * 2 + 1]!;
        return target as unknown as LonLat;
      },
      getFillColor: (m) => MINER_FILL[states[m.index]!]!,
      getLineColor: (m) => MINER_LINE[states[m.index]!]!,
      getRadius: (m) => MINER_RADIUS[states[m.index]!]! * scale,
      getLineWidth: 1.5,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      stroked: true,
      pickable: true,
      updateTriggers: { getPosition: version, getFillColor: version, getLineColor: version, getRadius: [version, scale] },
    }),
    new TextLayer<MapMiner>({
      id: 'live-miner-sos',
      data: sos,
      getPosition: (m) => [positions[m.index * 2]!, positions[m.index * 2 + 1]!],
      getText: () => sosText,
      getColor: [255, 255, 255, 255],
      getSize: 14 * scale,
      sizeUnits: 'pixels',
      getPixelOffset: [0, -18 * scale],
      background: true,
      getBackgroundColor: MINER_RGBA.sos,
      backgroundPadding: [4, 2],
      fontWeight: 700,
      characterSet: 'auto',
      updateTriggers: { getPosition: version, getText: sosText },
    }),
  ];
}

/** A ring round the selected sensor. */
export function selectionLayer(selected: MapSensor | null, scale: number): Layer {
  return new ScatterplotLayer<MapSensor>({
    id: 'live-selection',
    data: selected ? [selected] : [],
    getPosition: (s) => s.position,
    getRadius: 15 * scale,
    radiusUnits: 'pixels',
    getFillColor: [0, 0, 0, 0],
    getLineColor: [245, 185, 66, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: false,
    updateTriggers: { getRadius: scale },
  });
}
