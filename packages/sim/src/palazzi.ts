// Finite-duration release in closed form: Palazzi et al. (1982) short-duration plume, the n → ∞ limit of the
// puff train (GasDispersion.jl palazzi_puff.jl; plume-physics.md §3), superposed over a piecewise-constant rate schedule.
import { plumeConcentrationKgM3, type PlumeParams } from './gaussian-plume.ts';
import type { RateStep } from './gaussian-puff.ts';
import { sigmaYM } from './sigma.ts';

/** Error function, Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7). */
export function erf(x: number): number {
  const a = Math.abs(x);
  return (x < 0 ? -1 : 1) * (1 - erfcPoly(a) * Math.exp(-a * a));
}

/** The standard normal's cumulative distribution Φ(z) = ½[1 + erf(z/√2)]. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** ln erfc(x) for x ≥ 0 without the cancellation of ln(1 − erf x) far in the tail: erfc x = P(x)·e^(−x²) (A&S 7.1.26). */
export function lnErfc(x: number): number {
  return x >= 0 ? Math.log(erfcPoly(x)) - x * x : Math.log(1 + erf(-x));
}

/** The polynomial factor of A&S 7.1.26: erfc a ≈ P(a)·e^(−a²), a ≥ 0. */
function erfcPoly(a: number): number {
  const t = 1 / (1 + 0.3275911 * a);
  return ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
}

/** A finite release: piecewise-constant rate steps, ending at endS (rate 0 afterwards). */
export interface FiniteReleaseParams extends Omit<PlumeParams, 'rateKgS'> {
  steps: readonly RateStep[];
  endS: number;
}

/**
 * Concentration function c(x, y, z, t) [kg/m³] of a finite release: Σ over steps of
 * C_plume(q_k)·½[erf((x − u(t − t_{k+1}))/(√2σx)) − erf((x − u(t − t_k))/(√2σx))], σx = σy(x)
 * (Palazzi 1982 via GasDispersion.jl; plume-physics.md §3). Steps are sorted once here.
 */
export function finiteRelease(p: FiniteReleaseParams): (xM: number, yM: number, zM: number, tS: number) => number {
  const segments = releaseSegments(p);
  const unitPlume: PlumeParams = { ...p, rateKgS: 1 };
  const u = p.windSpeedMS;
  return (xM, yM, zM, tS) => {
    if (xM <= 0) return 0;
    const unit = plumeConcentrationKgM3(unitPlume, xM, yM, zM);
    if (unit === 0) return 0;
    const k = Math.SQRT2 * sigmaYM(xM, p.stabilityClass, p.sigmaSet);
    let sum = 0;
    for (const sg of segments) sum += sg.rateKgS * 0.5 * (erf((xM - u * (tS - sg.stopS)) / k) - erf((xM - u * (tS - sg.startS)) / k));
    return unit * sum;
  };
}

/** The schedule as segments of constant, positive rate [startS, stopS), sorted, cut at endS. */
function releaseSegments(p: FiniteReleaseParams): { startS: number; stopS: number; rateKgS: number }[] {
  const sorted = [...p.steps].sort((a, b) => a.tS - b.tS);
  const segments: { startS: number; stopS: number; rateKgS: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const st = sorted[i]!;
    const stopS = Math.min(sorted[i + 1]?.tS ?? p.endS, p.endS);
    if (stopS > st.tS && st.rateKgS > 0) segments.push({ startS: st.tS, stopS, rateKgS: st.rateKgS });
  }
  return segments;
}

/**
 * Peak over time of a finite release with ONE constant-rate segment (the usual `durationS` case), in closed form; null
 * for a schedule of several segments (search numerically then). With D = uT/(√2σx), the time factor
 * ½[erf(A) − erf(A − D)] is largest at A = D/2, i.e. at t = x/u + (start + stop)/2, where it equals erf(uT/(2√2σx)):
 * C_peak = C_plume(q)·erf(uT/(2√2σx)), σx = σy(x) (Palazzi 1982 form above; the maximum follows from the symmetry of
 * erf — our derivation, checked against the numerical peak in palazzi.test.ts).
 */
export function finiteReleasePeak(p: FiniteReleaseParams): ((xM: number, yM: number, zM: number) => { value: number; tS: number }) | null {
  const segments = releaseSegments(p);
  if (segments.length !== 1) return null;
  const { startS, stopS, rateKgS } = segments[0]!;
  const plume: PlumeParams = { ...p, rateKgS };
  const u = p.windSpeedMS;
  const durationS = stopS - startS;
  return (xM, yM, zM) => {
    const tS = Math.max(0, xM) / u + (startS + stopS) / 2;
    if (xM <= 0) return { value: 0, tS };
    const sigmaXM = sigmaYM(xM, p.stabilityClass, p.sigmaSet);
    return { value: plumeConcentrationKgM3(plume, xM, yM, zM) * erf((u * durationS) / (2 * Math.SQRT2 * sigmaXM)), tS };
  };
}
