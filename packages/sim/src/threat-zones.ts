// Threat-zone footprints and the wind-direction uncertainty angle (plume-physics.md §9; the uncertainty rule is our
// design, labelled [M]). The polygons themselves are built with @turf/turf in zone-geometry.ts.
import type { Point2 } from './geo.ts';
import type { StabilityClass } from './stability.ts';

/** Step ratio of the footprint march: x_i = xStart·1.05^i (our choice: ~190 vertices a side for a 10 km zone). */
export const FOOTPRINT_STEP_RATIO = 1.05;

/**
 * Footprint of one level of concern in plume coordinates: the isopleth half-width y½(x) sampled on the fixed
 * geometric grid x_i = xStartM·stepRatio^i below the threshold distance, then the tip (§9 step 1). Closed ring,
 * counter-clockwise. The grid does not depend on the level, so the rings of nested levels nest vertex by vertex
 * (a lower level's half-width is at least as wide at every x_i), and so do their chords.
 */
export function footprintRing(distanceM: number, halfWidthAtM: (xM: number) => number, xStartM = 1, stepRatio = FOOTPRINT_STEP_RATIO): Point2[] {
  if (!(distanceM > xStartM)) return [];
  const all: Point2[] = [];
  for (let i = 0, x = xStartM; x < distanceM; i++, x = xStartM * Math.pow(stepRatio, i)) all.push([x, Math.max(0, halfWidthAtM(x))]);
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
