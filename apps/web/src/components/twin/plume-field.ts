// The ground-level concentration field in the twin, without three.js: how a frame of ppm values
// becomes one byte per cell (log scale, so linear texture filtering interpolates the log of the
// concentration and the contours come out smooth), and the colour the shader gives a byte — the
// same levels and colours as the threat zones on the plan (ALOHA: red AEGL-3, orange AEGL-2,
// yellow AEGL-1), plus a faint trace down to a tenth of the lowest level so the cloud's reach shows.
import { zoneRgb, type Rgb } from '../map/threat-zone-layers.ts';

/** Most levels the shader takes (the engine gives 3 AEGL levels by default). */
export const MAX_FIELD_LEVELS = 4;

/** Decades shown below the lowest level (as the faint trace) and above the highest. */
export const FIELD_DECADES_BELOW = 1;
export const FIELD_DECADES_ABOVE = 1;

/** Opacity of each level, highest level first; the trace is fainter still. */
export const LEVEL_ALPHA = [0.62, 0.52, 0.42, 0.36] as const;
/** Opacity and colour of the trace below the lowest level. */
export const TRACE_ALPHA = 0.1;
export const TRACE_RGB: Rgb = [200, 214, 230];

/** A level of concern as the field shows it. */
export interface FieldLevel {
  ppm: number;
  /** ALOHA colour name from the engine (red, orange, yellow, …). */
  color: string;
}

/** How ppm maps to a byte: byte = 1 + 254·(log10 ppm − logMinPpm)/(logMaxPpm − logMinPpm), 0 for nothing. */
export interface FieldEncoding {
  logMinPpm: number;
  logMaxPpm: number;
  /** Levels, highest ppm first (at most {@link MAX_FIELD_LEVELS}). */
  levels: FieldLevel[];
}

/** The encoding for a set of levels (sorted highest first; a decade of trace below the lowest). */
export function fieldEncoding(levels: readonly FieldLevel[]): FieldEncoding {
  const sorted = levels.filter((l) => l.ppm > 0 && Number.isFinite(l.ppm)).sort((a, b) => b.ppm - a.ppm).slice(0, MAX_FIELD_LEVELS);
  if (sorted.length === 0) throw new RangeError('fieldEncoding: at least one positive level of concern is needed');
  const logMaxPpm = Math.log10(sorted[0]!.ppm) + FIELD_DECADES_ABOVE;
  const logMinPpm = Math.log10(sorted[sorted.length - 1]!.ppm) - FIELD_DECADES_BELOW;
  return { logMinPpm, logMaxPpm, levels: sorted };
}

/** The byte value (0–255, fractional) of a concentration; 0 at or below the trace's lower end. */
export function encodePpm(ppm: number, enc: FieldEncoding): number {
  if (!(ppm > 0)) return 0;
  const f = (Math.log10(ppm) - enc.logMinPpm) / (enc.logMaxPpm - enc.logMinPpm);
  if (f <= 0) return 0;
  return Math.min(255, 1 + 254 * f);
}

/** Writes one frame's bytes into `out` (length nx·ny); allocates nothing. */
export function encodeFrameInto(valuesPpm: Float32Array, enc: FieldEncoding, out: Uint8Array): Uint8Array {
  if (out.length !== valuesPpm.length) throw new RangeError(`encodeFrameInto: ${out.length} bytes for ${valuesPpm.length} values`);
  for (let i = 0; i < valuesPpm.length; i++) out[i] = Math.round(encodePpm(valuesPpm[i]!, enc));
  return out;
}

/** Thresholds for the shader, as texture values 0–1, highest level first, padded with 2 (never reached). */
export function levelThresholds(enc: FieldEncoding): [number, number, number, number] {
  const out: [number, number, number, number] = [2, 2, 2, 2];
  enc.levels.forEach((l, k) => {
    out[k] = encodePpm(l.ppm, enc) / 255;
  });
  return out;
}

/** What a texel shows (the shader's rule, for tests and the legend): a level index, 'trace', or null for nothing. */
export function levelAt(texel: number, enc: FieldEncoding): number | 'trace' | null {
  const thresholds = levelThresholds(enc);
  for (let k = 0; k < enc.levels.length; k++) if (texel >= thresholds[k]! - 1e-6) return k;
  return texel > 0 ? 'trace' : null;
}

/** RGBA (0–255) a concentration is drawn in: its level's colour and opacity, the trace, or transparent. */
export function fieldRgba(ppm: number, enc: FieldEncoding): [number, number, number, number] {
  const at = levelAt(encodePpm(ppm, enc) / 255, enc);
  if (at === null) return [0, 0, 0, 0];
  if (at === 'trace') return [...TRACE_RGB, Math.round(TRACE_ALPHA * 255)];
  return [...zoneRgb(enc.levels[at]!.color), Math.round(LEVEL_ALPHA[at]! * 255)];
}

/** Where the field's plane lies, metres east/north of the SITE origin (grid cells are given from the source). */
export function fieldPlacement(grid: { nx: number; ny: number; east0M: number; north0M: number; cellM: number }, source: { eastM: number; northM: number }) {
  const widthM = grid.nx * grid.cellM;
  const depthM = grid.ny * grid.cellM;
  // Cell centres run from east0M to east0M + (nx − 1)·cellM: the plane spans half a cell beyond them.
  const centreEastM = source.eastM + grid.east0M + ((grid.nx - 1) * grid.cellM) / 2;
  const centreNorthM = source.northM + grid.north0M + ((grid.ny - 1) * grid.cellM) / 2;
  return { widthM, depthM, centreEastM, centreNorthM };
}
