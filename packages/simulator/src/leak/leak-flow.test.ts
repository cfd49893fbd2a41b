import { describe, expect, it } from 'vitest';
import { leakFlowGain } from '@safetwin/sim';
import { demoSites, meteredLine, type ChemicalPark } from '@safetwin/twin-models';
import { createSimulator } from '../simulator.ts';

// A staged leak on a metered line moves its flow transmitter by the share of the leak the line's
// upstream end supplies (@safetwin/sim leakFlowGain): up when the hole is downstream of it, down
// when upstream; the same seed without the leak gives the transmitter's own signal to compare with.
const PARK = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const T0 = Date.UTC(2026, 0, 15, 2, 0);
const STAGE_AT = T0 + 10_000;
const DURATION_S = 60;
const METER = 'CP-PK-FT-003';

/** The transmitter's flow readings (time → kg/s) with a leak of `rateKgS` at the middle of `segmentId`, or none. */
function flowOf(segmentId: string | null, rateKgS: number): Map<number, number> {
  const sim = createSimulator({ sites: [PARK], startMs: T0, seed: 5, faultRatePerDeviceHour: 0, leak: { faultChance: 0 } });
  const out = new Map<number, number>();
  for (let t = T0; t <= STAGE_AT + (DURATION_S + 30) * 1000; t += 500) {
    if (t === STAGE_AT && segmentId) sim.stage({ kind: 'leak', siteId: PARK.id, equipmentId: segmentId, chemical: 'NH3', rateKgS, durationS: DURATION_S }, t);
    for (const r of sim.tick(t)) if (r.deviceId === METER && r.values.flow_kg_s !== undefined) out.set(r.ts, r.values.flow_kg_s);
  }
  return out;
}

/** Mean difference of two series over [fromMs, toMs). */
function meanShift(a: Map<number, number>, b: Map<number, number>, fromMs: number, toMs: number): number {
  const d = [...a].filter(([t]) => t >= fromMs && t < toMs && b.has(t)).map(([t, v]) => v - b.get(t)!);
  return d.reduce((s, x) => s + x, 0) / d.length;
}

describe('a staged leak and the flow transmitters of its line', () => {
  const quiet = flowOf(null, 0);
  // The corridor's ammonia line: CP-L-0044 — CP-L-0045 (the transmitter) — CP-L-0046, one run between branches.
  const line = meteredLine(PARK, 'CP-L-0046')!;
  const gainAt = (segmentId: string) => {
    const l = meteredLine(PARK, segmentId)!;
    return leakFlowGain(l.lengthM, (l.fromAtM + l.toAtM) / 2, l.meters.find((m) => m.id === METER)!.atM);
  };

  it('reads more when the hole is downstream of it and less when upstream, by the hole\'s split of the rate', () => {
    expect(line.meters.map((m) => m.id)).toContain(METER);
    const [down, up] = [gainAt('CP-L-0046'), gainAt('CP-L-0044')];
    expect(down).toBeGreaterThan(0);
    expect(up).toBeLessThan(0);
    expect(down - up).toBeLessThan(1);
    for (const [segmentId, gain] of [['CP-L-0046', down], ['CP-L-0044', up]] as const) {
      const leak = flowOf(segmentId, 0.4);
      // The channel rounds each reading, so the mean shift is the gain × rate to within the rounding.
      expect(meanShift(leak, quiet, STAGE_AT, STAGE_AT + DURATION_S * 1000), segmentId).toBeCloseTo(gain * 0.4, 2);
      expect(meanShift(leak, quiet, T0, STAGE_AT), segmentId).toBe(0);
      expect(meanShift(leak, quiet, STAGE_AT + DURATION_S * 1000, STAGE_AT + (DURATION_S + 30) * 1000), segmentId).toBe(0);
    }
  });

  it('leaves it as it was for a leak on another line', () => {
    expect(meteredLine(PARK, 'CP-L-0038')?.meters.some((m) => m.id === METER) ?? false).toBe(false);
    expect(meanShift(flowOf('CP-L-0038', 0.4), quiet, STAGE_AT, STAGE_AT + DURATION_S * 1000)).toBe(0);
  });
});
