import { describe, expect, it } from 'vitest';
import { enuToSceneInto, headingToYawRad, sceneToEnu } from './frame.ts';

describe('ENU → scene frame (x = east, y = up, z = −north)', () => {
  const CASES = [
    { title: 'east is +x', enu: [10, 0, 0], scene: [10, 0, 0] },
    { title: 'north is −z', enu: [0, 10, 0], scene: [0, 0, -10] },
    { title: 'up is +y', enu: [0, 0, 10], scene: [0, 10, 0] },
    { title: 'a mine node 450 m down', enu: [60, 40, -450], scene: [60, -450, -40] },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => {
      const out = enuToSceneInto(c.enu[0], c.enu[1], c.enu[2], [0, 0, 0]);
      // `+ 0` folds −0 into 0: both are the same place.
      expect(out.map((v) => v + 0), c.title).toEqual([...c.scene]);
      const back = sceneToEnu(c.scene[0], c.scene[1], c.scene[2]);
      expect([back.eastM + 0, back.northM + 0, back.upM + 0], c.title).toEqual([...c.enu]);
    });
  }

  it('writes at an offset into a typed array', () => {
    const out = new Float32Array(6);
    enuToSceneInto(1, 2, 3, out, 3);
    expect([...out].map((v) => v + 0)).toEqual([0, 0, 0, 1, 3, -2]);
  });
});

describe('grid bearing → yaw about +y', () => {
  const CASES = [
    { title: 'bearing 90° (east) keeps local +x on east', headingDeg: 90, dir: [1, 0] },
    { title: 'bearing 0° (north) turns local +x to −z', headingDeg: 0, dir: [0, -1] },
    { title: 'bearing 180° (south) turns local +x to +z', headingDeg: 180, dir: [0, 1] },
    { title: 'bearing 45° (north-east)', headingDeg: 45, dir: [Math.SQRT1_2, -Math.SQRT1_2] },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => {
      const yaw = headingToYawRad(c.headingDeg);
      // A right-handed rotation about +y by yaw maps (1, 0, 0) to (cos yaw, 0, −sin yaw).
      expect(Math.cos(yaw), c.title).toBeCloseTo(c.dir[0], 9);
      expect(-Math.sin(yaw), c.title).toBeCloseTo(c.dir[1], 9);
    });
  }
});
