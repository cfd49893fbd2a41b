import { describe, expect, it } from 'vitest';
import { getDemoSite, type Site } from '@safetwin/twin-models';
import { esdValvesFor, unitOfDevice } from './esd-valves.ts';

type Park = Extract<Site, { kind: 'chemical-park' }>;

const at = { eastM: 0, northM: 0, upM: 0 };
const node = (id: string, kind: 'nozzle' | 'junction' | 'valve', equipmentId?: string) => ({ id, kind, position: at, ...(equipmentId ? { equipmentId } : {}) });
const seg = (id: string, from: string, to: string) => ({ id, from, to, lengthM: 10, diameterMm: 50, chemical: 'LPG', normalFlowKgS: 1, designPressureKpa: 1000, enterpriseId: 'E1' });
const valve = (id: string, nodeId: string, fn: 'esd' | 'isolation' | 'root', remote: boolean, normallyOpen = true) => ({
  id, nodeId, enterpriseId: 'E1', name: { zh: id, en: id }, function: fn, actuation: remote ? 'remote' : 'manual',
  deviceId: remote ? `dev-${id}` : null, intervalMs: 1000, normallyOpen, strokeTimeS: remote ? 8 : null,
});
const sensor = (id: string, where: { equipmentId?: string; pipeSegmentId?: string }) => ({ id, kind: 'pressure', enterpriseId: 'E1', position: at, intervalMs: 500, metrics: {}, ...where });

/**
 * A small hand-made park:
 *   V1 ─N1─ R1(root, manual) ─ J1 ─ X1(ESD, remote) ─ H ─ N9 V2
 *                               ├─ C1(manual, normally closed) ─ X3(ESD, remote)
 *                               └─ I1(isolation, remote) ─ X4(ESD, remote)
 *   V1 ─N4─ X2(ESD, remote) ─ H
 *   V3 ─N7─ J2 (no valve at all: dead end)
 */
const handMade = {
  kind: 'chemical-park',
  id: 'hand',
  equipment: [{ id: 'V1' }, { id: 'V2' }, { id: 'V3' }],
  pipes: {
    nodes: [
      node('N1', 'nozzle', 'V1'), node('R1', 'valve'), node('J1', 'junction'), node('X1', 'valve'), node('H', 'junction'), node('N9', 'nozzle', 'V2'),
      node('C1', 'valve'), node('X3', 'valve'), node('I1', 'valve'), node('X4', 'valve'), node('N4', 'nozzle', 'V1'), node('X2', 'valve'),
      node('N7', 'nozzle', 'V3'), node('J2', 'junction'),
    ],
    segments: [
      seg('S1', 'N1', 'R1'), seg('S2', 'R1', 'J1'), seg('S3', 'J1', 'X1'), seg('S4', 'X1', 'H'), seg('S5', 'H', 'N9'),
      seg('S6', 'J1', 'C1'), seg('S7', 'C1', 'X3'), seg('S8', 'J1', 'I1'), seg('S9', 'I1', 'X4'),
      seg('S10', 'N4', 'X2'), seg('S11', 'X2', 'H'), seg('S12', 'N7', 'J2'),
    ],
    valves: [
      valve('VR1', 'R1', 'root', false), valve('VX1', 'X1', 'esd', true), valve('VC1', 'C1', 'isolation', false, false), valve('VX3', 'X3', 'esd', true),
      valve('VI1', 'I1', 'isolation', true), valve('VX4', 'X4', 'esd', true), valve('VX2', 'X2', 'esd', true),
    ],
  },
  sensors: [sensor('PT-V1', { equipmentId: 'V1' }), sensor('PT-V2', { equipmentId: 'V2' }), sensor('PT-V3', { equipmentId: 'V3' }), sensor('FT-S3', { pipeSegmentId: 'S3' }), sensor('GT-FENCE', {})],
} as unknown as Park;

const ids = (site: Site, deviceId: string) => esdValvesFor(site, deviceId).map((v) => v.valveId);

describe('esdValvesFor on a hand-made park', () => {
  it('chooses the first remote ESD valve on each path from the vessel, through manual root valves, junctions and remote non-ESD valves', () => {
    expect(ids(handMade, 'PT-V1')).toEqual(['VX1', 'VX2', 'VX4']);
    expect(ids(handMade, 'V1')).toEqual(['VX1', 'VX2', 'VX4']); // a unit-wide alarm names the equipment
  });
  it('stops at a normally closed valve (already a boundary) and never walks through another vessel', () => {
    expect(ids(handMade, 'PT-V1')).not.toContain('VX3');
    // V2 sits on the header beyond X1/X2: its ring is X1 and X2, not V1's other lines.
    expect(ids(handMade, 'PT-V2')).toEqual(['VX1', 'VX2']);
  });
  it('isolates a flow sensor’s segment from both ends', () => {
    expect(ids(handMade, 'FT-S3')).toEqual(['VX1', 'VX4']);
  });
  it('finds nothing where there is no ESD valve, no unit, or no such sensor', () => {
    expect(ids(handMade, 'PT-V3')).toEqual([]);
    expect(unitOfDevice(handMade, 'GT-FENCE')).toBeNull();
    expect(ids(handMade, 'GT-FENCE')).toEqual([]);
    expect(ids(handMade, 'nope')).toEqual([]);
  });
  it('gives each valve’s actuator, stroke time and report interval', () => {
    expect(esdValvesFor(handMade, 'PT-V1')[0]).toEqual({ valveId: 'VX1', deviceId: 'dev-VX1', nodeId: 'X1', enterpriseId: 'E1', strokeTimeS: 8, intervalMs: 1000 });
  });
});

describe('esdValvesFor on the demo park', () => {
  const park = getDemoSite('cp-nanjing')! as Park;
  const sensorOn = (equipmentId: string, kind: string) => park.sensors.find((s) => s.equipmentId === equipmentId && s.kind === kind)!.id;

  it('isolates an LPG sphere by the ESD valve of its line (behind its manual root valve)', () => {
    const valves = esdValvesFor(park, sensorOn('CP-E4-TK-01', 'pressure'));
    expect(valves.map((v) => v.valveId)).toEqual(['CP-E4-XV-004']);
    expect(park.pipes.valves.find((v) => v.id === 'CP-E4-XV-004')).toMatchObject({ function: 'esd', actuation: 'remote', name: { en: expect.stringContaining('ESD') } });
  });
  it('closes every line of a multi-line unit (the amine absorber: sour gas in, fuel gas out, rich amine out)', () => {
    expect(ids(park, sensorOn('CP-E3-C-01', 'pressure'))).toEqual(['CP-E3-XV-003', 'CP-E3-XV-007', 'CP-E3-XV-008']);
    // Every gas detector ringing the same item gets the same valves.
    const detectors = park.sensors.filter((s) => s.equipmentId === 'CP-E3-C-01' && s.kind.startsWith('gas-'));
    expect(detectors.length).toBeGreaterThan(1);
    for (const d of detectors) expect(ids(park, d.id)).toEqual(['CP-E3-XV-003', 'CP-E3-XV-007', 'CP-E3-XV-008']);
    // A unit-wide (voting) alarm names the equipment itself.
    expect(ids(park, 'CP-E3-C-01')).toEqual(['CP-E3-XV-003', 'CP-E3-XV-007', 'CP-E3-XV-008']);
  });
  it('chooses only remote ESD valves with an actuator, on chemical parks only', () => {
    const byId = new Map(park.pipes.valves.map((v) => [v.id, v]));
    for (const s of park.sensors) {
      for (const v of esdValvesFor(park, s.id)) expect(byId.get(v.valveId)).toMatchObject({ function: 'esd', actuation: 'remote', deviceId: v.deviceId });
    }
    const mine = getDemoSite('cm-yangquan')!;
    expect(mine.sensors.every((s) => esdValvesFor(mine, s.id).length === 0)).toBe(true);
  });
  it('has no unit valves for a control room or a fence-line detector', () => {
    expect(ids(park, sensorOn('CP-E1-CR-01', 'gas-o2'))).toEqual([]);
    expect(ids(park, park.sensors.find((s) => s.enterpriseId === null && s.kind === 'gas-flammable')!.id)).toEqual([]);
  });
});
