import { describe, expect, it } from 'vitest';
import { cloudBoxM, MIN_RELEASE_RADIUS_M, RELEASE_FIT, releaseView, siteBoxM, type CloudGrid } from './release-view.ts';

// A 10 × 6 grid of 20 m cells whose first cell centre is 40 m west and 60 m south of the source.
function grid(hot: [number, number][][], ppm = 5): CloudGrid {
  const nx = 10, ny = 6;
  return {
    nx, ny, east0M: -40, north0M: -60, cellM: 20,
    frames: hot.map((cells) => {
      const v = new Float32Array(nx * ny);
      for (const [i, j] of cells) v[j * nx + i] = ppm;
      return { valuesPpm: v };
    }),
  };
}
const SOURCE = { eastM: 100, northM: 200 };

describe('cloudBoxM', () => {
  it('boxes the cells at or above the level in any frame, in site metres with cell edges', () => {
    const box = cloudBoxM(grid([[[2, 1]], [[7, 4], [3, 3]]]), SOURCE, 5)!;
    // i 2..7 → east centres −40+40 … −40+140 from the source, ± 10 m.
    expect(box).toEqual({ minE: 100 - 40 + 40 - 10, maxE: 100 - 40 + 140 + 10, minN: 200 - 60 + 20 - 10, maxN: 200 - 60 + 80 + 10 });
  });
  it('is null when nothing reaches the level', () => {
    expect(cloudBoxM(grid([[[2, 1]]], 4.9), SOURCE, 5)).toBeNull();
  });
});

describe('siteBoxM', () => {
  it('turns scene bounds (z = −north) into a plan box', () => {
    expect(siteBoxM({ min: [-500, 0, -300], max: [700, 40, 100] })).toEqual({ minE: -500, maxE: 700, minN: -100, maxN: 300 });
  });
});

describe('releaseView', () => {
  const site = { minE: -1000, maxE: 1000, minN: -800, maxN: 800 };

  it('frames the source and the cloud clipped to the site, centred on the ground', () => {
    // The cloud runs 3 km east of a source at the site's east edge: only the part over the site counts.
    const v = releaseView({ source: { eastM: 900, northM: 0 }, cloud: { minE: 850, maxE: 3900, minN: -150, maxN: 150 }, site, windFromDeg: 270, preferredAzimuthDeg: 200 });
    expect(v.center).toEqual([925, 0, -0]); // E 850…1000 (clipped at the site edge), N −150…150
    expect(v.radiusM).toBe(Math.max(MIN_RELEASE_RADIUS_M, (Math.hypot(150, 300) / 2) * RELEASE_FIT));
  });

  it('a cloud wholly outside the site leaves the source alone at the smallest radius', () => {
    const v = releaseView({ source: { eastM: 0, northM: 500 }, cloud: { minE: 2000, maxE: 3000, minN: 0, maxN: 100 }, site, windFromDeg: 90, preferredAzimuthDeg: 0 });
    expect(v.center[0]).toBe(0);
    expect(v.center[2]).toBe(-500);
    expect(v.radiusM).toBe(MIN_RELEASE_RADIUS_M);
  });

  it('stands across the wind, on the side nearer the camera now', () => {
    const at = (windFromDeg: number, preferredAzimuthDeg: number) => releaseView({ source: { eastM: 0, northM: 0 }, cloud: null, site, windFromDeg, preferredAzimuthDeg }).azimuthDeg;
    expect(at(270, 200)).toBe(180); // wind from the west: south side is nearer 200° than the north
    expect(at(270, 20)).toBe(0);
    expect(at(128, 200)).toBe(218);
    expect(at(128, 0)).toBe(38);
  });
});
