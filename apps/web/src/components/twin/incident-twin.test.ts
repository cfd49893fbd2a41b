import { describe, expect, it } from 'vitest';
import { fixtureIncident } from '../../live/incident-fixture.ts';
import { zoneRgb } from '../map/threat-zone-layers.ts';
import { buildIncidentGroup } from './incident-twin-group.ts';
import { ROUTE_HEIGHT_M, candidateRingM, ribbonPositions, routeRibbons, twinZones } from './incident-twin.ts';

const incident = fixtureIncident(1_700_000_000_000);

describe('incident in the twin', () => {
  it('lays the zones at grade, red over orange over yellow (higher and drawn later)', () => {
    const zones = twinZones(incident);
    expect(zones.map((z) => z.rgb)).toEqual([zoneRgb('yellow'), zoneRgb('orange'), zoneRgb('red')]);
    for (let k = 1; k < zones.length; k++) {
      expect(zones[k]!.heightM).toBeGreaterThan(zones[k - 1]!.heightM);
      expect(zones[k]!.renderOrder).toBeGreaterThan(zones[k - 1]!.renderOrder);
    }
  });

  it('makes a ribbon of the right width along a path, in scene coordinates (z = −north)', () => {
    const p = ribbonPositions([[0, 0], [0, 100]], 6, 1);
    expect(p).toHaveLength(18);
    const xs = [], zs = [];
    for (let i = 0; i < p.length; i += 3) {
      xs.push(p[i]!);
      zs.push(p[i + 2]!);
      expect(p[i + 1]).toBe(1);
    }
    expect(Math.min(...xs)).toBe(-3);
    expect(Math.max(...xs)).toBe(3);
    expect(Math.min(...zs)).toBe(-100);
  });

  it('routes every evacuating group with chevrons, at route height', () => {
    const all = routeRibbons(incident);
    const plainLegs = incident.assessment!.evacuation!.groups.filter((g) => g.route).reduce((n, g) => n + g.route!.pathEnu.length - 1, 0);
    expect(all.length).toBeGreaterThan(plainLegs * 18);
    expect(all[1]).toBeCloseTo(ROUTE_HEIGHT_M, 5);
  });

  it('builds one object per zone, the routes, assembly points, candidates (beacon on the first) and valves', () => {
    const group = buildIncidentGroup(incident);
    const names = group.children.map((c) => c.name);
    expect(names.filter((n) => n.startsWith('zone-'))).toEqual(['zone-aegl-1', 'zone-aegl-2', 'zone-aegl-3']);
    expect(names).toContain('routes');
    expect(names.filter((n) => n.startsWith('assembly-'))).toHaveLength(incident.assessment!.evacuation!.assemblyPoints.length);
    expect(names.filter((n) => n.startsWith('candidate-'))).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('valve-'))).toHaveLength(incident.valves.length);
    expect(candidateRingM(1)).toBeGreaterThan(candidateRingM(0.1));
  });
});
