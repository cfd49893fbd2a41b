import { describe, expect, it } from 'vitest';
import { getDemoSite, type CoalMine } from '@safetwin/twin-models';
import { countByZone, MAX_OFF_ROADWAY_M, RoadwayLocator } from './mine-zones.ts';

const mine = getDemoSite('cm-yangquan') as CoalMine;
const locator = new RoadwayLocator(mine);
const edgeId = (i: number) => mine.roadways.edges[i]?.id;

describe('RoadwayLocator on the demo mine', () => {
  // Points taken from the mine's node table (roadways.ts): the face runs (1080,1100,-432) → (1080,1300,-428).
  const CASES = [
    { title: 'mid-face is on the longwall face', p: [1080, 1200, -430], zone: 'longwall-face', roadway: 'CM-R-14' },
    { title: 'half-way along the heading (inby) is in the heading', p: [-320, 800, -446], zone: 'heading', roadway: 'CM-R-17' },
    { title: 'the track roadway at 600 m is an intake airway', p: [30, 600, -446.5], zone: 'intake-airway', roadway: 'CM-R-06' },
    { title: 'the belt roadway at 600 m is haulage', p: [80, 600, -446.5], zone: 'haulage', roadway: 'CM-R-09' },
    { title: 'the tailgate (return) at 800 m east', p: [800, 1300, -431], zone: 'return-airway', roadway: 'CM-R-15' },
    { title: 'in the cage half-way down the auxiliary shaft', p: [60, 0, -225], zone: 'shaft', roadway: 'CM-R-02' },
    { title: 'a metre off the centre line still counts', p: [1081, 1200, -430], zone: 'longwall-face', roadway: 'CM-R-14' },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => {
      const fix = locator.locate(c.p[0], c.p[1], c.p[2]);
      expect(fix.zone, c.title).toBe(c.zone);
      expect(edgeId(fix.edgeIndex), c.title).toBe(c.roadway);
    });
  }

  it('puts a tag at the collar on the surface', () => {
    expect(locator.locate(60, 0, 0).zone).toBe('surface');
  });

  it('does not place a tag in solid rock far from every roadway', () => {
    expect(locator.locate(600, 600, -440).zone).toBe('unlocated');
    expect(locator.locate(1080 + MAX_OFF_ROADWAY_M + 5, 1200, -430).zone).toBe('unlocated');
  });

  it('judges on the plan alone when depth is missing', () => {
    expect(locator.locate(1080, 1200, Number.NaN).zone).toBe('longwall-face');
  });

  it('never places anyone in the ventilation duct', () => {
    // The duct runs T800 (30,800) → H2 (-420,800), overlapping the heading in plan; at heading depth it is the heading.
    for (const east of [-400, -300, -100]) expect(locator.locate(east, 800, -446).zone).toBe('heading');
  });
});

describe('countByZone', () => {
  it('counts every zone, unlocated tags included', () => {
    const counts = countByZone(locator, [
      { east_m: 1080, north_m: 1150, up_m: -431 },
      { east_m: 1080, north_m: 1250, up_m: -429 },
      { east_m: -300, north_m: 800, up_m: -446 },
      { east_m: 600, north_m: 600, up_m: -440 },
      {},
    ]);
    expect(counts['longwall-face']).toBe(2);
    expect(counts.heading).toBe(1);
    expect(counts.unlocated).toBe(2);
    expect(counts.shaft).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(5);
  });
});
