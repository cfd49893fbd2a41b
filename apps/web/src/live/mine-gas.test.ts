import { describe, expect, it } from 'vitest';
import { buildCoalMine, interlockTable, parseSite, type CoalMine, type InterlockSensor } from '@safetwin/twin-models';
import type { LatestSample } from './merge-batch.ts';
import { gasKey, roadwayGas, sensorGas, type GasInputs } from './mine-gas.ts';

const NOW = 1_700_000_000_000;
const sensor = (over: Partial<InterlockSensor> = {}): InterlockSensor => ({
  sensorId: 'CH4-1', placement: 'longwall-face', roadwayId: 'R1', alarmPct: 1, cutAtPct: 1.5, restoreBelowPct: 1,
  rangeEquipmentIds: [], remoteEquipmentIds: [], manualEquipmentIds: [], intervalMs: 1000, minPct: 0, maxPct: 40, ...over,
});
const sample = (deviceId: string, pct: number, ageMs = 0): LatestSample => ({ reading: { deviceId, siteId: 'm', ts: NOW - ageMs, seq: 1, values: { ch4_pct: pct } } as never, receivedAtMs: NOW - ageMs });
const inputs = (samples: LatestSample[], cutting: string[] = [], link: GasInputs['link'] = 'up'): GasInputs => {
  const by = new Map(samples.map((s) => [s.reading.deviceId, s]));
  return { sample: (id) => by.get(id), link, nowMs: NOW, cutting: new Set(cutting) };
};

describe('roadway gas states', () => {
  it.each([
    [0.4, 'normal'],
    [0.99, 'normal'],
    [1.0, 'alarm'],
    [1.49, 'alarm'],
    [1.5, 'power-cut'],
    [2.3, 'power-cut'],
  ] as const)('a face sensor at %s %% reads %s (alarm ≥ 1.0, cut ≥ 1.5)', (pct, state) => {
    expect(sensorGas(sensor(), inputs([sample('CH4-1', pct)])).state).toBe(state);
  });

  it('reads power-cut while the interlock holds the cut, though the reading fell below the cut level (latched until < restore)', () => {
    const g = sensorGas(sensor(), inputs([sample('CH4-1', 1.2)], ['CH4-1']));
    expect(g).toMatchObject({ state: 'power-cut', valuePct: 1.2 });
  });

  it('never shows a stale value or one over a lost link as current', () => {
    expect(sensorGas(sensor(), inputs([sample('CH4-1', 1.7, 3_500)])).state).toBe('no-data');
    expect(sensorGas(sensor(), inputs([sample('CH4-1', 1.7)], [], 'down'))).toMatchObject({ state: 'no-data', valuePct: null });
    expect(sensorGas(sensor(), inputs([])).state).toBe('no-data');
  });

  it('a sensor that only alarms (main return: no cut level) never reads power-cut', () => {
    expect(sensorGas(sensor({ cutAtPct: null, restoreBelowPct: null, alarmPct: 0.75 }), inputs([sample('CH4-1', 3)])).state).toBe('alarm');
  });

  it('gives each roadway its worst sensor; on a tie the higher reading', () => {
    const sensors = [sensor(), sensor({ sensorId: 'CH4-2' }), sensor({ sensorId: 'CH4-3', roadwayId: 'R2' }), sensor({ sensorId: 'CH4-4', roadwayId: null })];
    const gas = roadwayGas(sensors, inputs([sample('CH4-1', 1.1), sample('CH4-2', 1.3), sample('CH4-3', 0.2), sample('CH4-4', 9)]));
    expect([...gas.keys()]).toEqual(['R1', 'R2']);
    expect(gas.get('R1')).toMatchObject({ state: 'alarm', worst: { sensorId: 'CH4-2', valuePct: 1.3 } });
    expect(gas.get('R2')!.state).toBe('normal');
    expect(gasKey(gas)).toBe('R1:alarm|R2:normal');
    const cut = roadwayGas(sensors, inputs([sample('CH4-1', 1.1), sample('CH4-2', 0.3), sample('CH4-3', 0.2)], ['CH4-1']));
    expect(cut.get('R1')).toMatchObject({ state: 'power-cut', worst: { sensorId: 'CH4-1' } });
  });

  it('covers every demo-mine roadway with a CH4 sensor, each judged against its own table row', () => {
    const mine = parseSite(buildCoalMine()) as CoalMine;
    const table = interlockTable(mine);
    const face = table.sensors.find((s) => s.placement === 'longwall-face')!;
    const gas = roadwayGas(table.sensors, inputs(table.sensors.map((s) => sample(s.sensorId, s.sensorId === face.sensorId ? 1.8 : 0.2))));
    expect(gas.size).toBe(new Set(table.sensors.map((s) => s.roadwayId)).size);
    expect(gas.get(face.roadwayId!)!.state).toBe('power-cut');
    expect([...gas.values()].filter((g) => g.state === 'power-cut').map((g) => g.roadwayId)).toEqual([face.roadwayId]);
  });
});
