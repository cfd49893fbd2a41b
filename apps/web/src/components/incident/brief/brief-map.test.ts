import { describe, expect, it } from 'vitest';
import type { FireBrigadeBrief } from '@safetwin/protocol';
import { FIXTURE_PARK, fixtureIncident, parkPlace } from '../../../live/incident-fixture.ts';
import { briefMap } from './brief-map.ts';

const incident = fixtureIncident(1_700_000_000_000);
const source = incident.assessment!.source.chosen.place;
const gate = FIXTURE_PARK.gates[0]!;
const brief = {
  location: { label: 'sphere', place: source, nearestGate: null, nearestRoad: null, description: '' },
  accessRoute: {
    gate: { id: gate.id, label: gate.name.en, place: parkPlace(gate.position.eastM, gate.position.northM), distanceM: 900 },
    staging: { id: 'stage', label: 'staging', place: parkPlace(-600, -500), distanceM: 700 },
    lengthM: 900,
    roads: [],
    pathLonLat: [],
    pathEnu: [[gate.position.eastM, gate.position.northM], [-600, -500]],
    reason: '',
  },
} as unknown as FireBrigadeBrief;

const parse = (points: string) => points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);

describe('briefMap', () => {
  const map = briefMap(FIXTURE_PARK, brief, incident.assessment, 720, 420, 16);

  it('fits the fence, the source and the access route inside the box, north up', () => {
    for (const [x, y] of [...parse(map.boundary), ...parse(map.access!), map.source]) {
      expect(x).toBeGreaterThanOrEqual(15.9);
      expect(x).toBeLessThanOrEqual(704.1);
      expect(y).toBeGreaterThanOrEqual(15.9);
      expect(y).toBeLessThanOrEqual(404.1);
    }
    // The gate is on the south fence: lower on the page than the source further north.
    expect(map.gate![1]).toBeGreaterThan(map.source[1]);
  });

  it('draws the zones widest first in their colours, and the park’s roads', () => {
    expect(map.zones.map((z) => z.level)).toEqual(['aegl-1', 'aegl-2', 'aegl-3']);
    expect(map.zones[2]!.css).toBe('rgb(235, 40, 40)');
    expect(map.roads).toHaveLength(FIXTURE_PARK.roads.edges.length);
    expect(map.scale!.widthPx).toBeLessThanOrEqual(180);
  });

  it('has no route, gate or staging without an access route', () => {
    const bare = briefMap(FIXTURE_PARK, { ...brief, accessRoute: null }, null, 720, 420);
    expect([bare.access, bare.gate, bare.staging, bare.zones.length]).toEqual([null, null, null, 0]);
  });
});
