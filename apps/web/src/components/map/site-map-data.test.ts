import { describe, expect, it } from 'vitest';
import { getDemoSite, lonLatToEnu, polygonAreaM2, type ChemicalPark, type CoalMine } from '@safetwin/twin-models';
import { boundsOf, boxFootprint, circleFootprint, siteMapData } from './site-map-data.ts';

const park = getDemoSite('cp-nanjing') as ChemicalPark;
const mine = getDemoSite('cm-yangquan') as CoalMine;

describe('boxFootprint', () => {
  const CASES = [
    { title: 'heading 0: length runs north', heading: 0, spanE: 10, spanN: 40 },
    { title: 'heading 90: length runs east', heading: 90, spanE: 40, spanN: 10 },
    { title: 'heading 180 is heading 0 turned round', heading: 180, spanE: 10, spanN: 40 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const corners = boxFootprint({ eastM: 100, northM: 200 }, 40, 10, c.heading);
      const es = corners.map((p) => p.eastM), ns = corners.map((p) => p.northM);
      expect(Math.max(...es) - Math.min(...es), c.title).toBeCloseTo(c.spanE, 6);
      expect(Math.max(...ns) - Math.min(...ns), c.title).toBeCloseTo(c.spanN, 6);
      expect(polygonAreaM2(corners), c.title).toBeCloseTo(400, 6);
    });
  }
  it('turns about its centre at 45°', () => {
    const corners = boxFootprint({ eastM: 0, northM: 0 }, 20, 20, 45);
    for (const p of corners) expect(Math.hypot(p.eastM, p.northM)).toBeCloseTo(Math.SQRT2 * 10, 6);
    expect(corners.some((p) => Math.abs(p.eastM) < 1e-9)).toBe(true);
  });
});

describe('circleFootprint', () => {
  it('has nearly the area of the circle', () => {
    const area = polygonAreaM2(circleFootprint({ eastM: 5, northM: 5 }, 10));
    expect(area / (Math.PI * 100)).toBeGreaterThan(0.98);
    expect(area / (Math.PI * 100)).toBeLessThan(1);
  });
});

describe('siteMapData: the demo park', () => {
  const data = siteMapData(park);
  it('has every road, area, gate, assembly point and sensor of the description', () => {
    expect(data.siteKind).toBe('chemical-park');
    expect(data.paths).toHaveLength(park.roads.edges.length);
    expect(data.paths.every((p) => p.kind === 'road' && p.path.length === 2)).toBe(true);
    const count = (k: string) => data.areas.filter((a) => a.kind === k).length;
    expect(count('enterprise')).toBe(park.enterprises.length);
    expect(count('building')).toBe(park.buildings.length);
    expect(count('dike')).toBe(park.dikes.length);
    expect(count('equipment')).toBe(park.equipment.length);
    expect(data.pois.filter((p) => p.kind === 'gate')).toHaveLength(park.gates.length);
    expect(data.pois.filter((p) => p.kind === 'assembly-point')).toHaveLength(park.assemblyPoints.length);
    expect(data.sensors).toHaveLength(park.sensors.length);
    expect(data.sensors.every((s, i) => s.index === i && s.deviceId === park.sensors[i]!.id)).toBe(true);
  });

  it('keeps only the sensors the user may see, indexed afresh', () => {
    const own = new Set(park.sensors.filter((s) => s.enterpriseId === 'CP-E2').map((s) => s.id));
    const scoped = siteMapData(park, (id) => own.has(id));
    expect(scoped.sensors).toHaveLength(own.size);
    expect(scoped.sensors.every((s, i) => s.index === i && own.has(s.deviceId))).toBe(true);
  });

  it('places a sensor where the description has it', () => {
    const s = park.sensors[17]!;
    const [lonDeg, latDeg] = data.sensors[17]!.position;
    const back = lonLatToEnu(park.origin, { lonDeg, latDeg });
    expect(back.eastM).toBeCloseTo(s.position.eastM, 2);
    expect(back.northM).toBeCloseTo(s.position.northM, 2);
  });

  it('sizes an assembly point by its capacity at 0.5 m² a person', () => {
    const ap = park.assemblyPoints[0]!;
    const poi = data.pois.find((p) => p.id === ap.id)!;
    expect(Math.PI * poi.radiusM ** 2).toBeCloseTo(ap.capacityPersons * 0.5, 6);
  });

  it('draws plots before what stands on them', () => {
    const firstNonPlot = data.areas.findIndex((a) => a.kind !== 'enterprise');
    expect(data.areas.slice(0, firstNonPlot).every((a) => a.kind === 'enterprise')).toBe(true);
    expect(data.areas.slice(firstNonPlot).some((a) => a.kind === 'enterprise')).toBe(false);
  });

  it('bounds everything', () => {
    const [[w, s], [e, n]] = data.bounds;
    for (const p of [...data.sensors.map((x) => x.position), ...data.boundary]) {
      expect(p[0]).toBeGreaterThanOrEqual(w);
      expect(p[0]).toBeLessThanOrEqual(e);
      expect(p[1]).toBeGreaterThanOrEqual(s);
      expect(p[1]).toBeLessThanOrEqual(n);
    }
  });
});

describe('siteMapData: the demo mine', () => {
  const data = siteMapData(mine);
  it('draws roadways as paths and shafts as points at their collars', () => {
    const shafts = mine.roadways.edges.filter((r) => r.kind === 'shaft');
    expect(data.paths).toHaveLength(mine.roadways.edges.length - shafts.length);
    expect(data.pois.filter((p) => p.kind === 'shaft').map((p) => p.id).sort()).toEqual(shafts.map((s) => s.id).sort());
    // The main shaft's collar is the site origin.
    const main = data.pois.find((p) => p.id === 'CM-R-01')!;
    expect(main.position[0]).toBeCloseTo(mine.origin.lonDeg, 9);
    expect(main.position[1]).toBeCloseTo(mine.origin.latDeg, 9);
  });

  it('has the refuge chambers and no enterprise plots', () => {
    expect(data.pois.filter((p) => p.kind === 'refuge-chamber')).toHaveLength(mine.refugeChambers.length);
    expect(data.areas).toHaveLength(0);
  });

  it('fits the view to the workings, not the much larger lease', () => {
    const span = (b: typeof data.bounds) => (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]);
    expect(span(data.viewBounds)).toBeLessThan(span(data.bounds) * 0.6);
    for (const p of data.paths.flatMap((x) => x.path)) {
      expect(p[0]).toBeGreaterThanOrEqual(data.viewBounds[0][0]);
      expect(p[1]).toBeLessThanOrEqual(data.viewBounds[1][1]);
    }
  });

  it('keeps the roadway kind for styling', () => {
    expect(data.paths.find((p) => p.id === 'CM-R-14')?.kind).toBe('longwall-face');
  });
});

describe('boundsOf', () => {
  it('refuses nothing to bound', () => expect(() => boundsOf([[]])).toThrow(/no positions/));
});
