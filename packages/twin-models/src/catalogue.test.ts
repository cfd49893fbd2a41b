import { describe, expect, it } from 'vitest';
import { commandTargets, deviceCatalogue } from './catalogue.ts';
import { demoSites } from './demo-sites.ts';
import { unitsForMetric } from './metrics.ts';

const sites = demoSites();

/** Every device a site should list, derived from the description itself. */
function expectedDevices(site: (typeof sites)[number]): Array<[string, string]> {
  const out: Array<[string, string]> = site.sensors.map((s) => [s.id, s.kind]);
  if (site.kind === 'chemical-park') for (const v of site.pipes.valves) if (v.deviceId) out.push([v.deviceId, 'valve-actuator']);
  if (site.kind === 'coal-mine') {
    for (const e of site.equipment) out.push([e.deviceId, 'power-switch']);
    for (const m of site.miners) out.push([m.tagDeviceId, 'uwb-tag']);
  }
  return out;
}

describe('deviceCatalogue', () => {
  for (const site of sites) {
    it(`${site.id}: lists every telemetry device exactly once, and nothing else`, () => {
      const cat = deviceCatalogue(site);
      const expected = expectedDevices(site);
      expect(new Set(expected.map(([id]) => id)).size).toBe(expected.length);
      expect(cat.size).toBe(expected.length);
      for (const [id, kind] of expected) {
        const d = cat.get(id);
        expect(d, id).toBeDefined();
        expect(d!.kind, id).toBe(kind);
        expect(d!.siteId, id).toBe(site.id);
        expect(Object.keys(d!).sort(), id).toEqual(['deviceId', 'enterpriseId', 'intervalMs', 'kind', 'metrics', 'siteId']);
      }
      if (site.kind === 'chemical-park') {
        for (const v of site.pipes.valves.filter((x) => x.actuation === 'manual')) expect(cat.has(v.id), v.id).toBe(false);
      }
    });

    it(`${site.id}: gives every metric a unit matching its name and a physical range`, () => {
      for (const d of deviceCatalogue(site).values()) {
        expect(d.intervalMs, d.deviceId).toBeGreaterThan(0);
        for (const [name, m] of Object.entries(d.metrics)) {
          expect(unitsForMetric(name), `${d.deviceId} ${name}`).toContain(m.unit);
          expect(m.minValue, `${d.deviceId} ${name}`).toBeLessThan(m.maxValue);
        }
      }
    });
  }

  it('uses the physically possible ranges for the common metrics', () => {
    const CASES: Array<{ metric: string; min: number; max: number }> = [
      { metric: 'lel_pct', min: 0, max: 100 },
      { metric: 'o2_pct', min: 0, max: 100 },
      { metric: 'ch4_pct', min: 0, max: 100 },
      { metric: 'wind_dir_deg', min: 0, max: 360 },
      { metric: 'open_pct', min: 0, max: 100 },
      { metric: 'powered', min: 0, max: 1 },
      { metric: 'sos', min: 0, max: 1 },
      { metric: 'battery_pct', min: 0, max: 100 },
      { metric: 'level_pct', min: 0, max: 100 },
    ];
    const all = sites.flatMap((s) => [...deviceCatalogue(s).values()]);
    for (const c of CASES) {
      const specs = all.flatMap((d) => (d.metrics[c.metric] ? [d.metrics[c.metric]!] : []));
      expect(specs.length, c.metric).toBeGreaterThan(0);
      for (const s of specs) expect([s.minValue, s.maxValue], c.metric).toEqual([c.min, c.max]);
    }
    const processTemps = all.filter((d) => d.kind === 'temperature' && d.siteId === 'cp-nanjing').map((d) => d.metrics.temp_c!);
    for (const t of processTemps) expect(t.maxValue).toBe(1200);
    for (const t of processTemps) expect(t.minValue).toBeLessThanOrEqual(-60);
  });

  it('keeps set-points inside the range the hub will accept', () => {
    for (const site of sites) {
      const cat = deviceCatalogue(site);
      for (const s of site.sensors) {
        if (!s.setpoints) continue;
        const spec = cat.get(s.id)!.metrics[s.setpoints.metric]!;
        for (const x of [s.setpoints.lowLow, s.setpoints.low, s.setpoints.high, s.setpoints.highHigh]) {
          if (x === null) continue;
          expect(x, s.id).toBeGreaterThanOrEqual(spec.minValue);
          expect(x, s.id).toBeLessThanOrEqual(spec.maxValue);
        }
      }
    }
  });

  it('lets a miner’s tag report any position in the mine', () => {
    const mine = sites.find((s) => s.kind === 'coal-mine')!;
    if (mine.kind !== 'coal-mine') throw new Error('no mine');
    const tag = deviceCatalogue(mine).get(mine.miners[0]!.tagDeviceId)!;
    expect(Object.keys(tag.metrics).sort()).toEqual(['battery_pct', 'east_m', 'north_m', 'page_ack', 'sos', 'up_m']);
    for (const a of mine.uwbAnchors) {
      expect(a.position.eastM).toBeGreaterThan(tag.metrics.east_m!.minValue);
      expect(a.position.eastM).toBeLessThan(tag.metrics.east_m!.maxValue);
      expect(a.position.northM).toBeGreaterThan(tag.metrics.north_m!.minValue);
      expect(a.position.northM).toBeLessThan(tag.metrics.north_m!.maxValue);
      expect(a.position.upM).toBeGreaterThan(tag.metrics.up_m!.minValue);
      expect(a.position.upM).toBeLessThan(tag.metrics.up_m!.maxValue);
    }
  });

  it('keeps device ids unique across all sites', () => {
    const ids = sites.flatMap((s) => [...deviceCatalogue(s).keys()]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(500);
  });
});

describe('commandTargets', () => {
  it('offers valve.close/valve.open on every actuated valve of the park', () => {
    const park = sites.find((s) => s.kind === 'chemical-park')!;
    if (park.kind !== 'chemical-park') throw new Error('no park');
    const targets = commandTargets(park);
    const actuated = park.pipes.valves.filter((v) => v.actuation === 'remote');
    expect(targets.size).toBe(actuated.length);
    for (const v of actuated) {
      const t = targets.get(v.deviceId!)!;
      expect(t, v.id).toMatchObject({ targetType: 'valve', targetId: v.id, siteId: park.id, enterpriseId: v.enterpriseId });
      expect([...t.actions]).toEqual(['valve.close', 'valve.open']);
    }
  });

  it('offers power.cut/power.restore on remotely switchable mine equipment only', () => {
    const mine = sites.find((s) => s.kind === 'coal-mine')!;
    if (mine.kind !== 'coal-mine') throw new Error('no mine');
    const targets = commandTargets(mine);
    for (const e of mine.equipment) {
      const t = targets.get(e.deviceId);
      if (!e.remotePowerControl) expect(t, e.id).toBeUndefined();
      else expect(t && [...t.actions], e.id).toEqual(['power.cut', 'power.restore']);
    }
    // Every power-cut range of a methane sensor can be executed remotely.
    for (const s of mine.sensors) for (const id of s.powerCut?.equipmentIds ?? []) {
      expect(targets.get(mine.equipment.find((e) => e.id === id)!.deviceId), `${s.id} → ${id}`).toBeDefined();
    }
  });

  it('only targets devices that are in the catalogue', () => {
    for (const site of sites) {
      const cat = deviceCatalogue(site);
      for (const id of commandTargets(site).keys()) expect(cat.has(id), id).toBe(true);
    }
  });
});
