// Threat-zone polygons with @turf/turf (plume-physics.md §9 steps 2–3): footprint vertices placed geodesically from the
// source (turf destination), the wind-direction uncertainty as a turf union of the footprint rotated to ±θc
// about the source and the sector between them (sector, simplify, union), calm circles (circle). Results in local
// metres are built around LOCAL_REFERENCE_ORIGIN and read back with geo.ts lonLatToLocal.
import { area, circle, convex, destination, featureCollection, point, polygon, sector, simplify, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { plumeBearingDeg, type Point2 } from './geo.ts';

/** Reference origin for results in local metres: geometry is built around (0°, 0°) and read back as east/north metres. */
export const LOCAL_REFERENCE_ORIGIN: Point2 = [0, 0];

/** Arc resolution of sectors and calm circles [deg per segment] (our choice: sag R(1 − cos 0.5°) < 4e-5·R). */
export const ARC_STEP_DEG = 1;

/** Plume coordinates (x downwind, y to the left) [m] → lon/lat: destination from the origin at distance hypot(x, y) and bearing b − atan2(y, x). */
export function plumeRingToLonLat(ring: readonly Point2[], origin: Point2, windFromDeg: number): Point2[] {
  const axis = plumeBearingDeg(windFromDeg);
  return ring.map(([x, y]): Point2 => {
    const dM = Math.hypot(x, y);
    if (dM === 0) return [origin[0], origin[1]];
    return destination(origin, dM / 1000, axis - (Math.atan2(y, x) * 180) / Math.PI).geometry.coordinates as Point2;
  });
}

/** The footprint (a closed ring in plume coordinates) as a lon/lat turf polygon around the origin. */
export function footprintPolygon(ring: readonly Point2[], origin: Point2, windFromDeg: number): Feature<Polygon> {
  return polygon([plumeRingToLonLat(ring, origin, windFromDeg)]);
}

/** Douglas–Peucker tolerance for the copies fed to the union, relative to the zone length (our choice: envelope area changes by ~1e-4). */
export const SWEEP_SIMPLIFY_RELATIVE = 1e-4;

/**
 * The footprint (closed ring in plume coordinates) swept over ±halfAngleDeg about the source: turf union of the
 * footprint rotated to −θc and +θc (placed with the wind direction turned by ∓θc, i.e. rotated geodesically about the
 * source) and the turf sector of radius maxRadiusM (the footprint's farthest vertex) between them. The copies are first
 * thinned with turf simplify (tolerance SWEEP_SIMPLIFY_RELATIVE × maxRadiusM) because the union (polyclip) costs ~45 ms
 * for 320-vertex rings. For a footprint symmetric about the axis whose angular extent at each radius is one interval
 * around it (a plume from a ground or near-ground source), this equals the union of all rotations in [−θc, θc]; for a
 * footprint that starts downwind of the source (elevated release) the sector also covers the gap near the source
 * (protective).
 */
export function sweptPolygon(ring: readonly Point2[], origin: Point2, windFromDeg: number, halfAngleDeg: number, maxRadiusM: number): Feature<Polygon> {
  const axis = plumeBearingDeg(windFromDeg);
  const steps = Math.max(2, Math.ceil((2 * halfAngleDeg) / ARC_STEP_DEG));
  const thin = simplify(polygon([ring.map(([x, y]): Point2 => [x, y])]), { tolerance: SWEEP_SIMPLIFY_RELATIVE * maxRadiusM, highQuality: true });
  const thinRing = thin.geometry.coordinates[0] as Point2[];
  const parts = [
    footprintPolygon(thinRing, origin, windFromDeg - halfAngleDeg),
    footprintPolygon(thinRing, origin, windFromDeg + halfAngleDeg),
    sector(origin, maxRadiusM / 1000, axis - halfAngleDeg, axis + halfAngleDeg, { steps }),
  ];
  return largestPolygon(union(featureCollection<Polygon>(parts)));
}

/** A circle of radius r [m] around the origin (turf circle), ARC_STEP_DEG per segment. */
export function calmCirclePolygon(origin: Point2, radiusM: number): Feature<Polygon> {
  return circle(origin, radiusM / 1000, { steps: Math.round(360 / ARC_STEP_DEG) });
}

/** A union's result as one polygon: the input itself, or the largest part of a multipolygon (slivers from round-off). */
function largestPolygon(f: Feature<Polygon | MultiPolygon> | null): Feature<Polygon> {
  if (!f) throw new Error('zone union is empty');
  if (f.geometry.type === 'Polygon') return f as Feature<Polygon>;
  let best: Feature<Polygon> | undefined;
  let bestArea = -1;
  for (const coords of f.geometry.coordinates) {
    const p = polygon(coords);
    const a = area(p);
    if (a > bestArea) { bestArea = a; best = p; }
  }
  return best!;
}

/**
 * The envelope of several zones of one level: turf convex (a planar hull) of all their vertices, in the rings' own plane
 * coordinates (site east/north metres: a local tangent plane, where the planar hull is exact). Used when the source
 * is uncertain — the zones of each likely source, and the ground between them that a plume from a source between
 * them, or a wind turning from one to the other, would cover (the source's counterpart of the wind-direction
 * uncertainty lines). A closed ring; a copy of the ring itself when there is one.
 */
export function zonesEnvelope(rings: readonly (readonly Point2[])[]): Point2[] {
  if (rings.length === 1) return rings[0]!.map(([a, b]): Point2 => [a, b]);
  const vertices = featureCollection(rings.flatMap((ring) => ring.map((p) => point([p[0], p[1]]))));
  const hull = convex(vertices);
  if (!hull) throw new RangeError('zonesEnvelope: the zones have fewer than three distinct vertices');
  return hull.geometry.coordinates[0]!.map(([a, b]): Point2 => [a!, b!]);
}
