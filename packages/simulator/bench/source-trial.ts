// One trial of the source-estimation bench (source-bench.ts): stage a random leak (seed), estimate its source, and
// compare with the truth; null when the leak reached fewer than 3 detectors. Runs in the bench's worker threads.
import { estimateSource, likelySources, type SourceCandidate } from '@safetwin/sim';
import { demoSites, distanceToSegmentM, type ChemicalPark } from '@safetwin/twin-models';
import { stageRandomLeak } from './source-staging.ts';

/** What one kept trial gives. */
export interface TrialRow {
  seed: number;
  item: string;
  chemical: string;
  rateKgS: number;
  fitKgS: number;
  factor: number;
  top: string;
  topP: number;
  /** Distance from the top candidate to the true source, m. */
  topDistM: number;
  /** The top candidate is another item at exactly the true item's point and hole height (the same hypothesis to a plume). */
  topIsTwin: boolean;
  trueP: number;
  trueRank: number;
  /** Distance from where the top candidate places the leak (its point, or its most probable point along a pipe) to the true hole, m. */
  topPlaceErrM: number;
  /** Length of the leaking pipe segment's run, m (0 for equipment). */
  lineM: number;
  /** How many items the response isolates (the likely sources, likelySources), and whether the true source is among them. */
  likelyCount: number;
  inLikely: boolean;
  /** Farthest of the likely sources from the top candidate, m. */
  likelySpanM: number;
  /** Other candidates with a point within NEIGHBOUR_M of the true hole in plan (a cloud from either crosses the same detectors). */
  neighbours: number;
  hits: number;
  candidates: number;
  ms: number;
  wind: string;
  discriminating: boolean;
  faults: number;
}

/** Candidates this close to the true hole in plan are its neighbours (the co-located stubs and items of the park, 3–4 m apart). */
export const NEIGHBOUR_M = 4;

const park = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;

/** How the trials are staged (source-staging.ts StageOptions). */
export interface TrialOptions {
  afterStartS: number;
  windowMs: number;
  calm: boolean;
  midpoint: boolean;
  asPoints: boolean;
  gasOnly: boolean;
}

/** Runs trial `seed`: the estimate `afterStartS` after the release starts, over the last `windowMs`. */
export function runTrial(seed: number, o: TrialOptions): TrialRow | null {
  const leak = stageRandomLeak({ park, seed, ...o });
  if (leak.hits < 3) return null;
  const t = performance.now();
  const est = estimateSource(leak.input);
  const ms = performance.now() - t;
  const rank = est.candidates.findIndex((c) => c.id === leak.itemId);
  const mine = est.candidates[rank];
  const top = est.candidates[0]!;
  const pos = (id: string) => leak.input.candidates.find((c) => c.id === id)!.position;
  const height = (id: string) => leak.input.candidates.find((c) => c.id === id)!.releaseHeightM;
  const likely = likelySources(est.candidates);
  const fromTop = (id: string) => Math.hypot(pos(id).eastM - pos(top.id).eastM, pos(id).northM - pos(top.id).northM);
  const truthAt = leak.truth.source;
  const offTruth = (p: { eastM: number; northM: number }) => Math.hypot(p.eastM - truthAt.eastM, p.northM - truthAt.northM);
  const neighbours = leak.input.candidates.filter((c) => c.id !== leak.itemId && planDistanceM(truthAt, c) <= NEIGHBOUR_M).length;
  const twin = top.id !== leak.itemId && samePoint(pos(top.id), pos(leak.itemId)) && height(top.id) === height(leak.itemId);
  return {
    seed, item: leak.itemId, chemical: leak.chemical, rateKgS: leak.rateKgS, fitKgS: mine?.rateKgS ?? NaN, factor: mine?.rateFactor ?? NaN,
    top: top.id, topP: top.probability, topIsTwin: twin, topDistM: Math.hypot(pos(top.id).eastM - pos(leak.itemId).eastM, pos(top.id).northM - pos(leak.itemId).northM),
    trueP: mine?.probability ?? 0, trueRank: rank + 1, topPlaceErrM: offTruth(top.position), lineM: leak.lineM,
    likelyCount: likely.length, inLikely: likely.some((c) => c.id === leak.itemId), likelySpanM: Math.max(...likely.map((c) => fromTop(c.id))), neighbours, hits: leak.hits, candidates: est.candidates.length, ms,
    wind: `${leak.windSpeedMS.toFixed(1)} m/s from ${leak.windFromDeg.toFixed(0)}° ${leak.stability}`, discriminating: est.discriminating, faults: leak.truth.faults.length,
  };
}

/** Plan distance from `p` to candidate `c`: to its point, or to the nearest point of its run for a pipe segment, m. */
function planDistanceM(p: { eastM: number; northM: number }, c: SourceCandidate): number {
  return c.line ? distanceToSegmentM(p, c.line.from, c.line.to) : Math.hypot(p.eastM - c.position.eastM, p.northM - c.position.northM);
}

/** Whether two plan positions coincide (to 1 cm). */
function samePoint(a: { eastM: number; northM: number }, b: { eastM: number; northM: number }): boolean {
  return Math.hypot(a.eastM - b.eastM, a.northM - b.northM) < 0.01;
}
