import { describe, expect, it } from 'vitest';
import { deviceCatalogue, parseSite } from '@safetwin/twin-models';
import { syntheticMine, WALL_BENCH_SIZE } from './synthetic-mine.ts';

describe('syntheticMine', () => {
  it('has the benchmark size, passes the site schema and gives every device a catalogue entry', () => {
    const site = syntheticMine(WALL_BENCH_SIZE);
    expect(site.sensors).toHaveLength(10_000);
    expect(site.miners).toHaveLength(500);
    const catalogue = deviceCatalogue(parseSite(site));
    expect(new Set(site.sensors.map((s) => s.id)).size).toBe(10_000);
    for (const sensor of site.sensors) expect(catalogue.has(sensor.id)).toBe(true);
    for (const miner of site.miners) expect(catalogue.get(miner.tagDeviceId)?.kind).toBe('uwb-tag');
  });
  it('never shrinks the demo mine', () => {
    const site = syntheticMine({ sensors: 1, people: 0 });
    expect(site.sensors.length).toBeGreaterThanOrEqual(57);
    expect(site.miners.length).toBe(64);
  });
});
