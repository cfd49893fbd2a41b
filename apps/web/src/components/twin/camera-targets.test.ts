import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import {
  CameraFlight, FOCUS_CONTEXT, MIN_FOCUS_RADIUS_M, azimuthOfDeg, easeInOutCubic, focusRadiusM, frameDistanceM, framePose, offsetTarget, tourAzimuthDeg,
  viewDirection,
} from './camera-targets.ts';

describe('frameDistanceM', () => {
  const CASES = [
    { title: 'square view, 90° fov: r / sin 45°', r: 100, fov: 90, aspect: 1, expected: (100 / Math.SQRT1_2) * 1.15 },
    { title: 'a tall view is limited by its width', r: 100, fov: 90, aspect: 0.5, expected: (100 / Math.sin(Math.atan(0.5))) * 1.15 },
    { title: 'a wide view is limited by its height', r: 10, fov: 60, aspect: 2, expected: (10 / Math.sin(Math.PI / 6)) * 1.15 },
  ];
  for (const c of CASES) it(c.title, () => expect(frameDistanceM(c.r, c.fov, c.aspect), c.title).toBeCloseTo(c.expected, 6));
  it('refuses nonsense', () => {
    expect(() => frameDistanceM(0, 50, 1)).toThrow(/positive/);
    expect(() => frameDistanceM(10, 50, Number.NaN)).toThrow(/positive/);
  });
});

describe('view directions', () => {
  const CASES = [
    { title: 'camera south of the target looks north', az: 180, el: 0, expected: [0, 0, 1] },
    { title: 'camera east of the target', az: 90, el: 0, expected: [1, 0, 0] },
    { title: 'straight overhead', az: 0, el: 90, expected: [0, 1, 0] },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const out = [0, 0, 0];
      viewDirection(c.az, c.el, out);
      out.forEach((v, k) => expect(v, `${c.title}[${k}]`).toBeCloseTo(c.expected[k]!, 9));
    });
  }
  it('azimuthOfDeg inverts viewDirection', () => {
    for (const az of [0, 45, 135, 200, 300]) {
      const d = [0, 0, 0];
      viewDirection(az, 30, d);
      expect(azimuthOfDeg(d[0]!, d[2]!), `az ${az}`).toBeCloseTo(az, 9);
    }
  });
  it('tour azimuths swing round and stay in 0..360', () => {
    const seen = Array.from({ length: 12 }, (_, i) => tourAzimuthDeg(i));
    for (const a of seen) { expect(a).toBeGreaterThanOrEqual(0); expect(a).toBeLessThan(360); }
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });
  it('framePose stands back along the direction by the framing distance', () => {
    const out = [0, 0, 0];
    framePose([10, -400, -20], 50, [0, 1, 0], 45, 16 / 9, out);
    expect(out[0]).toBe(10);
    expect(out[1]).toBeCloseTo(-400 + frameDistanceM(50, 45, 16 / 9), 9);
  });
});

describe('CameraFlight', () => {
  it('eases from one pose to the other and lands exactly', () => {
    const f = new CameraFlight();
    const pos = { x: 0, y: 0, z: 0 }, target = { x: 0, y: 0, z: 0 };
    expect(f.step(0, pos, target)).toBe(false);
    f.start([0, 100, 0], [0, 0, 0], [100, 200, -100], [50, 0, -50], 1_000, 2_000);
    expect(f.step(1_000, pos, target)).toBe(true);
    expect(pos).toEqual({ x: 0, y: 100, z: 0 });
    f.step(2_000, pos, target);
    expect(pos.x).toBeCloseTo(50, 9);
    expect(target.z).toBeCloseTo(-25, 9);
    f.step(3_500, pos, target);
    expect(pos).toEqual({ x: 100, y: 200, z: -100 });
    expect(target).toEqual({ x: 50, y: 0, z: -50 });
    expect(f.active).toBe(false);
    expect(f.step(4_000, pos, target)).toBe(false);
  });
  it('stops when cancelled', () => {
    const f = new CameraFlight();
    f.start([0, 0, 0], [0, 0, 0], [1, 1, 1], [1, 1, 1], 0, 100);
    f.cancel();
    expect(f.active).toBe(false);
  });
  it('easeInOutCubic is 0, ½ and 1 at the ends and middle, and clamps', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBe(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(2)).toBe(1);
    expect(easeInOutCubic(-1)).toBe(0);
    expect(easeInOutCubic(0.25)).toBeLessThan(0.25);
  });
});

describe('focusRadiusM', () => {
  it('shows a small vessel with its surroundings and a large subject with a margin', () => {
    expect(focusRadiusM(8)).toBe(MIN_FOCUS_RADIUS_M);
    expect(focusRadiusM(100)).toBeCloseTo(100 * FOCUS_CONTEXT, 9);
  });
});

describe('offsetTarget', () => {
  const CASES = [
    { title: 'up and left of centre, from the south-west', az: 225, el: 38, ndc: [-0.55, 0.45] },
    { title: 'right and down, from the east, low', az: 90, el: 10, ndc: [0.3, -0.6] },
    { title: 'centre stays centre', az: 0, el: 60, ndc: [0, 0] },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const subject = [120, -30, -400], dir = [0, 0, 0], target = [0, 0, 0];
      viewDirection(c.az, c.el, dir);
      const distanceM = 300, aspect = 16 / 9;
      offsetTarget(subject, dir, distanceM, 45, aspect, c.ndc[0]!, c.ndc[1]!, target);
      const camera = new PerspectiveCamera(45, aspect, 1, 10_000);
      camera.position.set(target[0]! + dir[0]! * distanceM, target[1]! + dir[1]! * distanceM, target[2]! + dir[2]! * distanceM);
      camera.lookAt(target[0]!, target[1]!, target[2]!);
      camera.updateMatrixWorld();
      const p = new Vector3(subject[0], subject[1], subject[2]).project(camera);
      expect(p.x, c.title).toBeCloseTo(c.ndc[0]!, 6);
      expect(p.y, c.title).toBeCloseTo(c.ndc[1]!, 6);
    });
  }
  it('refuses a vertical view', () => expect(() => offsetTarget([0, 0, 0], [0, 1, 0], 10, 45, 1, 0, 0, [0, 0, 0])).toThrow(/vertical/));
});
