// Instantaneous release: Gaussian puff; finite or time-varying release: a train of puffs (plume-physics.md §3).
import { sigmaYM, sigmaZM, type SigmaSet } from './sigma.ts';
import type { StabilityClass } from './stability.ts';

/**
 * Reflected Gaussian puff for given σ: C = M/((2π)^{3/2} σx σy σz)·exp(−dx²/2σx²)·exp(−y²/2σy²)·[exp(−(z−H)²/2σz²)+exp(−(z+H)²/2σz²)]
 * (CCPS 1999 via GasDispersion.jl gaussian_puff.jl; plume-physics.md §3). dx is the distance from the puff centre. Returns kg/m³.
 */
export function gaussianPuffKgM3(massKg: number, sigmaXM: number, sigmaYM: number, sigmaZM: number, dxM: number, yM: number, zM: number, releaseHeightM: number): number {
  const a = zM - releaseHeightM;
  const b = zM + releaseHeightM;
  const vertical = Math.exp((-a * a) / (2 * sigmaZM * sigmaZM)) + Math.exp((-b * b) / (2 * sigmaZM * sigmaZM));
  return (massKg / (Math.pow(2 * Math.PI, 1.5) * sigmaXM * sigmaYM * sigmaZM)) * Math.exp((-dxM * dxM) / (2 * sigmaXM * sigmaXM)) * Math.exp((-yM * yM) / (2 * sigmaYM * sigmaYM)) * vertical;
}

/** Inputs of an instantaneous puff. */
export interface PuffParams {
  massKg: number;
  windSpeedMS: number;
  releaseHeightM: number;
  stabilityClass: StabilityClass;
  /** σ set; 'ccps-puff' (Slade) is the puff default; plume sets are used with σx = σy. */
  sigmaSet: SigmaSet;
}

/** Puff concentration [kg/m³] at (x, y, z) [m] and time t [s] after release; σ evaluated at the travel distance u·t (§3). */
export function puffConcentrationKgM3(p: PuffParams, xM: number, yM: number, zM: number, tS: number): number {
  if (tS <= 0) return 0;
  const travelM = p.windSpeedMS * tS;
  const sy = sigmaYM(travelM, p.stabilityClass, p.sigmaSet);
  const sz = sigmaZM(travelM, p.stabilityClass, p.sigmaSet);
  return gaussianPuffKgM3(p.massKg, sy, sy, sz, xM - travelM, yM, zM, p.releaseHeightM);
}

/** A step of a piecewise-constant release-rate schedule: rate from tS until the next step. */
export interface RateStep {
  tS: number;
  rateKgS: number;
}

/** Piecewise-constant rate function from steps (sorted by tS); 0 before the first step. E.g. a valve closing at t_c: [{tS:0,rateKgS:q},{tS:t_c,rateKgS:0}]. */
export function piecewiseRate(steps: readonly RateStep[]): (tS: number) => number {
  const sorted = [...steps].sort((a, b) => a.tS - b.tS);
  return (tS) => {
    let r = 0;
    for (const s of sorted) {
      if (s.tS <= tS) r = s.rateKgS;
      else break;
    }
    return r;
  };
}

/** Inputs of a puff train: rate Q(t) over [0, durationS], emitted as puffCount puffs of mass Q(t_i)·Δt (GasDispersion.jl intpuff.jl; §3). */
export interface PuffTrainParams {
  rateKgSAt: (tS: number) => number;
  durationS: number;
  puffCount: number;
  windSpeedMS: number;
  releaseHeightM: number;
  stabilityClass: StabilityClass;
  sigmaSet: SigmaSet;
}

/** Default puff count: spacing u·Δt at most half σy at 100 m, so the train is smooth beyond ~100 m (our choice); 10…5000 puffs. */
export function defaultPuffCount(durationS: number, windSpeedMS: number, stabilityClass: StabilityClass, sigmaSet: SigmaSet): number {
  const spacingM = 0.5 * sigmaYM(100, stabilityClass, sigmaSet);
  return Math.min(5000, Math.max(10, Math.ceil((windSpeedMS * durationS) / spacingM)));
}

/** Puff-train concentration [kg/m³] at (x, y, z) and time t: the sum of puffs emitted at t_i = (i+½)Δt ≤ t, each of mass Q(t_i)·Δt (§3). */
export function puffTrainConcentrationKgM3(p: PuffTrainParams, xM: number, yM: number, zM: number, tS: number): number {
  const dt = p.durationS / p.puffCount;
  let sum = 0;
  for (let i = 0; i < p.puffCount; i++) {
    const ti = (i + 0.5) * dt;
    if (ti >= tS) break;
    const mass = p.rateKgSAt(ti) * dt;
    if (mass <= 0) continue;
    const travelM = p.windSpeedMS * (tS - ti);
    const sy = sigmaYM(travelM, p.stabilityClass, p.sigmaSet);
    const sz = sigmaZM(travelM, p.stabilityClass, p.sigmaSet);
    sum += gaussianPuffKgM3(mass, sy, sy, sz, xM - travelM, yM, zM, p.releaseHeightM);
  }
  return sum;
}

/** Concentration over time at a point: samples c(t) at the given times [s]. */
export function concentrationSeriesKgM3(c: (tS: number) => number, timesS: readonly number[]): number[] {
  return timesS.map((t) => c(t));
}

/** Time-integrated dose ∫c dt [kg·s/m³] over [t0, t1] by the trapezoid rule with `steps` intervals. */
export function integratedDoseKgSM3(c: (tS: number) => number, t0S: number, t1S: number, steps = 2000): number {
  const h = (t1S - t0S) / steps;
  let sum = 0.5 * (c(t0S) + c(t1S));
  for (let i = 1; i < steps; i++) sum += c(t0S + i * h);
  return sum * h;
}

/**
 * Relative width in time at which the golden-section refinement of a peak stops. Near its maximum c(t) is flat
 * (quadratic), so the peak value is then exact to ~(1e-7 · t / peak width)², far below any other error here.
 */
const PEAK_TIME_TOLERANCE = 1e-7;

/** Peak of c(t) over [t0, t1]: uniform scan of `samples` points then golden-section refinement. */
export function peakOverTime(c: (tS: number) => number, t0S: number, t1S: number, samples = 400): { tS: number; value: number } {
  const h = (t1S - t0S) / samples;
  let bestT = t0S;
  let best = -Infinity;
  for (let i = 0; i <= samples; i++) {
    const t = t0S + i * h;
    const v = c(t);
    if (v > best) {
      best = v;
      bestT = t;
    }
  }
  let a = Math.max(t0S, bestT - h);
  let b = Math.min(t1S, bestT + h);
  // Golden-section search keeping one interior point per step (one new evaluation per step, not two).
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let c1 = c(x1);
  let c2 = c(x2);
  for (let k = 0; k < 60 && b - a > PEAK_TIME_TOLERANCE * Math.max(1, b); k++) {
    if (c1 >= c2) {
      b = x2;
      x2 = x1;
      c2 = c1;
      x1 = b - g * (b - a);
      c1 = c(x1);
    } else {
      a = x1;
      x1 = x2;
      c1 = c2;
      x2 = a + g * (b - a);
      c2 = c(x2);
    }
  }
  const t = 0.5 * (a + b);
  const v = c(t);
  return v >= best ? { tS: t, value: v } : { tS: bestT, value: best };
}
