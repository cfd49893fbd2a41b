// Where smoke and gas go underground: they move with the ventilating air, so every roadway
// downstream of a source in the air flow (edges are oriented along the air, from → to) may carry
// them. Propagated from the source roadways through the nodes their air flows into; roadways with
// no air flow carry nothing onward (still air), ventilation ducts carry it like roadways.
import type { Roadway } from '../../schema/coal-mine.ts';

/** The fields of a roadway the ventilation view needs. */
export type VentRoadway = Pick<Roadway, 'id' | 'from' | 'to' | 'airflowM3S'>;

/**
 * Roadway ids downstream of the sources in the air flow, the sources included (a source anywhere
 * along a roadway taints all of it: gas layers and the source's extent are unknown). `sourceNodeIds`
 * adds sources at junctions (everything their air flows into). Unknown ids are ignored.
 */
export function downstreamRoadways(edges: readonly VentRoadway[], sourceRoadwayIds: Iterable<string>, sourceNodeIds: Iterable<string> = []): Set<string> {
  const leaving = new Map<string, VentRoadway[]>();
  const byId = new Map<string, VentRoadway>();
  for (const e of edges) {
    byId.set(e.id, e);
    if (e.airflowM3S > 0) leaving.set(e.from, [...(leaving.get(e.from) ?? []), e]);
  }
  const out = new Set<string>();
  const queue: string[] = [];
  const seenNodes = new Set<string>();
  const reachNode = (node: string) => {
    if (seenNodes.has(node)) return;
    seenNodes.add(node);
    queue.push(node);
  };
  for (const id of sourceRoadwayIds) {
    const e = byId.get(id);
    if (!e || out.has(id)) continue;
    out.add(id);
    if (e.airflowM3S > 0) reachNode(e.to);
  }
  for (const node of sourceNodeIds) reachNode(node);
  for (let i = 0; i < queue.length; i++) {
    for (const e of leaving.get(queue[i]!) ?? []) {
      out.add(e.id);
      reachNode(e.to);
    }
  }
  return out;
}
