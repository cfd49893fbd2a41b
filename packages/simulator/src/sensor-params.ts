// Per sensor kind and placement: what normal running looks like. Baselines come from the
// site description (operating pressure and temperature of the vessel, normal flow of the
// line, air speed of the roadway, methane placement); the normal band is derived from the
// sensor's own alarm set-points so normal running never trips an alarm.
import type { Rng } from './prng.ts';
import type { ChannelParams } from './channel.ts';
import { fitToBand } from './channel.ts';
import { MS_PER_DAY, MS_PER_H, MS_PER_MIN } from './signals.ts';
import type { Site, Sensor } from '@safetwin/twin-models';

/** Unit and physical range of one metric, as in the device catalogue. */
export interface RangeSpec {
  minValue: number;
  maxValue: number;
}

/** What a sensor's signal may depend on besides the sensor itself. */
export interface SensorContext {
  site: Site;
  /** Simulation start, epoch ms (roof creep is measured from before it). */
  startMs: number;
}

/**
 * Typical mine methane by placement, %vol CH4: highest at the upper corner and the cutting
 * machines, lower in the returns, near zero in intake air. Keeps normal running at a third or
 * less of each placement's alarm level (煤矿安全规程: 1.0 % at faces, 0.5 % intake, 0.75 % main return).
 */
const CH4_BASELINE_PCT: Record<string, number> = {
  'longwall-face': 0.32,
  'upper-corner': 0.4,
  shearer: 0.3,
  'heading-face': 0.28,
  roadheader: 0.26,
  'face-return-airway': 0.24,
  'heading-return': 0.2,
  'main-return': 0.16,
  'face-intake-airway': 0.04,
};

/**
 * Ambient background of gas detectors as a fraction of the level-1 alarm: clean air reads a
 * few per cent of it (zero drift, traces from a working plant). Mine CO carries diesel and
 * blasting traces, a little more.
 */
const GAS_BACKGROUND_FRACTION: Record<string, number> = {
  lel_pct: 0.03,
  cl2_ppm: 0.03,
  nh3_ppm: 0.04,
  h2s_ppm: 0.03,
  co_ppm: 0.04,
  hcl_ppm: 0.03,
  so2_ppm: 0.03,
};

/** Instrument resolution, decimals, by metric. */
const DECIMALS: Record<string, number> = {
  lel_pct: 1, cl2_ppm: 2, nh3_ppm: 1, h2s_ppm: 2, co_ppm: 1, hcl_ppm: 2, so2_ppm: 2, o2_pct: 1, ch4_pct: 2,
  temp_c: 1, level_pct: 1, air_speed_ms: 2, roof_disp_mm: 1,
};

/** Decimals that give about four significant digits for a value of this size. */
function decimalsFor(x: number): number {
  const a = Math.abs(x);
  return a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
}

/** The set-point band of a metric: the highest low alarm and the lowest high alarm (null when not configured). */
export function setpointBand(sensor: Sensor, metric: string): { lower: number | null; upper: number | null } {
  const sp = sensor.setpoints;
  if (!sp || sp.metric !== metric) return { lower: null, upper: null };
  const lows = [sp.low, sp.lowLow].filter((v): v is number => v !== null);
  const highs = [sp.high, sp.highHigh].filter((v): v is number => v !== null);
  return { lower: lows.length ? Math.max(...lows) : null, upper: highs.length ? Math.min(...highs) : null };
}

/** Builds the signal parameters of one metric of one (non-weather) sensor. */
export function channelParams(ctx: SensorContext, sensor: Sensor, metric: string, spec: RangeSpec, rng: Rng): ChannelParams {
  const { lower, upper } = setpointBand(sensor, metric);
  const site = ctx.site;
  const park = site.kind === 'chemical-park' ? site : null;
  const mine = site.kind === 'coal-mine' ? site : null;
  const equipment = park && sensor.equipmentId ? park.equipment.find((e) => e.id === sensor.equipmentId) : undefined;
  const p: ChannelParams = {
    metric,
    baseline: (spec.minValue + spec.maxValue) / 2,
    dailyAmp: 0,
    dailyPeakH: 15,
    whiteSigma: 0,
    fastSigma: 0,
    fastTauMs: MS_PER_MIN,
    driftSigma: 0,
    driftTauMs: 6 * MS_PER_H,
    bandLo: spec.minValue,
    bandHi: spec.maxValue,
    minValue: spec.minValue,
    maxValue: spec.maxValue,
    decimals: DECIMALS[metric] ?? 2,
  };
  /** Sets the random parts as fractions of a scale. */
  const vary = (scale: number, white: number, fast: number, fastTauMs: number, drift: number, driftTauMs: number) => {
    p.whiteSigma = white * scale;
    p.fastSigma = fast * scale;
    p.fastTauMs = fastTauMs;
    p.driftSigma = drift * scale;
    p.driftTauMs = driftTauMs;
  };

  const gasFraction = GAS_BACKGROUND_FRACTION[metric];
  if (gasFraction !== undefined) {
    // Ambient background near zero; a little higher by day (warmer, more evaporation and traffic).
    const alarm = upper ?? spec.maxValue * 0.1;
    const fraction = mine && metric === 'co_ppm' ? 0.1 : gasFraction;
    p.baseline = alarm * fraction * rng.range(0.6, 1.4);
    p.dailyAmp = 0.15 * p.baseline;
    p.dailyPeakH = 14;
    vary(p.baseline, 0.2, 0.3, 90_000, 0.3, 5 * MS_PER_H);
  } else if (metric === 'o2_pct') {
    p.baseline = (mine ? 20.8 : 20.9) + 0.04 * rng.normal();
    vary(1, 0.03, 0.04, 3 * MS_PER_MIN, 0.05, 6 * MS_PER_H);
  } else if (metric === 'ch4_pct') {
    const base = CH4_BASELINE_PCT[sensor.placement ?? ''] ?? 0.1;
    p.baseline = base * rng.range(0.85, 1.15);
    // Gas emission follows the cutting cycle: more by day shift, less in the maintenance shift.
    p.dailyAmp = 0.12 * p.baseline;
    p.dailyPeakH = 11;
    vary(p.baseline, 0.03, 0.1, 2 * MS_PER_MIN, 0.1, 3 * MS_PER_H);
  } else if (metric === 'pressure_kpa') {
    const op = equipment?.operatingPressureKpa ?? (upper !== null && lower !== null ? (upper + lower) / 2 : null);
    p.baseline = op ?? (spec.minValue + spec.maxValue) / 4;
    // Storage spheres and tanks breathe with the sun (vapour pressure follows the liquid temperature).
    const storage = equipment?.kind === 'spherical-tank' || equipment?.kind === 'vertical-tank';
    p.dailyAmp = (storage ? 0.03 : 0.004) * Math.abs(p.baseline);
    p.dailyPeakH = 15.5;
    vary(Math.abs(p.baseline), 0.0015, 0.004, 2 * MS_PER_MIN, 0.01, 8 * MS_PER_H);
    p.decimals = decimalsFor(p.baseline) > 1 ? 2 : 1;
  } else if (metric === 'temp_c') {
    if (equipment?.operatingTempC != null) {
      p.baseline = equipment.operatingTempC;
      const ambientStorage = (equipment.kind === 'spherical-tank' || equipment.kind === 'vertical-tank') && p.baseline > -10 && p.baseline < 45;
      p.dailyAmp = ambientStorage ? 2 : 0.4;
      p.dailyPeakH = 16;
      vary(1, 0.05, 0.2, 5 * MS_PER_MIN, 0.4, 8 * MS_PER_H);
    } else if (mine) {
      // Mine air: a few kelvin under the face/chamber limit, barely following the surface day.
      p.baseline = (upper ?? 26) - 4 + rng.range(-0.5, 0.5);
      p.dailyAmp = 0.3;
      vary(1, 0.03, 0.1, 10 * MS_PER_MIN, 0.3, 8 * MS_PER_H);
    } else {
      // A room or outdoor item without process data: follows the air temperature, damped.
      p.baseline = 20;
      p.followsAirTemp = true;
      vary(1, 0.05, 0.2, 10 * MS_PER_MIN, 0.5, 8 * MS_PER_H);
    }
  } else if (metric === 'level_pct') {
    // Inventory moves as the plant fills and draws down the tank: a slow drift of hours.
    const lo = lower ?? 15, hi = upper ?? 85;
    p.baseline = lo + (hi - lo) * rng.range(0.35, 0.65);
    vary(1, 0.05, 0.2, 10 * MS_PER_MIN, 6, 4 * MS_PER_H);
  } else if (metric === 'flow_kg_s') {
    const segment = park && sensor.pipeSegmentId ? park.pipes.segments.find((s) => s.id === sensor.pipeSegmentId) : undefined;
    p.baseline = segment?.normalFlowKgS ?? (upper !== null ? upper / 1.3 : spec.maxValue / 3);
    p.dailyAmp = 0.03 * p.baseline;
    p.dailyPeakH = 11;
    vary(p.baseline, 0.01, 0.025, MS_PER_MIN, 0.04, 3 * MS_PER_H);
    p.decimals = decimalsFor(p.baseline);
  } else if (metric === 'air_speed_ms') {
    const roadway = mine && sensor.roadwayId ? mine.roadways.edges.find((r) => r.id === sensor.roadwayId) : undefined;
    p.baseline = roadway?.airSpeedMS ?? (lower !== null && upper !== null ? (lower + upper) / 2 : 1);
    vary(p.baseline, 0.015, 0.03, MS_PER_MIN, 0.03, 6 * MS_PER_H);
  } else if (metric === 'roof_disp_mm') {
    // Bed separation after excavation: logarithmic creep, fast at first and slowing (roof-control practice).
    const alarm = upper ?? 25;
    p.baseline = alarm * rng.range(0.1, 0.3);
    const ageMs = rng.range(5, 90) * MS_PER_DAY;
    const tauMs = 3 * MS_PER_DAY;
    const room = 0.45 * (alarm - p.baseline);
    p.creep = { amount: (room * rng.range(0.4, 0.8)) / Math.log(1 + (ageMs + 365 * MS_PER_DAY) / tauMs), tauMs, originMs: ctx.startMs - ageMs };
    // Band around the displacement drawn for now; creep over the coming year stays inside it.
    p.bandLo = spec.minValue;
    p.bandHi = Math.min(spec.maxValue, p.baseline + 0.5 * (alarm - p.baseline));
    // Express the baseline before creep, so `baseline + creep(now)` is the drawn value.
    p.baseline -= p.creep.amount * Math.log(1 + ageMs / tauMs);
    vary(1, 0.04, 0, MS_PER_MIN, 0.08, 12 * MS_PER_H);
    return p;
  } else {
    // Unknown metric: mid-range, quiet.
    const lo = lower ?? spec.minValue, hi = upper ?? spec.maxValue;
    p.baseline = (lo + hi) / 2;
    vary(hi - lo, 0.002, 0.005, MS_PER_MIN, 0.01, 6 * MS_PER_H);
  }

  // The normal band: halfway from the baseline to each set-point (or the physical limit).
  if (lower !== null || upper !== null) {
    if ((upper !== null && p.baseline >= upper) || (lower !== null && p.baseline <= lower)) {
      const lo = lower ?? spec.minValue, hi = upper ?? spec.maxValue;
      p.baseline = lo + 0.4 * (hi - lo);
    }
    if (upper !== null) p.bandHi = p.baseline + 0.5 * (upper - p.baseline);
    if (lower !== null) p.bandLo = p.baseline - 0.5 * (p.baseline - lower);
  }
  if (p.followsAirTemp) {
    // The baseline moves with the weather; keep the band wide but below the alarms.
    p.bandHi = upper !== null ? upper - 3 : spec.maxValue;
    p.bandLo = lower !== null ? lower + 3 : spec.minValue;
    return p;
  }
  p.bandLo = Math.max(p.bandLo, spec.minValue);
  p.bandHi = Math.min(p.bandHi, spec.maxValue);
  return fitToBand(p);
}
