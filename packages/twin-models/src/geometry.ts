// Plan geometry on a site's local tangent plane (metres). Pure functions, no allocation tricks.
import type { Enu, EnuPlan } from './geo.ts';

/** Signed shoelace area of a plan polygon, m² (positive when counter-clockwise). */
export function signedAreaM2(polygon: readonly EnuPlan[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.eastM * b.northM - b.eastM * a.northM;
  }
  return twice / 2;
}

/** Area of a simple plan polygon, m². */
export function polygonAreaM2(polygon: readonly EnuPlan[]): number {
  return Math.abs(signedAreaM2(polygon));
}

/** Whether a plan point lies inside (or on the edge of) a simple polygon; even-odd ray casting. */
export function pointInPolygon(p: EnuPlan, polygon: readonly EnuPlan[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (distanceToSegmentM(p, a, b) < 1e-9) return true;
    const crosses = a.northM > p.northM !== b.northM > p.northM;
    if (crosses && p.eastM < ((b.eastM - a.eastM) * (p.northM - a.northM)) / (b.northM - a.northM) + a.eastM) inside = !inside;
  }
  return inside;
}

/** Plan distance from a point to the segment a–b, m. */
export function distanceToSegmentM(p: EnuPlan, a: EnuPlan, b: EnuPlan): number {
  const dx = b.eastM - a.eastM;
  const dy = b.northM - a.northM;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.eastM - a.eastM) * dx + (p.northM - a.northM) * dy) / len2));
  return Math.hypot(p.eastM - (a.eastM + t * dx), p.northM - (a.northM + t * dy));
}

/** The point a fraction `t` (0..1) of the way from `a` to `b`, in 3D. */
export function lerpEnu(a: Enu, b: Enu, t: number): Enu {
  return {
    eastM: a.eastM + (b.eastM - a.eastM) * t,
    northM: a.northM + (b.northM - a.northM) * t,
    upM: a.upM + (b.upM - a.upM) * t,
  };
}

/** Axis-aligned plan bounds of a set of points, m. */
export function planBounds(points: readonly EnuPlan[]): { minEastM: number; maxEastM: number; minNorthM: number; maxNorthM: number } {
  let minEastM = Infinity, maxEastM = -Infinity, minNorthM = Infinity, maxNorthM = -Infinity;
  for (const p of points) {
    minEastM = Math.min(minEastM, p.eastM);
    maxEastM = Math.max(maxEastM, p.eastM);
    minNorthM = Math.min(minNorthM, p.northM);
    maxNorthM = Math.max(maxNorthM, p.northM);
  }
  return { minEastM, maxEastM, minNorthM, maxNorthM };
}
