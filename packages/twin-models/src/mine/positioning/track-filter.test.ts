import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import { RoadwayGeometry } from './roadway-geometry.ts';
import type { RoadwayFix } from './solve-fix.ts';
import { RoadwayTrack } from './track-filter.ts';

const GEO = new RoadwayGeometry(getDemoSite('cm-yangquan') as CoalMine);
const T0 = 1_700_000_000_000;

/** A fix on a roadway at a chainage with σ. */
function fixAt(roadwayId: string, chainageM: number, sigmaAlongM = 0.05): RoadwayFix {
  const roadway = GEO.indexOf(roadwayId);
  return {
    roadway, roadwayId, chainageM, position: GEO.pointAt(roadway, chainageM), sigmaAlongM, chi2: 0, dof: 2,
    usedAnchorIds: [], droppedAnchorIds: [], unconstrained: null,
  };
}

describe('RoadwayTrack', () => {
  it('learns a walking speed and follows a walk through a junction onto the next roadway', () => {
    // CM-R-05 (SB → T400, 360 m) continues as CM-R-06 (T400 → T800) at node T400.
    const track = new RoadwayTrack(GEO);
    const L = GEO.roadways[GEO.indexOf('CM-R-05')]!.lengthM;
    let state = track.update(fixAt('CM-R-05', L - 20), T0);
    for (let k = 1; k <= 40; k++) {
      const along = L - 20 + k; // 1 m/s
      state = along <= L ? track.update(fixAt('CM-R-05', along), T0 + k * 1000) : track.update(fixAt('CM-R-06', along - L), T0 + k * 1000);
    }
    expect(state.roadwayId).toBe('CM-R-06');
    expect(state.chainageM).toBeCloseTo(20, 0);
    expect(state.speedMS).toBeCloseTo(1, 1);
  });

  it('carries the speed sign over when the next roadway starts at the far node', () => {
    // Walking the face CM-R-14 (HGE → TGE) back to HGE, then out along the headgate CM-R-13 (HGA → HGE), whose `to` is HGE.
    const track = new RoadwayTrack(GEO);
    let state = track.update(fixAt('CM-R-14', 10), T0);
    for (let k = 1; k <= 20; k++) {
      const s = 10 - k;
      state = s >= 0 ? track.update(fixAt('CM-R-14', s), T0 + k * 1000) : track.update(fixAt('CM-R-13', GEO.roadways[GEO.indexOf('CM-R-13')]!.lengthM + s), T0 + k * 1000);
    }
    expect(state.roadwayId).toBe('CM-R-13');
    expect(state.speedMS).toBeLessThan(-0.5); // towards HGA, against the chainage
  });

  it('refuses a fix far from the prediction, and restarts after several in a row or a jump to a roadway that does not meet it', () => {
    const track = new RoadwayTrack(GEO, { maxRefused: 3 });
    for (let k = 0; k < 10; k++) track.update(fixAt('CM-R-06', 100), T0 + k * 1000);
    const refused = track.update(fixAt('CM-R-06', 130), T0 + 10_000);
    expect(refused.coasting).toBe(true);
    expect(refused.chainageM).toBeCloseTo(100, 0);
    track.update(fixAt('CM-R-06', 130), T0 + 11_000);
    expect(track.update(fixAt('CM-R-06', 130), T0 + 12_000).chainageM).toBeCloseTo(130, 5);
    const jumped = track.update(fixAt('CM-R-17', 50), T0 + 13_000);
    expect(jumped.roadwayId).toBe('CM-R-17');
    expect(jumped.chainageM).toBeCloseTo(50, 5);
  });

  it('restarts after a long gap and gives no hint then', () => {
    const track = new RoadwayTrack(GEO, { maxGapMs: 10_000 });
    expect(track.hintAt(T0)).toBeNull();
    track.update(fixAt('CM-R-06', 100), T0);
    expect(track.hintAt(T0 + 1000)).toMatchObject({ roadway: GEO.indexOf('CM-R-06'), chainageM: 100 });
    expect(track.hintAt(T0 + 60_000)).toBeNull();
    expect(track.update(fixAt('CM-R-06', 300), T0 + 60_000).chainageM).toBeCloseTo(300, 5);
  });
});
