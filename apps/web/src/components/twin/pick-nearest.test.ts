import { describe, expect, it } from 'vitest';
import { testViewProjection } from './pick-test-camera.ts';
import { Matrix4 } from 'three';
import { nearestInstance, type PickHit } from './pick-nearest.ts';


const fresh = (): PickHit => ({ index: -1, distancePx: Infinity, depth: Infinity });

describe('nearestInstance', () => {
  const vp = testViewProjection();
  // The origin projects to the view's centre (100, 100); x = 10 at depth 100 is 10 px right (half-width 100 px ↔ 100 m).
  const centers = Float32Array.of(0, 0, 0, 10, 0, 0, 0, 50, 0, 0, 0, 200);

  const CASES = [
    { title: 'a click on the centre picks the origin', x: 100, y: 100, expected: 0 },
    { title: 'a click just right of it picks the one at x = 10', x: 108, y: 100, expected: 1 },
    { title: 'up the screen is +y in the world', x: 100, y: 52, expected: 2 },
    { title: 'too far from every marker picks nothing', x: 180, y: 180, expected: -1 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const best = fresh();
      nearestInstance(centers, 4, 3, 0, vp, c.x, c.y, 200, 200, 20, best);
      expect(best.index, c.title).toBe(c.expected);
    });
  }

  it('ignores what is behind the camera, and skipped instances', () => {
    const best = fresh();
    nearestInstance(Float32Array.of(0, 0, 200), 1, 3, 0, vp, 100, 100, 200, 200, 20, best);
    expect(best.index).toBe(-1);
    nearestInstance(centers, 4, 3, 0, vp, 100, 100, 200, 200, 20, best, (i) => i === 0);
    expect(best.index).toBe(1);
  });

  it('reads centres from matrices (stride 16, offset 12) and prefers the nearer of two overlapping', () => {
    const m = new Float32Array(32);
    new Matrix4().makeTranslation(0, 0, -50).toArray(m, 0);
    new Matrix4().makeTranslation(0, 0, 50).toArray(m, 16);
    const best = fresh();
    expect(nearestInstance(m, 2, 16, 12, vp, 100, 100, 200, 200, 20, best)).toBe(true);
    expect(best.index).toBe(1);
  });
});
