import { describe, expect, it } from 'vitest';
import { coverBoxes, LABEL_FRAME_STEP_PX, labelCentreKey, labelFrame, labelZoomOf } from './label-frame.ts';

/** Degrees of longitude per screen pixel at `zoom` (512 px world). */
const degPerPx = (zoom: number) => 360 / (512 * 2 ** zoom);

describe('the frame the plan names are placed in', () => {
  it('keeps one key over a zoom within a quarter level and a pan within a step, a new one past them', () => {
    const view = { longitude: 118.7004, latitude: 32.2003, zoom: 14.13 };
    const keys = new Set<string>();
    for (let i = 0; i <= 60; i++) keys.add(labelCentreKey({ ...view, zoom: 14.13 + (i / 60) * 0.2 }));
    // 14.13 → 14.33 crosses one rounding boundary (14.125 | 14.375 → the quarter steps 14.25): at most two keys.
    expect(keys.size).toBeLessThanOrEqual(2);
    const z = labelZoomOf(view.zoom);
    const centred = labelCentreKey({ ...view, zoom: z });
    const [lon] = centred.split(',').map(Number) as [number, number];
    expect(labelCentreKey({ ...view, longitude: lon + degPerPx(z) * (LABEL_FRAME_STEP_PX * 0.4), zoom: z })).toBe(centred);
    expect(labelCentreKey({ ...view, longitude: lon + degPerPx(z) * (LABEL_FRAME_STEP_PX * 1.2), zoom: z })).not.toBe(centred);
  });

  it('rounds the zoom to quarter levels', () => {
    expect(labelZoomOf(14.13)).toBe(14.25);
    expect(labelZoomOf(14.12)).toBe(14);
  });

  it('is the panel less half a step and a margin each side, shrunk by the zoom rounding', () => {
    const f = labelFrame('118.7,32.2', { width: 1000, height: 500 });
    expect(f.centre).toEqual([118.7, 32.2]);
    expect(f.widthPx).toBeCloseTo((1000 - 40) * 2 ** -0.125, 9);
    expect(f.heightPx).toBeCloseTo((500 - 40) * 2 ** -0.125, 9);
    expect(labelFrame('0,0', { width: 20, height: 20 }).widthPx).toBe(0);
  });
});

describe('coverBoxes', () => {
  const panel = { left: 100, top: 50, right: 500, bottom: 350 };
  it('gives the part of a legend over the panel from its centre, grown by half a step; leaves out one beside it', () => {
    const half = LABEL_FRAME_STEP_PX / 2;
    // A legend in the panel's top-left corner, 120 × 40 px, and one reaching 50 px past its bottom edge.
    expect(coverBoxes(panel, [{ left: 100, top: 50, right: 220, bottom: 90 }])).toEqual([{ x0: -200 - half, x1: -80 + half, y0: -150 - half, y1: -110 + half }]);
    expect(coverBoxes(panel, [{ left: 400, top: 300, right: 600, bottom: 400 }])).toEqual([{ x0: 100 - half, x1: 200 + half, y0: 100 - half, y1: 150 + half }]);
    expect(coverBoxes(panel, [{ left: 520, top: 50, right: 700, bottom: 350 }])).toEqual([]);
  });
});
