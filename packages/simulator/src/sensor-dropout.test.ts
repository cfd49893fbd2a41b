import { describe, expect, it } from 'vitest';
import type { Reading } from '@safetwin/protocol';
import { demoSites } from '@safetwin/twin-models';
import { createSimulator } from './simulator.ts';
import type { Simulator } from './simulator.ts';
import { SimulatorError } from './errors.ts';

const SITES = demoSites();
const MINE = SITES.find((s) => s.kind === 'coal-mine')!;
const PARK = SITES.find((s) => s.kind === 'chemical-park')!;
/** 2025-07-01 00:00 UTC. */
const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const SENSOR = MINE.sensors.find((s) => s.placement === 'upper-corner')!.id;
const NEIGHBOUR = MINE.sensors.find((s) => s.placement === 'main-return')!.id;
const DROP_FROM = T0 + 5000;
const DROP_TO = T0 + 15_000;

/** Ticks from `from` to `to` (inclusive) every `stepMs`, collecting the readings. */
function run(sim: Simulator, from: number, to: number, stepMs: number): Reading[] {
  const out: Reading[] = [];
  for (let t = from; t <= to; t += stepMs) for (const r of sim.tick(t)) out.push(r);
  return out;
}

/** Readings of one device with sensor time in [from, to). */
const of = (rs: Reading[], deviceId: string, from = -Infinity, to = Infinity) => rs.filter((r) => r.deviceId === deviceId && r.ts >= from && r.ts < to);

/** The error code `f` throws, or 'no error'. */
function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(SimulatorError);
    return (err as SimulatorError).code;
  }
  return 'no error';
}

describe('createSimulator: sensor-dropout scenario', () => {
  it('silences one device for the duration, then it resumes at its interval with its seq running on', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 5, faultRatePerDeviceHour: 0 });
    const staged = sim.stage({ kind: 'sensor-dropout', siteId: MINE.id, deviceId: SENSOR, durationS: 10 }, DROP_FROM);
    expect(staged).toEqual({ id: expect.stringMatching(/^scenario-\d+$/), siteId: MINE.id, scenario: { kind: 'sensor-dropout', siteId: MINE.id, deviceId: SENSOR, durationS: 10 }, startMs: DROP_FROM, endMs: DROP_TO });
    expect(sim.staged()).toEqual([staged]);
    const rs = run(sim, T0, T0 + 30_000, 250);
    expect(of(rs, SENSOR, T0, DROP_FROM).length).toBeGreaterThanOrEqual(4);
    expect(of(rs, SENSOR, DROP_FROM, DROP_TO)).toEqual([]);
    const after = of(rs, SENSOR, DROP_TO);
    expect(after.length).toBeGreaterThanOrEqual(14);
    expect(after[0]!.ts - DROP_TO).toBeLessThan(1000);
    const seqs = of(rs, SENSOR).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // The neighbour keeps reporting through the silence.
    expect(of(rs, NEIGHBOUR, DROP_FROM, DROP_TO).length).toBeGreaterThanOrEqual(9);
  });

  it('changes nothing for the other devices', () => {
    const plain = run(createSimulator({ sites: [MINE], startMs: T0, seed: 5 }), T0, T0 + 30_000, 500);
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 5 });
    sim.stage({ kind: 'sensor-dropout', deviceId: SENSOR, durationS: 10 }, DROP_FROM);
    const dropped = run(sim, T0, T0 + 30_000, 500);
    expect(dropped.filter((r) => r.deviceId !== SENSOR)).toEqual(plain.filter((r) => r.deviceId !== SENSOR));
    expect(of(dropped, SENSOR).length).toBeLessThan(of(plain, SENSOR).length - 8);
  });

  it('clears a random stuck fault in progress and starts none during the silence, so the drill stays clean', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 6, faultRatePerDeviceHour: 60, faultKinds: ['stuck'] });
    // Run until the sensor is stuck (a fault a minute on average, lasting 2–10 min).
    let t = T0;
    const stuckNow = () => sim.faults().some((f) => f.deviceId === SENSOR && f.endMs > t + 60_000);
    while (!stuckNow() && t < T0 + 3_600_000) run(sim, (t += 1000), t, 1000);
    expect(stuckNow()).toBe(true);
    const from = t + 1000;
    const to = from + 10_000;
    sim.stage({ kind: 'sensor-dropout', deviceId: SENSOR, durationS: 10 }, from);
    const rs = run(sim, from, to + 20_000, 250);
    expect(of(rs, SENSOR, from, to)).toEqual([]);
    expect(sim.faults().filter((f) => f.deviceId === SENSOR && f.startMs >= from && f.startMs < to)).toEqual([]);
    // Live values after the silence, not the stuck line from before.
    const after = of(rs, SENSOR, to).map((r) => r.values.ch4_pct);
    expect(after.length).toBeGreaterThan(15);
    expect(new Set(after).size).toBeGreaterThan(1);
  });

  it('works for a weather station and a miner tag, and overlapping dropouts extend the silence', () => {
    const sim = createSimulator({ sites: SITES, startMs: T0, seed: 7, faultRatePerDeviceHour: 0 });
    const station = PARK.sensors.find((s) => s.kind === 'weather')!.id;
    const tag = MINE.miners[0]!.tagDeviceId;
    sim.stage({ kind: 'sensor-dropout', deviceId: station, durationS: 10 }, DROP_FROM);
    sim.stage({ kind: 'sensor-dropout', deviceId: tag, durationS: 4 }, DROP_FROM);
    sim.stage({ kind: 'sensor-dropout', deviceId: tag, durationS: 6 }, DROP_FROM + 4000);
    const rs = run(sim, T0, T0 + 20_000, 500);
    expect(of(rs, station, DROP_FROM, DROP_TO)).toEqual([]);
    expect(of(rs, tag, DROP_FROM, DROP_TO)).toEqual([]);
    expect(of(rs, station, DROP_TO).length).toBeGreaterThan(3);
    expect(of(rs, tag, DROP_TO).length).toBeGreaterThan(3);
    expect(sim.staged().map((s) => s.id)).toEqual(['scenario-1', 'scenario-2', 'scenario-3']);
  });

  it('refuses unknown devices, devices of another site, actuators and bad durations with coded errors', () => {
    const sim = createSimulator({ sites: SITES, startMs: T0 });
    const valve = PARK.pipes.valves.find((v) => v.deviceId)!.deviceId!;
    expect(codeOf(() => sim.stage({ kind: 'sensor-dropout', deviceId: 'NO-SUCH-DEVICE', durationS: 5 }))).toBe('simulator:unknown-device');
    expect(codeOf(() => sim.stage({ kind: 'sensor-dropout', siteId: PARK.id, deviceId: SENSOR, durationS: 5 }))).toBe('simulator:wrong-site');
    expect(codeOf(() => sim.stage({ kind: 'sensor-dropout', deviceId: valve, durationS: 5 }))).toBe('simulator:wrong-device');
    for (const durationS of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(() => sim.stage({ kind: 'sensor-dropout', deviceId: SENSOR, durationS })), String(durationS)).toBe('simulator:bad-scenario');
    }
    expect(sim.staged()).toEqual([]);
  });
});
