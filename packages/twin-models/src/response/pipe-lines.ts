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

/** One way along a line from an end of a segment: the nodes met (the end first, the branch, nozzle or end that stops it last) and the segments between them. */
interface LineWalk {
  nodes: string[];
  segments: string[];
}

/**
 * The line through segment `segmentId` walked both ways, from its `from` end (`back`) and its `to` end (`ahead`), along
 * nodes that join exactly two segments, up to and including the first branch, nozzle or end; null for an unknown segment.
 */
function walkLine(pipes: LinePipes, segmentId: string): { back: LineWalk; ahead: LineWalk } | null {
  const segments = new Map(pipes.segments.map((s) => [s.id, s]));
  const seg = segments.get(segmentId);
  if (!seg) return null;
  const nodeKind = new Map(pipes.nodes.map((n) => [n.id, n.kind]));
  const touching = new Map<string, string[]>();
  for (const s of pipes.segments) for (const n of [s.from, s.to]) touching.set(n, [...(touching.get(n) ?? []), s.id]);
  const walk = (startNode: string): LineWalk => {
    const out: LineWalk = { nodes: [], segments: [] };
    let node = startNode, via = segmentId;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      out.nodes.push(node);
      const links = touching.get(node) ?? [];
      if (links.length !== 2 || nodeKind.get(node) === 'nozzle') break;
      const next = segments.get(links[0] === via ? links[1]! : links[0]!);
      if (!next) break;
      via = next.id;
      out.segments.push(via);
      node = next.from === node ? next.to : next.from;
    }
    return out;
  };
  return { back: walk(seg.from), ahead: walk(seg.to) };
}

/**
 * The ids of the valves on the line through `segmentId`: walking from both of its ends along
 * nodes that join exactly two segments, up to and including the first branch, nozzle or end.
 * Sorted; empty for an unknown segment.
 */
export function lineValveIds(pipes: LinePipes, segmentId: string): string[] {
  const line = walkLine(pipes, segmentId);
  if (!line) return [];
  const valvesAt = new Map<string, string[]>();
  for (const v of pipes.valves) valvesAt.set(v.nodeId, [...(valvesAt.get(v.nodeId) ?? []), v.id]);
  const found = new Set<string>();
  for (const node of [...line.back.nodes, ...line.ahead.nodes]) for (const v of valvesAt.get(node) ?? []) found.add(v);
  return [...found].sort();
}

/** A pipe network with its segments' routed lengths. */
export interface LengthedLinePipes extends LinePipes {
  segments: ReadonlyArray<Pick<PipeSegment, 'id' | 'from' | 'to' | 'lengthM'>>;
}

/** A metered line as a leak's flow evidence needs it: lengths along the line in the leaking segment's flow direction, from the line's upstream end, m. */
export interface MeteredLine {
  /** Routed length of the whole line, m. */
  lengthM: number;
  /** Where the segment's `from` and `to` ends lie along the line, m. */
  fromAtM: number;
  toAtM: number;
  /** The line's flow transmitters, each where it measures (the middle of its segment), m along the line. Sorted by id. */
  meters: { id: string; atM: number }[];
}

/**
 * The line through pipe segment `segmentId` (as {@link lineValveIds} walks it) with its flow transmitters, laid out along
 * the segment's flow direction (`from` → `to`); null for an unknown segment or a line without a flow transmitter.
 */
export function meteredLine(
  park: { pipes: LengthedLinePipes; sensors: ReadonlyArray<Pick<Sensor, 'id' | 'kind'> & { pipeSegmentId?: string | undefined }> },
  segmentId: string,
): MeteredLine | null {
  const lengths = new Map(park.pipes.segments.map((s) => [s.id, s.lengthM]));
  const line = walkLine(park.pipes, segmentId);
  if (!line) return null;
  const chain = [...line.back.segments.reverse(), segmentId, ...line.ahead.segments];
  const startAtM = new Map<string, number>();
  let lengthM = 0;
  for (const id of chain) {
    startAtM.set(id, lengthM);
    lengthM += lengths.get(id)!;
  }
  const meters = park.sensors
    .filter((s) => s.kind === 'flow' && s.pipeSegmentId !== undefined && startAtM.has(s.pipeSegmentId))
    .map((s) => ({ id: s.id, atM: startAtM.get(s.pipeSegmentId!)! + lengths.get(s.pipeSegmentId!)! / 2 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (meters.length === 0) return null;
  const fromAtM = startAtM.get(segmentId)!;
  return { lengthM, fromAtM, toAtM: fromAtM + lengths.get(segmentId)!, meters };
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
