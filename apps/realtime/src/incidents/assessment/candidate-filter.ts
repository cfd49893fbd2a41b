// Which candidate sources are worth scoring: those that could have put gas on at least one hit
// detector under the wind of the last minutes. estimateSource scores every candidate it is given
// (seconds on the demo park's 139 flammable items); one that cannot reach any hit detector
// predicts nothing there, so every hit bin costs it the outlier floor of the likelihood and its
// posterior is negligible next to one that explains them — leaving it out changes no ranking
// that matters. The tolerances below are wider than anything the estimator itself allows.
import { searchPoints } from '@safetwin/sim';
import { bearingDeg, horizontalDistanceM } from '@safetwin/twin-models';
import type { LeakItem } from './leak-items.ts';
import { angleBetweenDeg } from './wind-summary.ts';

/**
 * Off-wind angle a plume still reaches, degrees: the estimator marginalises the plume direction
 * over Gauss–Hermite offsets up to 2.02 σθ with σθ capped at 20° (≈ 40°: source-estimation/
 * estimate-source.ts), and a Gaussian plume's edge at 3 σy lies atan(3 σy/x) ≤ 34° off its axis
 * (σy/x ≤ 0.22 for class A, Briggs rural: plume-physics.md §2); 75° covers both.
 */
export const REACH_HALF_ANGLE_DEG = 75;
/** Within this distance of a hit detector a candidate is kept whatever the wind (near-field meander, building wakes, calm), m. Our choice. */
export const NEAR_FIELD_M = 100;

/** A detector in plan. */
export interface DetectorPoint { eastM: number; northM: number }

/** Whether a plume from `c` can reach `d` under a wind blowing toward one of `towardDeg`. */
function reaches(c: DetectorPoint, d: DetectorPoint, towardDeg: readonly number[]): boolean {
  if (horizontalDistanceM(c, d) <= NEAR_FIELD_M) return true;
  const bearing = bearingDeg(c, d);
  return towardDeg.some((t) => angleBetweenDeg(bearing, t) <= REACH_HALF_ANGLE_DEG);
}

const toward = (sweptFromDeg: readonly number[]) => sweptFromDeg.map((d) => (d + 180) % 360);

/** A point of a pipe's run: its plan position and the pipe's height there (unset: at grade). */
type RunEnd = DetectorPoint & { upM?: number };

/** A candidate: a point, or a pipe segment's run (the leak may be anywhere on it). */
export type CandidatePlace = DetectorPoint & { line?: { from: RunEnd; to: RunEnd } };

/**
 * The places a candidate may leak from: its point, or the estimator's search points along its run (@safetwin/sim
 * searchPoints — the same points, a riser's included, when the ends carry the pipe's height as a LeakItem's do).
 */
export function placesOf(c: CandidatePlace): DetectorPoint[] {
  const at = (p: RunEnd) => ({ eastM: p.eastM, northM: p.northM, upM: p.upM ?? 0 });
  return c.line ? searchPoints({ position: { ...at(c), upM: 0 }, releaseHeightM: 0, line: { from: at(c.line.from), to: at(c.line.to) } }).map((p) => p.position) : [c];
}

/**
 * Candidates that lie near a hit detector or upwind of one: the bearing from the candidate (from
 * some point of a pipe's run) to the detector within {@link REACH_HALF_ANGLE_DEG} of a direction
 * the wind blew toward (`sweptFromDeg` + 180).
 */
export function reachingCandidates<C extends CandidatePlace>(items: readonly C[], hits: readonly DetectorPoint[], sweptFromDeg: readonly number[]): C[] {
  const t = toward(sweptFromDeg);
  return items.filter((c) => placesOf(c).some((p) => hits.some((h) => reaches(p, h, t))));
}

/**
 * Detectors worth comparing: those some kept candidate can reach (by the same test). A detector
 * none of them reaches is predicted to read nothing by every candidate, so its readings add the
 * same term to every candidate's evidence and cannot change the ranking; leaving it out saves its
 * share of the estimator's work (each candidate × detector × bin).
 */
export function reachedDetectors<D extends { position: DetectorPoint }>(detectors: readonly D[], candidates: readonly CandidatePlace[], sweptFromDeg: readonly number[]): D[] {
  const t = toward(sweptFromDeg);
  const places = candidates.flatMap(placesOf);
  return detectors.filter((d) => places.some((c) => reaches(c, d.position, t)));
}
