// The one place where local site coordinates meet the globe.
//
// Every site is anchored at a WGS84 origin; everything on it is placed in local
// east/north/up metres on the tangent plane at that origin (a topocentric frame).
// Conversions go through Earth-centred, Earth-fixed (ECEF) coordinates, exactly as in
// IOGP/EPSG Guidance Note 7-2 (Coordinate Conversions and Transformations), methods
// "Geographic/geocentric conversions" (EPSG 9602) and "Geocentric/topocentric
// conversions" (EPSG 9836); their composition is EPSG 9837 "Geographic/topocentric".
// No small-angle or spherical approximation is made, so round trips are exact to
// floating-point precision anywhere on a site.

/** WGS84 semi-major axis, m (NIMA TR8350.2, table 3.1). */
export const WGS84_A_M = 6_378_137;
/** WGS84 flattening (NIMA TR8350.2, table 3.1). */
export const WGS84_F = 1 / 298.257223563;
/** WGS84 first eccentricity squared, e² = f(2 − f). */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** WGS84 semi-minor axis, m. */
export const WGS84_B_M = WGS84_A_M * (1 - WGS84_F);

const DEG = Math.PI / 180;

/** A site's geodetic anchor: WGS84 latitude and longitude in degrees, ellipsoidal height in metres. */
export interface GeoOrigin {
  latDeg: number;
  lonDeg: number;
  altM: number;
}

/** A point in a site's local tangent plane: metres east, north and up of the origin. */
export interface Enu {
  eastM: number;
  northM: number;
  upM: number;
}

/** A point on the plan (east/north only), metres from the origin. */
export interface EnuPlan {
  eastM: number;
  northM: number;
}

/** A WGS84 geodetic position: degrees, ellipsoidal height in metres. */
export interface LonLatAlt {
  lonDeg: number;
  latDeg: number;
  altM: number;
}

/** Earth-centred, Earth-fixed Cartesian coordinates, metres. */
export interface Ecef {
  xM: number;
  yM: number;
  zM: number;
}

/** Prime-vertical radius of curvature N(φ), m (EPSG GN 7-2, method 9602). */
export function primeVerticalRadiusM(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return WGS84_A_M / Math.sqrt(1 - WGS84_E2 * s * s);
}

/** Meridian radius of curvature M(φ), m; with N it gives the local metres per degree. */
export function meridianRadiusM(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return (WGS84_A_M * (1 - WGS84_E2)) / Math.pow(1 - WGS84_E2 * s * s, 1.5);
}

/** Geodetic (lat, lon, h) to ECEF, m (EPSG 9602 forward). */
export function geodeticToEcef(p: LonLatAlt): Ecef {
  const phi = p.latDeg * DEG;
  const lam = p.lonDeg * DEG;
  const n = primeVerticalRadiusM(p.latDeg);
  const cosPhi = Math.cos(phi);
  return {
    xM: (n + p.altM) * cosPhi * Math.cos(lam),
    yM: (n + p.altM) * cosPhi * Math.sin(lam),
    zM: (n * (1 - WGS84_E2) + p.altM) * Math.sin(phi),
  };
}

/** ECEF to geodetic (lat, lon, h); Bowring's iteration, converged to < 1e-14 rad (EPSG 9602 reverse). */
export function ecefToGeodetic(p: Ecef): LonLatAlt {
  const lam = Math.atan2(p.yM, p.xM);
  const r = Math.hypot(p.xM, p.yM);
  let phi = Math.atan2(p.zM, r * (1 - WGS84_E2));
  let h = 0;
  for (let i = 0; i < 20; i++) {
    const s = Math.sin(phi);
    const n = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * s * s);
    // Away from the poles h = r / cos φ − N is well conditioned; near them use z.
    h = Math.abs(phi) < Math.PI / 4 ? r / Math.cos(phi) - n : p.zM / s - n * (1 - WGS84_E2);
    const next = Math.atan2(p.zM, r * (1 - (WGS84_E2 * n) / (n + h)));
    const done = Math.abs(next - phi) < 1e-14;
    phi = next;
    if (done) break;
  }
  return { lonDeg: lam / DEG, latDeg: phi / DEG, altM: h };
}

/** ECEF offset to local ENU at the origin: the rotation of EPSG 9836. */
function ecefDeltaToEnu(origin: GeoOrigin, dx: number, dy: number, dz: number): Enu {
  const phi = origin.latDeg * DEG;
  const lam = origin.lonDeg * DEG;
  const sp = Math.sin(phi), cp = Math.cos(phi), sl = Math.sin(lam), cl = Math.cos(lam);
  return {
    eastM: -sl * dx + cl * dy,
    northM: -sp * cl * dx - sp * sl * dy + cp * dz,
    upM: cp * cl * dx + cp * sl * dy + sp * dz,
  };
}

/** Local ENU metres at `origin` to WGS84 lon/lat/height (EPSG 9837 reverse). */
export function enuToLonLat(origin: GeoOrigin, p: Enu): LonLatAlt {
  const o = geodeticToEcef({ lonDeg: origin.lonDeg, latDeg: origin.latDeg, altM: origin.altM });
  const phi = origin.latDeg * DEG;
  const lam = origin.lonDeg * DEG;
  const sp = Math.sin(phi), cp = Math.cos(phi), sl = Math.sin(lam), cl = Math.cos(lam);
  // Transpose of the ECEF→ENU rotation.
  const dx = -sl * p.eastM - sp * cl * p.northM + cp * cl * p.upM;
  const dy = cl * p.eastM - sp * sl * p.northM + cp * sl * p.upM;
  const dz = cp * p.northM + sp * p.upM;
  return ecefToGeodetic({ xM: o.xM + dx, yM: o.yM + dy, zM: o.zM + dz });
}

/** WGS84 lon/lat (height defaults to the origin's) to local ENU metres at `origin` (EPSG 9837 forward). */
export function lonLatToEnu(origin: GeoOrigin, p: { lonDeg: number; latDeg: number; altM?: number }): Enu {
  const o = geodeticToEcef({ lonDeg: origin.lonDeg, latDeg: origin.latDeg, altM: origin.altM });
  const q = geodeticToEcef({ lonDeg: p.lonDeg, latDeg: p.latDeg, altM: p.altM ?? origin.altM });
  return ecefDeltaToEnu(origin, q.xM - o.xM, q.yM - o.yM, q.zM - o.zM);
}

/** Plan (east/north) distance between two local points, m. */
export function horizontalDistanceM(a: EnuPlan, b: EnuPlan): number {
  return Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
}

/** Straight-line 3D distance between two local points, m. */
export function distance3dM(a: Enu, b: Enu): number {
  return Math.hypot(b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM);
}

/** Grid bearing from `a` to `b` in the local plane, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: EnuPlan, b: EnuPlan): number {
  const deg = Math.atan2(b.eastM - a.eastM, b.northM - a.northM) / DEG;
  return deg < 0 ? deg + 360 : deg === 360 ? 0 : deg;
}

/** The local point `distanceM` metres from `p` along grid bearing `bearingDeg` (clockwise from north); height kept. */
export function offsetEnu(p: Enu, bearingDegrees: number, distanceM: number): Enu {
  const t = bearingDegrees * DEG;
  return { eastM: p.eastM + distanceM * Math.sin(t), northM: p.northM + distanceM * Math.cos(t), upM: p.upM };
}

/** Result of the ellipsoidal inverse problem. */
export interface GeodesicInverse {
  /** Geodesic length on the WGS84 ellipsoid, m. */
  distanceM: number;
  /** Forward azimuth at the first point, degrees clockwise from true north in [0, 360). */
  initialBearingDeg: number;
  /** Forward azimuth at the second point, degrees in [0, 360). */
  finalBearingDeg: number;
}

/**
 * Geodesic distance and azimuths between two WGS84 points: Vincenty's inverse formula
 * (T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid with
 * application of nested equations", Survey Review 23(176), 1975), accurate to < 1 mm.
 * Throws for nearly antipodal points, where the iteration does not converge.
 */
export function geodesicInverse(a: { lonDeg: number; latDeg: number }, b: { lonDeg: number; latDeg: number }): GeodesicInverse {
  const f = WGS84_F;
  const L = (b.lonDeg - a.lonDeg) * DEG;
  const u1 = Math.atan((1 - f) * Math.tan(a.latDeg * DEG));
  const u2 = Math.atan((1 - f) * Math.tan(b.latDeg * DEG));
  const su1 = Math.sin(u1), cu1 = Math.cos(u1), su2 = Math.sin(u2), cu2 = Math.cos(u2);
  let lam = L;
  let sinSig = 0, cosSig = 1, sig = 0, cos2Alpha = 1, cos2SigM = 0, sinLam = 0, cosLam = 1;
  for (let i = 0; ; i++) {
    if (i > 200) throw new Error('geodesicInverse: no convergence (nearly antipodal points)');
    sinLam = Math.sin(lam);
    cosLam = Math.cos(lam);
    sinSig = Math.hypot(cu2 * sinLam, cu1 * su2 - su1 * cu2 * cosLam);
    if (sinSig === 0) return { distanceM: 0, initialBearingDeg: 0, finalBearingDeg: 0 };
    cosSig = su1 * su2 + cu1 * cu2 * cosLam;
    sig = Math.atan2(sinSig, cosSig);
    const sinAlpha = (cu1 * cu2 * sinLam) / sinSig;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigM = cos2Alpha === 0 ? 0 : cosSig - (2 * su1 * su2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const prev = lam;
    lam = L + (1 - C) * f * sinAlpha * (sig + C * sinSig * (cos2SigM + C * cosSig * (-1 + 2 * cos2SigM * cos2SigM)));
    if (Math.abs(lam - prev) < 1e-13) break;
  }
  const uSq = (cos2Alpha * (WGS84_A_M * WGS84_A_M - WGS84_B_M * WGS84_B_M)) / (WGS84_B_M * WGS84_B_M);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const dSig =
    B *
    sinSig *
    (cos2SigM +
      (B / 4) *
        (cosSig * (-1 + 2 * cos2SigM * cos2SigM) -
          (B / 6) * cos2SigM * (-3 + 4 * sinSig * sinSig) * (-3 + 4 * cos2SigM * cos2SigM)));
  const norm = (rad: number) => ((rad / DEG) % 360 + 360) % 360;
  return {
    distanceM: WGS84_B_M * A * (sig - dSig),
    initialBearingDeg: norm(Math.atan2(cu2 * sinLam, cu1 * su2 - su1 * cu2 * cosLam)),
    finalBearingDeg: norm(Math.atan2(cu1 * sinLam, -su1 * cu2 + cu1 * su2 * cosLam)),
  };
}
