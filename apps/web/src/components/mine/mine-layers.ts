// The mine on the site plan (deck.gl): roadways banded by their gas state, the roof sensors'
// stretches in the roof's state, escape routes with chevrons pointing the way out, a played-back
// trajectory, and the people's names with their state. Pure builders; the overlay component
// decides when to rebuild them.
import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Enu } from '@safetwin/twin-models';
import type { GasState, RoadwayGas } from '../../live/mine-gas.ts';
import { GAS_LOOK, PERSON_LOOK, ROUTE_RGB } from '../../live/mine-format.ts';
import type { RoadwayLine, RoofSegment } from '../../live/mine-roof.ts';
import type { PersonState } from '../../live/mine-types.ts';
import type { Rgb } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { routeChevrons } from '../map/incident-layers.ts';
import { GLYPH_FONT_FAMILY, MAP_FONT_FAMILY, MAP_FONT_WEIGHT } from '../map/map-style.ts';
import type { LonLat, SiteProjector } from '../map/site-projector.ts';

/** Band width and opacity per gas state at an 18 px root font: the worse, the wider and the more opaque. */
const GAS_BAND: Readonly<Record<GasState, { px: number; alpha: number }>> = {
  'power-cut': { px: 16, alpha: 235 },
  alarm: { px: 13, alpha: 220 },
  'no-data': { px: 9, alpha: 150 },
  normal: { px: 9, alpha: 90 },
};
/** Width of a roof stretch, px at an 18 px root font, drawn over the gas band. */
const ROOF_PX = 5;
/** Escape route width, px. */
const ROUTE_PX = 6;
/** Trajectory colour (magenta: nothing else on the plan uses it). */
export const TRAJECTORY_RGB: Rgb = [236, 92, 230];

const rgba = (rgb: Rgb, a = 255): [number, number, number, number] => [rgb[0], rgb[1], rgb[2], a];
/** What every label shares: SDF glyphs with a dark outline, readable over the bands. */
const TEXT = { sizeUnits: 'pixels', fontSettings: { sdf: true }, outlineWidth: 4, outlineColor: [8, 13, 19, 255] } as const;

/** A roadway's gas band to draw. */
export interface GasBand {
  roadwayId: string;
  gas: RoadwayGas;
  path: LonLat[];
}

/** A roof stretch and its sensor's visual state. */
export interface RoofDraw {
  segment: RoofSegment;
  state: SensorVisualState;
  path: LonLat[];
}

/** An escape route (one per distinct route) and who walks it. */
export interface RouteDraw {
  key: string;
  names: string[];
  to: string;
  etaS: number | null;
  polyline: readonly Enu[];
}

/** A label at a place (gas readings, people). */
export interface PlaceLabel {
  id: string;
  text: string;
  position: LonLat;
  rgb: Rgb;
  /** Higher wins a place when labels collide. */
  priority: number;
}

/** What the plan's mine layers are built from. */
export interface MineLayerInput {
  projector: SiteProjector;
  /** 1 at an 18 px root font. */
  scale: number;
  lines: ReadonlyMap<string, RoadwayLine>;
  /** Roadways drawn as points on the plan (shafts): no band. */
  pointRoadways: ReadonlySet<string>;
  gas: ReadonlyMap<string, RoadwayGas>;
  /** Where each CH4 sensor hangs. */
  sensorAt: ReadonlyMap<string, Enu>;
  gasLabel: (g: RoadwayGas) => string;
  roof: ReadonlyArray<{ segment: RoofSegment; state: SensorVisualState }>;
  routes: readonly RouteDraw[];
  trajectory: { points: readonly Enu[]; at: Enu | null; label: string } | null;
  labelPx: number;
}

/** The gas, roof, route and trajectory layers (under the live markers). */
export function mineLayers(input: MineLayerInput): Layer[] {
  const { projector, scale, labelPx } = input;
  const at = (p: Enu): LonLat => projector.lonLat(p.eastM, p.northM);
  const bands: GasBand[] = [];
  for (const [roadwayId, gas] of input.gas) {
    const line = input.lines.get(roadwayId);
    if (!line || input.pointRoadways.has(roadwayId)) continue;
    bands.push({ roadwayId, gas, path: [at(line.a), at(line.b)] });
  }
  // Worst drawn last, on top.
  const order: Readonly<Record<GasState, number>> = { normal: 0, 'no-data': 1, alarm: 2, 'power-cut': 3 };
  bands.sort((a, b) => order[a.gas.state] - order[b.gas.state]);
  const roofs: RoofDraw[] = input.roof.map((r) => ({ ...r, path: r.segment.path.map(at) }));
  const gasLabels: PlaceLabel[] = bands
    .filter((b) => b.gas.state === 'alarm' || b.gas.state === 'power-cut')
    .map((b) => ({ id: b.roadwayId, text: input.gasLabel(b.gas), position: at(input.sensorAt.get(b.gas.worst.sensorId) ?? input.lines.get(b.roadwayId)!.a), rgb: GAS_LOOK[b.gas.state].rgb, priority: order[b.gas.state] }));
  const routes = input.routes.filter((r) => r.polyline.length > 1);
  const chevrons = routes.flatMap((r) => routeChevrons(r.polyline.map((p) => [p.eastM, p.northM] as [number, number]), 80, 10)).map((c) => c.map(([e, n]) => projector.lonLat(e, n)));

  const layers: Layer[] = [
    new PathLayer<GasBand>({
      id: 'mine-gas',
      data: bands,
      getPath: (b) => b.path,
      getColor: (b) => rgba(GAS_LOOK[b.gas.state].rgb, GAS_BAND[b.gas.state].alpha),
      getWidth: (b) => GAS_BAND[b.gas.state].px * scale,
      widthUnits: 'pixels',
      capRounded: true,
      pickable: true,
    }),
    new PathLayer<RoofDraw>({
      id: 'mine-roof',
      data: roofs,
      getPath: (r) => r.path,
      getColor: (r) => rgba(SENSOR_VISUAL_STYLES[r.state].rgb),
      getWidth: (r) => (r.state === 'normal' ? ROOF_PX : ROOF_PX * 1.6) * scale,
      widthUnits: 'pixels',
      pickable: true,
    }),
    new PathLayer<RouteDraw>({
      id: 'mine-routes',
      data: routes,
      getPath: (r) => r.polyline.map(at),
      getColor: rgba(ROUTE_RGB),
      getWidth: ROUTE_PX * scale,
      widthUnits: 'pixels',
      jointRounded: true,
      capRounded: true,
      pickable: true,
    }),
    new PathLayer<LonLat[]>({ id: 'mine-route-chevrons', data: chevrons, getPath: (c) => c, getColor: [255, 255, 255, 255], getWidth: 2.5 * scale, widthUnits: 'pixels', jointRounded: true, capRounded: true }),
    new TextLayer<PlaceLabel>({
      id: 'mine-gas-labels',
      data: gasLabels,
      getPosition: (l) => l.position,
      getText: (l) => l.text,
      getColor: (l) => rgba(l.rgb),
      getSize: Math.round(labelPx * 1.15),
      getPixelOffset: [0, -Math.round(labelPx * 1.4)],
      fontFamily: MAP_FONT_FAMILY,
      fontWeight: 800,
      characterSet: 'auto',
      ...TEXT,
    }),
  ];
  if (input.trajectory && input.trajectory.points.length > 0) {
    const t = input.trajectory;
    layers.push(
      new PathLayer<readonly Enu[]>({ id: 'mine-trajectory', data: [t.points], getPath: (p) => p.map(at), getColor: rgba(TRAJECTORY_RGB, 230), getWidth: 4 * scale, widthUnits: 'pixels', jointRounded: true, capRounded: true }),
    );
    if (t.at) {
      layers.push(
        new ScatterplotLayer<Enu>({ id: 'mine-trajectory-at', data: [t.at], getPosition: at, getRadius: 9 * scale, radiusUnits: 'pixels', getFillColor: rgba(TRAJECTORY_RGB), getLineColor: [255, 255, 255, 255], getLineWidth: 2 * scale, lineWidthUnits: 'pixels', stroked: true }),
        new TextLayer<Enu>({ id: 'mine-trajectory-label', data: [t.at], getPosition: at, getText: () => t.label, getColor: rgba(TRAJECTORY_RGB), getSize: labelPx, getPixelOffset: [0, Math.round(labelPx * 1.5)], fontFamily: MAP_FONT_FAMILY, fontWeight: MAP_FONT_WEIGHT, characterSet: 'auto', ...TEXT }),
      );
    }
  }
  return layers;
}

/** A person to name on the plan. */
export interface PersonLabel {
  id: string;
  name: string;
  state: PersonState;
  position: LonLat;
}

/**
 * The people's names on the plan, each with its state's glyph and colour; a ring round those
 * under an order. `people` come in priority order and already spaced apart (the hover names the rest).
 */
export function minePeopleLayers(people: readonly PersonLabel[], named: readonly PersonLabel[], scale: number, labelPx: number, stateWord: (s: PersonState) => string): Layer[] {
  const ordered = people.filter((p) => p.state !== 'working');
  return [
    new ScatterplotLayer<PersonLabel>({
      id: 'mine-people-rings',
      data: ordered,
      getPosition: (p) => p.position,
      getRadius: 9 * scale,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: (p) => rgba(PERSON_LOOK[p.state].rgb),
      getLineWidth: 3 * scale,
      lineWidthUnits: 'pixels',
      pickable: true,
    }),
    new TextLayer<PersonLabel>({
      id: 'mine-people-names',
      data: named,
      getPosition: (p) => p.position,
      getText: (p) => (p.state === 'working' ? p.name : `${PERSON_LOOK[p.state].glyph} ${p.name} · ${stateWord(p.state)}`),
      getColor: (p) => rgba(PERSON_LOOK[p.state].rgb),
      getSize: labelPx,
      getPixelOffset: [Math.round(labelPx * 0.8), 0],
      getTextAnchor: 'start',
      getAlignmentBaseline: 'center',
      fontFamily: `${MAP_FONT_FAMILY}, ${GLYPH_FONT_FAMILY}`,
      fontWeight: MAP_FONT_WEIGHT,
      characterSet: 'auto',
      ...TEXT,
      pickable: true,
    }),
  ];
}
