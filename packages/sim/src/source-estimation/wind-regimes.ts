// The wind inside one bin, as the stations sampled it: which stability classes its samples gave,
// how often, and at what speeds. A plume's bin mean is not the plume at the bin's mean wind when
// the model is far from linear in it: a gust across a class boundary changes σy and σz by a
// class (Pasquill–Gifford), and a dense cloud's gravity-spread source zone grows as l_b ∝ 1/u³
// (Britter & McQuaid 1988, HSE CR 17/1988), so a 10-s bin at 1.1 m/s whose gusts dip to 0.7 m/s
// has a cloud three times wider in those seconds. predictions.ts averages the model over these
// regimes instead of resolving it once at the bin's mean.
import { STABILITY_CLASSES as CLASSES, type StabilityClass } from '../stability.ts';
import type { WindSample } from './types.ts';

/** The samples of one bin that gave one stability class. */
export interface WindRegime {
  stability: StabilityClass;
  /** Share of the bin's samples, 0–1. */
  fraction: number;
  /** Their mean speed, m/s. */
  speedMS: number;
  /** Standard deviation of ln(speed) among them (gusts within the class; 0 with fewer than two). */
  lnSpeedSd: number;
}

/**
 * The regimes of each of `n` bins of `binMs` from `startMs`; a bin without samples carries the previous bin's (the first
 * measured bin's before it).
 */
export function windRegimes(samples: readonly WindSample[], startMs: number, binMs: number, n: number): WindRegime[][] {
  const k = CLASSES.length;
  const count = new Int32Array(n * k), speed = new Float64Array(n * k), lnSum = new Float64Array(n * k), lnSq = new Float64Array(n * k), lnCount = new Int32Array(n * k);
  for (const w of samples) {
    const j = Math.floor((w.tMs - startMs) / binMs);
    if (j < 0 || j >= n || !Number.isFinite(w.windSpeedMS) || !Number.isFinite(w.windFromDeg)) continue;
    const i = j * k + CLASSES.indexOf(w.stability);
    count[i]!++;
    speed[i]! += w.windSpeedMS;
    if (w.windSpeedMS > 0) {
      const l = Math.log(w.windSpeedMS);
      lnSum[i]! += l;
      lnSq[i]! += l * l;
      lnCount[i]!++;
    }
  }
  const out: WindRegime[][] = [];
  let prev: WindRegime[] | null = null;
  for (let j = 0; j < n; j++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += count[j * k + c]!;
    if (total === 0) {
      out.push(prev ?? []);
      continue;
    }
    const regimes: WindRegime[] = [];
    for (let c = 0; c < k; c++) {
      const i = j * k + c, m = count[i]!;
      if (m === 0) continue;
      const nl = lnCount[i]!;
      const lnSpeedSd = nl >= 2 ? Math.sqrt(Math.max(0, (lnSq[i]! - (lnSum[i]! * lnSum[i]!) / nl) / (nl - 1))) : 0;
      regimes.push({ stability: CLASSES[c]!, fraction: m / total, speedMS: speed[i]! / m, lnSpeedSd });
    }
    out.push(regimes);
    if (!prev) for (let b = 0; b < j; b++) out[b] = regimes;
    prev = regimes;
  }
  return out;
}
