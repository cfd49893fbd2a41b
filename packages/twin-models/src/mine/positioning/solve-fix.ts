// One epoch of UWB ranges → a position on the roadway network. First the free 3D fix (weighted
// nonlinear least squares, ≥ 3 anchors); then, on every roadway near the anchors heard, the 1-D
// fit of the chainage along that roadway's centre line, robust to NLOS ranges; the roadway with
// the smallest cost wins. A miner is in a roadway, not in the rock.
import { chiSquare99 } from './chi-square.ts';
import { fitRanges, type RangeFit, type RangeObservation, type Vec3 } from './least-squares.ts';
import type { PositioningAnchor, RoadwayGeometry } from './roadway-geometry.ts';

/**
 * Standard deviation of one line-of-sight UWB range, m. Decawave DW1000 datasheet (rev. 2.x,
 * 2015): ranging accuracy ±10 cm; IEEE 802.15.4a-2007 UWB PHY; field trials in roadways report
 * the same order in line of sight.
 */
export const UWB_RANGE_SIGMA_M = 0.1;

/** One measured range to an anchor of the site. */
export interface AnchorRange {
  anchor: PositioningAnchor;
  rangeM: number;
}

/** Where the tracker expects the tag (helps with one anchor and at junctions). */
export interface FixHint {
  roadway: number;
  chainageM: number;
  /** How far off the tag may be from there, m (1σ). @defaultValue 3 */
  sigmaM?: number;
}

/** Tunables of {@link solveFix}. */
export interface FixOptions {
  /** 1σ of a line-of-sight range, m. @defaultValue {@link UWB_RANGE_SIGMA_M} */
  rangeSigmaM?: number;
  /** Huber threshold, in σ (see fitRanges). @defaultValue 1.345 */
  huberK?: number;
  /** Most ranges dropped as NLOS when the residual test fails. @defaultValue 2 */
  maxDropped?: number;
  hint?: FixHint | null;
}

/** A position on the roadway network from one epoch of ranges. */
export interface RoadwayFix {
  roadway: number;
  roadwayId: string;
  /** Metres along the centre line from the roadway's `from` node. */
  chainageM: number;
  /** The centre-line point at that chainage, ENU m. */
  position: Vec3;
  /** 1σ along the roadway, m (from the fit's covariance, scaled up by the residuals when they exceed the noise). */
  sigmaAlongM: number;
  /** χ² of the ranges used and its degrees of freedom (ranges used − 1). */
  chi2: number;
  dof: number;
  usedAnchorIds: string[];
  /** Ranges left out as non-line-of-sight (too long for the rest). */
  droppedAnchorIds: string[];
  /** The free 3D least-squares fix before the roadway constraint; null with fewer than 3 ranges. */
  unconstrained: Vec3 | null;
}

/** A fix, or why there is none. */
export type FixResult = { ok: true; fix: RoadwayFix } | { ok: false; reason: 'no-ranges' | 'ambiguous' };

/** Cost added per dropped range when roadways are compared (a 3σ residual), so that leaving ranges out is not free. */
const DROP_PENALTY = 9;
/** A range is NLOS-suspect only when its leave-one-out residual exceeds this many σ. */
const NLOS_MIN_SIGMAS = 3;
/**
 * Roadways farther than this from the free fix are not tried, m. The free fix of anchors in one
 * line may sit anywhere on a circle round it, but within the roadway's profile when the tag is.
 */
const CANDIDATE_RADIUS_M = 10;
/** Two starts on one roadway closer than this are one start, m. */
const SAME_START_M = 0.5;

interface EdgeFit {
  fit: RangeFit;
  used: AnchorRange[];
  dropped: AnchorRange[];
  score: number;
}

/** Observations for the solver. */
const observations = (ranges: readonly AnchorRange[], sigmaM: number): RangeObservation[] =>
  ranges.map((r) => ({ anchor: r.anchor.position, rangeM: r.rangeM, sigmaM }));

/** The free 3D fix: Huber-weighted Levenberg–Marquardt from the anchors' centroid. */
export function solveUnconstrained(ranges: readonly AnchorRange[], options: Pick<FixOptions, 'rangeSigmaM' | 'huberK'> = {}): RangeFit | null {
  if (ranges.length < 3) return null;
  const c: [number, number, number] = [0, 0, 0];
  for (const r of ranges) for (let k = 0; k < 3; k++) c[k] = c[k]! + r.anchor.position[k]! / ranges.length;
  const model = { origin: [0, 0, 0] as Vec3, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] as Vec3[] };
  return fitRanges(observations(ranges, options.rangeSigmaM ?? UWB_RANGE_SIGMA_M), model, c, { huberK: options.huberK });
}

/**
 * The 1-D fit along one roadway's centre line from chainage `s0`. A miner is on the centre line
 * ± half the width: the offset is not a parameter (with the anchors on the roadway axis it is
 * barely observable and, left free, it trades against the chainage when few anchors are heard);
 * it lengthens the ranges to the nearest anchors a little, which the residual test treats as it
 * treats NLOS. The tag's height is the centre line's: a vertical offset between tags and anchors
 * is the same for every tag and belongs in the anchors' surveyed positions.
 */
function fitOnRoadway(geometry: RoadwayGeometry, index: number, ranges: readonly AnchorRange[], s0: number, options: FixOptions): RangeFit {
  const r = geometry.roadways[index]!;
  return fitRanges(
    observations(ranges, options.rangeSigmaM ?? UWB_RANGE_SIGMA_M),
    { origin: r.a, axes: [r.along], lower: [0], upper: [r.lengthM] },
    [s0],
    { huberK: options.huberK },
  );
}

/**
 * Fit on one roadway with the residual test: while χ² exceeds its 0.99 quantile, the range
 * whose leave-one-out residual is the largest positive one (NLOS only lengthens a range:
 * Gezici et al., "Localization via ultra-wideband radios", IEEE Signal Processing Magazine
 * 22(4), 2005) is dropped, keeping at least two.
 */
function robustFitOnRoadway(geometry: RoadwayGeometry, index: number, ranges: readonly AnchorRange[], s0: number, options: FixOptions): EdgeFit {
  const sigma = options.rangeSigmaM ?? UWB_RANGE_SIGMA_M;
  const hint = options.hint ?? null;
  const hintPoint = hint ? geometry.pointAt(hint.roadway, hint.chainageM) : null;
  let used = ranges.slice();
  const dropped: AnchorRange[] = [];
  let fit = fitOnRoadway(geometry, index, used, s0, options);
  while (used.length > 2 && dropped.length < (options.maxDropped ?? 2) && fit.chi2 > chiSquare99(used.length - 1)) {
    // Among the ranges too long for the rest (> 3σ), drop the one whose removal fits best; the
    // track's prediction settles a tie (two anchors in line, either of them biased).
    let worst = -1, worstScore = Infinity, worstFit: RangeFit | null = null;
    for (let i = 0; i < used.length; i++) {
      const rest = used.filter((_, j) => j !== i);
      const loo = fitOnRoadway(geometry, index, rest, fit.theta[0]!, options);
      const a = used[i]!.anchor.position, p = loo.position;
      const u = (used[i]!.rangeM - Math.hypot(p[0] - a[0], p[1] - a[1], p[2] - a[2])) / sigma;
      if (u <= NLOS_MIN_SIGMAS) continue;
      const score = loo.chi2 + (hintPoint ? Math.hypot(p[0] - hintPoint[0], p[1] - hintPoint[1], p[2] - hintPoint[2]) ** 2 / (hint!.sigmaM ?? 3) ** 2 : 0);
      if (score < worstScore) {
        worst = i;
        worstScore = score;
        worstFit = loo;
      }
    }
    if (worst < 0 || !worstFit) break;
    dropped.push(used[worst]!);
    used = used.filter((_, j) => j !== worst);
    fit = worstFit;
  }
  return { fit, used, dropped, score: fit.cost + DROP_PENALTY * dropped.length };
}

/**
 * Candidate roadways: those of the anchors heard and of the hint, and their neighbours; with a
 * free fix, only those passing within {@link CANDIDATE_RADIUS_M} of it (the hint's own kept).
 */
function candidateRoadways(geometry: RoadwayGeometry, ranges: readonly AnchorRange[], hint: FixHint | null, free: Vec3 | null): number[] {
  const out = new Set<number>();
  const add = (i: number) => {
    if (i < 0) return;
    out.add(i);
    for (const n of geometry.roadways[i]!.neighbours) out.add(n);
  };
  for (const r of ranges) add(r.anchor.roadway);
  if (hint) add(hint.roadway);
  if (!free) return [...out];
  return [...out].filter((i) => i === hint?.roadway || geometry.distanceTo(i, free) <= CANDIDATE_RADIUS_M);
}

/** Solves one epoch of ranges for a position on the roadway network. */
export function solveFix(geometry: RoadwayGeometry, ranges: readonly AnchorRange[], options: FixOptions = {}): FixResult {
  if (ranges.length === 0) return { ok: false, reason: 'no-ranges' };
  const hint = options.hint ?? null;
  if (ranges.length === 1 && !hint) return { ok: false, reason: 'ambiguous' };
  const free = solveUnconstrained(ranges, options);
  // Where to start on each roadway: the free fix, else the point between two anchors split by their ranges.
  let guess: Vec3 | null = free?.position ?? null;
  if (!guess && ranges.length === 2) {
    const [p, q] = ranges as [AnchorRange, AnchorRange];
    const f = p.rangeM / Math.max(1e-6, p.rangeM + q.rangeM);
    guess = [0, 1, 2].map((k) => p.anchor.position[k]! + f * (q.anchor.position[k]! - p.anchor.position[k]!)) as unknown as Vec3;
  }
  const hintPoint = hint ? geometry.pointAt(hint.roadway, hint.chainageM) : null;
  const hintSigma = hint?.sigmaM ?? 3;
  let best: (EdgeFit & { index: number }) | null = null;
  for (const index of candidateRoadways(geometry, ranges, hint, free?.position ?? null)) {
    const starts: number[] = [];
    if (hint && hintPoint) starts.push(hint.roadway === index ? hint.chainageM : geometry.project(index, hintPoint));
    if (guess) {
      const s0 = geometry.project(index, guess);
      if (!starts.some((s) => Math.abs(s - s0) < SAME_START_M)) starts.push(s0);
    }
    for (const s0 of starts) {
      const edge = robustFitOnRoadway(geometry, index, ranges, s0, options);
      let score = edge.score;
      if (hintPoint) {
        const p = geometry.pointAt(index, edge.fit.theta[0]!);
        score += Math.hypot(p[0] - hintPoint[0], p[1] - hintPoint[1], p[2] - hintPoint[2]) ** 2 / hintSigma ** 2;
      }
      if (!best || score < best.score) best = { ...edge, score, index };
    }
  }
  if (!best) return { ok: false, reason: 'ambiguous' };
  const dof = best.used.length - 1;
  const spread = dof > 0 ? Math.max(1, Math.sqrt(best.fit.chi2 / dof)) : 1;
  const chainageM = best.fit.theta[0]!;
  return {
    ok: true,
    fix: {
      roadway: best.index,
      roadwayId: geometry.roadways[best.index]!.id,
      chainageM,
      position: geometry.pointAt(best.index, chainageM),
      sigmaAlongM: Math.sqrt(best.fit.covariance[0]!) * spread,
      chi2: best.fit.chi2,
      dof,
      usedAnchorIds: best.used.map((r) => r.anchor.id),
      droppedAnchorIds: best.dropped.map((r) => r.anchor.id),
      unconstrained: free?.position ?? null,
    },
  };
}
