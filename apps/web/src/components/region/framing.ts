// The region wall's first view: a rectangle (degrees) that frames every visible site with a
// margin, and a sensible minimum size so a single site is shown in its region, not its street.

/** A geographic rectangle, degrees. */
export interface DegreeRect {
  westDeg: number;
  southDeg: number;
  eastDeg: number;
  northDeg: number;
}

/** How the frame is widened. */
export interface FramingOptions {
  /** Margin on each side, as a share of the sites' span (the coast and neighbours give a place its context). @defaultValue 1.2 */
  padShare: number;
  /** Smallest width and height of the frame, degrees (≈ 1 600 km: the region, and no closer than the offline imagery's detail). @defaultValue 16 */
  minSpanDeg: number;
}

const DEFAULTS: FramingOptions = { padShare: 1.2, minSpanDeg: 16 };
/** Web-map latitude limit: the frame never reaches the poles. */
const MAX_LAT_DEG = 85;

/**
 * The frame around `points` (null when there are none). Longitudes are taken as they come:
 * sites on both sides of the antimeridian would be framed the long way round (no such region here).
 */
export function framingRectangle(points: ReadonlyArray<{ latDeg: number; lonDeg: number }>, options: Partial<FramingOptions> = {}): DegreeRect | null {
  if (points.length === 0) return null;
  const { padShare, minSpanDeg } = { ...DEFAULTS, ...options };
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of points) {
    west = Math.min(west, p.lonDeg);
    east = Math.max(east, p.lonDeg);
    south = Math.min(south, p.latDeg);
    north = Math.max(north, p.latDeg);
  }
  const widen = (lo: number, hi: number): [number, number] => {
    const span = Math.max(hi - lo + 2 * padShare * (hi - lo), minSpanDeg);
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  const [westDeg, eastDeg] = widen(west, east);
  const [southDeg, northDeg] = widen(south, north);
  return {
    westDeg: Math.max(-180, westDeg),
    eastDeg: Math.min(180, eastDeg),
    southDeg: Math.max(-MAX_LAT_DEG, southDeg),
    northDeg: Math.min(MAX_LAT_DEG, northDeg),
  };
}
