// Weather of one site: one shared state that every weather station of the site samples, so
// two masts 300 m apart agree (to within their own instrument noise). Pure: advanced by time.
import { Rng } from './prng.ts';
import {
  MS_PER_DAY, MS_PER_H, MS_PER_MIN, MS_PER_S, OuProcess, clamp, dailyCycle, seasonalMeanAirTempC, sunElevationSin,
} from './signals.ts';

/** Where the site is (its WGS84 origin). */
export interface WeatherPlace {
  latDeg: number;
  lonDeg: number;
  altM: number;
}

/** Tunables of the weather model. */
export interface WeatherOptions {
  /** Direction the wind mostly blows from, degrees clockwise from north. @defaultValue 135 (south-east monsoon) */
  prevailingFromDeg?: number;
  /** Mean 10 m wind speed, m/s. @defaultValue 2.8 */
  meanWindSpeedMS?: number;
}

/** The weather right now, in the units of the weather-station metrics. */
export interface WeatherState {
  /** The wind now, gusts included, m/s. */
  windSpeedMS: number;
  /**
   * The mean wind the gusts blow about, m/s, where the weather knows it (the simulated weather does): what a Pasquill
   * class is read from (weather-stability.ts).
   */
  meanWindSpeedMS?: number;
  windFromDeg: number;
  airTempC: number;
  rhPct: number;
  airPressureHpa: number;
  solarRadWM2: number;
}

/** Scale height of the isothermal atmosphere, m (barometric formula p = p0·e^(−z/H), H ≈ RT/Mg at 15 °C). */
const SCALE_HEIGHT_M = 8434;
const SEA_LEVEL_HPA = 1013.25;

/**
 * A smooth, plausible weather: wind direction a mean-reverting random walk about the
 * prevailing direction, wind speed a slowly varying mean (stronger in the afternoon) with
 * gusts (turbulence intensity ≈ 20 %), air temperature a seasonal mean plus a daily cycle
 * (minimum near dawn, maximum about 14:30 local solar time) plus synoptic anomalies,
 * humidity falling as the day warms, pressure with slow synoptic swings and the semi-diurnal
 * tide, and clear-sky solar radiation dimmed by cloud.
 */
export class SiteWeather {
  private readonly rng: Rng;
  private readonly prevailingDeg: number;
  private readonly meanSpeed: number;
  private dirDeg: number;
  private lastMs: number;
  private readonly speedLog: OuProcess;
  private readonly gust: OuProcess;
  private readonly tempAnomaly: OuProcess;
  private readonly rhAnomaly: OuProcess;
  private readonly pressureAnomaly: OuProcess;
  private readonly cloud: OuProcess;
  /** The latest state; mutated in place by {@link advance}. */
  readonly state: WeatherState = { windSpeedMS: 0, windFromDeg: 0, airTempC: 0, rhPct: 0, airPressureHpa: 0, solarRadWM2: 0 };

  constructor(
    readonly place: WeatherPlace,
    seed: number,
    siteId: string,
    startMs: number,
    options: WeatherOptions = {},
  ) {
    this.rng = new Rng(seed, `weather:${siteId}`);
    this.prevailingDeg = options.prevailingFromDeg ?? 135;
    this.meanSpeed = options.meanWindSpeedMS ?? 2.8;
    this.dirDeg = this.prevailingDeg + 40 * this.rng.normal();
    this.lastMs = startMs;
    this.speedLog = new OuProcess(0.3, 3 * MS_PER_H, this.rng, startMs);
    this.gust = new OuProcess(0.2, 8 * MS_PER_S, this.rng, startMs);
    this.tempAnomaly = new OuProcess(2, 18 * MS_PER_H, this.rng, startMs);
    this.rhAnomaly = new OuProcess(8, 10 * MS_PER_H, this.rng, startMs);
    this.pressureAnomaly = new OuProcess(4, 2 * MS_PER_DAY, this.rng, startMs);
    this.cloud = new OuProcess(0.25, 4 * MS_PER_H, this.rng, startMs);
    this.compute(startMs);
  }

  /** Moves the weather on to `tMs` (earlier times leave it as is) and returns the state. */
  advance(tMs: number): WeatherState {
    const dt = tMs - this.lastMs;
    if (dt <= 0) return this.state;
    this.lastMs = tMs;
    // Direction: random walk of ≈ 6°/√min, pulled back to the prevailing direction over ~6 h.
    const dtMin = dt / MS_PER_MIN;
    const pull = 1 - Math.exp(-dt / (6 * MS_PER_H));
    this.dirDeg += angleDiff(this.prevailingDeg, this.dirDeg) * pull + 6 * Math.sqrt(dtMin) * this.rng.normal();
    this.speedLog.at(tMs, this.rng);
    this.gust.at(tMs, this.rng);
    this.tempAnomaly.at(tMs, this.rng);
    this.rhAnomaly.at(tMs, this.rng);
    this.pressureAnomaly.at(tMs, this.rng);
    this.cloud.at(tMs, this.rng);
    this.compute(tMs);
    return this.state;
  }

  private compute(tMs: number): void {
    const { lonDeg, latDeg, altM } = this.place;
    const s = this.state;
    const meanSpeed = this.meanSpeed * (1 + 0.3 * dailyCycle(tMs, lonDeg, 14)) * Math.exp(this.speedLog.x);
    s.windSpeedMS = clamp(meanSpeed * (1 + this.gust.x), 0, 40);
    s.meanWindSpeedMS = clamp(meanSpeed, 0, 40);
    s.windFromDeg = ((this.dirDeg % 360) + 360) % 360;
    const dailyMeanC = seasonalMeanAirTempC(tMs) + this.tempAnomaly.x;
    const diurnal = dailyCycle(tMs, lonDeg, 14.5);
    s.airTempC = dailyMeanC + 4.5 * diurnal;
    s.rhPct = clamp(62 - 12 * diurnal + this.rhAnomaly.x, 12, 99);
    s.airPressureHpa = SEA_LEVEL_HPA * Math.exp(-altM / SCALE_HEIGHT_M) + this.pressureAnomaly.x + 0.6 * Math.cos((4 * Math.PI * (lonDeg / 15 + tMs / MS_PER_H - 10)) / 24);
    const sinEl = sunElevationSin(tMs, latDeg, lonDeg);
    const clearness = clamp(0.75 + this.cloud.x, 0.25, 1);
    s.solarRadWM2 = sinEl > 0 ? 1050 * Math.pow(sinEl, 1.15) * clearness : 0;
  }
}

/** Signed smallest difference a − b of two bearings, degrees in (−180, 180]. */
export function angleDiff(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}
