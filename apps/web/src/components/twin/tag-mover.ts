// People move smoothly: each tag's drawn position eases toward its latest reported position
// every frame (exponential smoothing, so the motion is frame-rate independent). Typed arrays
// only; nothing is allocated per frame.

/** The share of the remaining distance covered in `dtS` seconds with time constant `tauS` (1 − e^(−dt/τ)). */
export function easeFactor(dtS: number, tauS: number): number {
  if (!(dtS > 0)) return 0;
  if (!(tauS > 0)) return 1;
  return 1 - Math.exp(-dtS / tauS);
}

/** Jumps further than this are snapped rather than eased (a tag re-acquired far away), m. */
export const SNAP_DISTANCE_M = 150;

/** Drawn and target positions of every tag of a batch, scene frame, metres. */
export class TagMover {
  /** Drawn positions, 3 per instance. */
  readonly current: Float32Array;
  private readonly target: Float32Array;
  private readonly known: Uint8Array;

  constructor(readonly count: number, private readonly tauS = 0.6) {
    this.current = new Float32Array(count * 3);
    this.target = new Float32Array(count * 3);
    this.known = new Uint8Array(count);
  }

  /** Whether instance `i` has ever had a position. */
  isKnown(i: number): boolean {
    return this.known[i] === 1;
  }

  /** Sets where instance `i` should go; the first position (or a far jump) is taken at once. */
  setTarget(i: number, x: number, y: number, z: number): void {
    const o = i * 3, t = this.target, c = this.current;
    t[o] = x; t[o + 1] = y; t[o + 2] = z;
    if (this.known[i] !== 1 || Math.hypot(c[o]! - x, c[o + 1]! - y, c[o + 2]! - z) > SNAP_DISTANCE_M) {
      c[o] = x; c[o + 1] = y; c[o + 2] = z;
      this.known[i] = 1;
    }
  }

  /** Advances every drawn position toward its target by `dtS` seconds; returns whether any moved. */
  step(dtS: number): boolean {
    const f = easeFactor(dtS, this.tauS);
    if (f === 0) return false;
    const c = this.current, t = this.target;
    let moved = false;
    for (let k = 0; k < this.count * 3; k++) {
      const d = t[k]! - c[k]!;
      if (d === 0) continue;
      c[k] = Math.abs(d) < 1e-3 ? t[k]! : c[k]! + d * f;
      moved = true;
    }
    return moved;
  }

  /**
   * Writes instance `i`'s matrix at its drawn position: an upright body `widthM` across and
   * `heightM` tall, standing on the point (its centre half a height above), times `scale`.
   */
  writeMatrix(i: number, matrices: Float32Array, widthM: number, heightM: number, scale: number): void {
    const o = i * 16, p = i * 3, c = this.current;
    const w = widthM * scale, h = heightM * scale;
    matrices[o] = w; matrices[o + 1] = 0; matrices[o + 2] = 0; matrices[o + 3] = 0;
    matrices[o + 4] = 0; matrices[o + 5] = h; matrices[o + 6] = 0; matrices[o + 7] = 0;
    matrices[o + 8] = 0; matrices[o + 9] = 0; matrices[o + 10] = w; matrices[o + 11] = 0;
    matrices[o + 12] = c[p]!; matrices[o + 13] = c[p + 1]! + h / 2; matrices[o + 14] = c[p + 2]!; matrices[o + 15] = 1;
  }
}
