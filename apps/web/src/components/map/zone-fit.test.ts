import { describe, expect, it } from 'vitest';
import { WebMercatorViewport } from '@deck.gl/core';
import { fitViewState } from './fit-view.ts';
import type { LonLat } from './site-projector.ts';
import { boundsOfPoints, COVER_GAP_PX, fitRequestBounds, MAX_FIT_GROWTH, padForCovers, unionBounds, type LonLatBounds } from './zone-fit.ts';

// Roughly the demo park: 2.4 × 1.6 km north of Nanjing (0.026° lon × 0.014° lat).
const SITE: LonLatBounds = [[118.802, 32.258], [118.828, 32.272]];

describe('boundsOfPoints / unionBounds', () => {
  it('bounds every finite point and skips the rest; null for none', () => {
    expect(boundsOfPoints([[1, 2], [3, -1], [Number.NaN, 9], [2, 5]])).toEqual([[1, -1], [3, 5]]);
    expect(boundsOfPoints([])).toBeNull();
  });
  it('unions two boxes', () => {
    expect(unionBounds([[0, 0], [1, 1]], [[-1, 0.5], [0.5, 3]])).toEqual([[-1, 0], [1, 3]]);
  });
});

describe('fitRequestBounds', () => {
  it('holds the site and the must box whole', () => {
    const must: LonLatBounds = [[118.79, 32.26], [118.805, 32.28]];
    const b = fitRequestBounds(SITE, { must });
    expect(b).toEqual([[118.79, 32.258], [118.828, 32.28]]);
  });

  it('takes a want box whole when it is within the growth allowance', () => {
    const want: LonLatBounds = [[118.80, 32.25], [118.84, 32.275]];
    expect(fitRequestBounds(SITE, { must: SITE, want })).toEqual([[118.80, 32.25], [118.84, 32.275]]);
  });

  it('clips a 12 km yellow zone running east so the view is at most MAX_FIT_GROWTH × the site wide', () => {
    const want: LonLatBounds = [[118.82, 32.26], [118.95, 32.27]]; // ~12 km east
    const b = fitRequestBounds(SITE, { must: SITE, want });
    const spanLon = SITE[1][0] - SITE[0][0];
    expect(b[0][0]).toBeCloseTo(SITE[0][0], 12); // nothing taken west: the zone does not go there
    expect(b[1][0] - b[0][0]).toBeCloseTo(MAX_FIT_GROWTH * spanLon, 12);
    expect(b[1][0]).toBeLessThan(want[1][0]);
    expect(b[0][1]).toBe(SITE[0][1]);
  });

  it('shares the allowance between two sides in proportion to how far each would go', () => {
    const spanLon = SITE[1][0] - SITE[0][0];
    const allowance = (MAX_FIT_GROWTH - 1) * spanLon;
    // 3 units west for every 1 east, both far beyond the allowance.
    const want: LonLatBounds = [[SITE[0][0] - 3, 32.26], [SITE[1][0] + 1, 32.27]];
    const b = fitRequestBounds(SITE, { must: SITE, want });
    expect(SITE[0][0] - b[0][0]).toBeCloseTo(0.75 * allowance, 12);
    expect(b[1][0] - SITE[1][0]).toBeCloseTo(0.25 * allowance, 12);
  });

  it('with the plan fit: the orange zone and the site are inside the panel, and the site keeps its share', () => {
    const orange: LonLat[] = [[118.80, 32.262], [118.86, 32.268], [118.85, 32.275]];
    const yellow: LonLat[] = [[118.80, 32.26], [118.93, 32.266], [118.92, 32.28]];
    const must = boundsOfPoints(orange)!;
    const view = fitViewState(fitRequestBounds(SITE, { must, want: boundsOfPoints(yellow) }), 520, 330, 20);
    const vp = new WebMercatorViewport({ width: 520, height: 330, ...view });
    for (const p of [...orange, SITE[0], SITE[1]]) {
      const [x, y] = vp.project(p);
      expect(x).toBeGreaterThanOrEqual(19.5);
      expect(x).toBeLessThanOrEqual(500.5);
      expect(y).toBeGreaterThanOrEqual(19.5);
      expect(y).toBeLessThanOrEqual(310.5);
    }
    const siteWidthPx = vp.project(SITE[1])[0]! - vp.project(SITE[0])[0]!;
    // The view is at most MAX_FIT_GROWTH × (site ∪ orange) wide, so the site keeps its share of that.
    const core = unionBounds(SITE, must);
    const share = (SITE[1][0] - SITE[0][0]) / (MAX_FIT_GROWTH * (core[1][0] - core[0][0]));
    expect(siteWidthPx).toBeGreaterThanOrEqual((520 - 40) * share - 1);
  });
});

describe('padForCovers', () => {
  const panel = { left: 1000, top: 100, right: 1500, bottom: 550 };
  const base = { top: 96, right: 40, bottom: 48, left: 40 };

  it('pushes the bottom past a short wide legend in the bottom-right corner', () => {
    const legend = { left: 1200, top: 430, right: 1490, bottom: 540 };
    expect(padForCovers(panel, [legend], base)).toEqual({ ...base, bottom: 550 - 430 + COVER_GAP_PX });
  });

  it('pushes the right past a tall narrow one', () => {
    const legend = { left: 1420, top: 150, right: 1490, bottom: 540 };
    expect(padForCovers(panel, [legend], base)).toEqual({ ...base, right: 1500 - 1420 + COVER_GAP_PX });
  });

  it('ignores covers outside the panel and keeps padding that is already enough', () => {
    expect(padForCovers(panel, [{ left: 0, top: 0, right: 900, bottom: 90 }], base)).toEqual(base);
    expect(padForCovers(panel, [{ left: 1200, top: 520, right: 1490, bottom: 545 }], base)).toEqual(base);
  });
});
