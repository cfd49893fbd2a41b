// Concentration grids for display: a site-aligned grid (east/north cells) around the source, filled row by row so
// callers can split the rows across worker threads. Pure: writes into the caller's Float32Array.
import { BRIGGS_RURAL, BRIGGS_URBAN, type BriggsTerm } from './sigma.ts';
import { plumeConcentrationKgM3, type PlumeParams } from './gaussian-plume.ts';
import { plumeBearingDeg } from './geo.ts';

/** A grid of nx × ny cells, row-major by north index; cell (i, j) centre at (east0M + i·cellM, north0M + j·cellM) from the source. */
export interface GridSpec {
  nx: number;
  ny: number;
  east0M: number;
  north0M: number;
  cellM: number;
  /** Receptor height [m]. */
  zM: number;
  /** Direction the wind comes from [deg]. */
  windFromDeg: number;
}

const code = (t: BriggsTerm) => (t.c === -0.5 ? 0 : t.c === -1 ? 1 : t.c === 0.5 ? 2 : 3);

/**
 * Steady reflected Gaussian plume (plume-physics.md §2) on rows [rowStart, rowEnd) of the grid, into `out` in kg/m³;
 * row j goes to out[(j − outRowOffset)·nx …], so a worker can fill its own slice (outRowOffset = rowStart) — two
 * threads writing halves of one SharedArrayBuffer measured much slower here than separate slices. Briggs sets run
 * an inlined kernel; other sets call the σ functions.
 */
export function plumeGridKgM3(p: PlumeParams, g: GridSpec, rowStart: number, rowEnd: number, out: Float32Array, outRowOffset = 0): void {
  const b = (plumeBearingDeg(g.windFromDeg) * Math.PI) / 180;
  const sb = Math.sin(b);
  const cb = Math.cos(b);
  const h = p.releaseHeightM;
  const z = g.zM;
  const dz = z - h;
  const sz2 = z + h;
  const single = z === 0 || h === 0; // the two vertical terms coincide: one exp instead of two
  const both0 = z === 0 && h === 0;
  const k = p.rateKgS / (2 * Math.PI * p.windSpeedMS);
  const table = p.sigmaSet === 'briggs-rural' ? BRIGGS_RURAL : p.sigmaSet === 'briggs-urban' ? BRIGGS_URBAN : undefined;
  const nx = g.nx;
  if (table && p.mixingHeightM === undefined) {
    const ty = table[p.stabilityClass].y;
    const tz = table[p.stabilityClass].z;
    const ay = ty.a, by = ty.b, cy = code(ty);
    const az = tz.a, bz = tz.b, cz = code(tz);
    for (let j = rowStart; j < rowEnd; j++) {
      const n = g.north0M + j * g.cellM;
      const row = (j - outRowOffset) * nx;
      for (let i = 0; i < nx; i++) {
        const e = g.east0M + i * g.cellM;
        const x = e * sb + n * cb;
        if (x <= 0) {
          out[row + i] = 0;
          continue;
        }
        const y = -e * cb + n * sb;
        const xs = x < 1 ? 1 : x;
        const fy = 1 + by * xs;
        const syv = ay * xs * (cy === 0 ? 1 / Math.sqrt(fy) : cy === 1 ? 1 / fy : cy === 2 ? Math.sqrt(fy) : 1);
        const fz = 1 + bz * xs;
        const szv = az * xs * (cz === 0 ? 1 / Math.sqrt(fz) : cz === 1 ? 1 / fz : cz === 2 ? Math.sqrt(fz) : 1);
        // Ground source and receptor (the common display case): one exp, as in the plain kernel.
        const lat = (-y * y) / (2 * syv * syv);
        const v = both0 ? 2 * Math.exp(lat) : single ? 2 * Math.exp(lat - (dz * dz) / (2 * szv * szv)) : Math.exp(lat - (dz * dz) / (2 * szv * szv)) + Math.exp(lat - (sz2 * sz2) / (2 * szv * szv));
        out[row + i] = (k / (syv * szv)) * v;
      }
    }
    return;
  }
  for (let j = rowStart; j < rowEnd; j++) {
    const n = g.north0M + j * g.cellM;
    for (let i = 0; i < nx; i++) {
      const e = g.east0M + i * g.cellM;
      const x = e * sb + n * cb;
      const y = -e * cb + n * sb;
      out[(j - outRowOffset) * nx + i] = plumeConcentrationKgM3(p, x, y, z);
    }
  }
}

/** Any concentration function c(east, north) [kg/m³] on rows [rowStart, rowEnd) of a grid (puffs at a time t, dense gas); same layout as plumeGridKgM3. */
export function functionGridKgM3(c: (eastM: number, northM: number) => number, g: GridSpec, rowStart: number, rowEnd: number, out: Float32Array, outRowOffset = 0): void {
  for (let j = rowStart; j < rowEnd; j++) {
    const n = g.north0M + j * g.cellM;
    for (let i = 0; i < g.nx; i++) out[(j - outRowOffset) * g.nx + i] = c(g.east0M + i * g.cellM, n);
  }
}
