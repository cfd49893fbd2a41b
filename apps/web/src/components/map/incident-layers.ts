// An incident on the site plan: the forecast's threat zones (red over orange over yellow), the
// evacuation routes as paths with chevrons pointing the way, assembly points usable (green ✓) or
// not (red ✕ with the reason), the source candidates as rings sized by probability, the valves of
// the isolation with their state glyph, and the fire brigade's access route. Positions come from
// the hub in lon/lat; the chevrons are laid out in site metres (the hub gives routes in both).
import type { Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { AssemblyPointView, IncidentValveView, IncidentView, SourceCandidateView, ThreatZoneView } from '@safetwin/protocol';
import { formatPercent, valveLook, zoneColours, type ValveLook } from '../../live/incident-format.ts';
import { GLYPH_FONT_FAMILY, MAP_FONT_FAMILY } from './map-style.ts';
import type { LabelObstacle } from './label-boxes.ts';
import type { LonLat, SiteProjector } from './site-projector.ts';
import { ZONE_FILL_ALPHA, ZONE_LINE_PX, zoneRgb, type Rgb } from './threat-zone-layers.ts';
import { boundsOfPoints, type FitRequest } from './zone-fit.ts';

/** Route colour: the wall's accent (cyan), apart from every zone colour and the live green. */
export const ROUTE_RGB: Rgb = [63, 193, 217];
/** The fire brigade's access route: white, dashed (apart from the walking routes). */
export const ACCESS_RGB: Rgb = [245, 248, 250];
/** Usable and unusable assembly points. */
export const USABLE_RGB: Rgb = [61, 220, 132];
export const UNUSABLE_RGB: Rgb = [255, 77, 79];
/** Colour of each valve tone. */
export const VALVE_TONE_RGB: Readonly<Record<ValveLook['tone'], Rgb>> = {
  todo: [232, 238, 244],
  waiting: [245, 185, 66],
  busy: [77, 171, 247],
  done: [61, 220, 132],
  good: [61, 220, 132],
  bad: [255, 77, 79],
};
/** Distance between chevrons along a route, m, and their half-width, m. */
export const CHEVRON_SPACING_M = 60;
export const CHEVRON_SIZE_M = 9;

/** Chevrons (`>` pointing the walking direction) every `spacingM` along a path in site metres. */
export function routeChevrons(path: readonly [number, number][], spacingM = CHEVRON_SPACING_M, sizeM = CHEVRON_SIZE_M): [number, number][][] {
  const out: [number, number][][] = [];
  let nextAt = spacingM / 2;
  let walked = 0;
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1]!, [x1, y1] = path[i]!;
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len === 0) continue;
    const ux = (x1 - x0) / len, uy = (y1 - y0) / len;
    while (nextAt <= walked + len) {
      const s = nextAt - walked;
      const tip: [number, number] = [x0 + ux * s, y0 + uy * s];
      const back: [number, number] = [tip[0] - ux * sizeM, tip[1] - uy * sizeM];
      out.push([[back[0] - uy * sizeM, back[1] + ux * sizeM], tip, [back[0] + uy * sizeM, back[1] - ux * sizeM]]);
      nextAt += spacingM;
    }
    walked += len;
  }
  return out;
}

/** Ring radius of a source candidate, px: its area grows with the probability (10 px at 0, 34 px at 1). */
export function candidateRadiusPx(probability: number, scale = 1): number {
  return (10 + 24 * Math.sqrt(Math.min(1, Math.max(0, probability)))) * scale;
}

/** What every incident label shares: SDF glyphs with a dark outline, readable over the zones. */
const TEXT_STYLE = { sizeUnits: 'pixels', fontSettings: { sdf: true }, outlineWidth: 3, outlineColor: [8, 13, 19, 255] } as const;

const rgba = (rgb: Rgb, a = 255): [number, number, number, number] => [rgb[0], rgb[1], rgb[2], a];

interface ZoneDraw {
  zone: ThreatZoneView;
  rgb: Rgb;
}
/** What the layers need besides the incident. */
export interface IncidentLayerOptions {
  projector: SiteProjector;
  /** Scales pixel sizes with the page's root font (1 at 18 px). */
  scale?: number;
  /** The fire brigade's access route, lon/lat (from the brief); null when not known. */
  accessRoute?: readonly LonLat[] | null;
  /**
   * Candidate labels (`n · 82 %`) in this text. An unusable assembly point is a red ✕ on the plan; its reason is on the
   * card and in the tooltip (written out on the plan, two neighbours' reasons piled over each other and the park's labels).
   */
  candidateLabel?: (c: SourceCandidateView, rank: number) => string;
}

/** The zone fills and outlines, widest (lowest threshold) first so red is drawn over orange over yellow. */
export function incidentZoneLayers(zones: readonly ThreatZoneView[], scale = 1): Layer[] {
  const colours = zoneColours(zones);
  const draws: ZoneDraw[] = [...zones].sort((a, b) => a.thresholdPpm - b.thresholdPpm).map((zone) => ({ zone, rgb: zoneRgb(colours.get(zone.level) ?? 'yellow') }));
  return [
    new SolidPolygonLayer<ZoneDraw>({ id: 'incident-zone-fills', data: draws, getPolygon: (d) => d.zone.ringLonLat, getFillColor: (d) => rgba(d.rgb, ZONE_FILL_ALPHA), pickable: true }),
    new PathLayer<ZoneDraw>({ id: 'incident-zone-outlines', data: draws, getPath: (d) => d.zone.ringLonLat, getColor: (d) => rgba(d.rgb, 230), getWidth: ZONE_LINE_PX * scale, widthUnits: 'pixels', jointRounded: true }),
  ];
}

/**
 * An incident's layers (ids `incident-*`), to show with `useMapOverlay`, in two groups. Under the live markers: the zones,
 * the source candidates and the isolation's valves (a sensor in alarm by the hole stays readable). Over them: the routes
 * and the assembly points people walk to — under the markers, a park's sensors hid half a route's length at the
 * incident's zoomed-out view (incident e2e: route cyan along 45 of 84 px). Those over the markers take no clicks (deck.gl
 * leaves a layer that is not pickable out of the picking pass): a sensor on a route stays the one hovered and clicked;
 * the routes and assembly points are picked through their copies under the markers (`incident-routes`,
 * `incident-assembly-points`; the copies over them end in `-over`).
 */
export function incidentLayers(
  incident: IncidentView, { projector, scale = 1, accessRoute = null, candidateLabel }: IncidentLayerOptions,
): { underMarkers: Layer[]; overMarkers: Layer[]; labelObstacles: LabelObstacle[] } {
  const a = incident.assessment;
  const layers: Layer[] = a ? incidentZoneLayers(a.zones, scale) : [];
  const over: Layer[] = [];

  if (accessRoute && accessRoute.length > 1) {
    over.push(
      new PathLayer<readonly LonLat[], { getDashArray: () => [number, number]; dashJustified: boolean }>({
        id: 'incident-access-route',
        data: [accessRoute],
        getPath: (p) => p as LonLat[],
        getColor: rgba(ACCESS_RGB, 240),
        getWidth: 5 * scale,
        widthUnits: 'pixels',
        getDashArray: () => [3, 2],
        dashJustified: true,
        capRounded: true,
        jointRounded: true,
        extensions: [new PathStyleExtension({ dash: true })],
      }),
    );
  }

  const routes = (a?.evacuation?.groups ?? []).filter((g) => g.decision === 'evacuate' && g.route && g.route.pathLonLat.length > 1);
  const chevrons = routes.flatMap((g) => routeChevrons(g.route!.pathEnu).map((c) => c.map(([e, n]) => projector.lonLat(e, n))));
  const routeLayer = new PathLayer<(typeof routes)[number]>({
    id: 'incident-routes',
    data: routes,
    getPath: (g) => g.route!.pathLonLat,
    getColor: rgba(ROUTE_RGB, 235),
    getWidth: 4 * scale,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
    pickable: true,
  });
  over.push(
    routeLayer.clone({ id: 'incident-routes-over', pickable: false }),
    new PathLayer<LonLat[]>({ id: 'incident-route-chevrons', data: chevrons, getPath: (p) => p, getColor: rgba(ROUTE_RGB, 255), getWidth: 3 * scale, widthUnits: 'pixels', capRounded: true, jointRounded: true }),
  );

  const aps = a?.evacuation?.assemblyPoints ?? [];
  const apLayer = new ScatterplotLayer<AssemblyPointView>({
    id: 'incident-assembly-points',
    data: aps,
    getPosition: (ap) => ap.place.lonLat,
    getRadius: AP_RING_RADIUS_PX * scale,
    radiusUnits: 'pixels',
    getFillColor: [8, 13, 19, 235],
    getLineColor: (ap) => rgba(ap.usable ? USABLE_RGB : UNUSABLE_RGB),
    getLineWidth: RING_LINE_PX * scale,
    lineWidthUnits: 'pixels',
    stroked: true,
    pickable: true,
  });
  layers.push(routeLayer, apLayer);
  over.push(
    apLayer.clone({ id: 'incident-assembly-points-over', pickable: false }),
    new TextLayer<AssemblyPointView>({
      id: 'incident-assembly-marks',
      data: aps,
      getPosition: (ap) => ap.place.lonLat,
      getText: (ap) => (ap.usable ? '✓' : '✕'),
      getColor: (ap) => rgba(ap.usable ? USABLE_RGB : UNUSABLE_RGB),
      getSize: 18 * scale,
      ...TEXT_STYLE,
      fontFamily: GLYPH_FONT_FAMILY,
      fontWeight: 700,
      characterSet: ['✓', '✕'],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  );
  const candidates = a?.source.candidates.slice(0, 3) ?? [];
  layers.push(
    new ScatterplotLayer<SourceCandidateView>({
      id: 'incident-candidates',
      data: candidates,
      getPosition: (c) => c.place.lonLat,
      getRadius: (c) => candidateRadiusPx(c.probability, scale),
      radiusUnits: 'pixels',
      getLineColor: (_c, { index }) => (index === 0 ? [255, 255, 255, 255] : [255, 255, 255, 150]),
      getLineWidth: (_c, { index }) => (index === 0 ? 3.5 : 2) * scale,
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: false,
      pickable: true,
    }),
  );
  if (candidateLabel) {
    layers.push(
      new TextLayer<SourceCandidateView>({
        id: 'incident-candidate-labels',
        data: candidates,
        getPosition: (c) => c.place.lonLat,
        getText: (c, { index }) => candidateLabel(c, index + 1),
        getPixelOffset: (c) => [candidateRadiusPx(c.probability, scale) + 4 * scale, 0],
        getColor: [255, 255, 255, 255],
        getSize: 14 * scale,
        ...TEXT_STYLE,
        fontFamily: MAP_FONT_FAMILY,
        fontWeight: 700,
        characterSet: 'auto',
        getTextAnchor: 'start',
        getAlignmentBaseline: 'center',
      }),
    );
  }

  layers.push(
    new ScatterplotLayer<IncidentValveView>({
      id: 'incident-valves',
      data: incident.valves,
      getPosition: (v) => v.place.lonLat,
      getRadius: VALVE_RING_RADIUS_PX * scale,
      radiusUnits: 'pixels',
      getFillColor: [8, 13, 19, 240],
      getLineColor: (v) => rgba(VALVE_TONE_RGB[valveLook(v.state).tone]),
      getLineWidth: RING_LINE_PX * scale,
      lineWidthUnits: 'pixels',
      stroked: true,
      pickable: true,
    }),
    new TextLayer<IncidentValveView>({
      id: 'incident-valve-glyphs',
      data: incident.valves,
      getPosition: (v) => v.place.lonLat,
      getText: (v) => valveLook(v.state).glyph,
      getColor: (v) => rgba(VALVE_TONE_RGB[valveLook(v.state).tone]),
      getSize: 15 * scale,
      ...TEXT_STYLE,
      fontFamily: GLYPH_FONT_FAMILY,
      characterSet: ['○', '?', '◔', '●', '✔', '✕', '⚒'],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  );
  // The plan's names keep clear of these marks (their outer edge: half the line lies outside the radius).
  const ring = (radiusPx: number) => (radiusPx + RING_LINE_PX / 2) * scale;
  const labelObstacles: LabelObstacle[] = [
    ...aps.map((ap) => ({ position: ap.place.lonLat, radiusPx: ring(AP_RING_RADIUS_PX) })),
    ...candidates.map((c) => ({ position: c.place.lonLat, radiusPx: candidateRadiusPx(c.probability, scale) + (RING_LINE_PX / 2) * scale })),
    ...incident.valves.map((v) => ({ position: v.place.lonLat, radiusPx: ring(VALVE_RING_RADIUS_PX) })),
  ];
  return { underMarkers: layers, overMarkers: over, labelObstacles };
}

/** Radii of the assembly-point and valve rings and the width of their lines, px at scale 1. */
const AP_RING_RADIUS_PX = 13;
const VALVE_RING_RADIUS_PX = 11;
const RING_LINE_PX = 3;

/** The candidate label: "1 · 82 %". */
export function defaultCandidateLabel(c: SourceCandidateView, rank: number): string {
  return `${rank} · ${formatPercent(c.probability)}`;
}

/**
 * What the plan should fit for an incident: the source, the evacuation routes and the assembly
 * points whole — what the people on the site act on — and the zones as far as keeps the site
 * readable (zone-fit.ts MAX_FIT_GROWTH: the park at least half the view). A chlorine release's red
 * zone can run several km and its orange 10–20 km: fitted whole on the wall's plan panel (~500 px),
 * the park drew in 100 px and a 1.2 km route in 50 route pixels (incident e2e). The zones' reach is on
 * the card and the 3D twin draws them whole. Null before there are zones.
 */
export function incidentFitRequest(incident: IncidentView): FitRequest | null {
  const a = incident.assessment;
  if (!a || a.zones.length === 0) return null;
  const routes = (a.evacuation?.groups ?? []).flatMap((g) => (g.decision === 'evacuate' && g.route ? g.route.pathLonLat : []));
  const assembly = (a.evacuation?.assemblyPoints ?? []).map((ap) => ap.place.lonLat);
  const must = boundsOfPoints([a.source.chosen.place.lonLat, ...routes, ...assembly])!;
  return { must, want: boundsOfPoints(a.zones.flatMap((z) => z.ringLonLat)) };
}
