// The item a staged leak releases from: a piece of equipment or a pipe segment of a chemical
// park, checked against the request (what it holds, the hole's height), and the release point.
import type { ChemicalPark } from '@safetwin/twin-models';
import { SimulatorError } from '../errors.ts';

/** Height of the hole above grade when the request gives none, for equipment: a bottom nozzle or flange, m (our choice). */
export const DEFAULT_EQUIPMENT_HOLE_M = 1;

/** Where and what a leak releases. */
export interface LeakSource {
  kind: 'equipment' | 'pipe-segment';
  id: string;
  /** Owner; null for the park's pipe corridor. */
  enterpriseId: string | null;
  /** What the item holds. */
  chemical: string;
  /** Release point: plan position of the item, and the hole's height as `upM`, metres from the site origin. */
  point: { eastM: number; northM: number; upM: number };
  /** Height of the hole above the item's base (the grade there), m. */
  heightM: number;
  /** A pipe segment: where along it the hole is, as a fraction of its run from its first node; 0 for equipment. */
  alongFraction: number;
}

/**
 * The leak source `id` of `park` with the hole at `heightM` above grade (default: 1 m for
 * equipment, the pipe's own height for a segment) and, on a segment, `alongM` from its first node
 * (default: its middle). Throws {@link SimulatorError}: unknown item
 * (`simulator:unknown-device`, 404 at the hub), an item holding nothing or another chemical, or a
 * hole above the item (`simulator:wrong-device` / `simulator:bad-scenario`, 422), naming the field.
 */
export function leakSource(park: ChemicalPark, id: string, chemical: string, heightM: number | undefined, alongM?: number): LeakSource {
  let source: LeakSource;
  /** Highest hole above the base, m: the item's top. */
  let topM: number;
  const equipment = park.equipment.find((e) => e.id === id);
  if (equipment) {
    if (alongM !== undefined) {
      throw new SimulatorError('simulator:bad-scenario', `alongM: '${id}' is equipment (${equipment.kind}); only a pipe segment has a length to place the hole along`);
    }
    if (equipment.chemical === null) {
      throw new SimulatorError('simulator:wrong-device', `equipmentId: '${id}' (${equipment.kind}) holds no chemical, so it cannot leak`);
    }
    const g = equipment.geometry;
    topM = g.shape === 'sphere' ? g.diameterM : g.heightM;
    const hM = heightM ?? Math.min(DEFAULT_EQUIPMENT_HOLE_M, topM);
    const p = equipment.position;
    source = { kind: 'equipment', id, enterpriseId: equipment.enterpriseId, chemical: equipment.chemical, point: { eastM: p.eastM, northM: p.northM, upM: p.upM + hM }, heightM: hM, alongFraction: 0 };
  } else {
    const segment = park.pipes.segments.find((s) => s.id === id);
    const nodes = segment && [segment.from, segment.to].map((n) => park.pipes.nodes.find((x) => x.id === n));
    if (!segment || !nodes || !nodes[0] || !nodes[1]) {
      throw new SimulatorError('simulator:unknown-device', `equipmentId: no equipment or pipe segment '${id}' on site '${park.id}'`);
    }
    const [a, b] = [nodes[0].position, nodes[1].position];
    const lengthM = Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
    if (alongM !== undefined && !(alongM >= 0 && alongM <= lengthM)) {
      throw new SimulatorError('simulator:bad-scenario', `alongM: pipe segment '${id}' is ${Math.round(lengthM * 10) / 10} m long, so the hole must be 0–${Math.round(lengthM * 10) / 10} m along it, got ${alongM}`);
    }
    const f = alongM === undefined || lengthM === 0 ? 0.5 : alongM / lengthM;
    const pipeUpM = a.upM + f * (b.upM - a.upM);
    topM = pipeUpM + segment.diameterMm / 1000;
    const hM = heightM ?? pipeUpM;
    const point = { eastM: a.eastM + f * (b.eastM - a.eastM), northM: a.northM + f * (b.northM - a.northM), upM: hM };
    source = { kind: 'pipe-segment', id, enterpriseId: segment.enterpriseId, chemical: segment.chemical, point, heightM: hM, alongFraction: f };
  }
  if (source.chemical !== chemical) {
    throw new SimulatorError('simulator:bad-scenario', `chemical: ${source.kind} '${id}' holds ${source.chemical}, not ${chemical}`);
  }
  if (!(source.heightM >= 0 && source.heightM <= topM)) {
    throw new SimulatorError('simulator:bad-scenario', `heightM: the hole must be within the ${source.kind}'s height, 0–${topM} m above grade, got ${heightM}`);
  }
  return source;
}
