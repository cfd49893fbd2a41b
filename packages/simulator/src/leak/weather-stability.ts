// The Pasquill stability class of the simulated weather, chosen the way the wall's weather KPI
// chooses it from a station (apps/web site-stability.ts): day or night from the sun, by day the
// insolation from the global solar radiation (EPA SRDT bands), at night a clear sky (the more
// stable, more conservative reading). The class itself comes from the plume engine's table.
import { STABILITY_AVERAGING_MS, stabilityFromObservation, type Insolation, type StabilityClass } from '@safetwin/sim';
import { sunElevationSin } from '../signals.ts';
import type { WeatherPlace, WeatherState } from '../weather.ts';

/** Sun elevation above which it counts as day, degrees (≈ 1 h after sunrise at mid latitudes; Turner's rule). */
export const DAY_ELEVATION_DEG = 10;

/** SRDT insolation bands of global solar radiation, W/m² (EPA-454/R-99-005 §6.4.4.2); below `slight` the table gives D. */
const SRDT_W_M2: readonly (readonly [Insolation, number])[] = [['strong', 925], ['moderate', 675], ['slight', 175]];

/** Stability class of the weather `w` (its mean wind and radiation: header) at `tMs` at `place`. */
export function weatherStability(w: Readonly<Pick<WeatherState, 'windSpeedMS' | 'solarRadWM2'>>, tMs: number, place: WeatherPlace): StabilityClass {
  const elevationDeg = (Math.asin(Math.max(-1, Math.min(1, sunElevationSin(tMs, place.latDeg, place.lonDeg)))) * 180) / Math.PI;
  const windSpeed10MS = w.windSpeedMS;
  if (elevationDeg < DAY_ELEVATION_DEG) return stabilityFromObservation({ windSpeed10MS, isDay: false, cloudCoverOktas: 0 }).stabilityClass;
  const band = SRDT_W_M2.find(([, min]) => w.solarRadWM2 >= min);
  // Weak radiation by day (thick cloud): an 8/8 overcast, which gives D.
  if (!band) return stabilityFromObservation({ windSpeed10MS, isDay: true, cloudCoverOktas: 8 }).stabilityClass;
  return stabilityFromObservation({ windSpeed10MS, isDay: true, insolation: band[0], cloudCoverOktas: 0 }).stabilityClass;
}

/** What a station sample gives the class. */
export interface StationSample {
  tMs: number;
  windSpeedMS: number;
  /** Global solar radiation, W/m² (0 without a pyranometer: taken as night or overcast, the more stable reading). */
  solarRadWM2: number;
}

/**
 * The class at each of `samples` (oldest first; several stations' pooled) from the mean speed and radiation of the
 * samples in the {@link STABILITY_AVERAGING_MS} before it (those there are, at the start of a record).
 */
export function trailingMeanStability(samples: readonly StationSample[], place: WeatherPlace): StabilityClass[] {
  const out: StabilityClass[] = [];
  let from = 0, speed = 0, solar = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    speed += s.windSpeedMS;
    solar += s.solarRadWM2;
    while (samples[from]!.tMs < s.tMs - STABILITY_AVERAGING_MS) {
      speed -= samples[from]!.windSpeedMS;
      solar -= samples[from]!.solarRadWM2;
      from++;
    }
    const n = i - from + 1;
    out.push(weatherStability({ windSpeedMS: speed / n, solarRadWM2: solar / n }, s.tMs, place));
  }
  return out;
}
