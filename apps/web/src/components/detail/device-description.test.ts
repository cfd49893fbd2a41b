import { describe, expect, it } from 'vitest';
import { deviceCatalogue, getDemoSite, type ChemicalPark, type CoalMine } from '@safetwin/twin-models';
import { describeDevice, setpointLines } from './device-description.ts';

const park = getDemoSite('cp-nanjing') as ChemicalPark;
const mine = getDemoSite('cm-yangquan') as CoalMine;
const parkDevices = deviceCatalogue(park);
const mineDevices = deviceCatalogue(mine);

describe('describeDevice', () => {
  it('puts a tank gas detector on its equipment, with its owner and set-point metric', () => {
    const s = park.sensors.find((x) => x.equipmentId && x.kind.startsWith('gas-') && x.setpoints)!;
    const d = describeDevice(park, parkDevices.get(s.id), s.id)!;
    expect(d.place).toMatchObject({ kind: 'equipment', id: s.equipmentId });
    expect(d.enterpriseName).toEqual(park.enterprises.find((e) => e.id === s.enterpriseId)!.name);
    expect(d.primaryMetric).toBe(s.setpoints!.metric);
    expect(d.intervalMs).toBe(s.intervalMs);
  });

  it('puts a flow meter on its pipe segment', () => {
    const s = park.sensors.find((x) => x.pipeSegmentId)!;
    expect(describeDevice(park, parkDevices.get(s.id), s.id)!.place).toMatchObject({ kind: 'pipe', id: s.pipeSegmentId });
  });

  it('names an actuated valve and where it sits', () => {
    const v = park.pipes.valves.find((x) => x.deviceId)!;
    const d = describeDevice(park, parkDevices.get(v.deviceId!), v.deviceId!)!;
    expect(d.place).toMatchObject({ kind: 'valve', id: v.id, name: v.name });
    expect(d.position).not.toBeNull();
    expect(d.sensor).toBeNull();
    expect(d.primaryMetric).toBe('open_pct');
  });

  it('puts a mine sensor in its roadway and a tag on its miner', () => {
    const s = mine.sensors.find((x) => x.kind === 'gas-co')!;
    expect(describeDevice(mine, mineDevices.get(s.id), s.id)!.place).toMatchObject({ kind: 'roadway', id: s.roadwayId });
    const m = mine.miners[0]!;
    expect(describeDevice(mine, mineDevices.get(m.tagDeviceId), m.tagDeviceId)!.place).toEqual({ kind: 'miner', id: m.id, person: m.name, team: m.team });
  });

  it('knows nothing of a device neither the catalogue nor the site has', () => {
    expect(describeDevice(park, undefined, 'GHOST-1')).toBeNull();
  });
});

describe('setpointLines', () => {
  it('merges a face methane sensor alarm with its restore level, and its cut with high-high', () => {
    const s = mine.sensors.find((x) => x.placement === 'longwall-face')!;
    expect(setpointLines(s, 'ch4_pct')).toEqual([
      { value: 1.0, keys: ['high', 'powerRestore'] },
      { value: 1.5, keys: ['highHigh', 'powerCut'] },
    ]);
  });

  it('lists an oxygen sensor low-low, low and high', () => {
    const s = mine.sensors.find((x) => x.kind === 'gas-o2')!;
    expect(setpointLines(s, 'o2_pct').map((l) => [l.value, l.keys])).toEqual([[19.5, ['lowLow']], [20, ['low']], [23, ['high']]]);
  });

  it('has no lines for another metric or a device without set-points', () => {
    const ws = park.sensors.find((x) => x.kind === 'weather')!;
    expect(setpointLines(ws, 'air_temp_c')).toEqual([]);
    expect(setpointLines(ws, 'wind_speed_ms')).toHaveLength(2);
    expect(setpointLines(null, 'open_pct')).toEqual([]);
  });
});
