import { describe, expect, it } from 'vitest';
import { demoSites } from '../demo-sites.ts';
import type { ChemicalPark } from '../schema/site.ts';
import { lineFlowTransmitters, lineValveIds, meteredLine } from './pipe-lines.ts';

// A tank nozzle N1 — V1 — J1 (tee) — V2 — N2 (reactor), and a branch J1 — V3 — E (pipe end).
const pipes = {
  nodes: [
    { id: 'N1', kind: 'nozzle' as const }, { id: 'V1', kind: 'valve' as const }, { id: 'J1', kind: 'junction' as const },
    { id: 'V2', kind: 'valve' as const }, { id: 'N2', kind: 'nozzle' as const }, { id: 'V3', kind: 'valve' as const }, { id: 'E', kind: 'junction' as const },
  ],
  segments: [
    { id: 'S1', from: 'N1', to: 'V1' }, { id: 'S2', from: 'V1', to: 'J1' }, { id: 'S3', from: 'J1', to: 'V2' },
    { id: 'S4', from: 'V2', to: 'N2' }, { id: 'S5', from: 'J1', to: 'V3' }, { id: 'S6', from: 'V3', to: 'E' },
  ],
  valves: [{ id: 'XV1', nodeId: 'V1' }, { id: 'XV2', nodeId: 'V2' }, { id: 'HV3', nodeId: 'V3' }, { id: 'XVJ', nodeId: 'J1' }],
};

describe('lineValveIds', () => {
  it('walks a line from both ends of the segment up to the first branch or nozzle, valves on the stop nodes included', () => {
    expect(lineValveIds(pipes, 'S1')).toEqual(['XV1', 'XVJ']);
    expect(lineValveIds(pipes, 'S2')).toEqual(['XV1', 'XVJ']);
    expect(lineValveIds(pipes, 'S4')).toEqual(['XV2', 'XVJ']);
    expect(lineValveIds(pipes, 'S6')).toEqual(['HV3', 'XVJ']);
    expect(lineValveIds(pipes, 'nope')).toEqual([]);
  });

  it('maps each valve to the flow transmitters of its lines', () => {
    const sensors = [{ id: 'FT-A', kind: 'flow' as const, pipeSegmentId: 'S2' }, { id: 'FT-B', kind: 'flow' as const, pipeSegmentId: 'S6' }, { id: 'PT', kind: 'pressure' as const }];
    const byValve = lineFlowTransmitters({ pipes, sensors });
    expect(Object.fromEntries(byValve)).toEqual({ XV1: ['FT-A'], XVJ: ['FT-A', 'FT-B'], HV3: ['FT-B'] });
  });

  it('finds an actuated valve on the line of every flow transmitter of the demo park', () => {
    const park = demoSites().find((s) => s.kind === 'chemical-park') as ChemicalPark;
    const remote = new Set(park.pipes.valves.filter((v) => v.deviceId !== null).map((v) => v.id));
    const flows = park.sensors.filter((s) => s.kind === 'flow' && s.pipeSegmentId);
    expect(flows.length).toBeGreaterThan(10);
    const gated = flows.filter((s) => lineValveIds(park.pipes, s.pipeSegmentId!).some((id) => remote.has(id)));
    expect(gated.length / flows.length).toBeGreaterThan(0.8);
  });
});

describe('meteredLine', () => {
  // The same network with lengths, m.
  const lengths: Record<string, number> = { S1: 10, S2: 20, S3: 30, S4: 40, S5: 5, S6: 15 };
  const lengthed = { ...pipes, segments: pipes.segments.map((s) => ({ ...s, lengthM: lengths[s.id]! })) };
  const sensors = [{ id: 'FT-B', kind: 'flow' as const, pipeSegmentId: 'S2' }, { id: 'FT-A', kind: 'flow' as const, pipeSegmentId: 'S1' }, { id: 'FT-C', kind: 'flow' as const, pipeSegmentId: 'S4' }];

  it('lays the line out along the segment\'s flow direction, each transmitter at its segment\'s middle', () => {
    // S2 (V1 → J1): the line is N1 —S1— V1 —S2— J1 (a tee ends it), 30 m; S2 spans 10–30 m.
    expect(meteredLine({ pipes: lengthed, sensors }, 'S2')).toEqual({ lengthM: 30, fromAtM: 10, toAtM: 30, meters: [{ id: 'FT-A', atM: 5 }, { id: 'FT-B', atM: 20 }] });
    expect(meteredLine({ pipes: lengthed, sensors }, 'S1')).toEqual({ lengthM: 30, fromAtM: 0, toAtM: 10, meters: [{ id: 'FT-A', atM: 5 }, { id: 'FT-B', atM: 20 }] });
    // S4 (V2 → N2): J1 —S3— V2 —S4— N2, 70 m; FT-C at 30 + 20.
    expect(meteredLine({ pipes: lengthed, sensors }, 'S4')).toEqual({ lengthM: 70, fromAtM: 30, toAtM: 70, meters: [{ id: 'FT-C', atM: 50 }] });
  });

  it('is null for a line without a flow transmitter and for an unknown segment', () => {
    expect(meteredLine({ pipes: lengthed, sensors }, 'S6')).toBeNull();
    expect(meteredLine({ pipes: lengthed, sensors }, 'nope')).toBeNull();
  });
});
