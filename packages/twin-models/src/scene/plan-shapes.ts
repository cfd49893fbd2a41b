// Plan polygons as the camera needs them: a centre and a radius that holds the shape.
import type { EnuPlan } from '../geo.ts';
import { signedAreaM2 } from '../geometry.ts';

/** Area centroid of a simple plan polygon, m; the vertex mean when the area is zero. */
export function polygonCentroid(polygon: readonly EnuPlan[]): EnuPlan {
  const area = signedAreaM2(polygon);
  if (Math.abs(area) < 1e-9) {
    let e = 0, n = 0;
    for (const p of polygon) { e += p.eastM; n += p.northM; }
    return { eastM: e / polygon.length, northM: n / polygon.length };
  }
  let cx = 0, cy = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!, b = polygon[(i + 1) % polygon.length]!;
    const cross = a.eastM * b.northM - b.eastM * a.northM;
    cx += (a.eastM + b.eastM) * cross;
    cy += (a.northM + b.northM) * cross;
  }
  return { eastM: cx / (6 * area), northM: cy / (6 * area) };
}

/** Largest plan distance from `center` to a vertex of the polygon, m. */
export function polygonRadiusM(polygon: readonly EnuPlan[], center: EnuPlan): number {
  let r = 0;
  for (const p of polygon) r = Math.max(r, Math.hypot(p.eastM - center.eastM, p.northM - center.northM));
  return r;
}
