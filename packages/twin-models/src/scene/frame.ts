// The one conversion between a site's local east/north/up metres and the 3D scene frame.
//
// three.js (and @react-three/fiber) is right-handed with +y up. We put
//   x = east, y = up, z = −north
// so a camera looking down −z looks north, east is to its right, and the plan is not mirrored.
// Units stay metres; the origin stays the site origin (sites span a few km, well inside
// float32 precision at centimetre level).

/** Scene x (metres) of a point `eastM` east of the site origin. */
export function sceneX(eastM: number): number {
  return eastM;
}

/** Scene y (metres) of a point `upM` above the site origin. */
export function sceneY(upM: number): number {
  return upM;
}

/** Scene z (metres) of a point `northM` north of the site origin: north is −z. */
export function sceneZ(northM: number): number {
  return -northM;
}

/** Writes the scene position of an ENU point into `out` at `offset` (x, y, z); returns `out`. */
export function enuToSceneInto(eastM: number, northM: number, upM: number, out: Float32Array | number[], offset = 0): Float32Array | number[] {
  out[offset] = sceneX(eastM);
  out[offset + 1] = sceneY(upM);
  out[offset + 2] = sceneZ(northM);
  return out;
}

/** East, north and up metres of a scene-frame point (the inverse of {@link enuToSceneInto}). */
export function sceneToEnu(x: number, y: number, z: number): { eastM: number; northM: number; upM: number } {
  return { eastM: x, northM: -z, upM: y };
}

/**
 * Rotation about scene +y (radians, counter-clockwise seen from above) that turns a box's local
 * +x axis onto a grid bearing `headingDeg` (degrees clockwise from north, as the site schema gives
 * headings): bearing 90° (east) is no rotation, bearing 0° (north) is +90°.
 */
export function headingToYawRad(headingDeg: number): number {
  return ((90 - headingDeg) * Math.PI) / 180;
}
