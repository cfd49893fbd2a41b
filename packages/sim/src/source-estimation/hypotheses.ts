// The hypotheses of one estimate: every search point of every candidate (line-points.ts) with its
// score, and how they are folded back into candidates — which points of a line are scored in full,
// how the others' screening scores are bounded, and each candidate's probability, evidence and
// most probable point (estimate-source.ts).
import type { Chemical } from '../chemicals/types.ts';
import { normalCdf } from '../palazzi.ts';
import type { CandidateScore } from './candidate-score.ts';
import type { FlowTerm } from './flow-evidence.ts';
import type { CandidateEstimate, SourceCandidate } from './types.ts';

/**
 * Points of one line candidate scored in full: those with the best screening scores (our choice: the best and, as a
 * rule, its two neighbours — the points of one run differ by tens of nats where the detectors can tell them apart at
 * all); the rest keep their screening score, bounded by {@link capUnscoredLinePoints}.
 */
export const LINE_POINTS_SCORED = 3;

/** Bisection steps for a line's median ln q: the bracket (tens of nats wide at most) shrinks below 1e-9. */
const MEDIAN_BISECTIONS = 50;

/** One search point of a candidate (line-points.ts) and its score. */
export interface Hypothesis {
  /** Index of its candidate in the input. */
  owner: number;
  /** The candidate placed at the search point. */
  c: SourceCandidate;
  alongM: number;
  /** Length of line the point stands for, m (0 for a point candidate). */
  pieceM: number;
  chemical: Chemical;
  /** Its flow evidence, on a metered line (flow-evidence.ts). */
  flow: FlowTerm | null;
  score: CandidateScore;
  /** Its share of the candidate's prior weight. */
  prior: number;
  /** Scored in full (else it keeps its screening score). */
  full?: boolean;
}

/**
 * A line's points not scored in full keep their screening score, but no higher than the lowest full score of the line's
 * scored points: they screened below those, and a screening score (one offset, the likelihood at one rate) lacks the
 * rate's Occam factor and the offsets' spread that a full score pays, so it may exceed a full one by a few nats —
 * enough to make an unscored point the line's most probable one, with a screening rate.
 */
export function capUnscoredLinePoints(scored: readonly Hypothesis[]): void {
  const lowestFull = new Map<number, number>();
  for (const h of scored) if (h.full) lowestFull.set(h.owner, Math.min(lowestFull.get(h.owner) ?? Infinity, h.score.logEvidence));
  for (const h of scored) {
    const cap = lowestFull.get(h.owner);
    if (!h.full && cap !== undefined && h.score.logEvidence > cap) h.score = { ...h.score, logEvidence: cap };
  }
}

/** Each candidate's search points with the best screening scores, at most LINE_POINTS_SCORED of them (all of a point candidate's one). */
export function leadingPointsPerCandidate(scored: readonly Hypothesis[]): Hypothesis[] {
  const byOwner = new Map<number, Hypothesis[]>();
  for (const h of scored) {
    const points = byOwner.get(h.owner);
    if (points) points.push(h);
    else byOwner.set(h.owner, [h]);
  }
  return [...byOwner.values()].flatMap((points) => [...points].sort((a, b) => b.score.logEvidence - a.score.logEvidence).slice(0, LINE_POINTS_SCORED));
}

/**
 * The hypotheses grouped by candidate: the candidate's probability (the sum of its points'), its evidence (the points'
 * evidences averaged under the uniform prior along the line), its most probable point and, for a line, that point's
 * distance along it and the posterior spread of the distance.
 */
export function byCandidate(scored: readonly Hypothesis[], probability: readonly number[]) {
  const groups = new Map<number, { best: Hypothesis; bestP: number; probability: number; hypotheses: Hypothesis[]; logEvs: number[]; ps: number[]; alongs: number[]; pieces: number[] }>();
  scored.forEach((h, i) => {
    const p = probability[i]!;
    const g = groups.get(h.owner);
    if (!g) groups.set(h.owner, { best: h, bestP: p, probability: p, hypotheses: [h], logEvs: [h.score.logEvidence], ps: [p], alongs: [h.alongM], pieces: [h.pieceM] });
    else {
      // The most probable point, a point scored in full before one that is not (its rate is the screening's rough one).
      const better = Boolean(h.full) !== Boolean(g.best.full) ? Boolean(h.full) : p > g.bestP || (p === g.bestP && h.score.logEvidence > g.best.score.logEvidence);
      if (better) [g.best, g.bestP] = [h, p];
      g.probability += p;
      g.hypotheses.push(h);
      g.logEvs.push(h.score.logEvidence);
      g.ps.push(p);
      g.alongs.push(h.alongM);
      g.pieces.push(h.pieceM);
    }
  });
  return [...groups.values()].map((g) => {
    // The points' evidences averaged under the uniform prior along the line: each weighed by its piece's length.
    const maxEv = Math.max(...g.logEvs);
    const totalM = g.pieces.reduce((sum, m) => sum + m, 0);
    const weight = (k: number) => (totalM > 0 ? g.pieces[k]! / totalM : 1 / g.pieces.length);
    const logEvidence = maxEv + Math.log(g.logEvs.reduce((sum, l, k) => sum + weight(k) * Math.exp(l - maxEv), 0));
    let along: CandidateEstimate['along'] = null;
    if (g.best.c.line) {
      const w = g.probability > 0 ? g.ps.map((p) => p / g.probability) : g.ps.map(() => 1 / g.ps.length);
      const mean = g.alongs.reduce((sum, a, k) => sum + w[k]! * a, 0);
      // Plus the spread within a piece: uniform over its length ℓ, variance ℓ²/12.
      const variance = g.alongs.reduce((sum, a, k) => sum + w[k]! * (a - mean) ** 2, 0) + g.best.pieceM ** 2 / 12;
      along = { distanceM: g.best.alongM, sdM: Math.sqrt(variance) };
    }
    return { best: g.best, probability: g.probability, logEvidence, along, lnRate: lnRateOverPoints(g.hypotheses, g.ps, g.best) };
  });
}

/**
 * A candidate's release rate, ln q: the mixture over its points scored in full of each point's posterior (normal in ln q,
 * mean and variance), weighed by the point's probability — the rate marginalised over where along the line the hole
 * is, not the most probable point's alone (a hole placed nearer the detectors than it is fits a smaller rate). Its
 * centre is the mixture's median (the points of one run can differ tenfold in rate, and the median stays with the
 * component that holds most of the weight where a mean would fall between them); its variance the points' own plus
 * their spread (the law of total variance). A point candidate: its one point's.
 */
function lnRateOverPoints(hypotheses: readonly Hypothesis[], ps: readonly number[], best: Hypothesis): { median: number; variance: number } {
  const parts = hypotheses.flatMap((h, k) => (h.full && ps[k]! > 0 ? [{ w: ps[k]!, mu: h.score.lnRateMean, sd: Math.sqrt(h.score.lnRateVar) }] : []));
  const total = parts.reduce((sum, c) => sum + c.w, 0);
  if (parts.length < 2) return { median: best.score.lnRateMean, variance: best.score.lnRateVar };
  const mean = parts.reduce((sum, c) => sum + c.w * c.mu, 0) / total;
  const variance = parts.reduce((sum, c) => sum + (c.w / total) * (c.sd * c.sd + (c.mu - mean) ** 2), 0);
  // The median by bisection on the mixture's distribution function, between the lowest and highest component ± 6 σ.
  const below = (x: number) => parts.reduce((sum, c) => sum + c.w * (c.sd > 0 ? normalCdf((x - c.mu) / c.sd) : x >= c.mu ? 1 : 0), 0) / total;
  let lo = Math.min(...parts.map((c) => c.mu - 6 * c.sd)), hi = Math.max(...parts.map((c) => c.mu + 6 * c.sd));
  for (let i = 0; i < MEDIAN_BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (below(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return { median: (lo + hi) / 2, variance };
}
