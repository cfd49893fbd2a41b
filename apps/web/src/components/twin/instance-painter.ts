// Writes per-instance state into instanced-mesh buffers without allocating: each instance holds
// a small state code; when it changes, its colour and its (scaled) matrix are rewritten. The
// buffers are plain Float32Arrays (an InstancedMesh's `instanceColor.array` and
// `instanceMatrix.array`), so this runs in a test exactly as in the frame loop.
import type { InstanceStyle } from './live-visuals.ts';

/** No state yet: the first `paint` of every instance always writes. */
const UNPAINTED = 255;

/** sRGB component (0..1) to linear light, IEC 61966-2-1; three.js's working colour space is linear. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** Converts sRGB components 0..1 (3 per instance) to linear, in place or into `out`. */
export function srgbArrayToLinear(srgb: Float32Array, out: Float32Array = srgb): Float32Array {
  for (let i = 0; i < srgb.length; i++) out[i] = srgbToLinear(srgb[i]!);
  return out;
}

/** Styles as linear-light colour triples and scales, flattened for allocation-free lookups. */
export interface StyleTable {
  /** 3 linear components per code. */
  rgbLinear: Float32Array;
  /** Scale per code. */
  scale: Float32Array;
  /** Number of codes. */
  size: number;
}

/** Flattens styles (index = code) into a {@link StyleTable}. */
export function styleTable(styles: readonly InstanceStyle[]): StyleTable {
  const rgbLinear = new Float32Array(styles.length * 3);
  const scale = new Float32Array(styles.length);
  styles.forEach((s, code) => {
    for (let k = 0; k < 3; k++) rgbLinear[code * 3 + k] = srgbToLinear(s.rgb[k]! / 255);
    scale[code] = s.scale;
  });
  return { rgbLinear, scale, size: styles.length };
}

/** Paints instances of one batch by state code. */
export class InstancePainter {
  private readonly codes: Uint8Array;

  /**
   * @param baseMatrices the built matrices (16 floats per instance), kept unchanged; a state's
   *   scale multiplies the rotation/scale part about the instance's own centre.
   */
  constructor(private readonly baseMatrices: Float32Array, readonly count: number, private readonly table: StyleTable) {
    if (baseMatrices.length < count * 16) throw new Error(`InstancePainter: ${count} instances need ${count * 16} matrix floats, got ${baseMatrices.length}`);
    if (table.size > UNPAINTED) throw new Error(`InstancePainter: at most ${UNPAINTED} codes`);
    this.codes = new Uint8Array(count).fill(UNPAINTED);
  }

  /** The code an instance was last painted with (255 before the first paint). */
  codeOf(i: number): number {
    return this.codes[i]!;
  }

  /** Sets instance `i` to `code`; rewrites its colour and matrix only if the code changed. Returns whether it did. */
  paint(i: number, code: number, colors: Float32Array, matrices: Float32Array): boolean {
    if (this.codes[i] === code) return false;
    if (code < 0 || code >= this.table.size) throw new Error(`InstancePainter: no style for code ${code}`);
    this.codes[i] = code;
    const c = i * 3, rgb = this.table.rgbLinear;
    colors[c] = rgb[code * 3]!;
    colors[c + 1] = rgb[code * 3 + 1]!;
    colors[c + 2] = rgb[code * 3 + 2]!;
    const s = this.table.scale[code]!;
    const o = i * 16, base = this.baseMatrices;
    for (let k = 0; k < 12; k++) matrices[o + k] = (k & 3) === 3 ? base[o + k]! : base[o + k]! * s;
    matrices[o + 12] = base[o + 12]!;
    matrices[o + 13] = base[o + 13]!;
    matrices[o + 14] = base[o + 14]!;
    matrices[o + 15] = base[o + 15]!;
    return true;
  }

  /** Forgets every instance's code, so the next paint of each rewrites it (after a buffer was reset). */
  invalidate(): void {
    this.codes.fill(UNPAINTED);
  }
}
