import { describe, expect, it } from 'vitest';
import { placesOf, reachedDetectors, reachingCandidates, type CandidatePlace } from './candidate-filter.ts';

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
});
