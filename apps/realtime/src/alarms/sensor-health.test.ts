import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@safetwin/twin-models';
import type { AlarmPoint } from './alarm-engine.ts';
import { SensorHealthMonitor, stuckRuleApplies } from './sensor-health.ts';

const GAS: DeviceInfo = { deviceId: 'GT-1', siteId: 's', enterpriseId: 'E1', kind: 'gas-flammable', intervalMs: 1000, metrics: { lel_pct: { unit: '%LEL', minValue: 0, maxValue: 100 } } };

/** A sink that records the active alarm kinds. */
function sink() {
  const active = new Set<string>();
  const log: string[] = [];
  const key = (p: Pick<AlarmPoint, 'deviceId' | 'metric' | 'kind'>) => `${p.deviceId}/${p.metric}/${p.kind}`;
  return {
    active,
    log,
    isActive: (p: AlarmPoint) => active.has(key(p)),
    setCondition(p: AlarmPoint, on: boolean) {
      if (on) active.add(key(p));
      else active.delete(key(p));
      log.push(`${on ? '+' : '-'}${p.kind}`);
    },
  };
}
const at = (value: number, ts: number) => [{ deviceId: 'GT-1', ts, seq: ts, values: { lel_pct: value } }];

describe('SensorHealthMonitor', () => {
  it('raises stale after 3 silent intervals and clears when data returns', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    m.observe(at(1, 0), 0);
    m.checkStale(2_999);
    expect(s.active.has('GT-1/*/stale')).toBe(false);
    m.checkStale(3_001);
    expect(s.active.has('GT-1/*/stale')).toBe(true);
    m.observe(at(1.1, 3_500), 3_500);
    expect(s.active.has('GT-1/*/stale')).toBe(false);
  });

  it('raises stuck on a flat line held for 10 min, but not on clean air at zero', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    for (let t = 0; t <= 600_000; t += 1000) m.observe(at(0, t), t);
    expect(s.active.has('GT-1/lel_pct/stuck')).toBe(false);
    for (let t = 601_000; t <= 1_202_000; t += 1000) m.observe(at(3.7, t), t);
    expect(s.active.has('GT-1/lel_pct/stuck')).toBe(true);
    m.observe(at(3.8, 1_203_000), 1_203_000);
    expect(s.active.has('GT-1/lel_pct/stuck')).toBe(false);
  });

  it('never calls a valve position, a power state or a tag stuck: they hold still by nature', () => {
    const VALVE: DeviceInfo = { deviceId: 'XV-1', siteId: 's', enterpriseId: 'E1', kind: 'valve-actuator', intervalMs: 1000, metrics: { open_pct: { unit: '%', minValue: 0, maxValue: 100 } } };
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['XV-1', VALVE]]), s, 0);
    for (let t = 0; t <= 1_200_000; t += 1000) m.observe([{ deviceId: 'XV-1', ts: t, seq: t, values: { open_pct: 100 } }], t);
    expect([...s.active]).toEqual([]);
    expect(stuckRuleApplies({ kind: 'power-switch' }, 'powered')).toBe(false);
    expect(stuckRuleApplies({ kind: 'uwb-tag' }, 'east_m')).toBe(false);
    expect(stuckRuleApplies({ kind: 'gas-ch4' }, 'ch4_pct')).toBe(true);
  });

  it('raises jump on an implausible step between consecutive readings, and clears on the next sane one', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    m.observe(at(1, 0), 0);
    m.observe(at(80, 1000), 1000);
    expect(s.active.has('GT-1/lel_pct/jump')).toBe(true);
    m.observe(at(79, 2000), 2000);
    expect(s.active.has('GT-1/lel_pct/jump')).toBe(false);
    m.observe(at(10, 60_000), 60_000); // a big change after a long gap is not a jump
    expect(s.active.has('GT-1/lel_pct/jump')).toBe(false);
  });

  it('raises out-of-range for a refused reading and clears on the next valid one', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    m.outOfRange('GT-1', 'lel_pct', 140);
    expect(s.active.has('GT-1/lel_pct/out-of-range')).toBe(true);
    m.observe(at(2, 0), 0);
    expect(s.active.has('GT-1/lel_pct/out-of-range')).toBe(false);
    expect(s.log).toEqual(['+out-of-range', '-out-of-range']);
  });

  it('keeps out-of-range while a saturated gas detector reads its range top (the copy ingest passes on), clears below it', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    m.outOfRange('GT-1', 'lel_pct', 115);
    m.observe(at(100, 0), 0);
    expect(s.active.has('GT-1/lel_pct/out-of-range')).toBe(true);
    m.observe(at(99, 1000), 1000);
    expect(s.active.has('GT-1/lel_pct/out-of-range')).toBe(false);
  });

  it('turns a device that never reports stale once the start-up grace and 3 intervals have passed', () => {
    const s = sink();
    const m = new SensorHealthMonitor(new Map([['GT-1', GAS]]), s, 0);
    m.checkStale(62_000);
    expect(s.active.has('GT-1/*/stale')).toBe(false);
    m.checkStale(63_001);
    expect(s.active.has('GT-1/*/stale')).toBe(true);
  });
});
