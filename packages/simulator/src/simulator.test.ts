import { describe, expect, it, beforeAll } from 'vitest';
import type { Reading } from '@safetwin/protocol';
import { demoSites, deviceCatalogue } from '@safetwin/twin-models';
import type { Site } from '@safetwin/twin-models';
import { createSimulator } from './simulator.ts';
import { setpointBand } from './sensor-params.ts';
import { SimulatorError } from './errors.ts';

const SITES = demoSites();
const MINE = SITES.find((s) => s.kind === 'coal-mine')!;
const PARK = SITES.find((s) => s.kind === 'chemical-park')!;
const CATALOGUE = new Map(SITES.flatMap((s) => [...deviceCatalogue(s)]));
const SENSORS = new Map(SITES.flatMap((s) => s.sensors.map((x) => [x.id, x] as const)));
/** 2025-07-01 00:00 UTC = 08:00 in Nanjing: a summer day, so daily cycles and the sun are in play. */
const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);

/** Ticks a simulator from `from` to `to` (inclusive) in steps of `stepMs`, collecting the readings. */
function run(sim: ReturnType<typeof createSimulator>, from: number, to: number, stepMs: number): Reading[] {
  const out: Reading[] = [];
  for (let t = from; t <= to; t += stepMs) for (const r of sim.tick(t)) out.push(r);
  return out;
}

/** Readings per device, in order. */
function groupByDevice(readings: Reading[]): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const r of readings) {
    const list = out.get(r.deviceId);
    if (list) list.push(r);
    else out.set(r.deviceId, [r]);
  }
  return out;
}

describe('createSimulator: determinism', () => {
  it('gives the same readings for the same seed and clock, and different ones for another seed', () => {
    const a = run(createSimulator({ sites: SITES, startMs: T0, seed: 42 }), T0, T0 + 30_000, 100);
    const b = run(createSimulator({ sites: SITES, startMs: T0, seed: 42 }), T0, T0 + 30_000, 100);
    const c = run(createSimulator({ sites: SITES, startMs: T0, seed: 43 }), T0, T0 + 30_000, 100);
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('takes its start from the injected clock', () => {
    let now = T0;
    const sim = createSimulator({ sites: [MINE], now: () => now, seed: 1 });
    now += 2000;
    const readings = sim.tick(now);
    expect(readings.length).toBeGreaterThan(0);
    for (const r of readings) expect(r.ts).toBeGreaterThanOrEqual(T0);
  });
});

describe('createSimulator: catalogue, ranges and rates over a simulated minute', () => {
  let readings: Reading[] = [];
  beforeAll(() => {
    const sim = createSimulator({ sites: SITES, startMs: T0, seed: 5, faultRatePerDeviceHour: 0 });
    readings = run(sim, T0, T0 + 59_999, 100);
  });

  it('sends only catalogued devices, with exactly their metrics, inside the physical ranges', () => {
    const problems: string[] = [];
    for (const r of readings) {
      const info = CATALOGUE.get(r.deviceId);
      if (!info) {
        problems.push(`${r.deviceId}: not in the catalogue`);
        continue;
      }
      const names = Object.keys(r.values).sort().join(',');
      if (names !== Object.keys(info.metrics).sort().join(',')) problems.push(`${r.deviceId}: metrics ${names}`);
      for (const [name, v] of Object.entries(r.values)) {
        const spec = info.metrics[name];
        if (!spec || !Number.isFinite(v) || v < spec.minValue || v > spec.maxValue) problems.push(`${r.deviceId} ${name}=${v} outside its range`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('reports every device at its interval (±10 %), with consecutive seq and rising sensor time', () => {
    const byDevice = groupByDevice(readings);
    expect(byDevice.size).toBe(CATALOGUE.size);
    for (const [id, rs] of byDevice) {
      const expected = 60_000 / CATALOGUE.get(id)!.intervalMs;
      expect(Math.abs(rs.length - expected), `${id}: ${rs.length} readings, expected ${expected}`).toBeLessThanOrEqual(Math.max(0.1 * expected, 0));
      const gaps = rs.filter((r, i) => r.seq !== i || !Number.isInteger(r.ts) || (i > 0 && r.ts - rs[i - 1]!.ts !== CATALOGUE.get(id)!.intervalMs));
      expect(gaps, id).toEqual([]);
    }
  });
});

describe('createSimulator: normal running stays inside the alarm set-points', () => {
  /** Checks each reading against the set-points of its sensor; returns the breaches. */
  function breaches(readings: Reading[]): string[] {
    const out: string[] = [];
    for (const r of readings) {
      const s = SENSORS.get(r.deviceId);
      if (!s?.setpoints) continue;
      const m = s.setpoints.metric;
      const v = r.values[m]!;
      const { lower, upper } = setpointBand(s, m);
      if ((upper !== null && v >= upper) || (lower !== null && v <= lower)) out.push(`${r.deviceId} ${m}=${v} outside (${lower}, ${upper}) at ${new Date(r.ts).toISOString()}`);
    }
    return out;
  }

  const CASES = [
    { title: 'summer day, 1 min steps', startMs: T0, spanMs: 24 * 3_600_000, stepMs: 60_000 },
    { title: 'winter day, 1 min steps', startMs: Date.UTC(2025, 0, 15), spanMs: 24 * 3_600_000, stepMs: 60_000 },
    { title: '10 minutes at full rate', startMs: T0 + 6 * 3_600_000, spanMs: 10 * 60_000, stepMs: 200 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const sim = createSimulator({ sites: SITES, startMs: c.startMs, seed: 11, faultRatePerDeviceHour: 0, maxCatchUpMs: 0 });
      const readings = run(sim, c.startMs, c.startMs + c.spanMs, c.stepMs);
      expect(readings.length, c.title).toBeGreaterThan(100_000);
      expect(breaches(readings), c.title).toEqual([]);
    });
  }

  it('catches a breach when one is planted (the check can fail)', () => {
    const s = [...SENSORS.values()].find((x) => x.setpoints?.metric === 'lel_pct')!;
    const planted: Reading = { deviceId: s.id, ts: T0, seq: 0, values: { lel_pct: s.setpoints!.high! } };
    expect(breaches([planted])).toHaveLength(1);
  });
});

describe('createSimulator: weather', () => {
  it('changes smoothly, keeps wind under its set-point and follows the daily cycle', () => {
    const sim = createSimulator({ sites: [PARK], startMs: T0, seed: 2, faultRatePerDeviceHour: 0, maxCatchUpMs: 0 });
    const station = PARK.sensors.find((s) => s.kind === 'weather')!;
    const windLimit = setpointBand(station, 'wind_speed_ms').upper!;
    const fine = run(sim, T0, T0 + 10 * 60_000, 1000).filter((r) => r.deviceId === station.id);
    for (let i = 1; i < fine.length; i++) {
      const d = Math.abs(((fine[i]!.values.wind_dir_deg! - fine[i - 1]!.values.wind_dir_deg! + 540) % 360) - 180);
      expect(d, 'wind direction step per second').toBeLessThan(20);
      expect(Math.abs(fine[i]!.values.air_temp_c! - fine[i - 1]!.values.air_temp_c!)).toBeLessThan(0.6);
    }
    const day = run(sim, T0 + 10 * 60_000, T0 + 24 * 3_600_000, 10 * 60_000).filter((r) => r.deviceId === station.id);
    const temps = day.map((r) => r.values.air_temp_c!);
    expect(Math.max(...temps) - Math.min(...temps)).toBeGreaterThan(5);
    const warmest = day[temps.indexOf(Math.max(...temps))]!;
    const localHour = (new Date(warmest.ts).getUTCHours() + 8) % 24;
    expect(localHour).toBeGreaterThanOrEqual(12);
    expect(localHour).toBeLessThanOrEqual(18);
    for (const r of [...fine, ...day]) expect(r.values.wind_speed_ms!).toBeLessThan(windLimit);
    const night = day.filter((r) => (new Date(r.ts).getUTCHours() + 8) % 24 < 4);
    for (const r of night) expect(r.values.solar_rad_w_m2).toBe(0);
    expect(sim.weather(PARK.id)?.windSpeedMS).toBeGreaterThanOrEqual(0);
  });
});

describe('createSimulator: commands', () => {
  const valve = PARK.pipes.valves.find((v) => v.actuation === 'remote' && v.normallyOpen)!;
  const cmd = (deviceId: string, action: 'valve.close' | 'valve.open' | 'power.cut' | 'power.restore', siteId: string) => ({ id: `c-${deviceId}-${action}`, siteId, deviceId, action, issuedAt: T0 });

  it('closes a valve: open_pct goes to 0 within its stroke time, the next report comes at once', () => {
    const sim = createSimulator({ sites: SITES, startMs: T0, seed: 3, faultRatePerDeviceHour: 0 });
    run(sim, T0, T0 + 5000, 100);
    const ack = sim.applyCommand(cmd(valve.deviceId!, 'valve.close', PARK.id), T0 + 5000);
    expect(ack).toMatchObject({ id: `c-${valve.deviceId}-valve.close`, ok: true });
    const after = run(sim, T0 + 5100, T0 + 30_000, 100).filter((r) => r.deviceId === valve.deviceId);
    expect(after[0]!.ts).toBeLessThanOrEqual(T0 + 5000 + 1);
    const closedAt = after.find((r) => r.values.open_pct === 0)!;
    expect(closedAt.ts - (T0 + 5000)).toBeLessThanOrEqual((valve.strokeTimeS ?? 10) * 1000 + valve.intervalMs);
    const moving = after.filter((r) => r.values.open_pct! > 0 && r.values.open_pct! < 100);
    expect(moving.length, 'the valve reports intermediate positions while it strokes').toBeGreaterThan(0);
    expect(after.at(-1)!.values.open_pct).toBe(0);
    expect(sim.applyCommand(cmd(valve.deviceId!, 'valve.open', PARK.id), T0 + 30_000).ok).toBe(true);
    const reopened = run(sim, T0 + 30_100, T0 + 50_000, 100).filter((r) => r.deviceId === valve.deviceId);
    expect(reopened.at(-1)!.values.open_pct).toBe(100);
  });

  it('stops the flow on lines whose valves are closed', () => {
    const sim = createSimulator({ sites: [PARK], startMs: T0, seed: 3, faultRatePerDeviceHour: 0 });
    run(sim, T0, T0 + 2000, 100);
    for (const v of PARK.pipes.valves) if (v.deviceId) sim.applyCommand(cmd(v.deviceId, 'valve.close', PARK.id), T0 + 2000);
    const flows = run(sim, T0 + 2100, T0 + 20_000, 100).filter((r) => r.ts > T0 + 15_000 && 'flow_kg_s' in r.values);
    const stopped = new Set(flows.filter((r) => r.values.flow_kg_s === 0).map((r) => r.deviceId));
    expect(stopped.size).toBeGreaterThan(0);
  });

  it('cuts and restores mine power, refuses a restore while methane is high (lock-out)', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 3, faultRatePerDeviceHour: 0 });
    const shearer = MINE.equipment.find((e) => e.kind === 'shearer')!;
    const faceCh4 = MINE.sensors.find((s) => s.placement === 'longwall-face')!;
    run(sim, T0, T0 + 2000, 100);
    expect(sim.applyCommand(cmd(shearer.deviceId, 'power.cut', MINE.id), T0 + 2000).ok).toBe(true);
    const cut = run(sim, T0 + 2100, T0 + 4000, 100).filter((r) => r.deviceId === shearer.deviceId);
    expect(cut[0]!.values.powered).toBe(0);
    sim.stage({ kind: 'methane-rise', sensorId: faceCh4.id, peakPct: 1.8, durationS: 100 }, T0 + 4000);
    run(sim, T0 + 4100, T0 + 54_000, 100);
    const refused = sim.applyCommand(cmd(shearer.deviceId, 'power.restore', MINE.id), T0 + 54_000);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/locked out/);
    run(sim, T0 + 54_100, T0 + 120_000, 100);
    expect(sim.applyCommand(cmd(shearer.deviceId, 'power.restore', MINE.id), T0 + 120_000).ok).toBe(true);
    const back = run(sim, T0 + 120_100, T0 + 122_000, 100).filter((r) => r.deviceId === shearer.deviceId);
    expect(back[0]!.values.powered).toBe(1);
  });

  const REFUSALS = [
    { title: 'unknown device', deviceId: 'NO-SUCH-DEVICE', action: 'valve.close' as const, siteId: PARK.id, message: /unknown device/ },
    { title: 'wrong site', deviceId: valve.deviceId!, action: 'valve.close' as const, siteId: MINE.id, message: /belongs to site/ },
    { title: 'a sensor', deviceId: PARK.sensors[0]!.id, action: 'valve.close' as const, siteId: PARK.id, message: /no remote commands/ },
    { title: 'action the device lacks', deviceId: valve.deviceId!, action: 'power.cut' as const, siteId: PARK.id, message: /does not support/ },
    { title: 'main fan (fan–power interlock)', deviceId: MINE.equipment.find((e) => e.kind === 'main-fan')!.deviceId, action: 'power.cut' as const, siteId: MINE.id, message: /no remote commands/ },
  ];
  for (const c of REFUSALS) {
    it(`refuses: ${c.title}`, () => {
      const sim = createSimulator({ sites: SITES, startMs: T0 });
      const ack = sim.applyCommand(cmd(c.deviceId, c.action, c.siteId));
      expect(ack.ok, c.title).toBe(false);
      expect(ack.id).toBe(`c-${c.deviceId}-${c.action}`);
      expect(ack.message, c.title).toMatch(c.message);
    });
  }
});

describe('createSimulator: scenarios', () => {
  it('methane-rise ramps one CH4 sensor to its peak and back', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 9, faultRatePerDeviceHour: 0 });
    const sensor = MINE.sensors.find((s) => s.placement === 'upper-corner')!;
    const staged = sim.stage({ kind: 'methane-rise', sensorId: sensor.id, peakPct: 1.6, durationS: 120 }, T0 + 10_000);
    expect(staged).toMatchObject({ siteId: MINE.id, startMs: T0 + 10_000, endMs: T0 + 130_000 });
    expect(sim.staged()).toHaveLength(1);
    const rs = run(sim, T0, T0 + 200_000, 250).filter((r) => r.deviceId === sensor.id);
    const ch4 = (from: number, to: number) => rs.filter((r) => r.ts >= from && r.ts < to).map((r) => r.values.ch4_pct!);
    const peak = Math.max(...ch4(T0 + 10_000, T0 + 130_000));
    expect(peak).toBeGreaterThan(1.5);
    expect(peak).toBeLessThan(1.7);
    expect(Math.max(...ch4(T0, T0 + 10_000))).toBeLessThan(0.6);
    expect(Math.max(...ch4(T0 + 131_000, T0 + 200_000))).toBeLessThan(0.6);
    // Other sensors are unaffected.
    const other = MINE.sensors.find((s) => s.placement === 'main-return')!;
    const quiet = run(createSimulator({ sites: [MINE], startMs: T0, seed: 9, faultRatePerDeviceHour: 0 }), T0, T0 + 200_000, 250).filter((r) => r.deviceId === other.id);
    expect(Math.max(...quiet.map((r) => r.values.ch4_pct!))).toBeLessThan(0.5);
  });

  it('keeps a methane rise staged ahead when another is staged before it starts', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 9, faultRatePerDeviceHour: 0 });
    const sensor = MINE.sensors.find((s) => s.placement === 'upper-corner')!;
    sim.stage({ kind: 'methane-rise', sensorId: sensor.id, peakPct: 1.6, durationS: 20 }, T0 + 10_000);
    sim.stage({ kind: 'methane-rise', sensorId: sensor.id, peakPct: 2.4, durationS: 20 }, T0 + 30_000);
    const rs = run(sim, T0, T0 + 60_000, 250).filter((r) => r.deviceId === sensor.id);
    const peak = (from: number, to: number) => Math.max(...rs.filter((r) => r.ts >= from && r.ts < to).map((r) => r.values.ch4_pct!));
    expect(peak(T0 + 10_000, T0 + 30_000)).toBeGreaterThan(1.5);
    expect(peak(T0 + 30_000, T0 + 50_000)).toBeGreaterThan(2.3);
  });

  it('refuses bad scenarios with coded errors', () => {
    const sim = createSimulator({ sites: SITES, startMs: T0 });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        expect(err).toBeInstanceOf(SimulatorError);
        return (err as SimulatorError).code;
      }
      return 'no error';
    };
    expect(code(() => sim.stage({ kind: 'leak', siteId: PARK.id, equipmentId: 'x', chemical: 'Cl2', rateKgS: 1, durationS: 60 }))).toBe('simulator:unknown-device');
    expect(code(() => sim.stage({ kind: 'methane-rise', sensorId: 'NO-SUCH-SENSOR', peakPct: 1, durationS: 60 }))).toBe('simulator:unknown-device');
    expect(code(() => sim.stage({ kind: 'methane-rise', sensorId: PARK.sensors[0]!.id, peakPct: 1, durationS: 60 }))).toBe('simulator:wrong-device');
    const ch4 = MINE.sensors.find((s) => s.kind === 'gas-ch4')!.id;
    expect(code(() => sim.stage({ kind: 'methane-rise', siteId: PARK.id, sensorId: ch4, peakPct: 1, durationS: 60 }))).toBe('simulator:wrong-site');
    expect(code(() => sim.stage({ kind: 'methane-rise', sensorId: ch4, peakPct: 1, durationS: 0 }))).toBe('simulator:bad-scenario');
    expect(code(() => sim.stage({ kind: 'methane-rise', sensorId: MINE.sensors.find((s) => s.kind === 'gas-ch4')!.id, peakPct: -1, durationS: 60 }))).toBe('simulator:bad-scenario');
    expect(code(() => sim.stage({ kind: 'boom' } as never))).toBe('simulator:bad-scenario');
  });
});

describe('createSimulator: faults', () => {
  it('injects and logs every fault kind at a high rate over a simulated hour, and the readings show them', () => {
    const sites: Site[] = [MINE];
    const sim = createSimulator({ sites, startMs: T0, seed: 4, faultRatePerDeviceHour: 3 });
    const readings = run(sim, T0, T0 + 3_600_000, 1000);
    const faults = sim.faults();
    const kinds = new Set(faults.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['dropout', 'spike', 'stuck']);
    const byDevice = groupByDevice(readings);
    for (const f of faults) {
      expect(CATALOGUE.has(f.deviceId)).toBe(true);
      const rs = (byDevice.get(f.deviceId) ?? []).filter((r) => r.ts >= f.startMs && r.ts <= Math.min(f.endMs, T0 + 3_600_000));
      if (f.kind === 'dropout') expect(rs, `dropout ${f.deviceId}`).toEqual([]);
      if (f.kind === 'stuck') for (const r of rs) expect(r.values, `stuck ${f.deviceId}`).toEqual(rs[0]!.values);
      if (f.kind === 'spike') {
        expect(rs[0]!.ts).toBe(f.startMs);
        expect(rs[0]!.values[f.metric!]).toBe(f.value);
        const spec = CATALOGUE.get(f.deviceId)!.metrics[f.metric!]!;
        expect(f.value!).toBeGreaterThanOrEqual(spec.minValue);
        expect(f.value!).toBeLessThanOrEqual(spec.maxValue);
      }
    }
    // Roughly the asked rate: 3 per device-hour over the fault-prone devices (sensors and tags).
    const prone = MINE.sensors.length + MINE.miners.length;
    expect(faults.length).toBeGreaterThan(prone * 1);
    expect(faults.length).toBeLessThan(prone * 4);
  });

  it('injects none when the rate is 0', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 4, faultRatePerDeviceHour: 0 });
    run(sim, T0, T0 + 600_000, 1000);
    expect(sim.faults()).toEqual([]);
  });
});
