import { describe, expect, it } from 'vitest';
import type { Reading } from '@safetwin/protocol';
import { demoSites, planIsolation, type ChemicalPark } from '@safetwin/twin-models';
import { createSimulator } from '../simulator.ts';
import { leakIsolation } from './leak-isolation.ts';

// A staged pipe leak stops feeding once the valves that isolate its segment are shut: the trapped
// inventory drains and the cloud clears, long before the scenario's end; without the valves it goes on.
const PARK = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const T0 = Date.UTC(2026, 0, 15, 2, 0);
const RATE_KG_S = 5;
const SEED = 5;
const STAGE_AT = T0 + 10_000;

/** The wind at the staging time of the seeded runs, degrees from. */
function windAtStage(): number {
  const sim = createSimulator({ sites: [PARK], startMs: T0, seed: SEED, faultRatePerDeviceHour: 0 });
  for (let t = T0; t <= STAGE_AT; t += 1000) sim.tick(t);
  return sim.weather(PARK.id)!.windFromDeg;
}

/**
 * A segment whose best isolation is remote valves only, with little trapped (drains within a
 * minute or two), and a detector of its chemical 50–300 m downwind of it in the seeded wind.
 */
function pickSegment(windFromDeg = windAtStage()) {
  const toward = ((windFromDeg + 180) * Math.PI) / 180;
  const nodes = new Map(PARK.pipes.nodes.map((n) => [n.id, n.position]));
  for (const s of PARK.pipes.segments) {
    const a = nodes.get(s.from)!, b = nodes.get(s.to)!;
    const mid = { eastM: (a.eastM + b.eastM) / 2, northM: (a.northM + b.northM) / 2 };
    const downwind = PARK.sensors.some((x) => {
      if (!x.kind.startsWith('gas-') || x.setpoints?.metric !== `${s.chemical.toLowerCase()}_ppm`) return false;
      const e = x.position.eastM - mid.eastM, n = x.position.northM - mid.northM;
      const along = e * Math.sin(toward) + n * Math.cos(toward), across = Math.abs(n * Math.sin(toward) - e * Math.cos(toward));
      return along > 50 && along < 300 && across < 0.15 * along;
    });
    if (!downwind) continue;
    const plan = planIsolation(PARK, { kind: 'pipe-segment', id: s.id }, { leakRateKgS: RATE_KG_S });
    const best = plan.alternatives[0];
    if (plan.isolable && best && best.valves.length > 0 && best.valves.every((v) => v.deviceId !== null) && best.trappedInventoryKg < 300) return { segment: s, best };
  }
  throw new Error('no suitable segment');
}

function run(closeValves: boolean) {
  const { segment, best } = pickSegment();
  const sim = createSimulator({ sites: [PARK], startMs: T0, seed: SEED, faultRatePerDeviceHour: 0, leak: { faultChance: 0 } });
  const readings: Reading[] = [];
  const stageAt = STAGE_AT, closeAt = stageAt + 60_000, until = stageAt + 900_000;
  let staged = null;
  for (let t = T0; t <= until; t += 1000) {
    if (t === stageAt) staged = sim.stage({ kind: 'leak', siteId: PARK.id, equipmentId: segment.id, chemical: segment.chemical, rateKgS: RATE_KG_S, durationS: 1800 }, t);
    if (t === closeAt && closeValves) {
      for (const v of best.valves) expect(sim.applyCommand({ id: `c-${v.valveId}`, siteId: PARK.id, deviceId: v.deviceId!, action: 'valve.close', issuedAt: t }, t).ok).toBe(true);
    }
    readings.push(...sim.tick(t));
  }
  return { readings, staged: staged!, closeAt, best, segment };
}

const SETPOINT_HIGH = new Map(PARK.sensors.flatMap((x) => (x.kind.startsWith('gas-') && x.setpoints?.high != null ? [[x.id, { metric: x.setpoints.metric, high: x.setpoints.high }] as const] : [])));

/** Gas readings at or after `fromMs` more than 10 % of the detector's high set-point above the leak-free run's. */
function gasAbove(rs: readonly Reading[], quiet: ReadonlyMap<string, Reading>, fromMs: number): Reading[] {
  return rs.filter((r) => {
    const sp = SETPOINT_HIGH.get(r.deviceId);
    const q = quiet.get(`${r.deviceId}@${r.ts}`);
    if (r.ts < fromMs || !sp || !q || r.values[sp.metric] === undefined) return false;
    return r.values[sp.metric]! - (q.values[sp.metric] ?? 0) > 0.1 * sp.high;
  });
}

describe('staged leak and isolation', () => {
  it('works out when the valves isolate the item and when its trapped inventory has drained', () => {
    const { segment, best } = pickSegment();
    const shutAt = new Map(best.valves.map((v) => [v.valveId, 1000]));
    const iso = leakIsolation(PARK, { kind: 'pipe-segment', id: segment.id }, RATE_KG_S, (id) => shutAt.get(id) ?? null)!;
    expect(iso.isolatedAtMs).toBe(1000);
    expect(iso.trappedKg).toBeCloseTo(best.trappedInventoryKg, 6);
    expect(iso.trappedKg).toBeGreaterThan(0);
    expect(iso.endMs).toBe(iso.isolatedAtMs + Math.round((iso.trappedKg / RATE_KG_S) * 1000));
    expect(leakIsolation(PARK, { kind: 'pipe-segment', id: segment.id }, RATE_KG_S, () => null), 'nothing shut').toBeNull();
  });

  it('the cloud clears after the isolating valves close; without them the detectors still read gas', () => {
    const isolated = run(true);
    const open = run(false);
    const quietSim = createSimulator({ sites: [PARK], startMs: T0, seed: SEED, faultRatePerDeviceHour: 0, leak: { faultChance: 0 } });
    const quiet = new Map<string, Reading>();
    for (let t = T0; t <= isolated.closeAt + 840_000; t += 1000) for (const r of quietSim.tick(t)) quiet.set(`${r.deviceId}@${r.ts}`, r);
    expect(gasAbove(isolated.readings, quiet, 0).length, 'the leak reaches detectors before the valves close').toBeGreaterThan(0);
    const from = isolated.closeAt + 600_000; // 10 min after the valves: drained and blown away
    expect(gasAbove(open.readings, quiet, from).length, 'the leak goes on without isolation').toBeGreaterThan(0);
    expect(gasAbove(isolated.readings, quiet, from), 'no detector reads gas once the isolated leak has drained').toEqual([]);
  }, 120_000);
});
