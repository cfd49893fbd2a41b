// Geometry of the plume frame: plume coordinates → east/north metres → lon/lat (plume-physics.md §9 step 2); the
// geodesic steps use @turf/turf (spherical Earth of radius EARTH_RADIUS_M, turf's own).
import { bearing, destination, distance } from '@turf/turf';

/** A 2-D point [a, b]: plume [x downwind, y left], local [east, north] in metres, or [lon, lat] in degrees. */
export type Point2 = [number, number];

/** Mean Earth radius [m] (IUGG; the radius turf uses). */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Plume-axis bearing [deg clockwise from north]: the wind blows TO (from + 180) mod 360 (§1). */
export function plumeBearingDeg(windFromDeg: number): number {
  return (((windFromDeg + 180) % 360) + 360) % 360;
}

/** Rotates plume coordinates (x downwind, y to the left) to local east/north [m] for a wind from windFromDeg. */
export function plumeToLocal(points: readonly Point2[], windFromDeg: number): Point2[] {
  const b = (plumeBearingDeg(windFromDeg) * Math.PI) / 180;
  const sb = Math.sin(b);
  const cb = Math.cos(b);
  return points.map(([x, y]) => [x * sb - y * cb, x * cb + y * sb]);
}

/** Local east/north [m] around an origin to lon/lat [deg], geodesically: turf destination at distance hypot(e, n) and bearing atan2(e, n) (§9). */
export function localToLonLat(points: readonly Point2[], origin: { lon: number; lat: number }): Point2[] {
  const o: Point2 = [origin.lon, origin.lat];
  return points.map(([e, n]): Point2 => {
    const dM = Math.hypot(e, n);
    if (dM === 0) return [o[0], o[1]];
    return destination(o, dM / 1000, (Math.atan2(e, n) * 180) / Math.PI).geometry.coordinates as Point2;
  });
}

/** Lon/lat [deg] to local east/north [m] from the origin (turf distance and bearing): the inverse of localToLonLat. */
export function lonLatToLocal(points: readonly Point2[], origin: { lon: number; lat: number }): Point2[] {
  const o: Point2 = [origin.lon, origin.lat];
  return points.map((p): Point2 => {
    const dM = distance(o, p) * 1000;
    if (dM === 0) return [0, 0];
    const b = (bearing(o, p) * Math.PI) / 180;
    return [dM * Math.sin(b), dM * Math.cos(b)];
  });
}
