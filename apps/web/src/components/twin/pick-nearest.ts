// Picking by screen distance: a click selects the marker whose centre is drawn nearest to the
// pointer, within a tolerance. Markers grow with distance on screen (marker-boost.ts), which
// a ray test against their built size would miss; and on a wall "click near it" is kinder
// than "hit it exactly".

/** A pick candidate: instance index, its distance from the pointer (px) and depth (clip w). */
export interface PickHit {
  index: number;
  distancePx: number;
  depth: number;
}

/**
 * The instance whose centre projects nearest to the pointer, within `maxPx`; ties (within 1 px)
 * go to the one nearer the camera. `centers` holds x, y, z at `offset + i * stride`;
 * `viewProjection` is column-major (three's `Matrix4.elements`). `skip(i)` leaves instances out
 * (e.g. people never heard from). Writes into `best` and returns true when it found a nearer one.
 */
export function nearestInstance(
  centers: ArrayLike<number>, count: number, stride: number, offset: number,
  viewProjection: ArrayLike<number>, pointerXPx: number, pointerYPx: number, widthPx: number, heightPx: number,
  maxPx: number, best: PickHit, skip?: (i: number) => boolean,
): boolean {
  const m = viewProjection;
  let found = false;
  for (let i = 0; i < count; i++) {
    if (skip?.(i)) continue;
    const o = offset + i * stride;
    const x = centers[o]!, y = centers[o + 1]!, z = centers[o + 2]!;
    const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]!;
    if (w <= 0) continue; // behind the camera
    const sx = ((m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w + 1) * 0.5 * widthPx;
    const sy = (1 - (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w) * 0.5 * heightPx;
    const d = Math.hypot(sx - pointerXPx, sy - pointerYPx);
    if (d > maxPx) continue;
    const better = d < best.distancePx - 1 || (Math.abs(d - best.distancePx) <= 1 && w < best.depth);
    if (!better) continue;
    best.index = i;
    best.distancePx = d;
    best.depth = w;
    found = true;
  }
  return found;
}
