import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import { mulberry32 } from '../../sites/prng.ts';
import { chiSquare99 } from './chi-square.ts';
import { fitRanges, solveSmall, type Vec3 } from './least-squares.ts';
import { RoadwayGeometry, roadwayProfileM } from './roadway-geometry.ts';
import { solveFix, solveUnconstrained, type AnchorRange } from './solve-fix.ts';

const MINE = getDemoSite('cm-yangquan') as CoalMine;
const GEO = new RoadwayGeometry(MINE);
const dist = (p: Vec3, q: Vec3) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);

/** Seeded N(0, 1) (Box–Muller on mulberry32). */
function gaussian(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Ranges from `truth` to the anchors on its roadway and the neighbours within `maxM`, with noise and optional biases by anchor id. */
function rangesFrom(truth: Vec3, roadway: number, opts: { maxM?: number; noise?: () => number; sigmaM?: number; bias?: Record<string, number>; only?: number } = {}): AnchorRange[] {
  const near = new Set([roadway, ...GEO.roadways[roadway]!.neighbours]);
  const out: AnchorRange[] = [];
  for (const a of GEO.anchors.values()) {
    if (!near.has(a.roadway)) continue;
    const d = dist(truth, a.position);
    if (d > (opts.maxM ?? 70)) continue;
    out.push({ anchor: a, rangeM: Math.max(0, d + (opts.noise ? (opts.sigmaM ?? 0.1) * opts.noise() : 0) + (opts.bias?.[a.id] ?? 0)) });
  }
  out.sort((x, y) => x.rangeM - y.rangeM);
  return opts.only ? out.slice(0, opts.only) : out;
}

describe('least squares', () => {
  it('solves small systems and reports a singular one', () => {
    expect(solveSmall([2, 1, 1, 3], [3, 5], 2)).toEqual([expect.closeTo(0.8, 9), expect.closeTo(1.4, 9)]);
    expect(solveSmall([1, 2, 2, 4], [1, 2], 2)).toBeNull();
  });

  it('finds a 3D point from four exact ranges and predicts zero residuals', () => {
    const anchors: Vec3[] = [[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10]];
    const truth: Vec3 = [3, 4, 2];
    const fit = fitRanges(anchors.map((a) => ({ anchor: a, rangeM: dist(a, truth), sigmaM: 0.1 })), { origin: [0, 0, 0], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }, [5, 5, 5]);
    expect(dist(fit.position, truth)).toBeLessThan(1e-4);
    expect(fit.chi2).toBeLessThan(1e-6);
  });

  it('has the χ² 0.99 quantiles (table and Wilson–Hilferty beyond it)', () => {
    expect(chiSquare99(1)).toBeCloseTo(6.635, 3);
    expect(chiSquare99(10)).toBeCloseTo(23.209, 3);
    expect(chiSquare99(20)).toBeCloseTo(37.566, 0); // tables: 37.566
    expect(chiSquare99(0)).toBe(Infinity);
  });
});

describe('roadway geometry', () => {
  it('derives a 4:3 profile of the cross-section, circular for shafts, and leaves ducts out', () => {
    const p = roadwayProfileM('intake-airway', 12);
    expect(p.widthM * p.heightM).toBeCloseTo(12, 9);
    expect(p.widthM / p.heightM).toBeCloseTo(4 / 3, 9);
    expect(roadwayProfileM('shaft', Math.PI).widthM).toBeCloseTo(2, 9);
    expect(GEO.indexOf('CM-R-22')).toBe(-1); // the auxiliary fan duct
    expect(GEO.indexOf('CM-R-14')).toBeGreaterThanOrEqual(0);
    expect(GEO.anchors.size).toBe(MINE.uwbAnchors.length);
  });
});

/** Places on the demo mine: [label, roadway id, chainage m]. */
const PLACES: Array<[string, string, number]> = [
  ['track roadway, between anchors', 'CM-R-06', 200],
  ['junction T1100 (crosscut, track, belt)', 'CM-R-11', 0],
  ['longwall face, mid-face', 'CM-R-14', 100],
  ['face headgate end (junction)', 'CM-R-14', 0],
  ['heading face (dead end)', 'CM-R-17', 0.5],
  ['main return near the shaft bottom', 'CM-R-20', 290],
  ['auxiliary shaft, riding the cage', 'CM-R-02', 200],
];

describe('solveFix on the demo mine', () => {
  it.each(PLACES)('exact ranges at %s land on the centre line there', (_label, roadwayId, chainageM) => {
    const i = GEO.indexOf(roadwayId);
    const truth = GEO.pointAt(i, chainageM);
    const ranges = rangesFrom(truth, i);
    expect(ranges.length).toBeGreaterThanOrEqual(2);
    const r = solveFix(GEO, ranges);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(dist(r.fix.position, truth)).toBeLessThan(0.02);
    expect(r.fix.droppedAnchorIds).toEqual([]);
  });

  it('places a tag in a roadway, not in the rock: the free fix may sit off the centre line, the fix does not', () => {
    const i = GEO.indexOf('CM-R-06');
    const truth = GEO.pointAt(i, 123);
    const noise = gaussian(3);
    const ranges = rangesFrom(truth, i, { noise });
    const r = solveFix(GEO, ranges);
    expect(r.ok && r.fix.roadwayId).toBe('CM-R-06');
    if (!r.ok) return;
    expect(GEO.distanceTo(i, r.fix.position)).toBeLessThan(1e-9);
    expect(r.fix.unconstrained).not.toBeNull();
    expect(solveUnconstrained(ranges.slice(0, 2))).toBeNull();
  });

  it('drops one NLOS range (+1.5 m) and keeps the error of the line-of-sight ones; without the test it would be off', () => {
    const i = GEO.indexOf('CM-R-13');
    const truth = GEO.pointAt(i, 240);
    const clean = rangesFrom(truth, i);
    const nearest = clean[0]!.anchor.id;
    const biased = rangesFrom(truth, i, { bias: { [nearest]: 1.5 } });
    const r = solveFix(GEO, biased);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fix.droppedAnchorIds).toEqual([nearest]);
    expect(dist(r.fix.position, truth)).toBeLessThan(0.05);
    const plain = solveFix(GEO, biased, { maxDropped: 0, huberK: Infinity });
    expect(plain.ok && dist(plain.fix.position, truth)).toBeGreaterThan(0.2);
  });

  it('with two anchors still fixes the chainage along the roadway, with a larger σ than with more', () => {
    const i = GEO.indexOf('CM-R-09');
    const truth = GEO.pointAt(i, 170);
    const noise = gaussian(9);
    const two = solveFix(GEO, rangesFrom(truth, i, { noise, only: 2 }));
    const all = solveFix(GEO, rangesFrom(truth, i, { noise }));
    expect(two.ok && all.ok).toBe(true);
    if (!two.ok || !all.ok) return;
    expect(two.fix.roadwayId).toBe('CM-R-09');
    expect(dist(two.fix.position, truth)).toBeLessThan(0.5);
    expect(two.fix.usedAnchorIds).toHaveLength(2);
    expect(two.fix.sigmaAlongM).toBeGreaterThan(all.fix.sigmaAlongM);
  });

  it('with one anchor needs the track: ambiguous alone, the side of the hint with one', () => {
    const i = GEO.indexOf('CM-R-06');
    const truth = GEO.pointAt(i, 100);
    const one = rangesFrom(truth, i, { only: 1 });
    expect(solveFix(GEO, one)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(solveFix(GEO, [])).toEqual({ ok: false, reason: 'no-ranges' });
    const r = solveFix(GEO, one, { hint: { roadway: i, chainageM: 98, sigmaM: 3 } });
    expect(r.ok && dist(r.fix.position, truth)).toBeLessThan(0.05);
  });
});
