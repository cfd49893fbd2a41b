// Site metres ↔ the map's [lon, lat] for the views (twin-models' WGS84 local tangent plane).
import type { SitePlace } from '@safetwin/protocol';
import { enuToLonLat, type GeoOrigin } from '@safetwin/twin-models';

/** Metres kept in the views: 1 cm. */
const round2 = (x: number) => Math.round(x * 100) / 100;
/** Degrees kept in the views: 1e-7° (≈ 1 cm). */
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A plan point of the site as [lon, lat]. */
export function lonLatOf(origin: GeoOrigin, eastM: number, northM: number): [number, number] {
  const p = enuToLonLat(origin, { eastM, northM, upM: 0 });
  return [round7(p.lonDeg), round7(p.latDeg)];
}

/** A plan point of the site in both forms. */
export function sitePlace(origin: GeoOrigin, p: { eastM: number; northM: number }): SitePlace {
  return { eastM: round2(p.eastM), northM: round2(p.northM), lonLat: lonLatOf(origin, p.eastM, p.northM) };
}

/** A polyline or ring of site metres in both forms. */
export function bothForms(origin: GeoOrigin, points: readonly { eastM: number; northM: number }[]): { enu: [number, number][]; lonLat: [number, number][] } {
  return {
    enu: points.map((p): [number, number] => [round2(p.eastM), round2(p.northM)]),
    lonLat: points.map((p) => lonLatOf(origin, p.eastM, p.northM)),
  };
}
