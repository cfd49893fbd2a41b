// The assessment's ground-level concentration grid: extent from the threat-zone geometry, frames over time for a
// transient release (puff, finite or scheduled release), one steady frame otherwise. Pure.
import type { Point2 } from '../geo.ts';
import { functionGridKgM3, type GridSpec } from '../grid.ts';
import { plumeBearingDeg } from '../geo.ts';
import type { ResolvedModel } from '../resolve-model.ts';

/** One grid frame: time after release start [s] (null = steady state), its maximum and its cells [ppm]. */
export interface AssessmentFrame {
  tS: number | null;
  maxPpm: number;
  valuesPpm: Float32Array;
}

/** The grid of an assessment (contract): cell (i, j) centre at (east0M + i·cellM, north0M + j·cellM) from the source, row-major by j. */
export interface AssessmentGrid extends Omit<GridSpec, 'windFromDeg'> {
  unit: 'ppm';
  frames: AssessmentFrame[];
}

/** Margin around the zones' bounding box: 10 % of its larger side, at least this many metres (our choice). */
export const GRID_MIN_MARGIN_M = 20;
/** Half-side of the grid when no zone reaches beyond 1 m (nothing to frame): a 200 m square around the source (our choice). */
export const GRID_FALLBACK_HALF_SIDE_M = 100;

/** Time over which a calm-wind cloud is followed by the grid: 60 min, the AEGL exposure duration (§8.1); our choice. */
export const CALM_GRID_HORIZON_S = 3600;
/** Smallest half-side of a calm-wind grid [m] (our choice: a site and its surroundings). */
export const CALM_GRID_MIN_HALF_SIDE_M = 2000;

/**
 * Half-side [m] of the grid in calm wind (zones drawn as circles, whose radius can reach the 100 km scan limit): the
 * distance the wind carries the cloud in CALM_GRID_HORIZON_S, at least CALM_GRID_MIN_HALF_SIDE_M. Our choice.
 */
export function calmGridHalfSideM(windSpeedMS: number): number {
  return Math.max(CALM_GRID_MIN_HALF_SIDE_M, windSpeedMS * CALM_GRID_HORIZON_S);
}

/**
 * Square cells covering the bounding box of the given rings (local metres east/north of the source) and the source
 * itself, plus a margin of 10 % of the larger side (≥ GRID_MIN_MARGIN_M), at most maxCellsPerSide cells per side; the
 * box is first clipped to ±capHalfSideM around the source when a cap is given (calm wind).
 */
export function gridExtent(rings: readonly (readonly Point2[])[], maxCellsPerSide: number, capHalfSideM = Infinity): Omit<GridSpec, 'zM' | 'windFromDeg'> {
  let minE = 0, maxE = 0, minN = 0, maxN = 0;
  let any = false;
  for (const ring of rings) {
    for (const [e, n] of ring) {
      any = true;
      if (e < minE) minE = e;
      if (e > maxE) maxE = e;
      if (n < minN) minN = n;
      if (n > maxN) maxN = n;
    }
  }
  const clip = (v: number) => Math.min(capHalfSideM, Math.max(-capHalfSideM, v));
  minE = clip(minE); maxE = clip(maxE); minN = clip(minN); maxN = clip(maxN);
  if (!any || Math.max(maxE - minE, maxN - minN) < 1) {
    minE = minN = -GRID_FALLBACK_HALF_SIDE_M;
    maxE = maxN = GRID_FALLBACK_HALF_SIDE_M;
  }
  const margin = Math.max(GRID_MIN_MARGIN_M, 0.1 * Math.max(maxE - minE, maxN - minN));
  return cellsOverBox({ east0M: minE - margin, north0M: minN - margin, east1M: maxE + margin, north1M: maxN + margin }, maxCellsPerSide);
}

/** A box in metres east/north of the source: south-west corner (east0M, north0M), north-east corner (east1M, north1M). */
export interface GridBox {
  east0M: number;
  north0M: number;
  east1M: number;
  north1M: number;
}

/** Smallest grid cell [m] for a caller-given extent (our choice: finer cells than 2 m add nothing a plume model can resolve). */
export const GRID_MIN_CELL_M = 2;

/**
 * Square cells over a box: cell side = the box's longer side / maxCellsPerSide, but at least minCellM; the cells are
 * centred on the box (the shorter side gets a partial cell split on both sides).
 */
export function cellsOverBox(box: GridBox, maxCellsPerSide: number, minCellM = 0): Omit<GridSpec, 'zM' | 'windFromDeg'> {
  const { east0M: minE, north0M: minN, east1M: maxE, north1M: maxN } = box;
  const cellM = Math.max(minCellM, Math.max(maxE - minE, maxN - minN) / maxCellsPerSide);
  const nx = Math.min(maxCellsPerSide, Math.max(1, Math.ceil((maxE - minE) / cellM - 1e-9)));
  const ny = Math.min(maxCellsPerSide, Math.max(1, Math.ceil((maxN - minN) / cellM - 1e-9)));
  // Centre the cells on the box (the side that is not the longest gets a partial cell split on both sides).
  const east0M = (minE + maxE) / 2 - ((nx - 1) * cellM) / 2;
  const north0M = (minN + maxN) / 2 - ((ny - 1) * cellM) / 2;
  return { nx, ny, east0M, north0M, cellM };
}

/**
 * Frame times of a transient release: t_k = T·(k + ½)/n for k = 0…n−1, where T = m.time.passedS(farthestM) is when
 * the cloud's trailing edge has passed the farthest zone distance, so the first frame is shortly after the release
 * starts and the last just before the cloud has left the farthest zone. Empty for a steady model.
 */
export function frameTimesS(m: ResolvedModel, farthestM: number, frames: number): number[] {
  if (m.time.kind === 'steady') return [];
  const endS = m.time.passedS(farthestM);
  return Array.from({ length: frames }, (_, k) => (endS * (k + 0.5)) / frames);
}

/** The pure substance [ppm]: the most a cell can show. */
const PURE_PPM = 1e6;

/**
 * Fills one frame [ppm] at ground/receptor height g.zM from the model at time t (undefined = steady); returns its
 * maximum. Steady frames sample cell centres. Transient frames (a puff can be far narrower than a cell) give each cell
 * within one cell side of the cloud's axis stretch the larger of the value at its centre and at its point nearest the stretch (m.time.cloudAxisM:
 * the point of the stretch nearest the cell centre, clamped into the cell), so a cloud between cell centres is not
 * missed (the cell holding a puff's centre reads its true peak) — our display rule. The maximum returned is the largest
 * cell value (the hub's contract: maxPpm = max of valuesPpm).
 */
export function fillFrame(m: ResolvedModel, g: GridSpec, kgM3ToPpm: number, tS: number | undefined, out: Float32Array): number {
  const b = (plumeBearingDeg(g.windFromDeg) * Math.PI) / 180;
  const sb = Math.sin(b);
  const cb = Math.cos(b);
  const z = g.zM;
  // Same rotation as plumeGridKgM3: x downwind = e·sin b + n·cos b, y = −e·cos b + n·sin b.
  // A Gaussian puff near its source can exceed the pure substance; no cell shows more than 10⁶ ppm (our display cap).
  const at = (e: number, n: number) => Math.min(PURE_PPM, m.concentrationKgM3(e * sb + n * cb, -e * cb + n * sb, z, tS).concentrationKgM3 * kgM3ToPpm);
  const axis = tS !== undefined && m.time.kind === 'transient' ? m.time.cloudAxisM?.(tS) : undefined;
  let max = 0;
  if (axis) {
    const [x0, x1] = axis;
    const half = g.cellM / 2;
    functionGridKgM3((e, n) => {
      // Nearest point of the stretch (on the axis, y = 0) to the cell centre, then clamped into the cell; only for
      // cells within one cell side of the stretch (farther cells cannot contain its core: centre value only).
      const xc = e * sb + n * cb;
      const x = Math.min(x1, Math.max(x0, xc));
      if (Math.hypot(xc - x, -e * cb + n * sb) > g.cellM) return at(e, n);
      const ea = Math.min(e + half, Math.max(e - half, x * sb));
      const na = Math.min(n + half, Math.max(n - half, x * cb));
      return Math.max(at(e, n), at(ea, na));
    }, g, 0, g.ny, out);
  } else functionGridKgM3(at, g, 0, g.ny, out);
  for (let i = 0; i < out.length; i++) if (out[i]! > max) max = out[i]!;
  return max;
}
