// Readings and wind samples on a common time grid: the estimate's window is cut into bins; a
// detector's bin holds the mean of its readings there (a silent detector has no bins, which is
// no evidence either way), and the wind's bins hold the mean speed and the vector-mean
// direction (so a station's 1 s noise averages out), carried over empty bins, and how much the
// direction varied inside the bin (which widens the bin's mean plume: predictions.ts).
import { STABILITY_CLASSES as CLASSES, type StabilityClass } from '../stability.ts';
import { clippedBinMean } from './clipped-bin.ts';
import type { SourceDetector, WindSample } from './types.ts';
import { windRegimes, type WindRegime } from './wind-regimes.ts';

/** Default height of a wind speed measurement, m (the 10 m standard anemometer height, WMO-No. 8). */
export const DEFAULT_WIND_HEIGHT_M = 10;
const RAD = Math.PI / 180;

/** The time grid of an estimate. */
export interface TimeGrid {
  startMs: number;
  binMs: number;
  bins: number;
}

/** Bin centre, epoch ms. */
export function binCentreMs(g: TimeGrid, j: number): number {
  return g.startMs + (j + 0.5) * g.binMs;
}

/** A detector's binned readings: bin index, mean value (clipped seconds imputed: clipped-bin.ts) and whether that is only a lower bound (readings at the range top). */
export interface DetectorBins {
  bin: Int32Array;
  mean: Float64Array;
  lowerBound: Uint8Array;
}

/** Means of `d`'s readings per bin of `g` (bins without readings left out). */
export function binReadings(d: SourceDetector, g: TimeGrid): DetectorBins {
  const values: number[][] = Array.from({ length: g.bins }, () => []);
  for (const [tMs, value] of d.readings) {
    const j = Math.floor((tMs - g.startMs) / g.binMs);
    if (j < 0 || j >= g.bins || !Number.isFinite(value)) continue;
    values[j]!.push(value);
  }
  const bins: number[] = [], means: number[] = [], lowerBound: number[] = [];
  values.forEach((vs, j) => {
    if (vs.length === 0) return;
    const m = clippedBinMean(vs, d.saturation, d.detectionLimit);
    bins.push(j);
    means.push(m.mean);
    lowerBound.push(m.lowerBound ? 1 : 0);
  });
  return { bin: Int32Array.from(bins), mean: Float64Array.from(means), lowerBound: Uint8Array.from(lowerBound) };
}

/** The wind on a grid of bins reaching back before the window (for the cloud's travel time). */
export interface WindBins {
  startMs: number;
  binMs: number;
  speedMS: Float64Array;
  fromDeg: Float64Array;
  /**
   * Circular standard deviation of the sampled directions inside each bin, degrees (Mardia & Jupp 2000, §2.3.4), station
   * noise included; a bin with fewer than two samples carries the previous bin's (the first measured one's before it; 0 without any).
   */
  dirSpreadDeg: Float64Array;
  /** The bin's majority class (below): the cloud's transport speed and front are taken in it. */
  stability: StabilityClass[];
  heightM: Float64Array;
  /** The classes and speeds the bin's samples gave (wind-regimes.ts): the plume is averaged over them. */
  regimes: WindRegime[][];
}

/** Bins the wind `samples` from `startMs` to `endMs` (bins of `binMs`); null when there is no sample. */
export function binWind(samples: readonly WindSample[], startMs: number, endMs: number, binMs: number): WindBins | null {
  if (samples.length === 0) return null;
  const n = Math.max(1, Math.ceil((endMs - startMs) / binMs));
  const speed = new Float64Array(n), se = new Float64Array(n), ce = new Float64Array(n), count = new Int32Array(n);
  const stability: (StabilityClass | null)[] = new Array(n).fill(null);
  const height = new Float64Array(n);
  const lastT = new Float64Array(n).fill(-Infinity);
  const classCount = new Int32Array(n * CLASSES.length);
  for (const w of samples) {
    const j = Math.floor((w.tMs - startMs) / binMs);
    if (j < 0 || j >= n || !Number.isFinite(w.windSpeedMS) || !Number.isFinite(w.windFromDeg)) continue;
    speed[j]! += w.windSpeedMS;
    se[j]! += Math.sin(w.windFromDeg * RAD);
    ce[j]! += Math.cos(w.windFromDeg * RAD);
    count[j]!++;
    classCount[j * CLASSES.length + CLASSES.indexOf(w.stability)]!++;
    if (w.tMs >= lastT[j]!) {
      lastT[j] = w.tMs;
      height[j] = w.windHeightM ?? DEFAULT_WIND_HEIGHT_M;
    }
  }
  // A bin's class: the one most of its samples give (each sample's class comes from one reading's speed, and a gust
  // near a class boundary flips it); a tie goes to the more stable class (the narrower, more concentrated plume).
  for (let j = 0; j < n; j++) {
    let best = -1;
    for (let c = 0; c < CLASSES.length; c++) if (classCount[j * CLASSES.length + c]! > 0 && (best < 0 || classCount[j * CLASSES.length + c]! >= classCount[j * CLASSES.length + best]!)) best = c;
    if (best >= 0) stability[j] = CLASSES[best]!;
  }
  // Before the first sample: the first sample's wind (the earliest we know).
  const first = [...samples].sort((a, b) => a.tMs - b.tMs)[0]!;
  let prev = { speed: first.windSpeedMS, dir: first.windFromDeg, stability: first.stability, height: first.windHeightM ?? DEFAULT_WIND_HEIGHT_M };
  // Before the first bin with two samples: that bin's spread.
  const firstSpread = count.findIndex((c) => c >= 2);
  let prevSpread = firstSpread >= 0 ? circularSdDeg(se[firstSpread]!, ce[firstSpread]!, count[firstSpread]!) : 0;
  const out: WindBins = { startMs, binMs, speedMS: new Float64Array(n), fromDeg: new Float64Array(n), dirSpreadDeg: new Float64Array(n), stability: [], heightM: new Float64Array(n), regimes: windRegimes(samples, startMs, binMs, n) };
  for (let j = 0; j < n; j++) {
    if (count[j]! > 0) {
      prev = { speed: speed[j]! / count[j]!, dir: ((Math.atan2(se[j]!, ce[j]!) / RAD) + 360) % 360, stability: stability[j]!, height: height[j]! };
    }
    if (count[j]! >= 2) prevSpread = circularSdDeg(se[j]!, ce[j]!, count[j]!);
    out.dirSpreadDeg[j] = prevSpread;
    out.speedMS[j] = prev.speed;
    out.fromDeg[j] = prev.dir;
    out.stability.push(prev.stability);
    out.heightM[j] = prev.height;
  }
  return out;
}

/** Index of the wind bin holding `tMs` (clamped to the grid). */
export function windIndex(w: WindBins, tMs: number): number {
  const j = Math.floor((tMs - w.startMs) / w.binMs);
  return j < 0 ? 0 : j >= w.speedMS.length ? w.speedMS.length - 1 : j;
}

/**
 * Circular standard deviation of the wind directions sampled in [fromMs, toMs], degrees:
 * √(−2 ln R̄), R̄ the mean resultant length (Mardia & Jupp 2000, Directional Statistics, §2.3.4).
 */
export function directionSpreadDeg(samples: readonly WindSample[], fromMs: number, toMs: number): number {
  let s = 0, c = 0, n = 0;
  for (const w of samples) {
    if (w.tMs < fromMs || w.tMs > toMs || !Number.isFinite(w.windFromDeg)) continue;
    s += Math.sin(w.windFromDeg * RAD);
    c += Math.cos(w.windFromDeg * RAD);
    n++;
  }
  return n < 2 ? 0 : circularSdDeg(s, c, n);
}

/** Circular standard deviation of `n` directions whose sines and cosines sum to `s` and `c`, degrees: √(−2 ln R̄). */
function circularSdDeg(s: number, c: number, n: number): number {
  const r = Math.min(1, Math.hypot(s, c) / n);
  return r <= 0 ? 180 : Math.sqrt(-2 * Math.log(r)) / RAD;
}
