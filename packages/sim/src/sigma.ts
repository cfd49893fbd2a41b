// Dispersion coefficients σy(x), σz(x) by stability class and σ set (plume-physics.md §5, §3).
import type { StabilityClass } from './stability.ts';

/** The σ sets; the choice changes answers by 10–50 %, so it is an explicit, logged scenario parameter (§5). */
export type SigmaSet = 'briggs-rural' | 'briggs-urban' | 'pgt-isc3' | 'ccps-puff';

/** All σ sets. */
export const SIGMA_SETS: readonly SigmaSet[] = ['briggs-rural', 'briggs-urban', 'pgt-isc3', 'ccps-puff'];

/** Briggs form a·x·(1 + b·x)^c; c ∈ {−1, −½, 0, ½}. */
export interface BriggsTerm {
  a: number;
  b: number;
  c: -1 | -0.5 | 0 | 0.5;
}

/** Briggs (1973) open-country σy, σz (Fundamentals of Air Pollution 3E Tables 19-6/19-7; ALOHA TM Table 13: class D σz uses 0.0015, not the 0.00015 typo). */
export const BRIGGS_RURAL: Record<StabilityClass, { y: BriggsTerm; z: BriggsTerm }> = {
  A: { y: { a: 0.22, b: 0.0001, c: -0.5 }, z: { a: 0.2, b: 0, c: 0 } },
  B: { y: { a: 0.16, b: 0.0001, c: -0.5 }, z: { a: 0.12, b: 0, c: 0 } },
  C: { y: { a: 0.11, b: 0.0001, c: -0.5 }, z: { a: 0.08, b: 0.0002, c: -0.5 } },
  D: { y: { a: 0.08, b: 0.0001, c: -0.5 }, z: { a: 0.06, b: 0.0015, c: -0.5 } },
  E: { y: { a: 0.06, b: 0.0001, c: -0.5 }, z: { a: 0.03, b: 0.0003, c: -1 } },
  F: { y: { a: 0.04, b: 0.0001, c: -0.5 }, z: { a: 0.016, b: 0.0003, c: -1 } },
};

/** Briggs (1973) urban σy, σz (Fundamentals of Air Pollution 3E Table 19-7; GasDispersion.jl briggs.jl). */
export const BRIGGS_URBAN: Record<StabilityClass, { y: BriggsTerm; z: BriggsTerm }> = {
  A: { y: { a: 0.32, b: 0.0004, c: -0.5 }, z: { a: 0.24, b: 0.001, c: 0.5 } },
  B: { y: { a: 0.32, b: 0.0004, c: -0.5 }, z: { a: 0.24, b: 0.001, c: 0.5 } },
  C: { y: { a: 0.22, b: 0.0004, c: -0.5 }, z: { a: 0.2, b: 0, c: 0 } },
  D: { y: { a: 0.16, b: 0.0004, c: -0.5 }, z: { a: 0.14, b: 0.0003, c: -0.5 } },
  E: { y: { a: 0.11, b: 0.0004, c: -0.5 }, z: { a: 0.08, b: 0.0015, c: -0.5 } },
  F: { y: { a: 0.11, b: 0.0004, c: -0.5 }, z: { a: 0.08, b: 0.0015, c: -0.5 } },
};

/** Evaluates a Briggs term a·x·(1 + b·x)^c at x [m]. */
export function briggsSigmaM(term: BriggsTerm, xM: number): number {
  const f = 1 + term.b * xM;
  const factor = term.c === -0.5 ? 1 / Math.sqrt(f) : term.c === -1 ? 1 / f : term.c === 0.5 ? Math.sqrt(f) : 1;
  return term.a * xM * factor;
}

/** ISC3 σy angle coefficients θ = c − d·ln(x_km) [deg] (EPA-454/B-95-003b Table 1-1; Turner 1970). */
export const ISC3_SIGMA_Y: Record<StabilityClass, { c: number; d: number }> = {
  A: { c: 24.167, d: 2.5334 },
  B: { c: 18.333, d: 1.8096 },
  C: { c: 12.5, d: 1.0857 },
  D: { c: 8.333, d: 0.72382 },
  E: { c: 6.25, d: 0.54287 },
  F: { c: 4.1667, d: 0.36191 },
};

/** ISC3 σz = a·x_km^b piecewise: [upper x_km limit, a, b]; the last segment is open (EPA-454/B-95-003b Table 1-2). */
export const ISC3_SIGMA_Z: Record<StabilityClass, readonly (readonly [number, number, number])[]> = {
  A: [[0.1, 122.8, 0.9447], [0.15, 158.08, 1.0542], [0.2, 170.22, 1.0932], [0.25, 179.52, 1.1262], [0.3, 217.41, 1.2644], [0.4, 258.89, 1.4094], [0.5, 346.75, 1.7283], [Infinity, 453.85, 2.1166]],
  B: [[0.2, 90.673, 0.93198], [0.4, 98.483, 0.98332], [Infinity, 109.3, 1.0971]],
  C: [[Infinity, 61.141, 0.91465]],
  D: [[0.3, 34.459, 0.86974], [1, 32.093, 0.81066], [3, 32.093, 0.64403], [10, 33.504, 0.60486], [30, 36.65, 0.56589], [Infinity, 44.053, 0.51179]],
  E: [[0.1, 24.26, 0.8366], [0.3, 23.331, 0.81956], [1, 21.628, 0.7566], [2, 21.628, 0.63077], [4, 22.534, 0.57154], [10, 24.703, 0.50527], [20, 26.97, 0.46713], [40, 35.42, 0.37615], [Infinity, 47.618, 0.29592]],
  F: [[0.2, 15.209, 0.81558], [0.7, 14.457, 0.78407], [1, 13.953, 0.68465], [2, 13.953, 0.63227], [3, 14.823, 0.54503], [7, 16.187, 0.4649], [15, 17.836, 0.41507], [30, 22.651, 0.32681], [60, 27.074, 0.27436], [Infinity, 34.219, 0.21716]],
};

/** ISC3 caps σz at 5000 m for classes A–C (EPA-454/B-95-003b). */
const ISC3_SIGMA_Z_CAP_M = 5000;

/** ISC3/Turner σy = 465.11628·x_km·tan(0.017453293·(c − d·ln x_km)) (EPA-454/B-95-003b eq. 1-33). */
export function isc3SigmaYM(xM: number, stabilityClass: StabilityClass): number {
  const xKm = xM / 1000;
  const k = ISC3_SIGMA_Y[stabilityClass];
  return 465.11628 * xKm * Math.tan(0.017453293 * (k.c - k.d * Math.log(xKm)));
}

/** ISC3/Turner σz = a·x_km^b piecewise, capped at 5000 m for A–C (EPA-454/B-95-003b eq. 1-34). */
export function isc3SigmaZM(xM: number, stabilityClass: StabilityClass): number {
  const xKm = xM / 1000;
  const segs = ISC3_SIGMA_Z[stabilityClass];
  let a = 0;
  let b = 0;
  for (const [limit, sa, sb] of segs) {
    a = sa;
    b = sb;
    if (xKm <= limit) break;
  }
  const s = a * Math.pow(xKm, b);
  return stabilityClass === 'A' || stabilityClass === 'B' || stabilityClass === 'C' ? Math.min(s, ISC3_SIGMA_Z_CAP_M) : s;
}

/** CCPS/Slade puff σ: σx = σy = a·x^b, σz = c·x^d (CCPS 1999 via GasDispersion.jl pasquill_gifford.jl, plume-physics.md §3). */
export const CCPS_PUFF: Record<StabilityClass, { ay: number; by: number; az: number; bz: number }> = {
  A: { ay: 0.18, by: 0.92, az: 0.6, bz: 0.75 },
  B: { ay: 0.14, by: 0.92, az: 0.53, bz: 0.73 },
  C: { ay: 0.1, by: 0.92, az: 0.34, bz: 0.71 },
  D: { ay: 0.06, by: 0.92, az: 0.15, bz: 0.7 },
  E: { ay: 0.04, by: 0.92, az: 0.1, bz: 0.65 },
  F: { ay: 0.02, by: 0.89, az: 0.05, bz: 0.61 },
};

/** Smallest distance σ is evaluated at [m]: "clamp x to ≥ 1 m" (plume-physics.md §10). */
export const SIGMA_MIN_X_M = 1;

/** σy [m] at downwind (or travel) distance x [m] for a class and σ set. */
export function sigmaYM(xM: number, stabilityClass: StabilityClass, set: SigmaSet): number {
  const x = Math.max(xM, SIGMA_MIN_X_M);
  switch (set) {
    case 'briggs-rural':
      return briggsSigmaM(BRIGGS_RURAL[stabilityClass].y, x);
    case 'briggs-urban':
      return briggsSigmaM(BRIGGS_URBAN[stabilityClass].y, x);
    case 'pgt-isc3':
      return isc3SigmaYM(x, stabilityClass);
    case 'ccps-puff': {
      const k = CCPS_PUFF[stabilityClass];
      return k.ay * Math.pow(x, k.by);
    }
  }
}

/** σz [m] at downwind (or travel) distance x [m] for a class and σ set. */
export function sigmaZM(xM: number, stabilityClass: StabilityClass, set: SigmaSet): number {
  const x = Math.max(xM, SIGMA_MIN_X_M);
  switch (set) {
    case 'briggs-rural':
      return briggsSigmaM(BRIGGS_RURAL[stabilityClass].z, x);
    case 'briggs-urban':
      return briggsSigmaM(BRIGGS_URBAN[stabilityClass].z, x);
    case 'pgt-isc3':
      return isc3SigmaZM(x, stabilityClass);
    case 'ccps-puff': {
      const k = CCPS_PUFF[stabilityClass];
      return k.az * Math.pow(x, k.bz);
    }
  }
}

/** The distances a set is fitted for (Briggs ~100 m–10 km, PGT 100 m–100 km; §10): beyond them it is extrapolated (warn, never refuse). */
export function sigmaFittedRangeM(set: SigmaSet): { fromM: number; toM: number } {
  return set === 'pgt-isc3' ? { fromM: 100, toM: 100_000 } : { fromM: 100, toM: 10_000 };
}
