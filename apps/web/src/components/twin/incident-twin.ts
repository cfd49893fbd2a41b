// The geometry of an incident in the twin, without three.js: zone rings at grade in their drawing
// order (red over orange over yellow), evacuation routes as flat ribbons with chevrons pointing
// the way (a 1-px line is invisible on a 4K wall), and the sizes of the markers. Site metres in,
// scene coordinates out (x east, y up, z south: twin-models scene/frame.ts).
import type { IncidentView } from '@safetwin/protocol';
import { sceneX, sceneY, sceneZ } from '@safetwin/twin-models';
import { zoneColours } from '../../live/incident-format.ts';
import { routeChevrons } from '../map/incident-layers.ts';
import { zoneRgb, type Rgb } from '../map/threat-zone-layers.ts';

/** Height of the lowest zone above the ground, m, and the step between levels (red highest, drawn last). */
export const ZONE_BASE_HEIGHT_M = 0.4;
export const ZONE_STEP_M = 0.1;
/** Opacity of a zone at grade: the plume field (1.2 m up) and the buildings stay readable through it. */
export const ZONE_OPACITY = 0.33;
/** Width of a route ribbon and of its chevrons' strokes, m, and its height above the ground. */
export const ROUTE_WIDTH_M = 6;
export const CHEVRON_WIDTH_M = 3;
export const ROUTE_HEIGHT_M = 1.0;
/** Chevrons in the twin: every 40 m, 8 m half-width. */
export const TWIN_CHEVRON_SPACING_M = 40;
export const TWIN_CHEVRON_SIZE_M = 8;

/** A zone to lay on the ground: its ring in site metres, colour, height and draw order. */
export interface TwinZone {
  level: string;
  ringEnu: [number, number][];
  rgb: Rgb;
  heightM: number;
  renderOrder: number;
}

/** The incident's zones, widest first: each higher level a little higher and drawn later, so red lies over orange over yellow. */
export function twinZones(incident: IncidentView): TwinZone[] {
  const zones = incident.assessment?.zones ?? [];
  const colours = zoneColours(zones);
  return [...zones]
    .sort((a, b) => a.thresholdPpm - b.thresholdPpm)
    .filter((z) => z.ringEnu.length >= 3)
    .map((z, k) => ({ level: z.level, ringEnu: z.ringEnu, rgb: zoneRgb(colours.get(z.level) ?? 'yellow'), heightM: ZONE_BASE_HEIGHT_M + k * ZONE_STEP_M, renderOrder: 5 + k }));
}

/**
 * A flat ribbon `widthM` wide along a polyline (site metres) at `heightM`, as triangle positions
 * (two triangles per leg; legs meet without mitring, fine at these widths), scene coordinates.
 */
export function ribbonPositions(path: readonly [number, number][], widthM: number, heightM: number): Float32Array {
  const legs = Math.max(0, path.length - 1);
  const out = new Float32Array(legs * 18);
  let o = 0;
  const y = sceneY(heightM);
  for (let i = 0; i < legs; i++) {
    const [e0, n0] = path[i]!, [e1, n1] = path[i + 1]!;
    const len = Math.hypot(e1 - e0, n1 - n0) || 1;
    // Left normal of the leg, half the width.
    const ne = (-(n1 - n0) / len) * (widthM / 2), nn = ((e1 - e0) / len) * (widthM / 2);
    const corners = [
      [e0 + ne, n0 + nn], [e0 - ne, n0 - nn], [e1 + ne, n1 + nn],
      [e1 + ne, n1 + nn], [e0 - ne, n0 - nn], [e1 - ne, n1 - nn],
    ];
    for (const [e, n] of corners) {
      out[o++] = sceneX(e!);
      out[o++] = y;
      out[o++] = sceneZ(n!);
    }
  }
  return out;
}

/** Every evacuation route and its chevrons as one ribbon triangle list (scene coordinates). */
export function routeRibbons(incident: IncidentView): Float32Array {
  const groups = (incident.assessment?.evacuation?.groups ?? []).filter((g) => g.decision === 'evacuate' && g.route && g.route.pathEnu.length > 1);
  const parts: Float32Array[] = [];
  for (const g of groups) {
    parts.push(ribbonPositions(g.route!.pathEnu, ROUTE_WIDTH_M, ROUTE_HEIGHT_M));
    for (const c of routeChevrons(g.route!.pathEnu, TWIN_CHEVRON_SPACING_M, TWIN_CHEVRON_SIZE_M)) parts.push(ribbonPositions(c, CHEVRON_WIDTH_M, ROUTE_HEIGHT_M + 0.05));
  }
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Radius of a source candidate's ring on the ground, m: 12 m at probability 0, 40 m at 1 (area grows with it). */
export function candidateRingM(probability: number): number {
  return 12 + 28 * Math.sqrt(Math.min(1, Math.max(0, probability)));
}
