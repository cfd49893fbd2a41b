import { describe, expect, it } from 'vitest';
import { searchPoints } from '@safetwin/sim';
import { placesOf, reachedDetectors, reachingCandidates, type CandidatePlace } from './candidate-filter.ts';
import { estimatorCandidate, type LeakItem } from './leak-items.ts';

// Wind from the west (270°): plumes go east. A hit detector at the origin.
const FROM_WEST = [270];
const HIT = { eastM: 0, northM: 0 };

describe('candidate filter', () => {
  it('keeps a point upwind of a hit detector or next to it, drops one far downwind', () => {
    const upwind: CandidatePlace = { eastM: -400, northM: 30 };
    const near: CandidatePlace = { eastM: 80, northM: 0 };
    const downwind: CandidatePlace = { eastM: 400, northM: 0 };
    expect(reachingCandidates([upwind, near, downwind], [HIT], FROM_WEST)).toEqual([upwind, near]);
  });

  it('keeps a pipe run when any part of it can reach a hit detector, though its middle cannot', () => {
    // A 900 m run from 300 m upwind of the detector to 600 m east of it, shown at its middle 150 m downwind.
    const run: CandidatePlace = { eastM: 150, northM: 0, line: { from: { eastM: -300, northM: 0 }, to: { eastM: 600, northM: 0 } } };
    const middleOnly: CandidatePlace = { eastM: 150, northM: 0 };
    expect(reachingCandidates([run, middleOnly], [HIT], FROM_WEST)).toEqual([run]);
    // Its places are the estimator's search points: 45 pieces of 20 m.
    const places = placesOf(run);
    expect(places).toHaveLength(45);
    expect(places[0]).toEqual({ eastM: -290, northM: 0, upM: 0 });
    // A detector only the run's upwind part reaches is kept for it.
    const farEast = { id: 'east', position: { eastM: 1500, northM: 0 } };
    const westOfRun = { id: 'west', position: { eastM: -900, northM: 0 } };
    expect(reachedDetectors([farEast, westOfRun], [run], FROM_WEST).map((d) => d.id)).toEqual(['east']);
  });

  it('a riser\'s places are the estimator\'s points: searched every metre of its climb, not only every 20 m in plan', () => {
    // 30 m in plan, climbing from grade to the 4.5 m rack: 5 points for the estimator (rise ≤ 1 m a piece), not 2.
    const riser: LeakItem = {
      id: 'R', kind: 'pipe-segment', label: 'pipe A → B', name: { zh: '管道 A → B', en: 'pipe A → B' }, enterpriseId: null, chemical: 'Cl2', eastM: 15, northM: 0, releaseHeightM: 2.25,
      line: { from: { eastM: 0, northM: 0, upM: 0 }, to: { eastM: 30, northM: 0, upM: 4.5 }, fromLabel: 'A', fromName: { zh: 'A', en: 'A' } },
    };
    const estimator = searchPoints(estimatorCandidate(riser));
    expect(estimator).toHaveLength(5);
    expect(placesOf(riser)).toEqual(estimator.map((p) => p.position));
  });
});
