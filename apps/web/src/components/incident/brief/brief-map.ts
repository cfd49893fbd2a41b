// The printable brief's small map, as SVG drawn from site metres (no tiles, no WebGL: it prints
// and works offline): the site fence, the roads, the threat zones, the fire engines' access route
// from the gate to the staging point, and the release point. The view fits the site, the source,
// the route and every zone but the widest (which may run off the edge, as on the wall's plan).
import type { ChemicalPark } from '@safetwin/twin-models';
import type { FireBrigadeBrief, IncidentAssessmentView } from '@safetwin/protocol';
import { zoneColours } from '../../../live/incident-format.ts';
import { scaleBar, type ScaleBar } from '../../map/scale-bar.ts';
import { zoneRgb } from '../../map/threat-zone-layers.ts';

type En = readonly [number, number];

/** Everything the map draws, in SVG user units (y grows downwards). */
export interface BriefMapDrawing {
  widthPx: number;
  heightPx: number;
  boundary: string;
  roads: string[];
  /** Widest first (drawn first), each with its CSS colour. */
  zones: { level: string; points: string; css: string }[];
  access: string | null;
  source: [number, number];
  gate: [number, number] | null;
  staging: [number, number] | null;
  scale: ScaleBar | null;
}

const pts = (list: readonly En[], to: (p: En) => [number, number]) =>
  list
    .map((p) => to(p))
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');

/** Lays the brief's map out in a `widthPx` × `heightPx` box with `padPx` of margin. */
export function briefMap(park: ChemicalPark, brief: FireBrigadeBrief, assessment: IncidentAssessmentView | null, widthPx: number, heightPx: number, padPx = 16): BriefMapDrawing {
  const boundary: En[] = park.boundary.map((p) => [p.eastM, p.northM]);
  const byId = new Map(park.roads.nodes.map((n) => [n.id, n.position]));
  const roads: En[][] = park.roads.edges.flatMap((e) => {
    const a = byId.get(e.from), b = byId.get(e.to);
    return a && b ? [[[a.eastM, a.northM], [b.eastM, b.northM]] as En[]] : [];
  });
  const zones = [...(assessment?.zones ?? [])].sort((a, b) => a.thresholdPpm - b.thresholdPpm);
  const colours = zoneColours(zones);
  const access: En[] = brief.accessRoute?.pathEnu ?? [];
  const source: En = [brief.location.place.eastM, brief.location.place.northM];

  // Fit: the fence, the source, the route and every zone but the widest.
  const fit: En[] = [...boundary, source, ...access, ...zones.slice(zones.length > 1 ? 1 : zones.length).flatMap((z) => z.ringEnu)];
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of fit) {
    w = Math.min(w, x); e = Math.max(e, x);
    s = Math.min(s, y); n = Math.max(n, y);
  }
  const mPerPx = Math.max((e - w) / (widthPx - 2 * padPx), (n - s) / (heightPx - 2 * padPx), 1e-6);
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const to = ([x, y]: En): [number, number] => [widthPx / 2 + (x - cx) / mPerPx, heightPx / 2 - (y - cy) / mPerPx];

  return {
    widthPx,
    heightPx,
    boundary: pts(boundary, to),
    roads: roads.map((r) => pts(r, to)),
    zones: zones.map((z) => {
      const [r, g, b] = zoneRgb(colours.get(z.level) ?? 'yellow');
      return { level: z.level, points: pts(z.ringEnu, to), css: `rgb(${r}, ${g}, ${b})` };
    }),
    access: access.length > 1 ? pts(access, to) : null,
    source: to(source),
    gate: brief.accessRoute ? to([brief.accessRoute.gate.place.eastM, brief.accessRoute.gate.place.northM]) : null,
    staging: brief.accessRoute ? to([brief.accessRoute.staging.place.eastM, brief.accessRoute.staging.place.northM]) : null,
    scale: scaleBar(mPerPx, widthPx / 4),
  };
}
