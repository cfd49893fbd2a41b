// Colours and sizes of the site plan, shared by the layers and the legend so they always agree.
// Dark wall theme: the plan is drawn in muted blue-greys so live markers stand out.
import type { RoadwayKind } from '@safetwin/twin-models';
import type { Rgb } from '../../wall/palette.ts';
import type { MapAreaKind, MapPoiKind } from './site-map-data.ts';

/** An RGBA colour, 0–255. */
export type Rgba = readonly [number, number, number, number];

/** Site fence line. */
export const BOUNDARY_RGBA: Rgba = [127, 220, 236, 200];

/** Fill and outline of each kind of area. */
export const AREA_STYLE: Readonly<Record<MapAreaKind, { fill: Rgba; line: Rgba; lineWidthPx: number }>> = {
  enterprise: { fill: [40, 60, 84, 110], line: [83, 120, 156, 220], lineWidthPx: 1.5 },
  dike: { fill: [0, 0, 0, 0], line: [214, 170, 92, 230], lineWidthPx: 2 },
  building: { fill: [96, 122, 150, 230], line: [170, 196, 220, 255], lineWidthPx: 1 },
  equipment: { fill: [142, 162, 182, 235], line: [214, 226, 238, 255], lineWidthPx: 1 },
};

/** Park road colour. */
export const ROAD_RGBA: Rgba = [74, 92, 112, 255];

/**
 * Mine roadway colours by kind, after the usual ventilation-plan convention (intake air blue,
 * return air red) with working places bright; always named in the legend.
 */
export const ROADWAY_RGBA: Readonly<Record<Exclude<RoadwayKind, 'shaft'>, Rgba>> = {
  'intake-airway': [77, 171, 247, 255],
  'return-airway': [214, 96, 88, 255],
  haulage: [186, 150, 98, 255],
  'longwall-face': [250, 240, 200, 255],
  heading: [190, 140, 250, 255],
  'vent-duct': [120, 200, 190, 200],
};

/** Screen width of a mine roadway line, px (roadways are 4–5 m wide: far too thin to see at site scale). */
export const ROADWAY_WIDTH_PX: Readonly<Record<Exclude<RoadwayKind, 'shaft'>, number>> = {
  'intake-airway': 5,
  'return-airway': 5,
  haulage: 5,
  'longwall-face': 8,
  heading: 6,
  'vent-duct': 2,
};

/** Glyph and colour of each kind of point of interest (shapes distinct from the sensor states' ◆▲■●○✕). */
export const POI_STYLE: Readonly<Record<MapPoiKind, { glyph: string; rgb: Rgb }>> = {
  gate: { glyph: '⊓', rgb: [127, 220, 236] },
  'assembly-point': { glyph: '⚑', rgb: [61, 220, 132] },
  shaft: { glyph: '◎', rgb: [232, 238, 244] },
  'refuge-chamber': { glyph: '⌂', rgb: [61, 220, 132] },
};

/** Fill of an assembly point's ground (its area at 0.5 m² a person). */
export const ASSEMBLY_AREA_RGBA: Rgba = [61, 220, 132, 60];

/** Miners' markers by state (see marker-buffers MINER_STATES): white people, red SOS, grey silent. */
export const MINER_RGBA = {
  live: [245, 248, 250, 255],
  sos: [255, 77, 79, 255],
  silent: [142, 153, 164, 255],
  'no-data': [0, 0, 0, 0],
} as const satisfies Record<string, Rgba>;

/** Marker radii, px. */
export const SENSOR_RADIUS_PX = 5;
/** Alarm glyph size, px (◆▲■ drawn instead of the dot). */
export const ALARM_GLYPH_PX = 30;
/** Miner marker radius, px. */
export const MINER_RADIUS_PX = 5;

/** Label font: a generic family so the canvas uses local system fonts (nothing is fetched). */
export const MAP_FONT_FAMILY = '"Noto Sans SC Variable", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';
/** Weight of the plan's labels. */
export const MAP_FONT_WEIGHT = 600;
/** Glyph font: symbols come from the system's symbol fonts (DejaVu, Segoe UI Symbol, Apple Symbols). */
export const GLYPH_FONT_FAMILY = '"DejaVu Sans", "Segoe UI Symbol", "Apple Symbols", "Noto Sans Symbols 2", sans-serif';

/** The CSS colour of an RGBA for the legend. */
export function rgbaCss([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}
