import { describe, expect, it } from 'vitest';
import {
  bearingDeg, ecefToGeodetic, enuToLonLat, geodesicInverse, geodeticToEcef, horizontalDistanceM, lonLatToEnu, meridianRadiusM, offsetEnu,
} from './geo.ts';
import type { GeoOrigin } from './geo.ts';

const dms = (d: number, m: number, s: number) => Math.sign(d || 1) * (Math.abs(d) + m / 60 + s / 3600);

const PARK: GeoOrigin = { latDeg: 32.265, lonDeg: 118.815, altM: 8 };
const MINE: GeoOrigin = { latDeg: 37.918, lonDeg: 113.502, altM: 1020 };
const HIGH_LAT: GeoOrigin = { latDeg: 69.5, lonDeg: -140.2, altM: 50 };

describe('ENU ↔ WGS84 round trips', () => {
  const CASES = [
    { title: 'park, 2 km east', origin: PARK, p: { eastM: 2000, northM: 0, upM: 0 } },
    { title: 'park, far corner with height', origin: PARK, p: { eastM: -1200, northM: 800, upM: 35 } },
    { title: 'mine, 450 m down the shaft', origin: MINE, p: { eastM: 60, northM: 0, upM: -450 } },
    { title: 'mine, longwall face end', origin: MINE, p: { eastM: 1080, northM: 1300, upM: -428 } },
    { title: 'high latitude, 5 km', origin: HIGH_LAT, p: { eastM: 3000, northM: -4000, upM: 120 } },
  ];
  for (const c of CASES) {
    it(`${c.title}: enu → lon/lat → enu within 1 µm`, () => {
      const ll = enuToLonLat(c.origin, c.p);
      const back = lonLatToEnu(c.origin, ll);
      expect(Math.abs(back.eastM - c.p.eastM), c.title).toBeLessThan(1e-6);
      expect(Math.abs(back.northM - c.p.northM), c.title).toBeLessThan(1e-6);
      expect(Math.abs(back.upM - c.p.upM), c.title).toBeLessThan(1e-6);
    });
  }

  it('the origin maps to itself', () => {
    const ll = enuToLonLat(PARK, { eastM: 0, northM: 0, upM: 0 });
    expect(ll.latDeg).toBeCloseTo(PARK.latDeg, 12);
    expect(ll.lonDeg).toBeCloseTo(PARK.lonDeg, 12);
    expect(ll.altM).toBeCloseTo(PARK.altM, 6);
  });

  it('lon/lat → ecef → lon/lat is exact', () => {
    for (const p of [{ lonDeg: 118.8, latDeg: 32.2, altM: 10 }, { lonDeg: -70, latDeg: -85, altM: 3000 }, { lonDeg: 10, latDeg: 0, altM: -100 }]) {
      const q = ecefToGeodetic(geodeticToEcef(p));
      expect(q.latDeg).toBeCloseTo(p.latDeg, 11);
      expect(q.lonDeg).toBeCloseTo(p.lonDeg, 11);
      expect(q.altM).toBeCloseTo(p.altM, 6);
    }
  });
});

describe('published worked examples', () => {
  it('EPSG GN 7-2 geographic → geocentric example (method 9602)', () => {
    const x = geodeticToEcef({ latDeg: dms(53, 48, 33.82), lonDeg: dms(2, 7, 46.38), altM: 73 });
    expect(x.xM).toBeCloseTo(3771793.968, 2);
    expect(x.yM).toBeCloseTo(140253.342, 2);
    expect(x.zM).toBeCloseTo(5124304.349, 2);
  });

  it('EPSG GN 7-2 geographic → topocentric example (method 9837)', () => {
    const origin = { latDeg: 55, lonDeg: 5, altM: 200 };
    const p = lonLatToEnu(origin, { latDeg: dms(53, 48, 33.82), lonDeg: dms(2, 7, 46.38), altM: 73 });
    expect(p.eastM).toBeCloseTo(-189013.869, 2);
    expect(p.northM).toBeCloseTo(-128642.04, 2);
    expect(p.upM).toBeCloseTo(-4220.171, 2);
  });

  it('Vincenty inverse: Flinders Peak → Buninyong (Geoscience Australia), 54 972.271 m, azimuth 306°52′05.37″', () => {
    const r = geodesicInverse(
      { latDeg: -dms(37, 57, 3.7203), lonDeg: dms(144, 25, 29.5244) },
      { latDeg: -dms(37, 39, 10.1561), lonDeg: dms(143, 55, 35.3839) },
    );
    expect(Math.abs(r.distanceM - 54972.271)).toBeLessThan(0.001);
    expect(Math.abs(r.initialBearingDeg - dms(306, 52, 5.37))).toBeLessThan(0.5 / 3600);
  });
});

/** Meridian arc between two latitudes by Simpson integration of M(φ): independent of Vincenty and of the ENU code. */
function meridianArcM(lat1Deg: number, lat2Deg: number): number {
  const n = 1000;
  const h = (lat2Deg - lat1Deg) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    sum += w * meridianRadiusM(lat1Deg + i * h);
  }
  return ((sum * h) / 3) * (Math.PI / 180);
}

describe('distance accuracy over 2 km (< 1 cm)', () => {
  it('2 km due north: meridian arc, Vincenty and ENU agree', () => {
    const origin = { ...PARK, altM: 0 };
    const target = 2000;
    // Latitude 2 km north, found by Newton's method on the meridian arc.
    let lat = PARK.latDeg + target / 111_000;
    for (let i = 0; i < 5; i++) lat -= ((meridianArcM(PARK.latDeg, lat) - target) / meridianRadiusM(lat)) * (180 / Math.PI);
    expect(Math.abs(meridianArcM(PARK.latDeg, lat) - target)).toBeLessThan(1e-6);
    const v = geodesicInverse(origin, { latDeg: lat, lonDeg: PARK.lonDeg });
    expect(Math.abs(v.distanceM - target)).toBeLessThan(0.001);
    const enu = lonLatToEnu(origin, { latDeg: lat, lonDeg: PARK.lonDeg, altM: 0 });
    expect(Math.abs(enu.northM - target)).toBeLessThan(0.01);
    expect(Math.abs(enu.eastM)).toBeLessThan(1e-6);
  });

  // On the tangent plane at sea level a 2 km offset and the geodesic between the projected ends differ by d³/3R² ≈ 0.07 mm.
  const CASES = [
    { title: 'park, 2 km east', origin: PARK, e: 2000, n: 0 },
    { title: 'park, 2 km north-east', origin: PARK, e: 1414.2136, n: 1414.2136 },
    { title: 'park, 2 km south-west', origin: PARK, e: -1414.2136, n: -1414.2136 },
    { title: 'mine, 2 km north', origin: MINE, e: 0, n: 2000 },
    { title: 'high latitude, 2 km west', origin: HIGH_LAT, e: -2000, n: 0 },
  ];
  for (const c of CASES) {
    it(`${c.title}: ENU distance and bearing match the ellipsoidal geodesic`, () => {
      const origin = { ...c.origin, altM: 0 };
      const b = enuToLonLat(origin, { eastM: c.e, northM: c.n, upM: 0 });
      const v = geodesicInverse(origin, b);
      expect(Math.abs(v.distanceM - Math.hypot(c.e, c.n)), c.title).toBeLessThan(0.01);
      expect(Math.abs(v.initialBearingDeg - bearingDeg({ eastM: 0, northM: 0 }, { eastM: c.e, northM: c.n })), c.title).toBeLessThan(1e-4);
    });
  }
});

describe('plane helpers', () => {
  const CASES = [
    { title: 'north', to: { eastM: 0, northM: 10 }, bearing: 0 },
    { title: 'east', to: { eastM: 10, northM: 0 }, bearing: 90 },
    { title: 'south', to: { eastM: 0, northM: -10 }, bearing: 180 },
    { title: 'west', to: { eastM: -10, northM: 0 }, bearing: 270 },
    { title: 'north-east', to: { eastM: 5, northM: 5 }, bearing: 45 },
  ];
  for (const c of CASES) {
    it(`bearing ${c.title}`, () => {
      expect(bearingDeg({ eastM: 0, northM: 0 }, c.to), c.title).toBeCloseTo(c.bearing, 9);
      const p = offsetEnu({ eastM: 0, northM: 0, upM: 3 }, c.bearing, horizontalDistanceM({ eastM: 0, northM: 0 }, c.to));
      expect(p.eastM, c.title).toBeCloseTo(c.to.eastM, 9);
      expect(p.northM, c.title).toBeCloseTo(c.to.northM, 9);
      expect(p.upM).toBe(3);
    });
  }
});
