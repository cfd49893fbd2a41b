import type { ChemicalPark, Site } from '@safetwin/twin-models';

/** A remote-actuated ESD valve (紧急切断阀) the hub can command closed. */
export interface EsdValve {
  valveId: string;
  /** The actuator that takes `valve.close` and reports `open_pct`. */
  deviceId: string;
  nodeId: string;
  enterpriseId: string | null;
  /** Full stroke time, s. */
  strokeTimeS: number;
  /** Position-report interval, ms. */
  intervalMs: number;
}

/** What a sensor watches, as far as isolating it goes: equipment, a pipe segment, or nothing. */
export type WatchedUnit = { kind: 'equipment'; id: string } | { kind: 'pipe-segment'; id: string } | null;

/**
 * The unit an alarm's device stands for: a sensor's equipment, else the pipe segment it sits on,
 * else none (fence line, weather); a unit-wide alarm (voting) names the equipment itself.
 */
export function unitOfDevice(site: Site, deviceId: string): WatchedUnit {
  if (site.kind !== 'chemical-park') return null;
  const sensor = site.sensors.find((s) => s.id === deviceId);
  if (!sensor) return site.equipment.some((e) => e.id === deviceId) ? { kind: 'equipment', id: deviceId } : null;
  if (sensor.equipmentId) return { kind: 'equipment', id: sensor.equipmentId };
  if (sensor.pipeSegmentId) return { kind: 'pipe-segment', id: sensor.pipeSegmentId };
  return null;
}

/**
 * The unit's emergency shut-off valves: the innermost ring of remote-actuated ESD valves
 * that isolates what the alarm's device watches ({@link unitOfDevice}) from the rest of the pipe network.
 *
 * The rule: start from the watched equipment's nozzles (or a flow sensor's pipe segment ends)
 * and walk the pipe graph outward. On each path stop at the first node that
 * - carries a valve with `function: 'esd'`, `actuation: 'remote'` and a device: that valve is chosen;
 * - carries a normally closed valve (already a closed boundary);
 * - is a nozzle of other equipment (never walk through a vessel).
 * Manual root and block valves and junctions (headers, tees, racks) are passed through, so a
 * line without its own ESD valve is isolated by the ESD valves further out. Pure; sorted by valve id.
 */
export function esdValvesFor(site: Site, deviceId: string): EsdValve[] {
  const unit = unitOfDevice(site, deviceId);
  if (site.kind !== 'chemical-park' || unit === null) return [];
  const pipes = site.pipes;
  const start = unit.kind === 'equipment'
    ? pipes.nodes.filter((n) => n.kind === 'nozzle' && n.equipmentId === unit.id).map((n) => n.id)
    : pipes.segments.filter((s) => s.id === unit.id).flatMap((s) => [s.from, s.to]);
  const ownEquipment = unit.kind === 'equipment' ? unit.id : null;
  return walkToEsd(pipes, start, ownEquipment);
}

function walkToEsd(pipes: ChemicalPark['pipes'], start: readonly string[], ownEquipment: string | null): EsdValve[] {
  const nodes = new Map(pipes.nodes.map((n) => [n.id, n]));
  const valvesAt = new Map<string, ChemicalPark['pipes']['valves']>();
  for (const v of pipes.valves) valvesAt.set(v.nodeId, [...(valvesAt.get(v.nodeId) ?? []), v]);
  const neighbours = new Map<string, string[]>();
  for (const s of pipes.segments) {
    neighbours.set(s.from, [...(neighbours.get(s.from) ?? []), s.to]);
    neighbours.set(s.to, [...(neighbours.get(s.to) ?? []), s.from]);
  }
  const chosen = new Map<string, EsdValve>();
  const seen = new Set<string>(start);
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const node = nodes.get(id);
    if (node?.kind === 'nozzle' && node.equipmentId !== ownEquipment) continue;
    const valves = valvesAt.get(id) ?? [];
    const esd = valves.filter((v) => v.function === 'esd' && v.actuation === 'remote' && v.deviceId !== null);
    for (const v of esd) {
      chosen.set(v.id, { valveId: v.id, deviceId: v.deviceId!, nodeId: v.nodeId, enterpriseId: v.enterpriseId, strokeTimeS: v.strokeTimeS ?? 0, intervalMs: v.intervalMs });
    }
    if (esd.length > 0 || valves.some((v) => !v.normallyOpen)) continue;
    for (const next of neighbours.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...chosen.values()].sort((a, b) => a.valveId.localeCompare(b.valveId));
}
