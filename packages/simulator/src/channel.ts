// One metric of one sensor as a signal: baseline + daily cycle + slow drift + process
// fluctuation + white instrument noise (+ creep for roof displacement), held inside a normal
// operating band that lies well below the sensor's alarm set-points, then clamped to the
// metric's physical range and rounded to the instrument's resolution.
import type { Rng } from './prng.ts';
import { OuProcess, clamp, dailyCycle, roundTo } from './signals.ts';

/** Logarithmic creep d(t) = amountMm·ln(1 + (t − originMs)/tauMs): how a roof settles after excavation (rate decays with time). */
export interface CreepParams {
  amount: number;
  tauMs: number;
  originMs: number;
}

/** Parameters of one metric's signal; values are in the metric's unit. */
export interface ChannelParams {
  metric: string;
  /** Long-run mean in normal running. */
  baseline: number;
  /** Amplitude of the daily cycle and the local solar hour of its peak. */
  dailyAmp: number;
  dailyPeakH: number;
  /** Instrument noise, independent per reading (σ). */
  whiteSigma: number;
  /** Process fluctuation: OU σ and correlation time. */
  fastSigma: number;
  fastTauMs: number;
  /** Slow drift: OU σ and correlation time (hours). */
  driftSigma: number;
  driftTauMs: number;
  /** Normal operating band; the signal never leaves it in normal running. */
  bandLo: number;
  bandHi: number;
  /** Physically possible range (the catalogue's), never left even by faults or scenarios. */
  minValue: number;
  maxValue: number;
  /** Instrument resolution, decimals. */
  decimals: number;
  creep?: CreepParams;
  /** Whether the baseline follows the site's air temperature (sensors in unheated buildings). */
  followsAirTemp?: boolean;
}

/**
 * Scales the random parts of a channel down so that daily cycle plus four standard
 * deviations fit inside the normal band: the band clamp then practically never engages and
 * the trace never flat-lines against it (creeping channels size their own band). The lower side is not checked where the band
 * reaches the bottom of the physical range (gas backgrounds sit at zero, as real detectors do).
 */
export function fitToBand(p: ChannelParams): ChannelParams {
  const sd = Math.sqrt(p.whiteSigma ** 2 + p.fastSigma ** 2 + p.driftSigma ** 2);
  const up = 0.9 * (p.bandHi - p.baseline);
  const down = p.bandLo > p.minValue ? 0.9 * (p.baseline - p.bandLo) : Infinity;
  const need = p.dailyAmp + 4 * sd;
  const room = Math.min(up, down);
  if (need <= room || need === 0) return p;
  const k = Math.max(0, room) / need;
  return { ...p, dailyAmp: p.dailyAmp * k, whiteSigma: p.whiteSigma * k, fastSigma: p.fastSigma * k, driftSigma: p.driftSigma * k };
}

/** A running channel: its parameters and the state of its random processes. */
export class Channel {
  private readonly fast: OuProcess;
  private readonly drift: OuProcess;
  private readonly pow10: number;
  /** The latest value, rounded (what the sensor last said). */
  last = 0;

  constructor(
    readonly p: ChannelParams,
    rng: Rng,
    startMs: number,
    private readonly lonDeg: number,
  ) {
    this.fast = new OuProcess(p.fastSigma, p.fastTauMs, rng, startMs);
    this.drift = new OuProcess(p.driftSigma, p.driftTauMs, rng, startMs);
    this.pow10 = 10 ** p.decimals;
  }

  /** The normal-running value at `tMs` before band clamp and rounding; `airTempC` feeds channels that follow it. */
  raw(tMs: number, rng: Rng, airTempC: number): number {
    const p = this.p;
    let v = p.followsAirTemp ? airTempC : p.baseline;
    if (p.dailyAmp !== 0) v += p.dailyAmp * dailyCycle(tMs, this.lonDeg, p.dailyPeakH);
    v += this.fast.at(tMs, rng) + this.drift.at(tMs, rng);
    if (p.whiteSigma !== 0) v += p.whiteSigma * rng.normal();
    if (p.creep) {
      const age = tMs - p.creep.originMs;
      if (age > 0) v += p.creep.amount * Math.log(1 + age / p.creep.tauMs);
    }
    return v;
  }

  /** Normal-running reading at `tMs`: inside the band and the physical range, at instrument resolution. */
  sample(tMs: number, rng: Rng, airTempC: number): number {
    const p = this.p;
    const v = clamp(clamp(this.raw(tMs, rng, airTempC), p.bandLo, p.bandHi), p.minValue, p.maxValue);
    this.last = roundTo(v, this.pow10);
    return this.last;
  }

  /** Rounds and clamps an externally shaped value (scenario overlays, gating) to the physical range. */
  finish(v: number): number {
    this.last = roundTo(clamp(v, this.p.minValue, this.p.maxValue), this.pow10);
    return this.last;
  }
}
