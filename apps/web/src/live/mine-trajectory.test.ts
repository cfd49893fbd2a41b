import { describe, expect, it } from 'vitest';
import { parsePoint, positionAt, type TrajectoryPoint } from './mine-trajectory.ts';

const point = (ts: number, eastM: number): TrajectoryPoint => ({ ts, position: { eastM, northM: 0, upM: -300 }, roadwayId: 'R1', chainageM: eastM });

describe('trajectory playback', () => {
  it('reads the hub’s points and drops unusable ones', () => {
    expect(parsePoint({ ts: 5, position: { eastM: 1, northM: 2, upM: -3 }, roadwayId: 'R1', chainageM: 4 })).toEqual({ ts: 5, position: { eastM: 1, northM: 2, upM: -3 }, roadwayId: 'R1', chainageM: 4 });
    expect(parsePoint({ ts: 5, position: { eastM: 1, northM: 2, upM: -3 }, roadwayId: null, chainageM: null })).toMatchObject({ roadwayId: null, chainageM: null });
    expect(parsePoint({ ts: 5, position: { eastM: 1, northM: null, upM: -3 } })).toBeNull();
    expect(parsePoint({ position: { eastM: 1, northM: 2, upM: -3 } })).toBeNull();
    expect(parsePoint(null)).toBeNull();
  });

  it('places the person between the fixes around an instant, at the ends outside them', () => {
    const points = [point(1_000, 0), point(3_000, 20), point(4_000, 20), point(8_000, 60)];
    expect(positionAt(points, 2_000)).toEqual({ position: { eastM: 10, northM: 0, upM: -300 }, index: 0 });
    expect(positionAt(points, 3_500)!.position.eastM).toBe(20);
    expect(positionAt(points, 5_000)).toMatchObject({ position: { eastM: 30 }, index: 2 });
    expect(positionAt(points, 0)).toMatchObject({ index: 0, position: { eastM: 0 } });
    expect(positionAt(points, 9_999)).toMatchObject({ index: 3, position: { eastM: 60 } });
    expect(positionAt([], 1)).toBeNull();
  });
});
