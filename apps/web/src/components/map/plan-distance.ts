// Ground distances on a site's plan from lon/lat: equirectangular, which is plenty for a site a
// few kilometres across (labels, spacing), not for geodesy.
import type { LonLat } from './site-projector.ts';

/** Metres per degree of latitude (mean; plenty for spacing labels). */
const M_PER_DEG_LAT = 111_320;

/** Where `p` lies from `origin` on the ground: metres east and north. */
export function nearOffsetM(origin: LonLat, p: LonLat): { eastM: number; northM: number } {
  const cosLat = Math.cos((((origin[1] + p[1]) / 2) * Math.PI) / 180);
  return { eastM: (p[0] - origin[0]) * M_PER_DEG_LAT * cosLat, northM: (p[1] - origin[1]) * M_PER_DEG_LAT };
}

/** Ground distance between two nearby lon/lat points, m. */
export function nearDistanceM(a: LonLat, b: LonLat): number {
  const { eastM, northM } = nearOffsetM(a, b);
  return Math.hypot(eastM, northM);
}

/** The diagonal of a site's bounds, m. */
export function siteSpanM(bounds: readonly [LonLat, LonLat]): number {
  return nearDistanceM(bounds[0], bounds[1]);
}
