// Where on a candidate the leak is searched: its one point, or for a pipe segment (a line
// candidate) points spread evenly along the run — a leak is as likely at any metre of a pipe (the
// loss-of-containment frequencies of pipework are given per metre of pipe: Guidelines for
// Quantitative Risk Assessment, "Purple Book", CPR 18E, 2005, ch. 3; HSE, Failure Rate and Event
// Data for use within Land Use Planning Risk Assessments, pipework).
// The run is cut into equal pieces no longer than LINE_POINT_SPACING_M in plan and rising no more
// than LINE_POINT_RISE_M, and searched at each piece's middle, at the pipe's height there: the
// leak lies within half a spacing of a searched point, and within half a rise of its height.
// A flow transmitter on the run (its `flowLine`) cuts it: a hole on one side of it raises its
// reading and on the other lowers it (flow-evidence.ts), so no piece straddles it and the pieces
// either side of it are short (METER_PIECE_M) — the evidence jumps there, and a point 10 m off
// would put a hole beside the transmitter on the wrong side of it.
import type { EnuPoint, SourceCandidate } from './types.ts';

/**
 * Longest piece of a line searched at one point, m (our choice: half a spacing, 10 m, is what the
 * plume engine's σy grows to within ~150 m downwind in class D — Briggs rural, plume-physics.md §2 —
 * so a detector at that range cannot tell the searched point from the leak; the park's detectors
 * ring its equipment a few metres off, where pipes join it, and its long runs are watched from afar).
 */
export const LINE_POINT_SPACING_M = 20;
/**
 * Largest rise of a line's piece searched at one height, m (our choice: the plume engine's σz 10 m downwind of a
 * ground-level release is 0.3–1 m in classes B–F — Briggs rural, plume-physics.md §2 — so a detector a few metres from a
 * riser tells holes a metre apart in height; the park's risers climb 3.5–5 m between grade and the rack).
 */
export const LINE_POINT_RISE_M = 1;

/** Longest piece of a line searched at one point next to a flow transmitter on it, m (our choice: a quarter of a spacing). */
export const METER_PIECE_M = 5;

/** A point a candidate is searched at, how far along its line (0 for a point candidate), m, and the length of line it stands for (0 for a point), m. */
export interface SearchPoint {
  position: EnuPoint;
  /** Height of the hole there above the candidate's grade, m. */
  releaseHeightM: number;
  alongM: number;
  pieceM: number;
}

/** The points candidate `c` is searched at (see the header): its position, or the middles of its line's pieces. */
export function searchPoints(c: Pick<SourceCandidate, 'position' | 'releaseHeightM' | 'line' | 'flowLine'>): SearchPoint[] {
  if (!c.line) return [{ position: c.position, releaseHeightM: c.releaseHeightM, alongM: 0, pieceM: 0 }];
  const { from, to } = c.line;
  const lengthM = Math.hypot(to.eastM - from.eastM, to.northM - from.northM);
  const riseM = Math.abs(to.upM - from.upM);
  // Pieces as fractions of the run (a vertical riser has no plan length but still its rise to split): equal pieces of
  // [a, b], no longer than `longestM` in plan and rising no more than a search rise.
  const split = (a: number, b: number, longestM: number): [number, number][] => {
    const n = Math.max(1, Math.ceil(((b - a) * lengthM) / longestM), Math.ceil(((b - a) * riseM) / LINE_POINT_RISE_M));
    return Array.from({ length: n }, (_, i) => [a + ((b - a) * i) / n, a + ((b - a) * (i + 1)) / n]);
  };
  // A run with no plan length has no transmitter to cut at (its pieces split its rise only).
  const cuts = lengthM > 0 ? [0, ...meterCuts(c), 1] : [0, 1];
  const meterPiece = lengthM > 0 ? METER_PIECE_M / lengthM : 0;
  const pieces: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!, b = cuts[k + 1]!;
    // Short pieces next to a transmitter (a cut inside the run), the rest at the usual spacing.
    const head = k > 0, tail = k + 2 < cuts.length;
    if (b - a <= (Number(head) + Number(tail)) * meterPiece) {
      pieces.push(...split(a, b, METER_PIECE_M));
      continue;
    }
    const headEnd = head ? a + meterPiece : a, tailStart = tail ? b - meterPiece : b;
    if (head) pieces.push(...split(a, headEnd, METER_PIECE_M));
    pieces.push(...split(headEnd, tailStart, LINE_POINT_SPACING_M));
    if (tail) pieces.push(...split(tailStart, b, METER_PIECE_M));
  }
  return pieces.map(([a, b]) => {
    const f = (a + b) / 2;
    return {
      position: { eastM: from.eastM + f * (to.eastM - from.eastM), northM: from.northM + f * (to.northM - from.northM), upM: c.position.upM },
      releaseHeightM: Math.max(0, from.upM + f * (to.upM - from.upM)),
      alongM: f * lengthM,
      pieceM: (b - a) * lengthM,
    };
  });
}

/** Where the flow transmitters of `c`'s line lie on its run, as fractions of it from `line.from`, strictly inside it, ascending. */
function meterCuts(c: Pick<SourceCandidate, 'flowLine'>): number[] {
  const fl = c.flowLine;
  if (!fl || fl.toAtM === fl.fromAtM) return [];
  const cuts = fl.meters.map((m) => (m.atM - fl.fromAtM) / (fl.toAtM - fl.fromAtM)).filter((f) => f > 1e-9 && f < 1 - 1e-9);
  return [...new Set(cuts)].sort((x, y) => x - y);
}
