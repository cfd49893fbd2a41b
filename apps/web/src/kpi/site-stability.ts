// The Pasquill stability class for the wall's weather KPI, from what a weather station gives:
// wind speed, the time of day at the site, and (where measured) solar radiation. The class
// itself comes from the plume engine's Pasquill table (`stabilityFromObservation` in
// @safetwin/sim), so the wall and a plume run agree; this module only chooses its inputs.
import { insolationCategory, stabilityFromObservation, type Insolation, type StabilityClass } from '@safetwin/sim';
import { solarPosition } from './solar-position.ts';

/**
 * Daytime insolation from measured global solar radiation, W/m² (EPA-454/R-99-005, Meteorological
 * Monitoring Guidance for Regulatory Modeling Applications, §6.4.4.2, the SRDT method):
 * ≥ 925 strong, 675–925 moderate, 175–675 slight; below 175 the table gives D at every wind speed.
 */
export const SRDT_INSOLATION_W_M2 = { strong: 925, moderate: 675, slight: 175 } as const;

/** Night lasts from one hour before sunset to one hour after sunrise (Turner; the Pasquill table's day/night rule). */
export const DAY_MARGIN_H = 1;

/** What the class is computed from. */
export interface StabilityInputs {
  /** Wind speed, m/s, as measured (taken as the 10 m wind of the table): a station's recent mean (station-wind.ts), or one reading. */
  windSpeedMS: number;
  /** Over how long the speed (and radiation) were averaged, ms; null for one reading. */
  windAveragedOverMs?: number | null;
  /** Height of the anemometer above ground, m, when known (reported with the inputs). */
  anemometerHeightM: number | null;
  /** Measured global solar radiation, W/m²; null when the station has no pyranometer. */
  solarRadWM2: number | null;
  /** Instant, epoch ms (UTC), and the site's position, degrees. */
  tMs: number;
  latDeg: number;
  lonDeg: number;
}

/** One input as the KPI lists it: which quantity, and its value as words. */
export type StabilityInputUsed =
  | { kind: 'wind'; windSpeedMS: number; anemometerHeightM: number | null; averagedOverMs: number | null }
  | { kind: 'time'; period: 'day' | 'night'; solarElevationDeg: number; hoursFromHorizon: number }
  | { kind: 'insolation'; from: 'radiation'; solarRadWM2: number; category: Insolation | 'weak' }
  | { kind: 'insolation'; from: 'sun-elevation'; solarElevationDeg: number; category: Insolation }
  | { kind: 'cloud'; assumption: 'unknown-taken-clear' };

/** The class and the inputs it was computed from (so the wall can say what it used). */
export interface SiteStability {
  stabilityClass: StabilityClass;
  /** The Pasquill table's raw entry, e.g. "B-C" (an intermediate entry resolves to the more stable class). */
  table: string;
  inputs: StabilityInputUsed[];
  /** The engine's own explanation, in English, for tooltips and logs. */
  explanation: string;
}

/** Insolation category of a measured radiation (SRDT bands); 'weak' below the slight band. */
export function insolationFromRadiation(solarRadWM2: number): Insolation | 'weak' {
  if (solarRadWM2 >= SRDT_INSOLATION_W_M2.strong) return 'strong';
  if (solarRadWM2 >= SRDT_INSOLATION_W_M2.moderate) return 'moderate';
  if (solarRadWM2 >= SRDT_INSOLATION_W_M2.slight) return 'slight';
  return 'weak';
}

/**
 * The Pasquill class at the site now. Day or night from the sun's position (night within an hour
 * of sunset and sunrise); by day the insolation from the measured radiation when there is one
 * (weak radiation, < 175 W/m², goes in as an 8/8 overcast, which gives D as the SRDT table does),
 * else from the sun's elevation under a clear sky. Cloud cover is not measured: at night it is
 * taken as clear (≤ 3/8), the more stable and so more conservative reading for ground releases.
 */
export function siteStability(input: StabilityInputs): SiteStability {
  if (!Number.isFinite(input.windSpeedMS) || input.windSpeedMS < 0) throw new RangeError(`siteStability: wind speed must be a finite, non-negative m/s, got ${input.windSpeedMS}`);
  const sun = solarPosition(input.tMs, input.latDeg, input.lonDeg);
  const isDay = sun.hoursFromHorizon >= DAY_MARGIN_H;
  const inputs: StabilityInputUsed[] = [
    { kind: 'wind', windSpeedMS: input.windSpeedMS, anemometerHeightM: input.anemometerHeightM, averagedOverMs: input.windAveragedOverMs ?? null },
    { kind: 'time', period: isDay ? 'day' : 'night', solarElevationDeg: sun.elevationDeg, hoursFromHorizon: sun.hoursFromHorizon },
  ];
  let result;
  if (!isDay) {
    inputs.push({ kind: 'cloud', assumption: 'unknown-taken-clear' });
    result = stabilityFromObservation({ windSpeed10MS: input.windSpeedMS, isDay: false, cloudCoverOktas: 0 });
  } else if (input.solarRadWM2 !== null && Number.isFinite(input.solarRadWM2)) {
    const category = insolationFromRadiation(input.solarRadWM2);
    inputs.push({ kind: 'insolation', from: 'radiation', solarRadWM2: input.solarRadWM2, category });
    result =
      category === 'weak'
        ? stabilityFromObservation({ windSpeed10MS: input.windSpeedMS, isDay: true, cloudCoverOktas: 8 })
        : stabilityFromObservation({ windSpeed10MS: input.windSpeedMS, isDay: true, insolation: category, cloudCoverOktas: 0 });
  } else {
    const category = insolationCategory(sun.elevationDeg, 0);
    inputs.push({ kind: 'insolation', from: 'sun-elevation', solarElevationDeg: sun.elevationDeg, category });
    inputs.push({ kind: 'cloud', assumption: 'unknown-taken-clear' });
    result = stabilityFromObservation({ windSpeed10MS: input.windSpeedMS, isDay: true, insolation: category, cloudCoverOktas: 0 });
  }
  return { stabilityClass: result.stabilityClass, table: result.table, inputs, explanation: result.explanation };
}
