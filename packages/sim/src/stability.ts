// Pasquill–Gifford stability class from surface observations, and the wind power law (plume-physics.md §4).
import { fmt } from './format.ts';

/** Pasquill–Gifford stability class, A (very unstable) … F (moderately stable). EPA merges G into F. */
export type StabilityClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** All classes in order. */
export const STABILITY_CLASSES: readonly StabilityClass[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Averaging period of the wind and radiation a class is read from, ms: the 10-min mean wind of synoptic practice
 * (WMO-No. 8, 2018, Part I, §5.1.1), short enough to follow a front or the evening transition. The class belongs to the
 * boundary layer, not to one gust.
 */
export const STABILITY_AVERAGING_MS = 600_000;

/** Daytime incoming solar radiation category of the Pasquill table. */
export type Insolation = 'strong' | 'moderate' | 'slight';

/** Surface observations that fix the class (plume-physics.md §4.1). */
export interface StabilityObservation {
  /** Wind speed at 10 m [m/s]. */
  windSpeed10MS: number;
  /** True between 1 h after sunrise and 1 h before sunset (U. Toledo notes). */
  isDay: boolean;
  /** Day only: the insolation category; if absent it is derived from solarElevationDeg and cloud. */
  insolation?: Insolation;
  /** Day only: solar elevation [deg] (> 60 strong, 35–60 moderate, 15–35 slight). */
  solarElevationDeg?: number;
  /** Total cloud cover in oktas (0–8). */
  cloudCoverOktas: number;
  /** Cloud type dominating the cover; affects day insolation (U. Toledo) — default 'middle'. */
  cloudType?: 'high' | 'middle' | 'low';
}

/** The class chosen and why; `table` gives the raw table entry (e.g. "A–B"). */
export interface StabilityResult {
  stabilityClass: StabilityClass;
  table: string;
  explanation: string;
}

// Pasquill table (U. Toledo notes; Fundamentals of Air Pollution 3E Table 19-3), rows by U10 band.
// Columns: day strong, moderate, slight, night ≥4/8 low cloud or thin overcast, night ≤3/8 cloud.
const PASQUILL_TABLE: readonly (readonly string[])[] = [
  ['A', 'A-B', 'B', 'F', 'F'], // < 2 m/s (night: some tables blank / "G"; F used)
  ['A-B', 'B', 'C', 'E', 'F'], // 2–3
  ['B', 'B-C', 'C', 'D', 'E'], // 3–5
  ['C', 'C-D', 'D', 'D', 'D'], // 5–6
  ['C', 'D', 'D', 'D', 'D'], // > 6
];

function windRow(u10MS: number): number {
  if (u10MS < 2) return 0;
  if (u10MS < 3) return 1;
  if (u10MS < 5) return 2;
  if (u10MS < 6) return 3;
  return 4;
}

/** Day insolation from solar elevation and cloud (U. Toledo notes, plume-physics.md §4.1). */
export function insolationCategory(solarElevationDeg: number, cloudCoverOktas: number, cloudType: 'high' | 'middle' | 'low' = 'middle'): Insolation {
  const band: Insolation = solarElevationDeg > 60 ? 'strong' : solarElevationDeg > 35 ? 'moderate' : 'slight';
  if (cloudCoverOktas <= 4 || cloudType === 'high') return band;
  if (cloudType === 'low') return 'slight';
  return band === 'strong' ? 'moderate' : 'slight';
}

/**
 * Pasquill–Gifford class from wind, insolation, cloud and day/night (Pasquill table, plume-physics.md §4.1).
 * Intermediate entries ("A–B") resolve to the more stable class, which gives the higher ground-level
 * concentration for near-ground releases (a conservative choice, ours). Overcast 8/8 gives D day or night
 * (Turner NRI rule 1).
 */
export function stabilityFromObservation(obs: StabilityObservation): StabilityResult {
  if (obs.cloudCoverOktas >= 8) {
    return { stabilityClass: 'D', table: 'D', explanation: 'heavy overcast (8/8) gives D day or night (Turner NRI rule 1)' };
  }
  const row = PASQUILL_TABLE[windRow(obs.windSpeed10MS)] ?? PASQUILL_TABLE[4]!;
  let col: number;
  let why: string;
  if (obs.isDay) {
    const ins = obs.insolation ?? insolationCategory(obs.solarElevationDeg ?? 45, obs.cloudCoverOktas, obs.cloudType);
    col = ins === 'strong' ? 0 : ins === 'moderate' ? 1 : 2;
    why = `day, ${ins} insolation`;
  } else {
    col = obs.cloudCoverOktas >= 4 ? 3 : 4;
    why = `night, ${obs.cloudCoverOktas >= 4 ? '≥4/8' : '≤3/8'} cloud`;
  }
  const entry = row[col] ?? 'D';
  const stabilityClass = entry.slice(-1) as StabilityClass;
  const resolved = entry.length > 1 ? `; table gives ${entry}, the more stable ${stabilityClass} is used (conservative)` : '';
  return { stabilityClass, table: entry, explanation: `Pasquill table: U10 = ${fmt(obs.windSpeed10MS, 1)} m/s, ${why} → ${entry}${resolved}` };
}

/** Terrain category of the wind-profile exponents and σ sets. */
export type Terrain = 'rural' | 'urban';

// Irwin (1979) power-law exponents as used by CCPS and ISC3 rural [S2 GasDispersion.jl irwin.jl, isc3.jl].
const EXPONENT_RURAL: Record<StabilityClass, number> = { A: 0.07, B: 0.07, C: 0.1, D: 0.15, E: 0.35, F: 0.55 };
const EXPONENT_URBAN: Record<StabilityClass, number> = { A: 0.15, B: 0.15, C: 0.2, D: 0.25, E: 0.4, F: 0.6 };

/** Wind-profile exponent p by class and terrain (Irwin 1979 / CCPS; plume-physics.md §4.2). */
export function windProfileExponent(stabilityClass: StabilityClass, terrain: Terrain): number {
  return (terrain === 'urban' ? EXPONENT_URBAN : EXPONENT_RURAL)[stabilityClass];
}

/** Power-law wind profile u(z) = u_ref·(z/z_ref)^p (plume-physics.md §4.2). */
export function windAtHeightMS(windRefMS: number, refHeightM: number, heightM: number, exponent: number): number {
  return windRefMS * Math.pow(heightM / refHeightM, exponent);
}

/** Height floor when carrying the wind to a release height: "evaluate u at release height, with a floor of about 1 m" (§4.2). */
export const WIND_HEIGHT_FLOOR_M = 1;

/** EPA low-wind floor for steady-state Gaussian models: speeds below 1 m/s are reset to 1 m/s (EPA Met. Monitoring Guidance §6.9). */
export const LOW_WIND_FLOOR_MS = 1;

/** Applies the EPA steady-state low-wind floor; returns the speed used and whether it was raised. */
export function applyLowWindFloor(windSpeedMS: number): { windSpeedMS: number; raised: boolean } {
  return windSpeedMS < LOW_WIND_FLOOR_MS ? { windSpeedMS: LOW_WIND_FLOOR_MS, raised: true } : { windSpeedMS, raised: false };
}
