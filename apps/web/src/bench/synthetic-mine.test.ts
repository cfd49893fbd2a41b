import { describe, expect, it } from 'vitest';
import { deviceCatalogue, parseSite } from '@safetwin/twin-models';
import { syntheticMine, WALL_BENCH_SIZE } from './synthetic-mine.ts';

describe('syntheticMine', () => {
  it('has the benchmark size, passes the site schema and gives every device a catalogue entry', () => {
    const site = syntheticMine(WALL_BENCH_SIZE);
    expect(site.sensors).toHaveLength(10_000);
    expect(site.miners).toHaveLength(500);
    const parsed = parseSite(site);
    const catalogue = deviceCatalogue(parsed);
    expect(new Set(site.sensors.map((s) => s.id)).size).toBe(10_000);
    for (const sensor of site.sensors) expect(catalogue.has(sensor.id)).toBe(true);
    for (const miner of site.miners) expect(catalogue.get(miner.tagDeviceId)?.kind).toBe('uwb-tag');
  });
  it('places clones on their roadway, between its end nodes', () => {
    const site = syntheticMine({ sensors: 400, people: 0 });
    const nodes = new Map(site.roadways.nodes.map((n) => [n.id, n.position]));
    for (const sensor of site.sensors.filter((s) => s.id.startsWith('SYN-'))) {
      const edge = site.roadways.edges.find((e) => e.id === sensor.roadwayId)!;
      const [a, b] = [nodes.get(edge.from)!, nodes.get(edge.to)!];
      expect(sensor.position.eastM).toBeGreaterThanOrEqual(Math.min(a.eastM, b.eastM) - 1e-6);
      expect(sensor.position.eastM).toBeLessThanOrEqual(Math.max(a.eastM, b.eastM) + 1e-6);
      expect(sensor.powerCut).toBeUndefined();
    }
  });
  it('is deterministic and refuses nonsense sizes', () => {
    expect(syntheticMine({ sensors: 300, people: 80 })).toEqual(syntheticMine({ sensors: 300, people: 80 }));
    expect(() => syntheticMine({ sensors: -1, people: 0 })).toThrow(RangeError);
  });
});
