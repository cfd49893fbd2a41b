// Where the sun is, for the stability class: NOAA Global Monitoring Laboratory, "General Solar
// Position Calculations" (Spencer 1971 Fourier series for the equation of time and the
// declination; accurate to about 0.1° in elevation, plenty for day/night and insolation).

const DEG = Math.PI / 180;
const MS_PER_DAY = 86_400_000;

/** The sun seen from one place at one instant. */
export interface SolarPosition {
  /** Elevation above the horizon, degrees (negative: below it; no refraction). */
  elevationDeg: number;
  /** Hours to the nearer of sunrise and sunset: positive while the sun is up, negative at night; ±Infinity in polar day/night. */
  hoursFromHorizon: number;
  /** True solar time at the place, hours in [0, 24). */
  solarTimeH: number;
}

/** Solar elevation and time to sunrise/sunset at `latDeg`, `lonDeg` (east positive) and `tMs` (epoch ms, UTC). */
export function solarPosition(tMs: number, latDeg: number, lonDeg: number): SolarPosition {
  const date = new Date(tMs);
  const year = date.getUTCFullYear();
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / MS_PER_DAY;
  const dayOfYear = Math.floor((tMs - Date.UTC(year, 0, 1)) / MS_PER_DAY) + 1;
  const hourUtc = (tMs - Date.UTC(year, date.getUTCMonth(), date.getUTCDate())) / 3_600_000;
  // Fractional year γ, radians.
  const g = ((2 * Math.PI) / daysInYear) * (dayOfYear - 1 + (hourUtc - 12) / 24);
  const eqTimeMin =
    229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g) - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
  const decl =
    0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g) + 0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
  const solarMin = (((hourUtc * 60 + eqTimeMin + 4 * lonDeg) % 1440) + 1440) % 1440;
  const hourAngle = (solarMin / 4 - 180) * DEG;
  const lat = latDeg * DEG;
  const cosZenith = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
  const elevationDeg = 90 - Math.acos(Math.max(-1, Math.min(1, cosZenith))) / DEG;
  // Sunrise/sunset hour angle for the geometric horizon: cos ω0 = −tan φ · tan δ.
  const cosW0 = -Math.tan(lat) * Math.tan(decl);
  let hoursFromHorizon: number;
  if (cosW0 <= -1) hoursFromHorizon = Infinity;
  else if (cosW0 >= 1) hoursFromHorizon = -Infinity;
  else {
    const w0Deg = Math.acos(cosW0) / DEG;
    const wDeg = Math.abs(hourAngle / DEG);
    hoursFromHorizon = (w0Deg - wDeg) / 15;
  }
  return { elevationDeg, hoursFromHorizon, solarTimeH: solarMin / 60 };
}
