// A small builder for the park's pipe graph: nozzles, junctions and valves joined by runs.
import type { z } from 'zod';
import type { EquipmentSchema, PipeNodeSchema, PipeSegmentSchema, ValveSchema } from '../../schema/chemical-park.ts';
import type { Chemical } from '../../chemicals.ts';
import type { Enu } from '../../geo.ts';
import { distance3dM } from '../../geo.ts';
import { enu, pad, round } from '../util.ts';

type EquipmentInput = z.input<typeof EquipmentSchema>;
type NodeInput = z.input<typeof PipeNodeSchema>;
type SegmentInput = z.input<typeof PipeSegmentSchema>;
type ValveInput = z.input<typeof ValveSchema>;

/** Routed pipe length from the straight distance: 10 % for elbows and expansion loops plus 1 m. */
const routedLengthM = (straightM: number) => round(straightM * 1.1 + 1, 1);

/** Plan radius of a piece of equipment, m. */
export function footprintRadiusM(e: EquipmentInput): number {
  const g = e.geometry;
  return g.shape === 'box' ? Math.hypot(g.lengthM, g.widthM) / 2 : g.diameterM / 2;
}

/** Distance from an item's centre to its shell along the plan unit direction (ux, uy), m. */
function shellDistanceM(e: EquipmentInput, ux: number, uy: number): number {
  const g = e.geometry;
  if (g.shape !== 'box') return g.diameterM / 2;
  const t = (g.headingDeg * Math.PI) / 180;
  const along = Math.abs(ux * Math.sin(t) + uy * Math.cos(t));
  const across = Math.abs(ux * Math.cos(t) - uy * Math.sin(t));
  return Math.min(along > 1e-9 ? g.lengthM / 2 / along : Infinity, across > 1e-9 ? g.widthM / 2 / across : Infinity);
}

/** Line properties shared by the segments of one run. */
export interface LineSpec {
  chemical: Chemical;
  diameterMm: number;
  normalFlowKgS: number;
  designPressureKpa: number;
  enterpriseId: string | null;
}

/** Collects pipe nodes, segments and valves with sequential ids. */
export class PipeBuilder {
  readonly nodes: NodeInput[] = [];
  readonly segments: SegmentInput[] = [];
  readonly valves: ValveInput[] = [];
  private readonly positions = new Map<string, Enu>();
  private readonly valveSeq = new Map<string, number>();

  constructor(private readonly equipment: ReadonlyMap<string, EquipmentInput>) {}

  private addNode(kind: NodeInput['kind'], position: Enu, equipmentId?: string): string {
    const id = `CP-N-${pad(this.nodes.length + 1, 4)}`;
    this.nodes.push({ id, kind, position, ...(equipmentId ? { equipmentId } : {}) });
    this.positions.set(id, position);
    return id;
  }

  /** A nozzle on `equipmentId`'s shell, on the side facing `toward`, `upM` above grade. */
  nozzle(equipmentId: string, toward: Enu, upM = 1): string {
    const e = this.equipment.get(equipmentId);
    if (!e) throw new Error(`PipeBuilder: unknown equipment ${equipmentId}`);
    const c = e.position;
    const dx = toward.eastM - c.eastM, dy = toward.northM - c.northM;
    const d = Math.hypot(dx, dy) || 1;
    const r = shellDistanceM(e, dx / d, dy / d) + 0.3;
    return this.addNode('nozzle', enu(c.eastM + (dx / d) * r, c.northM + (dy / d) * r, upM), equipmentId);
  }

  /** A junction (tee, header, rack node). */
  junction(at: Enu): string {
    return this.addNode('junction', at);
  }

  /** A valve node and its valve. Actuated valves get a `…-XV-nnn` device id, manual ones `…-HV-nnn`. */
  valve(at: Enu, opts: { owner: string | null; fn: ValveInput['function']; remote: boolean; name: [string, string]; normallyOpen?: boolean }): string {
    const nodeId = this.addNode('valve', at);
    const prefix = `${opts.owner ?? 'CP-PK'}-${opts.remote ? 'XV' : 'HV'}`;
    const n = (this.valveSeq.get(prefix) ?? 0) + 1;
    this.valveSeq.set(prefix, n);
    const id = `${prefix}-${pad(n)}`;
    this.valves.push({
      id,
      nodeId,
      enterpriseId: opts.owner,
      name: { zh: opts.name[0], en: opts.name[1] },
      function: opts.fn,
      actuation: opts.remote ? 'remote' : 'manual',
      deviceId: opts.remote ? id : null,
      intervalMs: 1000,
      normallyOpen: opts.normallyOpen ?? true,
      strokeTimeS: opts.remote ? 10 : null,
    });
    return nodeId;
  }

  /** Joins consecutive nodes with segments of one line; returns the segment ids. */
  run(line: LineSpec, ...nodeIds: string[]): string[] {
    const ids: string[] = [];
    for (let i = 1; i < nodeIds.length; i++) {
      const from = nodeIds[i - 1]!, to = nodeIds[i]!;
      const id = `CP-L-${pad(this.segments.length + 1, 4)}`;
      const straight = distance3dM(this.positions.get(from)!, this.positions.get(to)!);
      this.segments.push({ id, from, to, lengthM: routedLengthM(straight), ...line });
      ids.push(id);
    }
    return ids;
  }

  /** Where a node is. */
  at(nodeId: string): Enu {
    const p = this.positions.get(nodeId);
    if (!p) throw new Error(`PipeBuilder: unknown node ${nodeId}`);
    return p;
  }

  /**
   * A vessel's connection to a header: nozzle → root valve (manual) → ESD valve (remote) → header.
   * `direction` 'out' means the vessel sends (segments run vessel → header), 'in' that it receives.
   * Returns the ids of the segments, vessel side first.
   */
  vesselLine(equipmentId: string, header: string, direction: 'out' | 'in', line: LineSpec): string[] {
    const noz = this.nozzle(equipmentId, this.at(header));
    const name = this.equipment.get(equipmentId)!.name;
    const root = this.valve(this.along(noz, header, 2, 0.25, 1), { owner: line.enterpriseId, fn: 'root', remote: false, name: [`${name.zh}根部阀`, `${name.en} root valve`] });
    const esd = this.valve(this.along(noz, header, 6, 0.5, 1.5), { owner: line.enterpriseId, fn: 'esd', remote: true, name: [`${name.zh}紧急切断阀`, `${name.en} ESD valve`] });
    return this.chain(line, direction, [noz, root, esd, header]);
  }

  /** A process item's connection to a header: nozzle → ESD valve (remote) → header; segment ids item side first. */
  equipmentLine(equipmentId: string, header: string, direction: 'out' | 'in', line: LineSpec): string[] {
    const noz = this.nozzle(equipmentId, this.at(header));
    const name = this.equipment.get(equipmentId)!.name;
    const esd = this.valve(this.along(noz, header, 5, 0.5, 1.5), { owner: line.enterpriseId, fn: 'esd', remote: true, name: [`${name.zh}进出料紧急切断阀`, `${name.en} ESD valve`] });
    return this.chain(line, direction, [noz, esd, header]);
  }

  /** A direct line between two items: nozzle of `fromId` → ESD valve → nozzle of `toId`. */
  direct(fromId: string, toId: string, line: LineSpec): string[] {
    const a = this.nozzle(fromId, this.equipment.get(toId)!.position, 2);
    const b = this.nozzle(toId, this.at(a), 2);
    const name = this.equipment.get(fromId)!.name;
    const esd = this.valve(this.along(a, b, 3, 0.5, 2), { owner: line.enterpriseId, fn: 'esd', remote: true, name: [`${name.zh}出料紧急切断阀`, `${name.en} outlet ESD valve`] });
    return this.run(line, a, esd, b);
  }

  /** A remote ESD valve where a line crosses an enterprise fence (界区切断阀). */
  fenceValve(at: Enu, owner: string): string {
    return this.valve(at, { owner, fn: 'esd', remote: true, name: ['界区紧急切断阀', 'battery-limit ESD valve'] });
  }

  /** A manual block valve on the park's shared corridor. */
  corridorValve(at: Enu): string {
    return this.valve(at, { owner: null, fn: 'isolation', remote: false, name: ['公共管廊截断阀', 'corridor block valve'] });
  }

  /** The point `metres` from node a toward node b (at most `maxFraction` of the way), at height `upM`. */
  private along(a: string, b: string, metres: number, maxFraction: number, upM: number): Enu {
    const p = this.at(a), q = this.at(b);
    const d = Math.hypot(q.eastM - p.eastM, q.northM - p.northM) || 1;
    const f = Math.min(metres / d, maxFraction);
    return enu(p.eastM + (q.eastM - p.eastM) * f, p.northM + (q.northM - p.northM) * f, upM);
  }

  /** Runs a chain item-side first; for 'in' the segments run toward the item. Returns ids item side first. */
  private chain(line: LineSpec, direction: 'out' | 'in', nodes: string[]): string[] {
    return direction === 'out' ? this.run(line, ...nodes) : this.run(line, ...[...nodes].reverse()).reverse();
  }
}
