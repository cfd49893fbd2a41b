// Threat at points of interest: peak, arrival, worst level of concern, dose and a concentration series. Pure.
import { plumeBearingDeg } from '../geo.ts';
import type { ResolvedModel } from '../resolve-model.ts';

/** The threat at one point (contract). */
export interface PointThreat {
  id: string;
  label?: string;
  eastM: number;
  northM: number;
  zM: number;
  downwindM: number;
  crosswindM: number;
  peakPpm: number;
  /** Time of the peak [s]; null for a steady plume. */
  peakAtS: number | null;
  /** First time [s] the lowest level of concern is reached; null if never. */
  arrivalS: number | null;
  /** Highest level of concern reached by the peak. */
  worstLevel: { label: string; ppm: number } | null;
  /** ∫C dt from 0 to untilS [ppm·min] (steady plume: untilS = arrival + exposure window). */
  dose: { untilS: number; dosePpmMin: number };
  /** Concentration over time at the point. */
  series: { tS: number; ppm: number }[];
}

/** A point as given to the assessment (metres east/north of the source). */
export interface PointInput {
  id: string;
  label?: string | undefined;
  eastM: number;
  northM: number;
  zM: number;
}

/** Horizon of a steady plume's series and dose: 60 min, the AEGL exposure duration of the default levels (§8.1). */
export const STEADY_HORIZON_S = 3600;
/** Intervals of the series reported (series has SERIES_INTERVALS + 1 samples). */
export const SERIES_INTERVALS = 24;
/** Time samples for the dose (trapezoid) and the arrival search of a transient release: 10 per series interval. */
const DOSE_SAMPLES = SERIES_INTERVALS * 10;

/**
 * Threat at one point. Steady model: C is reached at the plume's travel time x/u and holds for steadyExposureS
 * (default STEADY_HORIZON_S, 60 min; the release duration when shorter); dose = C·steadyExposureS, reported until
 * x/u + steadyExposureS. Transient model: C(t) sampled (241 samples, series every 10th) over the point's passage
 * window [0, m.time.passedS(x)], dose by the trapezoid rule reported until max(horizonS, window end), arrival = first crossing of the lowest level refined by bisection, peak = the larger of
 * the model's peak-over-time search and the largest sample. `levels` are the scenario's levels of concern.
 */
export function pointThreat(
  m: ResolvedModel,
  p: PointInput,
  windFromDeg: number,
  kgM3ToPpm: number,
  levels: readonly { label: string; ppm: number }[],
  horizonS: number,
  steadyExposureS = STEADY_HORIZON_S,
): PointThreat {
  const b = (plumeBearingDeg(windFromDeg) * Math.PI) / 180;
  const x = p.eastM * Math.sin(b) + p.northM * Math.cos(b);
  const y = -p.eastM * Math.cos(b) + p.northM * Math.sin(b);
  const lowest = levels.length ? Math.min(...levels.map((l) => l.ppm)) : Infinity;
  const ppmAt = (t: number | undefined) => m.concentrationKgM3(x, y, p.zM, t).concentrationKgM3 * kgM3ToPpm;
  const base = { id: p.id, ...(p.label === undefined ? {} : { label: p.label }), eastM: p.eastM, northM: p.northM, zM: p.zM, downwindM: x, crosswindM: y };
  if (m.time.kind === 'steady') {
    const c = ppmAt(undefined);
    const travelS = Math.max(0, x) / m.windSpeedMS;
    // Exposure window: from the plume's arrival for steadyExposureS (60 min, or a shorter release), so the dose does
    // not depend on how far the point is (integrating from the release start cut it short: C·(60 min − x/u)).
    const untilS = travelS + steadyExposureS;
    const series = Array.from({ length: SERIES_INTERVALS + 1 }, (_, k) => {
      const t = (untilS * k) / SERIES_INTERVALS;
      return { tS: t, ppm: c > 0 && t >= travelS ? c : 0 };
    });
    return {
      ...base,
      peakPpm: c,
      peakAtS: null,
      arrivalS: c > 0 && c >= lowest ? travelS : null,
      worstLevel: worst(levels, c),
      dose: { untilS, dosePpmMin: (c * steadyExposureS) / 60 },
      series,
    };
  }
  // Sample the point's own passage [0, passedS(x)] (a near point sees a puff for seconds, a far one for minutes);
  // after that the cloud has gone and C ≈ 0, so the dose up to untilS equals the dose over the window.
  const windowS = Math.max(1, m.time.passedS(x));
  const untilS = Math.max(horizonS, windowS);
  const h = windowS / DOSE_SAMPLES;
  const samples = new Float64Array(DOSE_SAMPLES + 1);
  let sampleMax = 0, sampleMaxT = 0, dose = 0, firstAbove = -1;
  for (let k = 0; k <= DOSE_SAMPLES; k++) {
    const v = ppmAt(k * h);
    samples[k] = v;
    if (v > sampleMax) { sampleMax = v; sampleMaxT = k * h; }
    if (firstAbove < 0 && v >= lowest) firstAbove = k;
    dose += (k === 0 || k === DOSE_SAMPLES ? 0.5 : 1) * v;
  }
  dose *= h;
  const searched = m.concentrationKgM3(x, y, p.zM);
  const searchedPpm = searched.concentrationKgM3 * kgM3ToPpm;
  const peak = searchedPpm > sampleMax ? { ppm: searchedPpm, tS: searched.tS ?? sampleMaxT } : { ppm: sampleMax, tS: sampleMaxT };
  let arrivalS: number | null = null;
  if (firstAbove === 0) arrivalS = 0;
  else if (firstAbove > 0) {
    let lo = (firstAbove - 1) * h, hi = firstAbove * h;
    for (let k = 0; k < 40 && hi - lo > 1e-3; k++) {
      const mid = 0.5 * (lo + hi);
      if (ppmAt(mid) >= lowest) hi = mid;
      else lo = mid;
    }
    arrivalS = hi;
  } else if (peak.ppm >= lowest) arrivalS = peak.tS; // only the refined peak reaches the level: a narrow cloud between samples
  const series = Array.from({ length: SERIES_INTERVALS + 1 }, (_, k) => ({ tS: k * 10 * h, ppm: samples[k * 10]! }));
  return { ...base, peakPpm: peak.ppm, peakAtS: peak.tS, arrivalS, worstLevel: worst(levels, peak.ppm), dose: { untilS, dosePpmMin: dose / 60 }, series };
}

/** The highest level whose ppm the value reaches, or null. */
function worst(levels: readonly { label: string; ppm: number }[], ppm: number): { label: string; ppm: number } | null {
  let best: { label: string; ppm: number } | null = null;
  for (const l of levels) if (ppm >= l.ppm && (!best || l.ppm > best.ppm)) best = { label: l.label, ppm: l.ppm };
  return best;
}
