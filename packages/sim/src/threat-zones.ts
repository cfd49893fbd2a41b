// Threat-zone footprints and wind-direction uncertainty (plume-physics.md §9; the uncertainty rule is our design, labelled [M]).
import type { Point2 } from './geo.ts';
import type { StabilityClass } from './stability.ts';

/**
 * Footprint of one level of concern in plume coordinates: the isopleth half-width y½(x) marched geometrically
 * from xStartM to the threshold distance (§9 step 1). Closed ring, counter-clockwise.
 */
export function footprintRing(distanceM: number, halfWidthAtM: (xM: number) => number, xStartM = 1, samples = 160): Point2[] {
  if (!(distanceM > xStartM)) return [];
  const all: Point2[] = [];
  const ratio = Math.pow(distanceM / xStartM, 1 / samples);
  for (let i = 0, x = xStartM; i < samples; i++, x *= ratio) all.push([x, Math.max(0, halfWidthAtM(x))]);
  // Start where the zone starts (an elevated source's zone begins downwind of it), not at the source.
  const first = all.findIndex(([, y]) => y > 0);
  if (first < 0) return [];
  const startX = first === 0 ? xStartM : all[first - 1]![0];
  const upper = all.slice(first);
  const ring: Point2[] = [[startX, 0], ...upper.map(([x, y]): Point2 => [x, -y]), [distanceM, 0], ...upper.reverse()];
  ring.push([startX, 0]);
  return ring;
}

/** Default σθ [deg] by class: the upper (wider) edge of each σA band, [M] recollection in plume-physics.md §4.1 — verify. */
export const DEFAULT_SIGMA_THETA_DEG: Record<StabilityClass, number> = { A: 25, B: 22.5, C: 17.5, D: 12.5, E: 7.5, F: 3.8 };

/** Below this wind speed [m/s] its direction is not trusted and zones become circles (our design; EPA low-wind floor §1). */
export const CALM_WIND_MS = 1;

/**
 * Half-angle of the uncertainty sweep [deg]: θc = 1.96·σθ (two-sided 95 %, §9 step 3), widened as the wind drops
 * below 2 m/s by the factor 2/u (our design, [M]); ≥ 180 means a full circle.
 */
export function uncertaintyHalfAngleDeg(stabilityClass: StabilityClass, windSpeedMS: number, sigmaThetaDeg?: number): number {
  const sigma = sigmaThetaDeg ?? DEFAULT_SIGMA_THETA_DEG[stabilityClass];
  if (windSpeedMS < CALM_WIND_MS) return 180;
  return Math.min(180, 1.96 * sigma * Math.max(1, 2 / windSpeedMS));
}

/**
 * Union of a footprint rotated over ±halfAngleDeg about the source (§9 step 3): the radial profile R(φ) of the
 * (densified) ring, swept by a moving maximum, drawn as a fan from the source. Plume coordinates.
 */
export function sweepRing(ring: readonly Point2[], halfAngleDeg: number, binDeg = 0.5): Point2[] {
  if (ring.length < 2) return [];
  const bins = Math.round(360 / binDeg);
  const radial = new Float64Array(bins);
  const put = (x: number, y: number) => {
    const r = Math.hypot(x, y);
    const phi = (Math.atan2(y, x) * 180) / Math.PI;
    const b = ((Math.floor((phi + 180) / binDeg) % bins) + bins) % bins;
    if (r > radial[b]!) radial[b] = r;
  };
  const maxR = Math.max(...ring.map(([x, y]) => Math.hypot(x, y)));
  const step = maxR / 400;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!;
    const [x1, y1] = ring[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 0; k <= n; k++) put(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n);
  }
  const w = Math.round(halfAngleDeg / binDeg);
  const swept = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    let m = 0;
    for (let d = -w; d <= w; d++) m = Math.max(m, radial[(((b + d) % bins) + bins) % bins]!);
    swept[b] = m;
  }
  const out: Point2[] = [[0, 0]];
  for (let k = 0; k < bins; k++) {
    const b = (k + bins / 2) % bins; // start at φ = 0 (downwind) and go round, so the fan is contiguous
    const r = swept[b]!;
    if (r <= 0) continue;
    const phi = ((b + 0.5) * binDeg - 180) * (Math.PI / 180);
    out.push([r * Math.cos(phi), r * Math.sin(phi)]);
  }
  out.push([0, 0]);
  return reorderFan(out);
}

/** Orders fan points by angle measured from the upwind direction so the ring does not cross itself. */
function reorderFan(points: Point2[]): Point2[] {
  const inner = points.slice(1, -1);
  inner.sort((a, b) => unwrap(a) - unwrap(b));
  return [[0, 0], ...inner, [0, 0]];
}

function unwrap([x, y]: Point2): number {
  const a = Math.atan2(y, x); // −π…π, 0 downwind
  return a;
}
