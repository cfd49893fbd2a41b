import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import type { Roadway, RoadwayKind } from '../../schema/coal-mine.ts';
import { cageRideS, planEscape } from './escape-routes.ts';
import type { EscapeMine } from './escape-routes.ts';
import { downstreamRoadways } from './ventilation.ts';
import { affectedArea, locateOnRoadways, planWithdrawal } from './withdrawal-plan.ts';

/**
 * A hand-made mine: nodes at [east, north, up] and roadways "A>B kind [lengthM]" (air from A to B;
 * the length defaults to the straight distance), refuges on a roadway at a chainage.
 */
function mineOf(nodes: Record<string, [number, number, number]>, edges: string[], refuges: Array<[id: string, roadwayId: string, chainageM: number, capacity?: number]> = []): EscapeMine {
  const pos = (id: string) => ({ eastM: nodes[id]![0], northM: nodes[id]![1], upM: nodes[id]![2] });
  const roadways = edges.map((s): Roadway => {
    const [ends, kind, len] = s.split(' ') as [string, RoadwayKind, string | undefined];
    const [from, to] = ends.split('>') as [string, string];
    const a = pos(from), b = pos(to);
    const straight = Math.hypot(a.eastM - b.eastM, a.northM - b.northM, a.upM - b.upM);
    return {
      id: `${from}${to}`, name: { zh: s, en: s }, kind, from, to, lengthM: len ? Number(len) : straight, crossSectionM2: 12,
      airflowM3S: 10, airSpeedMS: 0.8, airSpeedLimitsMS: { min: null, max: null },
    };
  });
  const at = (roadwayId: string, c: number) => {
    const e = roadways.find((r) => r.id === roadwayId)!;
    const a = pos(e.from), b = pos(e.to), t = c / e.lengthM;
    return { eastM: a.eastM + (b.eastM - a.eastM) * t, northM: a.northM + (b.northM - a.northM) * t, upM: a.upM + (b.upM - a.upM) * t };
  };
  return {
    roadways: { nodes: Object.keys(nodes).map((id) => ({ id, position: pos(id) })), edges: roadways },
    refugeChambers: refuges.map(([id, roadwayId, c, capacity]) => ({ id, name: { zh: id, en: id }, roadwayId, position: at(roadwayId, c), capacityPersons: capacity ?? 50, autonomyH: 96 })),
  };
}

// A shaft bottom SB, an intake fork at A: a short way A–B–P and a long one A–C–P. A heading H, ventilated
// by a duct from A, returns its air into B: a source in the heading taints B–P (downstream), not A–B.
const FORK = mineOf(
  { T: [0, 0, 0], SB: [0, 0, -100], A: [0, 100, -100], B: [0, 200, -100], P: [0, 300, -100], C: [300, 200, -100], H: [-200, 200, -100] },
  ['T>SB shaft', 'SB>A intake-airway', 'A>B intake-airway', 'B>P intake-airway', 'A>C intake-airway', 'C>P intake-airway', 'A>H vent-duct', 'H>B heading'],
);

// A long panel: 3 km of intake to the face F–G (200 m), 3 km of return to the ventilation shaft (air up).
// Refuges: R1 in the intake 100 m before the face, R2 in the return 100 m before its end.
const PANEL = mineOf(
  { T: [0, 0, 0], SB: [0, 0, -100], A: [0, 100, -100], F: [0, 3100, -100], G: [200, 3100, -100], R: [200, 100, -100], VB: [300, 100, -100], VT: [300, 100, 0] },
  ['T>SB shaft', 'SB>A intake-airway', 'A>F intake-airway', 'F>G longwall-face', 'G>R return-airway', 'R>VB return-airway', 'VB>VT shaft'],
  [['R1', 'AF', 2900], ['R2', 'GR', 2900]],
);

describe('downstream of a source in the air flow', () => {
  it('follows the air out of the source roadway, through ducts, never upstream', () => {
    expect([...downstreamRoadways(FORK.roadways.edges, ['HB'])].sort()).toEqual(['BP', 'HB']);
    expect([...downstreamRoadways(FORK.roadways.edges, ['SBA'])].sort()).toEqual(['AB', 'AC', 'AH', 'BP', 'CP', 'HB', 'SBA']);
    expect([...downstreamRoadways(FORK.roadways.edges, [], ['C'])]).toEqual(['CP']);
    // still air carries nothing onward
    const still = { ...FORK.roadways, edges: FORK.roadways.edges.map((e) => (e.id === 'HB' ? { ...e, airflowM3S: 0 } : e)) };
    expect([...downstreamRoadways(still.edges, ['HB'])]).toEqual(['HB']);
  });

  it('demo mine: the face taints the tailgate and the main return to the ventilation shaft; the heading its return', () => {
    const mine = getDemoSite('cm-yangquan') as CoalMine;
    expect([...downstreamRoadways(mine.roadways.edges, ['CM-R-14'])].sort()).toEqual(['CM-R-14', 'CM-R-15', 'CM-R-16', 'CM-R-20', 'CM-R-21']);
    expect([...downstreamRoadways(mine.roadways.edges, ['CM-R-17'])].sort()).toEqual(['CM-R-17', 'CM-R-18', 'CM-R-19', 'CM-R-20', 'CM-R-21']);
    expect([...affectedArea(mine, ['CM-R-14'], ['CM-R-15', 'CM-R-13', 'nope'])].sort()).toEqual(['CM-R-13', 'CM-R-14', 'CM-R-15', 'CM-R-16', 'CM-R-20', 'CM-R-21']);
  });
});

describe('escape routes on hand-made mines', () => {
  const AT_P = { roadwayId: 'CP', chainageM: Math.hypot(300, 100) };
  it('takes the longer way in fresh air rather than the short one downstream of the source', () => {
    const affected = downstreamRoadways(FORK.roadways.edges, ['HB']);
    const plan = planEscape(FORK, AT_P, affected); // at P
    expect(plan.decision).toBe('surface');
    expect(plan.route!.roadwayIds).toEqual(['CP', 'AC', 'SBA']);
    expect(plan.route!.nodeIds).toEqual(['C', 'A', 'SB']);
    expect(plan.route!.destination).toEqual({ kind: 'shaft', id: 'TSB', nodeId: 'SB' });
    expect(plan.route!.affectedS).toBe(0);
    expect(plan.route!.distanceM).toBeCloseTo(100 + Math.hypot(300, 100) * 2, 6);
    expect(plan.route!.walkS).toBeCloseTo(plan.route!.distanceM / 1.0, 6);
    expect(plan.route!.rideS).toBeCloseTo(cageRideS(100), 6); // 100 m at 0.5·√100 = 5 m/s: 20 s
    expect(cageRideS(100)).toBeCloseTo(20, 9);
    expect(plan.route!.polyline[0]).toEqual({ eastM: 0, northM: 300, upM: -100 });
    expect(plan.route!.polyline.at(-1)).toEqual({ eastM: 0, northM: 0, upM: -100 });
    // no source: the short way
    expect(planEscape(FORK, AT_P, new Set()).route!.roadwayIds).toEqual(['BP', 'AB', 'SBA']);
    // if affected roadways cost no more than fresh ones, the short way wins again (the penalty is what avoids them)
    expect(planEscape(FORK, AT_P, affected, { affectedCostFactor: 0.5 }).route!.roadwayIds).toEqual(['BP', 'AB', 'SBA']);
  });

  it('someone in the affected heading walks out of it against the air, on the self-rescuer only there', () => {
    const affected = downstreamRoadways(FORK.roadways.edges, ['HB']);
    const plan = planEscape(FORK, { roadwayId: 'HB', chainageM: 50 }, affected);
    expect(plan.decision).toBe('surface');
    expect(plan.route!.roadwayIds).toEqual(['HB', 'AB', 'SBA']);
    const hb = FORK.roadways.edges.find((e) => e.id === 'HB')!.lengthM;
    expect(plan.route!.affectedS).toBeCloseTo((hb - 50) / 0.5, 6);
    expect(plan.route!.selfRescuerS).toBe(plan.route!.affectedS);
  });

  it('goes to the refuge chamber when the way out takes longer than the self-rescuer lasts', () => {
    const affected = downstreamRoadways(PANEL.roadways.edges, ['FG']);
    // On the face, 100 m from F. Counting only affected air, the way out fits (≈ 5.6 min on the self-rescuer).
    const out = planEscape(PANEL, { roadwayId: 'FG', chainageM: 100 }, affected);
    expect(out.decision).toBe('surface');
    expect(out.route!.selfRescuerS).toBeCloseTo(100 / (0.6 * 0.5), 6);
    // Counting the whole walk (3.1 km + the face), it does not: the intake refuge 100 m behind F.
    const whole = planEscape(PANEL, { roadwayId: 'FG', chainageM: 100 }, affected, { selfRescuerBasis: 'whole-way' });
    expect(whole.decision).toBe('refuge');
    expect(whole.route!.destination).toMatchObject({ kind: 'refuge', id: 'R1' });
    expect(whole.route!.roadwayIds).toEqual(['FG', 'AF']);
    expect(whole.route!.walkS).toBeCloseTo(100 / 0.6 / 0.5 + 100, 6);
    expect(whole.surface!.walkS).toBeGreaterThan(30 * 60);
    // Deep in the return, the way out through the face is all affected air: the return refuge is the way.
    const deep = planEscape(PANEL, { roadwayId: 'GR', chainageM: 2800 }, affected);
    expect(deep.decision).toBe('refuge');
    expect(deep.route!.destination).toMatchObject({ kind: 'refuge', id: 'R2' });
    expect(deep.route!.walkS).toBeCloseTo(100 / 0.5, 6);
    expect(deep.surface!.selfRescuerS).toBeGreaterThan(30 * 60);
  });

  it('beyond the self-rescuer with no refuge in reach: the route with the least self-rescuer time, said so', () => {
    const affected = downstreamRoadways(PANEL.roadways.edges, ['FG']);
    const plan = planEscape(PANEL, { roadwayId: 'GR', chainageM: 1500 }, affected, { excludeRefugeIds: new Set(['R2']) });
    expect(plan.decision).toBe('beyond-self-rescuer');
    expect(plan.route!.destination).toMatchObject({ kind: 'shaft' });
    expect(plan.route!.selfRescuerS).toBeGreaterThan(30 * 60);
    expect(plan.reason).toMatch(/no refuge chamber is in reach/);
  });

  it('no route: a roadway cut off from every shaft and refuge', () => {
    const island = mineOf({ T: [0, 0, 0], SB: [0, 0, -100], A: [0, 100, -100], X: [500, 0, -100], Y: [500, 100, -100] }, ['T>SB shaft', 'SB>A intake-airway', 'X>Y heading']);
    const plan = planEscape(island, { roadwayId: 'XY', chainageM: 20 }, new Set(['XY']));
    expect(plan).toMatchObject({ decision: 'no-route', route: null, surface: null });
    expect(() => planEscape(island, { roadwayId: 'TSB', chainageM: 0 }, new Set())).toThrow(/roadwayId/);
  });

  it('refuge chambers fill up to their capacity, nearest arrivals first', () => {
    const small = mineOf(
      { T: [0, 0, 0], SB: [0, 0, -100], A: [0, 100, -100], F: [0, 3100, -100], G: [200, 3100, -100], R: [200, 100, -100], VB: [300, 100, -100], VT: [300, 100, 0] },
      ['T>SB shaft', 'SB>A intake-airway', 'A>F intake-airway', 'F>G longwall-face', 'G>R return-airway', 'R>VB return-airway', 'VB>VT shaft'],
      [['R1', 'AF', 2900, 1], ['R2', 'GR', 10, 5]],
    );
    const affected = downstreamRoadways(small.roadways.edges, ['FG']);
    const people = [{ personId: 'far', position: { roadwayId: 'FG', chainageM: 150 } }, { personId: 'near', position: { roadwayId: 'FG', chainageM: 20 } }];
    const plans = planWithdrawal(small, people, affected, { selfRescuerBasis: 'whole-way' });
    expect(plans.get('near')!.route!.destination).toMatchObject({ id: 'R1' });
    expect(plans.get('far')!.route!.destination).toMatchObject({ id: 'R2' });
  });
});

describe('the demo mine', () => {
  const mine = getDemoSite('cm-yangquan') as CoalMine;
  const affected = affectedArea(mine, ['CM-R-14']);

  it('face and tailgate crews walk out through the face end and the headgate, in intake air after it', () => {
    const face = planEscape(mine, { roadwayId: 'CM-R-14', chainageM: 100 }, affected);
    expect(face.decision).toBe('surface');
    expect(face.route!.roadwayIds.slice(0, 3)).toEqual(['CM-R-14', 'CM-R-13', 'CM-R-12']);
    expect(face.route!.destination.kind).toBe('shaft');
    expect(face.route!.affectedS).toBeCloseTo(100 / 0.3, 6);
    const tail = planEscape(mine, { roadwayId: 'CM-R-16', chainageM: 100 }, affected);
    expect(tail.route!.roadwayIds.slice(0, 4)).toEqual(['CM-R-16', 'CM-R-15', 'CM-R-14', 'CM-R-13']);
    // printed for the report: the way out from the face
    console.log(`demo face → ${face.route!.destination.id}: ${(face.route!.distanceM / 1000).toFixed(2)} km, walk ${(face.route!.walkS / 60).toFixed(1)} min, self-rescuer ${(face.route!.selfRescuerS / 60).toFixed(1)} min, ETA ${(face.route!.etaS / 60).toFixed(1)} min`);
  });

  it('locates a tag position on the nearest roadway', () => {
    const fix = locateOnRoadways(mine, { eastM: 1080.4, northM: 1200, upM: -430 })!;
    expect(fix.roadwayId).toBe('CM-R-14');
    expect(fix.chainageM).toBeCloseTo(100, 0);
    expect(fix.offsetM).toBeLessThan(1);
  });
});
