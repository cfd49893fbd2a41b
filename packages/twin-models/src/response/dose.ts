// Dose bookkeeping for people in a forecast cloud: the concentration series at a fixed point,
// the dose collected walking a straight leg, and a per-person tracker (concentration at their
// position over time → dose) with the AEGL levels it exceeds. Dose = ∫C dt, ppm·s; toxic load =
// ∫Cⁿ dt (ten Berge et al. 1986, J. Hazard. Mater. 13:301; n = 1 is Haber's rule). A level L
// with exposure duration D is exceeded when the toxic load reaches Lⁿ·D. Pure.
import type { EnuPlan } from '../geo.ts';

/** A concentration forecast: ppm at a plan position (m east/north of the site origin) and time, s. */
export type ConcentrationField = (eastM: number, northM: number, tS: number) => number;

/** AEGL (or other) levels of concern, ppm, for one exposure duration. */
export interface ExposureLevels {
  aegl1Ppm?: number;
  aegl2Ppm: number;
  aegl3Ppm?: number;
}

/** The concentration series at a fixed point over a horizon. */
export interface PointSeries {
  peakPpm: number;
  peakAtS: number;
  /** Last sample (at the horizon's end), ppm. */
  endPpm: number;
  /** First sample at or above `thresholdPpm`; null when none. */
  firstAboveS: number | null;
}

/** Samples the field at a point every `stepS` from `startS` to `startS + horizonS` (both ends included). */
export function pointSeries(field: ConcentrationField, at: EnuPlan, startS: number, horizonS: number, stepS: number, thresholdPpm: number): PointSeries {
  const steps = Math.max(1, Math.ceil(horizonS / stepS));
  let peakPpm = -Infinity, peakAtS = startS, endPpm = 0;
  let firstAboveS: number | null = null;
  for (let i = 0; i <= steps; i++) {
    const tS = startS + Math.min(i * stepS, horizonS);
    const c = field(at.eastM, at.northM, tS);
    if (c > peakPpm) { peakPpm = c; peakAtS = tS; }
    if (firstAboveS === null && c >= thresholdPpm) firstAboveS = tS;
    endPpm = c;
  }
  return { peakPpm, peakAtS, endPpm, firstAboveS };
}

/** What one straight walk collects. */
export interface LegExposure {
  dosePpmS: number;
  peakPpm: number;
  durationS: number;
  /** Extra cost of walking downwind inside the zone, ppm·s (0 without a wind penalty). */
  downwindPenalty: number;
}

/** Optional penalty for walking downwind inside the zone (the dose cost usually suffices). */
export interface DownwindPenalty {
  /** Direction the wind blows from, degrees clockwise from north. */
  windFromDeg: number;
  /** Added cost per metre walked straight downwind inside the zone, ppm·s/m (scaled by the cosine). */
  ppmSPerM: number;
  /** Concentration at which a point counts as inside the zone, ppm. */
  insidePpm: number;
}

/**
 * Dose collected walking from `a` to `b` (path length `lengthM`, at least the straight distance)
 * at `speedMS`, leaving at `startS`: midpoint rule over sub-legs of at most `sampleM`, each
 * sampled where and when the walker is there.
 */
export function legExposure(field: ConcentrationField, a: EnuPlan, b: EnuPlan, lengthM: number, startS: number, speedMS: number, sampleM: number, downwind?: DownwindPenalty): LegExposure {
  const n = Math.max(1, Math.ceil(lengthM / sampleM));
  const dtS = lengthM / speedMS / n;
  const dx = b.eastM - a.eastM, dy = b.northM - a.northM;
  const straightM = Math.hypot(dx, dy);
  const alongDownwind = downwind && straightM > 0 ? downwindCosine(dx / straightM, dy / straightM, downwind.windFromDeg) : 0;
  let dosePpmS = 0, peakPpm = 0, penalty = 0;
  for (let k = 0; k < n; k++) {
    const f = (k + 0.5) / n;
    const c = field(a.eastM + dx * f, a.northM + dy * f, startS + (k + 0.5) * dtS);
    dosePpmS += c * dtS;
    peakPpm = Math.max(peakPpm, c);
    if (downwind && c >= downwind.insidePpm && alongDownwind > 0) penalty += downwind.ppmSPerM * (lengthM / n) * alongDownwind;
  }
  return { dosePpmS, peakPpm, durationS: lengthM / speedMS, downwindPenalty: penalty };
}

/** Cosine between a walking direction (unit east, north) and the direction the wind blows toward. */
function downwindCosine(ux: number, uy: number, windFromDeg: number): number {
  const toRad = ((windFromDeg + 180) * Math.PI) / 180;
  return ux * Math.sin(toRad) + uy * Math.cos(toRad);
}

/** One person's collected exposure. */
export interface PersonDose {
  personId: string;
  firstS: number;
  lastS: number;
  lastPpm: number;
  peakPpm: number;
  /** ∫C dt, ppm·s. */
  dosePpmS: number;
  /** ∫Cⁿ dt, ppmⁿ·s. */
  toxicLoad: number;
  /** The n of the toxic load. */
  exponent: number;
}

/** Adds a reading of the concentration at the person's position (trapezoid rule); older readings are ignored. */
export function addDoseSample(prev: PersonDose | undefined, personId: string, tS: number, ppm: number, exponent = 1): PersonDose {
  const c = Math.max(0, ppm);
  if (!prev) return { personId, firstS: tS, lastS: tS, lastPpm: c, peakPpm: c, dosePpmS: 0, toxicLoad: 0, exponent };
  if (tS <= prev.lastS) return prev;
  const dt = tS - prev.lastS;
  return {
    ...prev,
    lastS: tS,
    lastPpm: c,
    peakPpm: Math.max(prev.peakPpm, c),
    dosePpmS: prev.dosePpmS + ((prev.lastPpm + c) / 2) * dt,
    toxicLoad: prev.toxicLoad + ((prev.lastPpm ** prev.exponent + c ** prev.exponent) / 2) * dt,
  };
}

/** A timed position of a tagged person. */
export interface TrackPoint { tS: number; eastM: number; northM: number }

/** Dose along a position track, the field read at each point. */
export function doseAlongTrack(personId: string, track: readonly TrackPoint[], field: ConcentrationField, exponent = 1): PersonDose | undefined {
  let d: PersonDose | undefined;
  for (const p of [...track].sort((a, b) => a.tS - b.tS)) d = addDoseSample(d, personId, p.tS, field(p.eastM, p.northM, p.tS), exponent);
  return d;
}

/** A person over a level. */
export interface Exceedance { personId: string; level: 1 | 2 | 3; dosePpmS: number; peakPpm: number }

/**
 * The persons whose toxic load reached a level's Lⁿ·D (D = `durationS`, default 60 min, the
 * AEGL duration the levels are usually given for), each under the highest level exceeded,
 * listed per level, highest dose first.
 */
export function aeglExceedances(doses: readonly PersonDose[], levels: ExposureLevels, durationS = 3600): { aegl1: Exceedance[]; aegl2: Exceedance[]; aegl3: Exceedance[] } {
  const out = { aegl1: [] as Exceedance[], aegl2: [] as Exceedance[], aegl3: [] as Exceedance[] };
  const tiers: Array<[1 | 2 | 3, number | undefined]> = [[3, levels.aegl3Ppm], [2, levels.aegl2Ppm], [1, levels.aegl1Ppm]];
  for (const d of doses) {
    const hit = tiers.find(([, ppm]) => ppm !== undefined && d.toxicLoad >= ppm ** d.exponent * durationS);
    if (!hit) continue;
    const e: Exceedance = { personId: d.personId, level: hit[0], dosePpmS: d.dosePpmS, peakPpm: d.peakPpm };
    out[`aegl${hit[0]}`].push(e);
  }
  for (const list of Object.values(out)) list.sort((a, b) => b.dosePpmS - a.dosePpmS);
  return out;
}
