// Where the twin's camera goes when a release result arrives: the source and the part of the
// cloud (the lowest level of concern, any frame) that lies over the site, seen from the side of
// the wind so the cloud runs across the view. Pure math on the decoded grid and the scene bounds.
import { sceneX, sceneZ } from '@safetwin/twin-models';

/** A box in metres east/north of the site origin. */
export interface BoxM {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

/** What the camera frames: a sphere in the scene frame, seen from a compass azimuth. */
export interface ReleaseView {
  center: [number, number, number];
  radiusM: number;
  azimuthDeg: number;
}

/** Smallest sphere the release view frames, m (the source with its equipment and neighbours). */
export const MIN_RELEASE_RADIUS_M = 80;
/**
 * Share of the box's half-diagonal the view frames. Seen across the wind, the box's long side
 * runs across the screen, where a sphere fit leaves little to spare: 1.1 keeps the source clear
 * of the panel's edge (0.8 put it on the edge in the 1920×1080 screenshots).
 */
export const RELEASE_FIT = 1.1;

/** The grid as the engine gives it: cell (i, j) centre at (east0M + i·cellM, north0M + j·cellM) from the source, row-major by j. */
export interface CloudGrid {
  nx: number;
  ny: number;
  east0M: number;
  north0M: number;
  cellM: number;
  frames: readonly { valuesPpm: ArrayLike<number> }[];
}

/** The box (site metres, cell edges included) of the cells at or above `minPpm` in any frame; null when none are. */
export function cloudBoxM(grid: CloudGrid, source: { eastM: number; northM: number }, minPpm: number): BoxM | null {
  let i0 = Infinity, i1 = -Infinity, j0 = Infinity, j1 = -Infinity;
  for (const frame of grid.frames) {
    const v = frame.valuesPpm;
    for (let j = 0; j < grid.ny; j++) {
      const row = j * grid.nx;
      for (let i = 0; i < grid.nx; i++) {
        if (!(v[row + i]! >= minPpm)) continue;
        if (i < i0) i0 = i;
        if (i > i1) i1 = i;
        if (j < j0) j0 = j;
        if (j > j1) j1 = j;
      }
    }
  }
  if (i0 > i1) return null;
  const half = grid.cellM / 2;
  const e = source.eastM + grid.east0M, n = source.northM + grid.north0M;
  return { minE: e + i0 * grid.cellM - half, maxE: e + i1 * grid.cellM + half, minN: n + j0 * grid.cellM - half, maxN: n + j1 * grid.cellM + half };
}

/** The site's plan box from the scene bounds (x = east, z = −north). */
export function siteBoxM(bounds: { min: readonly number[]; max: readonly number[] }): BoxM {
  return { minE: bounds.min[0]!, maxE: bounds.max[0]!, minN: -bounds.max[2]!, maxN: -bounds.min[2]! };
}

/** What a release view is made from (the camera adds the azimuth it stands at now). */
export interface ReleaseViewInput {
  source: { eastM: number; northM: number };
  /** The cloud's box (cloudBoxM), null when no cell reaches the level. */
  cloud: BoxM | null;
  site: BoxM;
  windFromDeg: number;
}

/** Angle between two compass bearings, 0..180°. */
function bearingGapDeg(a: number, b: number): number {
  const d = (((a - b) % 360) + 360) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * The view of a release: the source and the cloud clipped to the site, framed from across the
 * wind (windFrom ± 90°, the side nearer `preferredAzimuthDeg`, so the view turns as little as it can).
 */
export function releaseView(input: ReleaseViewInput & { preferredAzimuthDeg: number }): ReleaseView {
  const { source, cloud, site } = input;
  const box: BoxM = { minE: source.eastM, maxE: source.eastM, minN: source.northM, maxN: source.northM };
  if (cloud) {
    const clipped = { minE: Math.max(cloud.minE, site.minE), maxE: Math.min(cloud.maxE, site.maxE), minN: Math.max(cloud.minN, site.minN), maxN: Math.min(cloud.maxN, site.maxN) };
    if (clipped.minE <= clipped.maxE && clipped.minN <= clipped.maxN) {
      box.minE = Math.min(box.minE, clipped.minE); box.maxE = Math.max(box.maxE, clipped.maxE);
      box.minN = Math.min(box.minN, clipped.minN); box.maxN = Math.max(box.maxN, clipped.maxN);
    }
  }
  const centreE = (box.minE + box.maxE) / 2, centreN = (box.minN + box.maxN) / 2;
  const radiusM = Math.max(MIN_RELEASE_RADIUS_M, (Math.hypot(box.maxE - box.minE, box.maxN - box.minN) / 2) * RELEASE_FIT);
  const sides = [(input.windFromDeg + 90) % 360, (input.windFromDeg + 270) % 360];
  const azimuthDeg = bearingGapDeg(sides[0]!, input.preferredAzimuthDeg) <= bearingGapDeg(sides[1]!, input.preferredAzimuthDeg) ? sides[0]! : sides[1]!;
  return { center: [sceneX(centreE), 0, sceneZ(centreN)], radiusM, azimuthDeg };
}
