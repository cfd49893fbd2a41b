import { describe, expect, it } from 'vitest';
import { findChemical } from '../chemicals/lookup.ts';
import type { CandidateScore } from './candidate-score.ts';
import { byCandidate, capUnscoredLinePoints, leadingPointsPerCandidate, LINE_POINTS_SCORED, type Hypothesis } from './hypotheses.ts';

const CL2 = findChemical('Cl2')!;
const at = (eastM: number) => ({ eastM, northM: 0, upM: 0 });
const LINE = { id: 'L', position: at(50), releaseHeightM: 5, line: { from: { ...at(0), upM: 5 }, to: { ...at(100), upM: 5 } } };
/** A score with only what the grouping reads: the evidence and the fitted rate. */
const score = (logEvidence: number, lnRate = 0): CandidateScore => ({ logEvidence, lnRateMean: lnRate, lnRateVar: 0.01, bestLnRate: lnRate, bestStart: 0, active: new Int32Array(1), predictions: {} as CandidateScore['predictions'] });
/** Point k (of 5, 20 m pieces) of the 100 m line L, or the point candidate P. */
const linePoint = (k: number, logEvidence: number, full = false): Hypothesis => ({ owner: 0, c: { ...LINE, position: at(10 + 20 * k) }, alongM: 10 + 20 * k, pieceM: 20, chemical: CL2, flow: null, score: score(logEvidence), prior: 1 / 5, ...(full ? { full } : {}) });
const point = (logEvidence: number): Hypothesis => ({ owner: 1, c: { id: 'P', position: at(300), releaseHeightM: 1 }, alongM: 0, pieceM: 0, chemical: CL2, flow: null, score: score(logEvidence), prior: 1, full: true });

describe('hypotheses of an estimate', () => {
  it('scores in full only the best-screened points of a line, every point candidate', () => {
    const hs = [linePoint(0, -50), linePoint(1, -20), linePoint(2, -10), linePoint(3, -12), linePoint(4, -40), point(-30)];
    const leading = leadingPointsPerCandidate(hs);
    expect(leading).toHaveLength(LINE_POINTS_SCORED + 1);
    expect(leading.filter((h) => h.owner === 0).map((h) => h.alongM).sort((a, b) => a - b)).toEqual([30, 50, 70]);
  });

  it('an unscored point of a line ends no higher than the line\'s lowest full score, and is never its place', () => {
    // Point 4 screened at −9 (above the full scores of −11…−13 of points 1–3: a screening score lacks the rate's Occam factor).
    const hs = [linePoint(0, -60), linePoint(1, -13, true), linePoint(2, -11, true), linePoint(3, -12, true), { ...linePoint(4, -9), score: score(-9, Math.log(1e-3)) }, point(-40)];
    capUnscoredLinePoints(hs);
    expect(hs.map((h) => h.score.logEvidence)).toEqual([-60, -13, -11, -12, -13, -40]);
    // Posterior as estimate-source computes it: prior × evidence, normalised over every hypothesis.
    const w = hs.map((h) => h.prior * Math.exp(h.score.logEvidence));
    const total = w.reduce((a, b) => a + b, 0);
    const [line, p] = byCandidate(hs, w.map((x) => x / total));
    expect(line!.probability + p!.probability).toBeCloseTo(1, 12);
    expect(line!.best.alongM).toBe(50);
    expect(line!.along!.distanceM).toBe(50);
    // The line's evidence: its points' evidences averaged (the uniform prior along it).
    expect(line!.logEvidence).toBeCloseTo(Math.log([-60, -13, -11, -12, -13].reduce((a, l) => a + Math.exp(l), 0) / 5), 12);
    // The spread along: the points' posterior spread plus a piece's own 20/√12 m.
    expect(line!.along!.sdM).toBeGreaterThan(20 / Math.sqrt(12));
    expect(p!.along).toBeNull();
  });

  it('a line\'s rate is the median of its full-scored points\' mixture of ln q by their probabilities; a point candidate\'s its own', () => {
    // Points 1–3 scored in full at 0.5, 1 and 2 kg/s (σ 0.1 in ln q) with probabilities 0.2, 0.5, 0.3; point 0 only screened (rate 1e-3, ignored).
    const lnQ = [Math.log(1e-3), Math.log(0.5), 0, Math.log(2)];
    const hs = [0, 1, 2, 3].map((k) => ({ ...linePoint(k, -10, k > 0), score: score(-10, lnQ[k]) }));
    const [line, p] = byCandidate([...hs, point(-20)], [0.001, 0.2, 0.5, 0.3, 0]);
    // The median: 0.2 below, then within the 1 kg/s point's normal where 0.2 + 0.5 Φ(x/0.1) = 0.5, x = 0.1 Φ⁻¹(0.6).
    expect(line!.lnRate.median).toBeCloseTo(0.1 * 0.253347, 5);
    // Law of total variance: the points' own 0.01 plus their spread about the mean.
    const mean = 0.2 * lnQ[1]! + 0.3 * lnQ[3]!;
    const spread = 0.2 * (lnQ[1]! - mean) ** 2 + 0.5 * mean ** 2 + 0.3 * (lnQ[3]! - mean) ** 2;
    expect(line!.lnRate.variance).toBeCloseTo(0.01 + spread, 12);
    expect(line!.best.alongM).toBe(50); // the place is still the most probable point
    expect(p!.lnRate).toEqual({ median: 0, variance: 0.01 });
  });

  it('a line whose points fit rates tenfold apart keeps the rate of the points that hold most of the weight', () => {
    const hs = [1, 2].map((k) => ({ ...linePoint(k, -10, true), score: score(-10, Math.log(k === 1 ? 3 : 30)) }));
    const [line] = byCandidate(hs, [0.55, 0.45]);
    // A geometric mean would say 8.5 kg/s, within ×2 of neither; the median stays in the 3 kg/s point's normal, where
    // 0.55 Φ(z) = 0.5: z = Φ⁻¹(0.909) = 1.335, 3 kg/s × e^{0.1335}.
    expect(Math.exp(line!.lnRate.median)).toBeCloseTo(3 * Math.exp(0.1 * 1.3352), 3);
  });
});
