import { describe, expect, it } from 'vitest';
import { buildChemicalPark } from './sites/chemical-park/index.ts';
import { buildCoalMine } from './sites/coal-mine/index.ts';
import { SiteValidationError, parseSite, parseSites } from './validate.ts';
import { demoSites, getDemoSite } from './demo-sites.ts';

/** A fresh, mutable copy of a demo description. */
const park = (): any => structuredClone(buildChemicalPark());
const mine = (): any => structuredClone(buildCoalMine());

function errorOf(fn: () => unknown): SiteValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SiteValidationError) return e;
    throw e;
  }
  throw new Error('expected a SiteValidationError');
}

describe('the demo descriptions validate', () => {
  it('park and mine parse on their own and together', () => {
    expect(parseSite(buildChemicalPark()).kind).toBe('chemical-park');
    expect(parseSite(buildCoalMine()).kind).toBe('coal-mine');
    expect(parseSites([buildChemicalPark(), buildCoalMine()]).map((s) => s.id)).toEqual(['cp-nanjing', 'cm-yangquan']);
  });

  it('demoSites() is cached, frozen and findable by id', () => {
    const a = demoSites();
    expect(a.map((s) => s.id)).toEqual(['cp-nanjing', 'cm-yangquan']);
    expect(demoSites()[0]).toBe(a[0]);
    expect(Object.isFrozen(a[0]!.sensors[0]!.position)).toBe(true);
    expect(getDemoSite('cm-yangquan')?.kind).toBe('coal-mine');
    expect(getDemoSite('nope')).toBeUndefined();
  });
});

describe('a broken description names the path of the bad field', () => {
  const CASES: Array<{ title: string; build: () => unknown; expected: string[] }> = [
    {
      title: 'wrong type deep inside (set-point as a string)',
      build: () => { const s = park(); s.sensors[12].setpoints.high = 'high'; return s; },
      expected: ['sensors[12].setpoints.high: expected number, received string'],
    },
    {
      title: 'missing field in a pipe segment',
      build: () => { const s = park(); delete s.pipes.segments[7].diameterMm; return s; },
      expected: ['pipes.segments[7].diameterMm: expected number'],
    },
    {
      title: 'unknown chemical',
      build: () => { const s = park(); s.equipment[3].chemical = 'Xe2'; return s; },
      expected: ['equipment[3].chemical:'],
    },
    {
      title: 'a pipe naming an unknown node',
      build: () => { const s = park(); s.pipes.segments[5].to = 'CP-N-9999'; return s; },
      expected: ["pipes.segments[5].to: unknown pipe node 'CP-N-9999'"],
    },
    {
      title: 'a sensor of an unknown enterprise',
      build: () => { const s = park(); s.sensors[3].enterpriseId = 'CP-E99'; return s; },
      expected: ["sensors[3].enterpriseId: unknown enterprise 'CP-E99'"],
    },
    {
      title: 'a sensor on unknown equipment',
      build: () => { const s = park(); s.sensors[0].equipmentId = 'CP-E1-TK-99'; return s; },
      expected: ["sensors[0].equipmentId: unknown equipment 'CP-E1-TK-99'"],
    },
    {
      title: 'duplicate equipment id',
      build: () => { const s = park(); s.equipment[1].id = s.equipment[0].id; return s; },
      expected: ["equipment[1].id: duplicate equipment id 'CP-E1-TK-01' (first at equipment[0])"],
    },
    {
      title: 'duplicate device id between a sensor and a valve',
      build: () => { const s = park(); const v = s.pipes.valves.find((x: any) => x.deviceId); v.deviceId = s.sensors[4].id; return s; },
      expected: [`duplicate device id`, 'sensors[4].id'],
    },
    {
      title: 'valve on a node that is not a valve node',
      build: () => { const s = park(); s.pipes.valves[0].nodeId = s.pipes.nodes.find((n: any) => n.kind === 'junction').id; return s; },
      expected: ['pipes.valves[0].nodeId: node', 'not a valve node'],
    },
    {
      title: 'pipe shorter than the distance between its nodes',
      build: () => { const s = park(); s.pipes.segments[2].lengthM = 0.1; return s; },
      expected: ['pipes.segments[2].lengthM: 0.1 m is shorter than'],
    },
    {
      title: 'set-points out of order',
      build: () => { const s = park(); s.sensors[0].setpoints.highHigh = 0.1; return s; },
      expected: ['sensors[0].setpoints.highHigh: highHigh (0.1) must be above high (0.3)'],
    },
    {
      title: 'metric unit that contradicts its name',
      build: () => { const s = park(); s.sensors[0].metrics.cl2_ppm.unit = 'mg/m³'; return s; },
      expected: ["sensors[0].metrics.cl2_ppm.unit: unit 'mg/m³' does not match"],
    },
    {
      title: 'set-point metric the sensor does not report',
      build: () => { const s = park(); s.sensors[0].setpoints.metric = 'h2s_ppm'; return s; },
      expected: ["sensors[0].setpoints.metric: set-point metric 'h2s_ppm' is not one of the sensor's metrics"],
    },
    {
      title: 'remote valve without a device id',
      build: () => { const s = park(); const i = s.pipes.valves.findIndex((v: any) => v.actuation === 'remote'); s.pipes.valves[i].deviceId = null; return s; },
      expected: ['.deviceId: remote valves need a deviceId'],
    },
    {
      title: 'unknown site kind',
      build: () => { const s = park(); s.kind = 'oil-rig'; return s; },
      expected: ['kind:'],
    },
    {
      title: 'unknown extra field',
      build: () => { const s = park(); s.equipment[0].colour = 'red'; return s; },
      expected: ['equipment[0]: Unrecognized key: "colour"'],
    },
    {
      title: 'mine roadway from an unknown node',
      build: () => { const s = mine(); s.roadways.edges[4].from = 'CM-N-X'; return s; },
      expected: ["roadways.edges[4].from: unknown roadway node 'CM-N-X'"],
    },
    {
      title: 'methane power cut naming intrinsically-safe equipment',
      build: () => { const s = mine(); const safe = s.equipment.find((e: any) => e.intrinsicallySafe).id; s.sensors[0].powerCut.equipmentIds.push(safe); return s; },
      expected: ['sensors[0].powerCut.equipmentIds[', 'intrinsically safe'],
    },
    {
      title: 'duplicate miner tag',
      build: () => { const s = mine(); s.miners[5].tagDeviceId = s.miners[4].tagDeviceId; return s; },
      expected: ['miners[5].tagDeviceId: duplicate device id', 'miners[4].tagDeviceId'],
    },
    {
      title: 'UWB anchor in a ventilation duct',
      build: () => { const s = mine(); s.uwbAnchors[0].roadwayId = 'CM-R-22'; return s; },
      expected: ["uwbAnchors[0].roadwayId: 'CM-R-22' is a ventilation duct"],
    },
    {
      title: 'negative depth typo: latitude out of range',
      build: () => { const s = mine(); s.origin.latDeg = 137.9; return s; },
      expected: ['origin.latDeg:'],
    },
  ];

  for (const c of CASES) {
    it(c.title, () => {
      const err = errorOf(() => parseSite(c.build()));
      expect(err.code).toBe('twin-models:invalid-site');
      for (const text of c.expected) expect(err.message, c.title).toContain(text);
      expect(err.issues.length, c.title).toBeGreaterThan(0);
    });
  }

  it('parseSites prefixes paths with sites[i]', () => {
    const s = park();
    s.sensors[12].setpoints.high = 'x';
    const err = errorOf(() => parseSites([s, mine()]));
    expect(err.message).toContain('sites[0].sensors[12].setpoints.high: expected number');
  });

  it('parseSite takes a path prefix', () => {
    const s = mine();
    s.miners[2].team = 7;
    expect(errorOf(() => parseSite(s, { path: ['sites', 1] })).message).toContain('sites[1].miners[2].team: expected string');
  });

  it('device ids must be unique across sites', () => {
    const m = mine();
    m.miners[0].tagDeviceId = 'CP-E1-GT-001';
    const err = errorOf(() => parseSites([park(), m]));
    expect(err.message).toContain("sites[1].miners[0].tagDeviceId: duplicate device id 'CP-E1-GT-001' (also used at sites[0].sensors[");
  });

  it('site ids must be unique', () => {
    expect(errorOf(() => parseSites([park(), park()])).message).toContain("sites[1].id: duplicate site id 'cp-nanjing'");
  });
});
