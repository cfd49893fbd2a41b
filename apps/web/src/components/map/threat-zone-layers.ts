// A modelled release on the site plan: the threat zones as translucent fills in the ALOHA colours
// (red AEGL-3, orange AEGL-2, yellow AEGL-1; the engine names the colour of each level), the
// wind-direction uncertainty lines dashed, calm circles, the source marker and a wind arrow. The
// zones come from the engine in lon/lat (the hub gives it the source's lon/lat as `origin`);
// local metres from the source are projected here when a run was made without one.
import type { Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { ZoneFeatureView, ZonesView } from '../../live/sim-run.ts';
import type { LonLat, SiteProjector } from './site-projector.ts';
import { boundsOfPoints, type FitRequest } from './zone-fit.ts';

/** An sRGB colour, 0–255 per channel. */
export type Rgb = [number, number, number];

/**
 * The ALOHA zone colours (ALOHA 5.4 Technical Documentation §4.1: red, orange, yellow for the
 * three levels of concern), tuned for a dark plan; extra user levels as the engine names them.
 */
const ZONE_RGB: Readonly<Record<string, Rgb>> = {
  red: [235, 40, 40],
  orange: [255, 140, 0],
  yellow: [255, 230, 0],
  purple: [170, 90, 230],
  blue: [70, 140, 255],
  green: [60, 200, 90],
  gray: [160, 170, 180],
};

/** The RGB of an engine colour name (grey for an unknown one). */
export function zoneRgb(color: string): Rgb {
  return ZONE_RGB[color] ?? ZONE_RGB.gray!;
}

/** Fill opacity of a zone, 0–255: translucent so the plan and the markers stay readable under it. */
export const ZONE_FILL_ALPHA = 92;
/** Outline of a zone, px, and its opacity. */
export const ZONE_LINE_PX = 2;
/** Dash of the uncertainty lines, in line widths: 4 on, 3 off. */
export const UNCERTAINTY_DASH: [number, number] = [4, 3];
export const UNCERTAINTY_LINE_PX = 2.5;

/** A zone ring ready to draw. */
export interface ZoneShape {
  kind: ZoneFeatureView['properties']['kind'];
  label: string;
  ppm: number;
  color: string;
  distanceM: number;
  ring: LonLat[];
}

/** Where the release is, for the marker and the arrow. */
export interface ZoneSource {
  eastM: number;
  northM: number;
}

/** What the layers are built from. */
export interface ThreatZoneInput {
  zones: ZonesView;
  source: ZoneSource;
  projector: SiteProjector;
  /** Scales pixel sizes with the page's root font (1 at 18 px). */
  scale?: number;
}

/** The zone rings in lon/lat, largest area first (yellow under orange under red). */
export function zoneShapes(zones: ZonesView, source: ZoneSource, projector: SiteProjector): ZoneShape[] {
  const local = zones.metadata.coordinates === 'local-m';
  const shapes: ZoneShape[] = [];
  for (const f of zones.features) {
    const outer = f.geometry.coordinates[0];
    if (!outer || outer.length < 3) continue;
    const ring = local ? outer.map(([e, n]) => projector.lonLat(source.eastM + e, source.northM + n)) : outer.map(([lon, lat]): LonLat => [lon, lat]);
    shapes.push({ kind: f.properties.kind, label: f.properties.label, ppm: f.properties.ppm, color: f.properties.color, distanceM: f.properties.distanceM, ring });
  }
  return shapes.sort((a, b) => a.ppm - b.ppm);
}

/** Points of the wind arrow in site metres: a shaft upwind of the source pointing downwind, and its head. */
export function windArrowPaths(source: ZoneSource, windFromDeg: number, lengthM: number): [number, number][][] {
  const toRad = ((windFromDeg + 180) * Math.PI) / 180;
  const ux = Math.sin(toRad), uy = Math.cos(toRad); // unit vector the wind blows to (east, north)
  const start: [number, number] = [source.eastM - ux * lengthM * 1.15, source.northM - uy * lengthM * 1.15];
  const tip: [number, number] = [source.eastM - ux * lengthM * 0.15, source.northM - uy * lengthM * 0.15];
  const head = lengthM * 0.3;
  const side = (deg: number): [number, number] => {
    const a = toRad + Math.PI + (deg * Math.PI) / 180;
    return [tip[0] + Math.sin(a) * head, tip[1] + Math.cos(a) * head];
  };
  return [[start, tip], [side(-28), tip, side(28)]];
}

/** Length of the wind arrow, m: a fifth of the largest zone, within 40–400 m. */
export function windArrowLengthM(zones: ZonesView): number {
  const far = Math.max(0, ...zones.metadata.zones.map((z) => z.distanceM));
  return Math.min(400, Math.max(40, far / 5));
}

/**
 * What the plan should fit for a release: the source and every level but the lowest whole (the
 * red and orange zones), the lowest level (yellow) as far as sensible (zone-fit.ts).
 */
export function zoneFitRequest(shapes: readonly ZoneShape[], sourceLonLat: LonLat): FitRequest {
  const levels = shapes.filter((s) => s.kind !== 'uncertainty');
  const lowestPpm = Math.min(...levels.map((s) => s.ppm));
  const severe = levels.filter((s) => s.ppm > lowestPpm);
  const mustShapes = severe.length > 0 ? severe : levels;
  const must = boundsOfPoints([sourceLonLat, ...mustShapes.flatMap((s) => s.ring)])!;
  // The uncertainty lines fan out as far as the yellow zone reaches: left out, they would widen the view for lines only.
  return { must, want: boundsOfPoints(levels.flatMap((s) => s.ring)) };
}

const rgba = (rgb: Rgb, a: number): [number, number, number, number] => [rgb[0], rgb[1], rgb[2], a];

/** The deck.gl layers of one modelled release (ids `threat-*`), to show with `useMapOverlay`. */
export function threatZoneLayers({ zones, source, projector, scale = 1 }: ThreatZoneInput): Layer[] {
  const shapes = zoneShapes(zones, source, projector);
  const filled = shapes.filter((s) => s.kind !== 'uncertainty');
  const dashed = shapes.filter((s) => s.kind === 'uncertainty');
  const sourceLonLat = projector.lonLat(source.eastM, source.northM);
  const arrow = windArrowPaths(source, zones.metadata.windFromDeg, windArrowLengthM(zones)).map((path) => path.map(([e, n]) => projector.lonLat(e, n)));
  return [
    new SolidPolygonLayer<ZoneShape>({
      id: 'threat-zone-fills',
      data: filled,
      getPolygon: (s) => s.ring,
      getFillColor: (s) => rgba(zoneRgb(s.color), ZONE_FILL_ALPHA),
      // Pickable for the hover tooltip (level, ppm, reach).
      pickable: true,
    }),
    new PathLayer<ZoneShape>({
      id: 'threat-zone-outlines',
      data: filled,
      getPath: (s) => s.ring,
      getColor: (s) => rgba(zoneRgb(s.color), 230),
      getWidth: ZONE_LINE_PX * scale,
      widthUnits: 'pixels',
      jointRounded: true,
    }),
    new PathLayer<ZoneShape, { getDashArray: (s: ZoneShape) => [number, number]; dashJustified: boolean }>({
      id: 'threat-uncertainty',
      data: dashed,
      getPath: (s) => s.ring,
      getColor: (s) => rgba(zoneRgb(s.color), 235),
      getWidth: UNCERTAINTY_LINE_PX * scale,
      widthUnits: 'pixels',
      getDashArray: () => UNCERTAINTY_DASH,
      dashJustified: true,
      pickable: true,
      extensions: [new PathStyleExtension({ dash: true })],
    }),
    new PathLayer<LonLat[]>({
      id: 'threat-wind-arrow',
      data: arrow,
      getPath: (p) => p,
      getColor: [230, 240, 250, 255],
      getWidth: 3 * scale,
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: true,
    }),
    sourceMarkerLayer(sourceLonLat, scale),
  ];
}

/** What the plan's cover reports while the pointer moves over it: the view it was drawn with. */
export interface CoverViewport {
  unproject(xy: number[]): number[];
}

/** The release source: a white dot ringed in red (`id` differs for a source chosen but not yet run). */
export function sourceMarkerLayer(lonLat: LonLat, scale = 1, id = 'threat-source'): Layer {
  return new ScatterplotLayer<LonLat>({
    id,
    data: [lonLat],
    getPosition: (p) => p,
    getRadius: 7 * scale,
    radiusUnits: 'pixels',
    getFillColor: [255, 255, 255, 255],
    getLineColor: [200, 20, 20, 255],
    getLineWidth: 3 * scale,
    lineWidthUnits: 'pixels',
    stroked: true,
  });
}

/**
 * An invisible, pickable cover of the plan while the user picks a release point. Hovering it
 * hands out the viewport (so a click's pixel can be turned into lon/lat): deck.gl's own click
 * is a tap gesture that a busy main thread (software WebGL) can fail to recognise, so the click
 * itself is taken from the DOM (ReleaseMapPick.tsx).
 */
export function pickCoverLayer(bounds: { west: number; south: number; east: number; north: number }, onViewport: (viewport: CoverViewport) => void): Layer {
  const { west, south, east, north } = bounds;
  return new SolidPolygonLayer<LonLat[]>({
    id: 'threat-pick-cover',
    data: [[[west, south], [east, south], [east, north], [west, north]]],
    getPolygon: (p) => p,
    // Alpha 1/255: invisible, but it still draws into the picking buffer.
    getFillColor: [0, 0, 0, 1],
    pickable: true,
    onHover: (info) => {
      if (info.viewport) onViewport(info.viewport);
    },
  });
}
