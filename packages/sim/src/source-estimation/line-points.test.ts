import { describe, expect, it } from 'vitest';
import { LINE_POINT_SPACING_M, METER_PIECE_M, searchPoints } from './line-points.ts';

const run = (lengthM: number, riseM = 0) => ({
  position: { eastM: 0, northM: 0, upM: 0 }, releaseHeightM: 1, line: { from: { eastM: 0, northM: 0, upM: 1 }, to: { eastM: lengthM, northM: 0, upM: 1 + riseM } },
});
const pieces = (ps: ReturnType<typeof searchPoints>) => ps.map((p) => [p.alongM - p.pieceM / 2, p.alongM + p.pieceM / 2].map((x) => Math.round(x * 100) / 100));

describe('searchPoints', () => {
  it('cuts a run into equal pieces no longer than the spacing and rising no more than a metre, searched at their middles', () => {
    expect(pieces(searchPoints(run(80)))).toEqual([[0, 20], [20, 40], [40, 60], [60, 80]]);
    expect(searchPoints(run(80)).map((p) => p.releaseHeightM)).toEqual([1, 1, 1, 1]);
    expect(searchPoints(run(2, 8)).length).toBe(8);
    // A vertical riser (no plan length): still searched at every metre of its rise.
    expect(searchPoints(run(0, 4)).map((p) => p.releaseHeightM)).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(searchPoints({ position: { eastM: 3, northM: 4, upM: 0 }, releaseHeightM: 2 })).toEqual([{ position: { eastM: 3, northM: 4, upM: 0 }, releaseHeightM: 2, alongM: 0, pieceM: 0 }]);
  });

  it('cuts it at a flow transmitter on it, with short pieces either side, and covers the run once', () => {
    // The segment lies 100–180 m along its line (the same direction); the transmitter 140 m along: 40 m along the run.
    const metered = { ...run(80), flowLine: { lengthM: 300, fromAtM: 100, toAtM: 180, meters: [{ id: 'FT', atM: 140 }, { id: 'FAR', atM: 250 }] } };
    const ps = searchPoints(metered);
    expect(pieces(ps)).toEqual([[0, 17.5], [17.5, 35], [35, 40], [40, 45], [45, 62.5], [62.5, 80]]);
    expect(ps.reduce((s, p) => s + p.pieceM, 0)).toBeCloseTo(80, 9);
    expect(Math.max(...ps.map((p) => p.pieceM))).toBeLessThanOrEqual(LINE_POINT_SPACING_M);
    // A segment laid against its line's walk (to → from): the same transmitter 40 m from `line.from` again.
    expect(pieces(searchPoints({ ...metered, flowLine: { ...metered.flowLine, fromAtM: 180, toAtM: 100 } }))).toEqual(pieces(ps));
    // A transmitter 3 m from the run's end: the short piece is what is left.
    const nearEnd = searchPoints({ ...metered, flowLine: { ...metered.flowLine, meters: [{ id: 'FT', atM: 177 }] } });
    expect(pieces(nearEnd).slice(-3)).toEqual([[54, 72], [72, 77], [77, 80]]);
    expect(METER_PIECE_M).toBe(5);
  });
});
