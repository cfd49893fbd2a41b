import { describe, expect, it } from 'vitest';
import type { Reading } from '@safetwin/protocol';
import { demoSites, type ChemicalPark, type Sensor } from '@safetwin/twin-models';
import { SimulatorError } from '../errors.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator.ts';

// A staged leak on the demo park through the engine: who reads the cloud, how much, when, and
// that the same seed stages the same leak.
const PARK = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const T0 = Date.UTC(2026, 0, 15, 2, 0); // 10:00 local solar time
const STAGE_AT = T0 + 10_000;
const FLAMMABLE = PARK.sensors.filter((s) => s.kind === 'gas-flammable');
const TANK = PARK.equipment.find((e) => e.id === 'CP-E4-TK-05')!; // C3H8 sphere in the LPG tank farm

/** Runs the park until `untilMs` with `leak` staged at STAGE_AT (by default from TANK). */
function simulate(options: Partial<SimulatorOptions>, leak: { rateKgS: number; durationS: number; equipmentId?: string; chemical?: string } | null, untilMs: number) {
  const sim = createSimulator({ sites: [PARK], startMs: T0, seed: 3, faultRatePerDeviceHour: 0, ...options, leak: { faultChance: 0, ...options.leak } });
  const readings: Reading[] = [];
  const weather: { tMs: number; windSpeedMS: number; windFromDeg: number; airTempC: number; airPressureHpa: number; solarRadWM2: number }[] = [];
  let staged = null;
  for (let t = T0; t <= untilMs; t += 1000) {
    if (t === STAGE_AT && leak) staged = sim.stage({ kind: 'leak', siteId: PARK.id, equipmentId: TANK.id, chemical: 'C3H8', ...leak });
    readings.push(...sim.tick(t));
    weather.push({ tMs: t, ...sim.weather(PARK.id)! });
  }
  return { sim, readings, weather, staged };
}

/** Readings by device, oldest first. */
function group(rs: readonly Reading[]): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const r of rs) {
    const list = out.get(r.deviceId);
    if (list) list.push(r);
    else out.set(r.deviceId, [r]);
  }
  return out;
}
/** Downwind and crosswind distance of a sensor from the tank for a wind from `fromDeg`. */
function plumeCoords(s: Sensor, fromDeg: number) {
  const b = ((fromDeg + 180) * Math.PI) / 180;
  const e = s.position.eastM - TANK.position.eastM, n = s.position.northM - TANK.position.northM;
  return { x: e * Math.sin(b) + n * Math.cos(b), y: n * Math.sin(b) - e * Math.cos(b), r: Math.hypot(e, n) };
}

describe('staged leak on the demo park', () => {
  const durationS = 120;
  const end = STAGE_AT + durationS * 1000;
  const untilMs = end + 240_000;
  const withLeak = simulate({}, { rateKgS: 20, durationS }, untilMs);
  const without = simulate({}, null, untilMs);
  const fromDeg = withLeak.weather.find((w) => w.tMs === STAGE_AT)!.windFromDeg;
  const leakGroups = group(withLeak.readings), quietGroups = group(without.readings);
  const byDevice = (groups: Map<string, Reading[]>, id: string) => groups.get(id) ?? [];

  it('trips the flammable detectors downwind, leaves those upwind and the other kinds as they were', () => {
    const tripped = FLAMMABLE.filter((s) => byDevice(leakGroups, s.id).some((r) => r.values.lel_pct! >= s.setpoints!.high!));
    expect(tripped.length).toBeGreaterThanOrEqual(8);
    for (const s of tripped) expect(plumeCoords(s, fromDeg).x, s.id).toBeGreaterThan(-40);
    const upwind = FLAMMABLE.filter((s) => plumeCoords(s, fromDeg).x < -100);
    expect(upwind.length).toBeGreaterThan(20);
    for (const s of upwind) expect(byDevice(leakGroups, s.id), s.id).toEqual(byDevice(quietGroups, s.id));
    for (const s of PARK.sensors.filter((x) => x.kind !== 'gas-flammable' && x.kind !== 'weather')) {
      expect(byDevice(leakGroups, s.id), s.id).toEqual(byDevice(quietGroups, s.id));
    }
    expect(withLeak.staged!.leak).toMatchObject({ sourceKind: 'equipment', source: { eastM: TANK.position.eastM, northM: TANK.position.northM, upM: 1 }, heightM: 1, massKg: 20 * durationS, detectorKinds: ['gas-flammable'], detectorCount: FLAMMABLE.length, faults: [] });
    expect(withLeak.staged!.endMs - withLeak.staged!.startMs).toBe(durationS * 1000);
  });

  it('builds up with the travel time and decays after the release ends', () => {
    const tripped = FLAMMABLE.filter((s) => byDevice(leakGroups, s.id).some((r) => r.values.lel_pct! >= s.setpoints!.high!));
    const far = tripped.map((s) => ({ s, ...plumeCoords(s, fromDeg) })).sort((a, b) => b.x - a.x)[0]!;
    expect(far.x).toBeGreaterThan(60);
    const u = withLeak.weather.find((w) => w.tMs === STAGE_AT)!.windSpeedMS;
    const rs = byDevice(leakGroups, far.s.id);
    const first = rs.find((r) => r.values.lel_pct! >= far.s.setpoints!.high!)!;
    // The transport wind at the release height is below the 10 m wind: not before ~x/u10 × 0.6.
    expect(first.ts - STAGE_AT).toBeGreaterThan((0.6 * far.x * 1000) / u);
    const normalMax = Math.max(...byDevice(quietGroups, far.s.id).map((r) => r.values.lel_pct!));
    const late = rs.filter((r) => r.ts > end + 180_000);
    expect(late.length).toBeGreaterThan(30);
    for (const r of late) expect(r.values.lel_pct).toBeLessThanOrEqual(normalMax);
  });

  it('adds the response noise about the noise-free reading (the field itself is checked against the plume engine in leak-field.test.ts)', () => {
    const quiet = { meanderDeg: 0, gustFraction: 0 };
    // Methane from its tank in the E6 yard: a passive plume reads every level; a dense cloud's top hat reads full scale
    // or nothing once its gravity current has spread (leak-field.ts), too few readings in the detectors' range.
    const methane = { rateKgS: 5, durationS: 300, equipmentId: 'CP-E6-TK-02', chemical: 'CH4' };
    const clean = simulate({ leak: { ...quiet, noiseFraction: 0 } }, methane, STAGE_AT + 300_000);
    const noisy = simulate({ leak: { ...quiet, noiseFraction: 0.1 } }, methane, STAGE_AT + 300_000);
    const quietGroups = group(without.readings);
    const ratios: number[] = [];
    const cleanGroups = group(clean.readings), noisyGroups = group(noisy.readings);
    for (const s of FLAMMABLE) {
      const base = quietGroups.get(s.id) ?? [];
      (cleanGroups.get(s.id) ?? []).forEach((r, k) => {
        const gas = r.values.lel_pct! - base[k]!.values.lel_pct!;
        // Well inside the range (no saturation) and well above the rounding.
        if (gas > 3 && r.values.lel_pct! < 80) ratios.push((noisyGroups.get(s.id)![k]!.values.lel_pct! - base[k]!.values.lel_pct!) / gas);
      });
    }
    expect(ratios.length).toBeGreaterThanOrEqual(80);
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / ratios.length);
    expect(mean).toBeGreaterThan(0.98);
    expect(mean).toBeLessThan(1.02);
    expect(sd).toBeGreaterThan(0.08);
    expect(sd).toBeLessThan(0.12);
  });
});

describe('staged leak: seeds and faults', () => {
  const stageAndRun = (seed: number, faultChance: number) => {
    const sim = createSimulator({ sites: [PARK], startMs: T0, seed, faultRatePerDeviceHour: 0, leak: { faultChance } });
    sim.tick(T0);
    const staged = sim.stage({ kind: 'leak', siteId: PARK.id, equipmentId: 'CP-E1-TK-01', chemical: 'Cl2', rateKgS: 5, durationS: 240 }, T0 + 1000);
    const readings: Reading[] = [];
    for (let t = T0 + 1000; t <= T0 + 480_000; t += 1000) readings.push(...sim.tick(t));
    const cl2 = new Set(PARK.sensors.filter((s) => s.kind === 'gas-cl2').map((s) => s.id));
    return { staged, readings: readings.filter((r) => cl2.has(r.deviceId)) };
  };

  it('stages the same leak for the same seed, and another for another seed', () => {
    const a = stageAndRun(11, 0.2), b = stageAndRun(11, 0.2), c = stageAndRun(12, 0.2);
    expect(a.staged).toEqual(b.staged);
    expect(a.readings).toEqual(b.readings);
    expect(c.staged.leak!.faults).not.toEqual(a.staged.leak!.faults);
    expect(c.readings).not.toEqual(a.readings);
    expect(Math.max(...a.readings.map((r) => r.values.cl2_ppm!))).toBeGreaterThan(0.6);
  });

  it('gives detectors seeded stuck and silent spells, recorded in the truth', () => {
    const { staged, readings } = stageAndRun(5, 0.5);
    const faults = staged.leak!.faults;
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(['stuck', 'silent']));
    for (const f of faults) {
      expect(f.endMs - f.startMs).toBeGreaterThanOrEqual(30_000);
      expect(f.endMs - f.startMs).toBeLessThanOrEqual(180_000);
      expect(f.startMs).toBeGreaterThanOrEqual(staged.startMs);
      expect(f.startMs).toBeLessThanOrEqual(staged.endMs);
      const during = readings.filter((r) => r.deviceId === f.deviceId && r.ts >= f.startMs && r.ts < f.endMs);
      if (f.kind === 'silent') expect(during, f.deviceId).toEqual([]);
      else expect(new Set(during.map((r) => r.values.cl2_ppm)).size, f.deviceId).toBe(1);
      expect(readings.some((r) => r.deviceId === f.deviceId && r.ts >= f.endMs), f.deviceId).toBe(true);
    }
  });
});

describe('staged leak: what is refused', () => {
  const sim: Simulator = createSimulator({ sites: demoSites(), startMs: T0 });
  const leak = (over: Record<string, unknown>) => ({ kind: 'leak' as const, siteId: PARK.id, equipmentId: 'CP-E1-TK-01', chemical: 'Cl2', rateKgS: 1, durationS: 60, ...over });
  const refusal = (over: Record<string, unknown>) => {
    try {
      sim.stage(leak(over));
    } catch (err) {
      expect(err).toBeInstanceOf(SimulatorError);
      return `${(err as SimulatorError).code} ${(err as Error).message}`;
    }
    return 'staged';
  };

  it('answers with coded errors naming the field', () => {
    expect(refusal({ equipmentId: 'NO-SUCH' })).toMatch(/^simulator:unknown-device equipmentId: .*NO-SUCH/);
    expect(refusal({ chemical: 'NH3' })).toMatch(/^simulator:bad-scenario chemical: .*holds Cl2, not NH3/);
    expect(refusal({ chemical: 'XYZ' })).toMatch(/^simulator:bad-scenario chemical: /);
    expect(refusal({ equipmentId: 'CP-E1-CR-01' })).toMatch(/^simulator:wrong-device equipmentId: .*holds no chemical/);
    expect(refusal({ heightM: 50 })).toMatch(/^simulator:bad-scenario heightM: /);
    expect(refusal({ rateKgS: 0 })).toMatch(/^simulator:bad-scenario rateKgS/);
    expect(refusal({ durationS: -1 })).toMatch(/^simulator:bad-scenario durationS/);
    expect(refusal({ siteId: demoSites().find((s) => s.kind === 'coal-mine')!.id })).toMatch(/^simulator:wrong-site siteId: /);
    expect(sim.staged()).toEqual([]);
  });

  it('stages a leak at a pipe segment at the pipe’s height', () => {
    const segment = PARK.pipes.segments.find((s) => s.chemical === 'NH3')!;
    const staged = sim.stage(leak({ equipmentId: segment.id, chemical: 'NH3' }));
    expect(staged.leak!.sourceKind).toBe('pipe-segment');
    expect(staged.leak!.enterpriseId).toBe(segment.enterpriseId);
    const nodes = [segment.from, segment.to].map((id) => PARK.pipes.nodes.find((n) => n.id === id)!.position);
    expect(staged.leak!.source.upM).toBeCloseTo((nodes[0]!.upM + nodes[1]!.upM) / 2, 9);
    expect(staged.leak!.detectorKinds.sort()).toEqual(['gas-flammable', 'gas-nh3']);
  });

  it('places the hole along a pipe segment, within its length', () => {
    // The longest NH3 line: a leak near its first node is hundreds of metres from its middle.
    const nodeAt = (id: string) => PARK.pipes.nodes.find((n) => n.id === id)!.position;
    const lengthOf = (s: (typeof PARK.pipes.segments)[number]) => Math.hypot(nodeAt(s.to).eastM - nodeAt(s.from).eastM, nodeAt(s.to).northM - nodeAt(s.from).northM);
    const segment = PARK.pipes.segments.filter((s) => s.chemical === 'NH3').sort((a, b) => lengthOf(b) - lengthOf(a))[0]!;
    const [a, b] = [nodeAt(segment.from), nodeAt(segment.to)];
    const lengthM = lengthOf(segment);
    expect(lengthM).toBeGreaterThan(200);
    const staged = sim.stage(leak({ equipmentId: segment.id, chemical: 'NH3', alongM: 20 }));
    const f = 20 / lengthM;
    expect(staged.leak!.source.eastM).toBeCloseTo(a.eastM + f * (b.eastM - a.eastM), 9);
    expect(staged.leak!.source.northM).toBeCloseTo(a.northM + f * (b.northM - a.northM), 9);
    expect(staged.leak!.source.upM).toBeCloseTo(a.upM + f * (b.upM - a.upM), 9);
    expect(refusal({ equipmentId: segment.id, chemical: 'NH3', alongM: lengthM + 1 })).toMatch(new RegExp(`^simulator:bad-scenario alongM: pipe segment '${segment.id}' is [0-9.]+ m long`));
    expect(refusal({ alongM: 1 })).toMatch(/^simulator:bad-scenario alongM: 'CP-E1-TK-01' is equipment/);
  });
});
