// Lines of the pipe graph: the run of pipe through a segment, from branch (a tee or header
// joining three or more segments), nozzle or pipe end to the next. A flow transmitter on a
// segment measures the flow of its whole line, so every valve on the line (including a valve on
// the branch or nozzle that ends it) throttles that flow. One definition for the simulator (a
// flow transmitter drops when a valve of its line closes) and the hub (which transmitters
// confirm that a valve closed). Pure.
import type { PipeNode, PipeSegment, Valve } from '../schema/chemical-park.ts';
import type { Sensor } from '../schema/sensor.ts';

/** The parts of a pipe network the line walk needs. */
export interface LinePipes {
  nodes: ReadonlyArray<Pick<PipeNode, 'id' | 'kind'>>;
  segments: ReadonlyArray<Pick<PipeSegment, 'id' | 'from' | 'to'>>;
  valves: ReadonlyArray<Pick<Valve, 'id' | 'nodeId'>>;
}

/** Longest walk from a segment end, segments (a guard against malformed loops). */
const MAX_HOPS = 200;

/**
 * The ids of the valves on the line through `segmentId`: walking from both of its ends along
 * nodes that join exactly two segments, up to and including the first branch, nozzle or end.
 * Sorted; empty for an unknown segment.
 */
export function lineValveIds(pipes: LinePipes, segmentId: string): string[] {
  const segments = new Map(pipes.segments.map((s) => [s.id, s]));
  const seg = segments.get(segmentId);
  if (!seg) return [];
  const nodeKind = new Map(pipes.nodes.map((n) => [n.id, n.kind]));
  const touching = new Map<string, string[]>();
  for (const s of pipes.segments) for (const n of [s.from, s.to]) touching.set(n, [...(touching.get(n) ?? []), s.id]);
  const valvesAt = new Map<string, string[]>();
  for (const v of pipes.valves) valvesAt.set(v.nodeId, [...(valvesAt.get(v.nodeId) ?? []), v.id]);
  const found = new Set<string>();
  for (const startNode of [seg.from, seg.to]) {
    let node = startNode, via = seg.id;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      for (const v of valvesAt.get(node) ?? []) found.add(v);
      const links = touching.get(node) ?? [];
      if (links.length !== 2 || nodeKind.get(node) === 'nozzle') break;
      const next = segments.get(links[0] === via ? links[1]! : links[0]!);
      if (!next) break;
      via = next.id;
      node = next.from === node ? next.to : next.from;
    }
  }
  return [...found].sort();
}

/**
 * The flow transmitters (sensors of kind `flow` on a pipe segment) whose line carries each
 * valve: valve id → sensor ids, sorted. Valves on no metered line are absent.
 */
export function lineFlowTransmitters(park: { pipes: LinePipes; sensors: ReadonlyArray<Pick<Sensor, 'id' | 'kind'> & { pipeSegmentId?: string | undefined }> }): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const sensor of park.sensors) {
    if (sensor.kind !== 'flow' || !sensor.pipeSegmentId) continue;
    for (const valveId of lineValveIds(park.pipes, sensor.pipeSegmentId)) out.set(valveId, [...(out.get(valveId) ?? []), sensor.id]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}
