// The static layers of the site plan (fence, plots, roads or roadways, buildings, dikes,
// equipment, gates, assembly points, shafts, refuge chambers) and their labels. Built once per
// site and language; nothing here changes with live data.
import type { Layer } from '@deck.gl/core';
import { PathLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { RoadwayKind } from '@safetwin/twin-models';
import type { Locale } from '../../i18n/locale.ts';
import { nameIn } from '../../i18n/hub-text.ts';
import type { LabelPlacing } from './label-boxes.ts';
import { labelGroup, placeLabelGroups, type LabelGroup, type PlacedLabelLayers } from './label-groups.ts';
import { nearDistanceM, siteSpanM } from './plan-distance.ts';
import type { LonLat } from './site-projector.ts';
import type { MapArea, MapPath, MapPoi, SiteMapData } from './site-map-data.ts';
import {
  AREA_STYLE, ASSEMBLY_AREA_RGBA, BOUNDARY_RGBA, GLYPH_FONT_FAMILY, MAP_FONT_FAMILY, MAP_FONT_WEIGHT, POI_STYLE, ROAD_RGBA, ROADWAY_RGBA, ROADWAY_WIDTH_PX, type Rgba,
} from './map-style.ts';

/** What the plan's labels need. */
export interface PlanLayerOptions {
  locale: Locale;
  /** Label font size, px (scaled with the page's root font so labels grow on a 4K wall). */
  labelPx: number;
}

/** The plan's layers: `base` under everything live, `labels` over it; `labelTexts` for loading their glyphs first. */
export interface PlanLayers {
  base: Layer[];
  /**
   * The labels' layers, new instances on each call. The map leaves them out while their glyphs
   * load, and deck.gl finalizes a layer that leaves its list: the same instance passed back fails
   * deck.gl's check that a finalized layer is never initialized again (Layer._initialize), reported
   * as "initialization of MultiIconLayer(…-characters): assertion failed", and the plan stops drawing.
   * With `metresPerPx` (the view's scale) only the labels whose boxes do not overlap there, most important first, each
   * placed as `placing` says: measured in the map's font, clear of the marks other features draw, inside the panel's
   * view (label-boxes.ts) — together with `others`, the live names other features draw, placed in the same pass
   * (label-groups.ts), whose layers come back too: under the live markers, or over them for a group drawn on top.
   */
  labels: (metresPerPx?: number, placing?: LabelPlacing, others?: readonly LabelGroup[]) => PlacedLabelLayers;
  /** The place names and their text layer, for placing with other features' labels. */
  labelGroup: LabelGroup;
  labelTexts: string[];
}

/** Legal-form suffixes and trailing parentheticals that a map label can do without. */
const LABEL_TRIMS: readonly RegExp[] = [
  /\s*[(（][^()（）]*[)）]\s*$/u,
  /,?\s*(Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|LLC)$/iu,
  /(股份)?有限(责任)?公司$/u,
];

/** A name short enough for the plan: "Binjiang Ammonia Co., Ltd." → "Binjiang Ammonia", "2号紧急集合点（北）" → "2号紧急集合点"; the full name is in the tooltip. */
export function mapLabel(text: string): string {
  let out = text.trim();
  for (const trim of LABEL_TRIMS) out = out.replace(trim, '').trim();
  return out || text.trim();
}

/** Mine roadways that get a label on the plan (working places; the rest are named in tooltips). */
const LABELLED_ROADWAYS: ReadonlySet<RoadwayKind> = new Set<RoadwayKind>(['longwall-face', 'heading']);

interface Label {
  id: string;
  text: string;
  position: LonLat;
  /** Pixel offset of the text from its anchor point. */
  offsetPx: [number, number];
  /** Background names (enterprise plots) are smaller and dimmer than places people go to. */
  muted: boolean;
  /** Font size, px. */
  sizePx: number;
  /** A place name stays clear of its glyph (radius, px) when it has to move (label-boxes.ts). */
  clearRadiusPx?: number;
}

const LABEL_RGBA: Rgba = [232, 238, 244, 255];
const MUTED_LABEL_RGBA: Rgba = [157, 176, 195, 255];

/** Builds the plan's layers for a site. */
export function planLayers(data: SiteMapData, { locale, labelPx }: PlanLayerOptions): PlanLayers {
  const base: Layer[] = [
    new PathLayer<LonLat[]>({
      id: 'plan-boundary',
      data: [[...data.boundary, data.boundary[0]!]],
      getPath: (p) => p,
      getColor: BOUNDARY_RGBA,
      getWidth: 2,
      widthUnits: 'pixels',
    }),
  ];
  if (data.areas.length > 0) {
    base.push(
      new PolygonLayer<MapArea>({
        id: 'plan-areas',
        data: data.areas,
        getPolygon: (a) => a.polygon,
        getFillColor: (a) => AREA_STYLE[a.kind].fill,
        getLineColor: (a) => AREA_STYLE[a.kind].line,
        getLineWidth: (a) => AREA_STYLE[a.kind].lineWidthPx,
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: true,
      }),
    );
  }
  const roads = data.paths.filter((p) => p.kind === 'road');
  const roadways = data.paths.filter((p) => p.kind !== 'road');
  if (roads.length > 0) {
    base.push(
      new PathLayer<MapPath>({
        id: 'plan-roads',
        data: roads,
        getPath: (p) => p.path,
        getColor: ROAD_RGBA,
        getWidth: (p) => p.widthM,
        widthUnits: 'meters',
        widthMinPixels: 2,
        capRounded: true,
        pickable: true,
      }),
    );
  }
  if (roadways.length > 0) {
    base.push(
      new PathLayer<MapPath>({
        id: 'plan-roadways',
        data: roadways,
        getPath: (p) => p.path,
        getColor: (p) => ROADWAY_RGBA[p.kind as Exclude<RoadwayKind, 'shaft'>],
        getWidth: (p) => ROADWAY_WIDTH_PX[p.kind as Exclude<RoadwayKind, 'shaft'>],
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        pickable: true,
      }),
    );
  }
  const assembly = data.pois.filter((p) => p.kind === 'assembly-point');
  if (assembly.length > 0) {
    base.push(
      new ScatterplotLayer<MapPoi>({
        id: 'plan-assembly-areas',
        data: assembly,
        getPosition: (p) => p.position,
        getRadius: (p) => p.radiusM,
        radiusUnits: 'meters',
        radiusMinPixels: 9,
        getFillColor: ASSEMBLY_AREA_RGBA,
        getLineColor: [...POI_STYLE['assembly-point'].rgb, 255],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        stroked: true,
      }),
    );
  }
  base.push(
    new TextLayer<MapPoi>({
      id: 'plan-poi-glyphs',
      data: data.pois,
      getPosition: (p) => p.position,
      getText: (p) => POI_STYLE[p.kind].glyph,
      getColor: (p) => [...POI_STYLE[p.kind].rgb, 255],
      getSize: labelPx * POI_GLYPH_EM,
      sizeUnits: 'pixels',
      fontFamily: GLYPH_FONT_FAMILY,
      characterSet: Object.values(POI_STYLE).map((s) => s.glyph),
      fontSettings: { sdf: true },
      outlineWidth: 3,
      outlineColor: [8, 13, 19, 255],
      pickable: true,
    }),
  );

  // Most important first: where people go in an emergency, then working places, then the rest.
  const poiRank: Readonly<Record<MapPoi['kind'], number>> = { 'refuge-chamber': 0, 'assembly-point': 1, gate: 2, shaft: 4 };
  const ranked: Array<Omit<Label, 'sizePx'> & { rank: number }> = [
    ...data.pois.map((p) => ({
      id: p.id, text: mapLabel(nameIn(p.name, locale)), position: p.position, offsetPx: [0, Math.round(labelPx * 1.3)] as [number, number], muted: false, rank: poiRank[p.kind],
      clearRadiusPx: labelPx * POI_GLYPH_RADIUS_EM,
    })),
    ...onePerKind(roadways.filter((p) => LABELLED_ROADWAYS.has(p.kind as RoadwayKind))).map((p) => ({
      id: p.id, text: mapLabel(nameIn(p.name, locale)), position: centroid(p.path), offsetPx: [0, -Math.round(labelPx * 1.2)] as [number, number], muted: false, rank: 3,
    })),
    ...data.areas.filter((a) => a.kind === 'enterprise' && a.name).map((a) => ({ id: a.id, text: mapLabel(nameIn(a.name!, locale)), position: centroid(a.polygon), offsetPx: [0, 0] as [number, number], muted: true, rank: 5 })),
  ];
  ranked.sort((a, b) => a.rank - b.rank);
  const labels = labelsApart(ranked, siteSpanM(data.viewBounds) / LABEL_SPACING_DIVISOR).map((l) => ({ ...l, sizePx: l.muted ? Math.round(labelPx * 0.85) : labelPx }));
  const group = labelGroup(labels, (kept) => [
    new TextLayer<Label>({
      id: `plan-labels-${locale}`,
      data: kept,
      getPosition: (l) => l.position,
      getText: (l) => l.text,
      getPixelOffset: (l) => l.offsetPx,
      getColor: (l) => (l.muted ? MUTED_LABEL_RGBA : LABEL_RGBA),
      getSize: (l) => l.sizePx,
      sizeUnits: 'pixels',
      fontFamily: MAP_FONT_FAMILY,
      fontWeight: MAP_FONT_WEIGHT,
      characterSet: 'auto',
      fontSettings: { sdf: true },
      outlineWidth: 4,
      outlineColor: [8, 13, 19, 255],
      maxWidth: LABEL_MAX_WIDTH_EM,
      wordBreak: 'break-word',
    }),
  ]);
  return {
    base,
    labelTexts: labels.map((l) => l.text),
    labelGroup: group,
    labels: (metresPerPx, placing, others = []) => placeLabelGroups(group, others, LABEL_MAX_WIDTH_EM, metresPerPx, placing),
  };
}

/** A point of interest's glyph is this many label ems tall; a name that moves keeps clear of half of it. */
const POI_GLYPH_EM = 1.5;
const POI_GLYPH_RADIUS_EM = POI_GLYPH_EM / 2;

/** A label wraps at this many ems (its font size). */
const LABEL_MAX_WIDTH_EM = 8;

/** Labels sit at least the site's span / this apart, so they do not pile up at the fitted view. */
const LABEL_SPACING_DIVISOR = 14;

/** The longest roadway of each kind (one label per kind of working place). */
function onePerKind(paths: readonly MapPath[]): MapPath[] {
  const best = new Map<string, MapPath>();
  for (const p of paths) {
    const known = best.get(p.kind);
    if (!known || pathLengthDeg(p.path) > pathLengthDeg(known.path)) best.set(p.kind, p);
  }
  return [...best.values()];
}

function pathLengthDeg(path: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 1; i < path.length; i++) sum += Math.hypot(path[i]![0] - path[i - 1]![0], path[i]![1] - path[i - 1]![1]);
  return sum;
}

/** Keeps labels in the order given, dropping any closer than `minSeparationM` to one already kept (the tooltip still names it). */
export function labelsApart<T extends { position: LonLat }>(labels: readonly T[], minSeparationM: number): T[] {
  const kept: T[] = [];
  for (const label of labels) {
    if (kept.every((k) => nearDistanceM(k.position, label.position) >= minSeparationM)) kept.push(label);
  }
  return kept;
}

/** Mean of a polygon's or path's vertices (enough to place a label inside a convex plot). */
function centroid(points: readonly LonLat[]): LonLat {
  let lon = 0, lat = 0;
  for (const [x, y] of points) {
    lon += x;
    lat += y;
  }
  return [lon / points.length, lat / points.length];
}
