import { describe, expect, it } from 'vitest';
import { demoSites, type Site } from '@safetwin/twin-models';
import { MAX_ASSESSMENT_POINTS, sitePoints } from './site-points.ts';

const park = demoSites().find((s) => s.kind === 'chemical-park') as Extract<Site, { kind: 'chemical-park' }>;
const mine = demoSites().find((s) => s.kind === 'coal-mine') as Extract<Site, { kind: 'coal-mine' }>;

describe('site points of interest for an assessment', () => {
  it("takes a park's assembly points, occupied buildings, gates, control rooms and occupied equipment, relative to the source, nearest first", () => {
    const source = { equipmentId: 'CP-E1-TK-01', eastM: -905, northM: 130 };
    const { points, counts } = sitePoints(park, source);
    expect(counts).toEqual({
      'assembly-point': park.assemblyPoints.length,
      building: park.buildings.filter((b) => b.occupancy.dayPersons + b.occupancy.nightPersons > 0).length,
      gate: park.gates.length,
      'control-room': park.equipment.filter((e) => e.kind === 'control-room').length,
      'occupied-equipment': park.equipment.filter((e) => e.kind !== 'control-room' && e.occupancy !== undefined).length,
    });
    expect(points.map((p) => p.id)).toContain('control-room:CP-E1-CR-01');
    expect(points.find((p) => p.id === 'control-room:CP-E1-CR-01')).toMatchObject({ eastM: -45, northM: -280 });
    const distances = points.map((p) => Math.hypot(p.eastM, p.northM));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
  });

  it('never lists the source equipment as a point of its own release', () => {
    const loadingBay = park.equipment.find((e) => e.kind === 'loading-bay')!;
    const { points } = sitePoints(park, { equipmentId: loadingBay.id, ...loadingBay.position });
    expect(points.map((p) => p.id)).not.toContain(`occupied-equipment:${loadingBay.id}`);
  });

  it("takes a mine's intake shaft collars (air drawn underground), not its return shaft or underground refuges", () => {
    const { points, counts } = sitePoints(mine, { eastM: 0, northM: 0 });
    const intakes = mine.roadways.edges.filter((r) => {
      const from = mine.roadways.nodes.find((n) => n.id === r.from)!;
      const to = mine.roadways.nodes.find((n) => n.id === r.to)!;
      return r.kind === 'shaft' && from.position.upM > to.position.upM;
    });
    expect(intakes.length).toBeGreaterThan(0);
    expect(counts).toEqual({ 'intake-shaft': intakes.length });
    expect(points.map((p) => p.id).sort()).toEqual(intakes.map((r) => `intake-shaft:${r.id}`).sort());
  });

  it(`keeps the ${MAX_ASSESSMENT_POINTS} nearest when a site has more`, () => {
    const big = { ...park, gates: Array.from({ length: 600 }, (_, i) => ({ ...park.gates[0]!, id: `G-${i}`, position: { eastM: i * 10, northM: 0 } })) };
    const { points, counts } = sitePoints(big, { eastM: 0, northM: 0 });
    expect(points).toHaveLength(MAX_ASSESSMENT_POINTS);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(MAX_ASSESSMENT_POINTS);
    expect(points.map((p) => p.id)).not.toContain('gate:G-599');
  });
});
