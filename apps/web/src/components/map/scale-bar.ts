// The map's scale bar: ground metres per screen pixel in deck.gl's Web Mercator view, and a
// bar of a round length (1, 2 or 5 × 10ⁿ m) that fits the space given.
import { WGS84_A_M } from '@safetwin/twin-models';

/** Width of the Web Mercator world at zoom 0 in deck.gl, px (deck.gl uses 512-px tiles). */
export const WORLD_SIZE_AT_ZOOM_0_PX = 512;

/** Ground metres one screen pixel spans at `latDeg` and deck.gl `zoom` (spherical Mercator on the WGS84 equatorial radius). */
export function metresPerPixel(latDeg: number, zoom: number): number {
  return (2 * Math.PI * WGS84_A_M * Math.cos((latDeg * Math.PI) / 180)) / (WORLD_SIZE_AT_ZOOM_0_PX * 2 ** zoom);
}

/** A scale bar: its ground length, its width on screen and its label. */
export interface ScaleBar {
  lengthM: number;
  widthPx: number;
  /** "200 m", "1 km", "2.5 km" is never produced: lengths are 1, 2 or 5 × 10ⁿ. */
  label: string;
}

/** The longest round length (1, 2, 5 × 10ⁿ m) whose bar is at most `maxWidthPx` wide; null for a degenerate view. */
export function scaleBar(mPerPx: number, maxWidthPx: number): ScaleBar | null {
  if (!(mPerPx > 0) || !Number.isFinite(mPerPx) || !(maxWidthPx > 0)) return null;
  const maxM = mPerPx * maxWidthPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const lengthM = [5, 2, 1].map((f) => f * pow).find((l) => l <= maxM) ?? pow;
  return { lengthM, widthPx: lengthM / mPerPx, label: lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m` };
}
