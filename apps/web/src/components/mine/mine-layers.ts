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
import type { LabelObstacle, ScreenLabel } from '../map/label-boxes.ts';
import { labelGroup, type LabelGroup } from '../map/label-groups.ts';
import { ALARM_GLYPH_PX, GLYPH_FONT_FAMILY, MAP_FONT_FAMILY, MAP_FONT_WEIGHT } from '../map/map-style.ts';
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

/** A gas reading's label above its sensor, placed on the screen with the plan's names (label-groups.ts). */
export interface GasLabel extends ScreenLabel {
  id: string;
  rgb: Rgb;
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

/** The gas, roof, route and trajectory layers (under the live markers), and the alarming roadways' readings, worst first. */
export function mineLayers(input: MineLayerInput): { layers: Layer[]; gasLabels: LabelGroup } {
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
  const gasLabels: GasLabel[] = bands
    .filter((b) => b.gas.state === 'alarm' || b.gas.state === 'power-cut')
    .reverse()
    .map((b) => ({
      id: b.roadwayId, text: input.gasLabel(b.gas), position: at(input.sensorAt.get(b.gas.worst.sensorId) ?? input.lines.get(b.roadwayId)!.a), rgb: GAS_LOOK[b.gas.state].rgb,
      offsetPx: [0, -Math.round(labelPx * 1.4)], sizePx: Math.round(labelPx * 1.15), maxWidthEm: Infinity,
      // Above the sensor's alarm glyph; below, or to one side, where that is taken or out of the view; over people's rings if need be.
      clearRadiusPx: (ALARM_GLYPH_PX / 2) * scale, overMarks: true,
    }));
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
  const drawGas = (kept: GasLabel[]) => [
    new TextLayer<GasLabel>({
      id: 'mine-gas-labels',
      data: kept,
      getPosition: (l) => l.position,
      getText: (l) => l.text,
      getColor: (l) => rgba(l.rgb),
      getSize: (l) => l.sizePx,
      getPixelOffset: (l) => [l.offsetPx[0], l.offsetPx[1]],
      fontFamily: MAP_FONT_FAMILY,
      fontWeight: 800,
      characterSet: 'auto',
      ...TEXT,
    }),
  ];
  return { layers, gasLabels: labelGroup(gasLabels, drawGas, 'before-plan', true) };
}

/** A person to name on the plan. */
export interface PersonLabel {
  id: string;
  name: string;
  state: PersonState;
  position: LonLat;
}

/** A person's name and state beside their tag, placed on the screen with the plan's names (label-groups.ts). */
export interface NameLabel extends ScreenLabel {
  person: PersonLabel;
}

/** Whose name comes first when names collide: those waiting for or walking out under an order before the rest. */
const NAME_PRIORITY: Readonly<Record<PersonState, number>> = { 'no-route': 6, paged: 5, acknowledged: 4, withdrawing: 3, safe: 1, working: 0 };

/**
 * The people's rings (round those under an order) and names, each name with its state's glyph and colour: those
 * under an order outrank the plan's place names, the others' names only where the place names leave room (the hover
 * names everyone).
 */
export function minePeopleLayers(
  people: readonly PersonLabel[], scale: number, labelPx: number, stateWord: (s: PersonState) => string,
): { layers: Layer[]; names: LabelGroup[]; rings: LabelObstacle[] } {
  const ordered = people.filter((p) => p.state !== 'working');
  // A ring and its outline: the names keep clear of everyone's (their own included: a name may move round it).
  const ringPx = (RING_PX + RING_LINE_PX / 2) * scale;
  const name = (p: PersonLabel): NameLabel => ({
    person: p, position: p.position, text: p.state === 'working' ? p.name : `${PERSON_LOOK[p.state].glyph} ${p.name} · ${stateWord(p.state)}`,
    offsetPx: [labelPx, 0], align: 'start', sizePx: labelPx, maxWidthEm: Infinity, clearRadiusPx: ringPx,
  });
  const draw = (id: string) => (kept: NameLabel[]) => [
    new TextLayer<NameLabel>({
      id,
      data: kept,
      getPosition: (l) => l.position,
      getText: (l) => l.text,
      getColor: (l) => rgba(PERSON_LOOK[l.person.state].rgb),
      getSize: labelPx,
      getPixelOffset: (l) => [l.offsetPx[0], l.offsetPx[1]],
      getTextAnchor: 'start',
      getAlignmentBaseline: 'center',
      fontFamily: `${MAP_FONT_FAMILY}, ${GLYPH_FONT_FAMILY}`,
      fontWeight: MAP_FONT_WEIGHT,
      characterSet: 'auto',
      ...TEXT,
      pickable: true,
    }),
  ];
  const byPriority = [...ordered].sort((a, b) => NAME_PRIORITY[b.state] - NAME_PRIORITY[a.state]);
  const working = people.filter((p) => p.state === 'working');
  return {
    layers: [
      new ScatterplotLayer<PersonLabel>({
        id: 'mine-people-rings',
        data: ordered,
        getPosition: (p) => p.position,
        getRadius: RING_PX * scale,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: (p) => rgba(PERSON_LOOK[p.state].rgb),
        getLineWidth: RING_LINE_PX * scale,
        lineWidthUnits: 'pixels',
        pickable: true,
      }),
    ],
    names: [labelGroup(byPriority.map(name), draw(PEOPLE_NAMES_LAYER)), labelGroup(working.map(name), draw(`${PEOPLE_NAMES_LAYER}-working`), 'after-plan')],
    rings: ordered.map((p) => ({ position: p.position, radiusPx: ringPx })),
  };
}

/** Radius and line width of the ring round a person under an order, px at an 18 px root font. */
const RING_PX = 9;
const RING_LINE_PX = 3;

/** Id of the people's names layer (and, with `-working`, of those at work). */
export const PEOPLE_NAMES_LAYER = 'mine-people-names';
