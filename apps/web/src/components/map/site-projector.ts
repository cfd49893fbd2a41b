// Site plan metres → WGS84 lon/lat for the map, through the one conversion of twin-models
// (geo.ts, EPSG 9837). Static geometry is converted exactly; moving things (miners' tags, many
// times a second) go through a second-order expansion of it, written into a typed array.
import { enuToLonLat, type GeoOrigin } from '@safetwin/twin-models';

/** A map position: longitude, latitude in degrees (deck.gl's order). */
export type LonLat = [lonDeg: number, latDeg: number];

/** Step of the finite differences that give the derivatives, m. */
const STEP_M = 500;

/** Coefficients of f(e, n) ≈ f0 + a·e + b·n + c·e² + d·e·n + k·n² for one output (lon or lat). */
type Quadratic = readonly [f0: number, a: number, b: number, c: number, d: number, k: number];

/**
 * Projects plan points (east, north metres of the site origin, on the ground plane) to lon/lat.
 * The fast form is the exact conversion's second-order Taylor expansion about the origin
 * (derivatives by central differences of the exact one); on a site a few kilometres across it
 * stays within centimetres of the exact conversion (tested).
 */
export class SiteProjector {
  private readonly lon: Quadratic;
  private readonly lat: Quadratic;

  constructor(private readonly origin: GeoOrigin) {
    const at = (eastM: number, northM: number) => enuToLonLat(origin, { eastM, northM, upM: 0 });
    const h = STEP_M;
    const o = at(0, 0), e1 = at(h, 0), e0 = at(-h, 0), n1 = at(0, h), n0 = at(0, -h);
    const pp = at(h, h), pm = at(h, -h), mp = at(-h, h), mm = at(-h, -h);
    const fit = (f: (p: { lonDeg: number; latDeg: number }) => number): Quadratic => [
      f(o),
      (f(e1) - f(e0)) / (2 * h),
      (f(n1) - f(n0)) / (2 * h),
      (f(e1) - 2 * f(o) + f(e0)) / (2 * h * h),
      (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * h * h),
      (f(n1) - 2 * f(o) + f(n0)) / (2 * h * h),
    ];
    this.lon = fit((p) => p.lonDeg);
    this.lat = fit((p) => p.latDeg);
  }

  /** Exact lon/lat of a plan point on the ground plane (height of the origin). */
  lonLat(eastM: number, northM: number): LonLat {
    const p = enuToLonLat(this.origin, { eastM, northM, upM: 0 });
    return [p.lonDeg, p.latDeg];
  }

  /** Writes the lon/lat of a plan point into `out[offset]`, `out[offset + 1]`; allocates nothing. */
  writeLonLat(out: Float64Array, offset: number, eastM: number, northM: number): void {
    out[offset] = evaluate(this.lon, eastM, northM);
    out[offset + 1] = evaluate(this.lat, eastM, northM);
  }
}

function evaluate([f0, a, b, c, d, k]: Quadratic, e: number, n: number): number {
  return f0 + a * e + b * n + c * e * e + d * e * n + k * n * n;
}
