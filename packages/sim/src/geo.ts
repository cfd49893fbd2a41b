// Local tangent-plane geometry: plume coordinates → east/north metres → lon/lat (plume-physics.md §9 step 2).

/** A 2-D point [a, b]: plume [x downwind, y left], local [east, north] in metres, or [lon, lat] in degrees. */
export type Point2 = [number, number];

/** Mean Earth radius [m] (IUGG). */
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

/** Local east/north [m] around an origin to lon/lat [deg]; equirectangular tangent plane, adequate below ~20 km (§9). */
export function localToLonLat(points: readonly Point2[], origin: { lon: number; lat: number }): Point2[] {
  const k = 180 / Math.PI / EARTH_RADIUS_M;
  const cosLat = Math.cos((origin.lat * Math.PI) / 180);
  return points.map(([e, n]) => [origin.lon + (e * k) / cosLat, origin.lat + n * k]);
}

/** Circle of radius r [m] around the origin in local metres, closed ring of `segments` + 1 points. */
export function circleRing(radiusM: number, segments = 72): Point2[] {
  const ring: Point2[] = [];
  for (let i = 0; i <= segments; i++) {
    const a = (2 * Math.PI * (i % segments)) / segments;
    ring.push([radiusM * Math.sin(a), radiusM * Math.cos(a)]);
  }
  return ring;
}
