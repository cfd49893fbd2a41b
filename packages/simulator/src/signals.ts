// Signal building blocks, all pure: time is an argument (epoch ms) and randomness comes from
// an injected Rng. Every process here is bounded in distribution, so a sensor that runs for
// weeks stays near its baseline instead of wandering off like a plain random walk.
import type { Rng } from './prng.ts';

export const MS_PER_S = 1000;
export const MS_PER_MIN = 60_000;
export const MS_PER_H = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * Ornstein–Uhlenbeck process: mean-reverting noise with stationary standard deviation
 * `sigma` and correlation time `tauMs`. Uses the exact discretisation
 * x ← x·e^(−Δt/τ) + σ·√(1 − e^(−2Δt/τ))·N(0,1), so it is correct for any step, including
 * the gaps left by dropouts.
 */
export class OuProcess {
  x: number;
  private lastMs: number;

  constructor(
    readonly sigma: number,
    readonly tauMs: number,
    rng: Rng,
    startMs: number,
  ) {
    // Start in the stationary distribution so there is no warm-up transient.
    this.x = sigma > 0 ? sigma * rng.normal() : 0;
    this.lastMs = startMs;
  }

  /** Advances to `tMs` (no-op when not later than the last step) and returns the value. */
  at(tMs: number, rng: Rng): number {
    const dt = tMs - this.lastMs;
    if (dt <= 0 || this.sigma === 0) return this.x;
    this.lastMs = tMs;
    const e = Math.exp(-dt / this.tauMs);
    this.x = this.x * e + this.sigma * Math.sqrt(1 - e * e) * rng.normal();
    return this.x;
  }
}

/** Local mean solar time, hours in [0, 24), at longitude `lonDeg` (15° per hour east of UTC). */
export function solarHour(tMs: number, lonDeg: number): number {
  const h = (tMs / MS_PER_H + lonDeg / 15) % 24;
  return h < 0 ? h + 24 : h;
}

/** Day of the year, 0-based, UTC (good enough for seasonal cycles). */
export function dayOfYear(tMs: number): number {
  const d = new Date(tMs);
  return (tMs - Date.UTC(d.getUTCFullYear(), 0, 1)) / MS_PER_DAY;
}

/** Daily cosine cycle in [−1, 1], peaking at local solar hour `peakH`. */
export function dailyCycle(tMs: number, lonDeg: number, peakH: number): number {
  return Math.cos((2 * Math.PI * (solarHour(tMs, lonDeg) - peakH)) / 24);
}

/**
 * Sine of the sun's elevation, from latitude, day of year and solar hour (Cooper 1969
 * declination δ = 23.45°·sin(2π(284 + n)/365); hour angle 15° per hour from noon).
 */
export function sunElevationSin(tMs: number, latDeg: number, lonDeg: number): number {
  const rad = Math.PI / 180;
  const decl = 23.45 * rad * Math.sin((2 * Math.PI * (284 + dayOfYear(tMs) + 1)) / 365);
  const hourAngle = 15 * rad * (solarHour(tMs, lonDeg) - 12);
  const lat = latDeg * rad;
  return Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
}

/**
 * Seasonal mean air temperature, °C, for a temperate continental climate such as the North
 * China Plain (annual mean ≈ 14 °C, coldest mid-January ≈ 0 °C, warmest mid-July ≈ 27 °C).
 */
export function seasonalMeanAirTempC(tMs: number): number {
  return 13.5 - 13.5 * Math.cos((2 * Math.PI * (dayOfYear(tMs) - 15)) / 365);
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Rounds to a fixed number of decimals (instrument resolution); `pow10` is 10^decimals. */
export function roundTo(x: number, pow10: number): number {
  return Math.round(x * pow10) / pow10;
}
