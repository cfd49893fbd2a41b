import { describe, expect, it } from 'vitest';
import { WebMercatorViewport } from '@deck.gl/core';
import { fitViewState } from './fit-view.ts';
import type { LonLat } from './site-projector.ts';

// Roughly the demo park: 2.4 × 1.6 km north of Nanjing.
const BOUNDS: [LonLat, LonLat] = [[118.802, 32.258], [118.828, 32.272]];

describe('fitViewState', () => {
  const CASES = [
    { title: 'a wide panel', width: 900, height: 500 },
    { title: 'a tall panel', width: 400, height: 900 },
    { title: 'a 4K panel', width: 2000, height: 1100 },
  ];
  for (const c of CASES) {
    it(`${c.title}: every corner is inside the padded panel, and it is as tight as padding allows`, () => {
      const view = fitViewState(BOUNDS, c.width, c.height, 30);
      const vp = new WebMercatorViewport({ width: c.width, height: c.height, ...view });
      const [x0, y0] = vp.project(BOUNDS[0]);
      const [x1, y1] = vp.project(BOUNDS[1]);
      for (const x of [x0!, x1!]) {
        expect(x, c.title).toBeGreaterThanOrEqual(29.5);
        expect(x, c.title).toBeLessThanOrEqual(c.width - 29.5);
      }
      for (const y of [y0!, y1!]) {
        expect(y, c.title).toBeGreaterThanOrEqual(29.5);
        expect(y, c.title).toBeLessThanOrEqual(c.height - 29.5);
      }
      // One side touches the padding (otherwise it could zoom in further).
      const slackX = Math.min(Math.min(x0!, x1!) - 30, c.width - 30 - Math.max(x0!, x1!));
      const slackY = Math.min(Math.min(y0!, y1!) - 30, c.height - 30 - Math.max(y0!, y1!));
      expect(Math.min(slackX, slackY), c.title).toBeLessThan(1);
      expect(view.bearing).toBe(0);
    });
  }

  it('keeps room for the legend on top when asked', () => {
    const view = fitViewState(BOUNDS, 500, 450, { top: 70, right: 20, bottom: 40, left: 20 });
    const vp = new WebMercatorViewport({ width: 500, height: 450, ...view });
    const north = vp.project(BOUNDS[1])[1]!;
    const south = vp.project(BOUNDS[0])[1]!;
    expect(north).toBeGreaterThanOrEqual(69.5);
    expect(south).toBeLessThanOrEqual(450 - 39.5);
  });

  it('still fits a panel smaller than its padding', () => {
    const view = fitViewState(BOUNDS, 60, 60, 40);
    expect(Number.isFinite(view.zoom)).toBe(true);
  });

  it('refuses a panel without size', () => {
    expect(() => fitViewState(BOUNDS, 0, 400, 20)).toThrow(/no size/);
  });
});
