// Graph views of a site's networks (pipes, roads, mine roadways), as the simulator and the
// hub's topology code use them: adjacency lists keyed by node id.

/** An edge as the graph helpers need it: an id and its end node ids. */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
}

/** Adjacency of a graph: for each node id, the edges touching it and the node at their other end. */
export type Adjacency = Map<string, Array<{ edgeId: string; nodeId: string; forward: boolean }>>;

/** Builds adjacency lists; `directed` keeps only from→to links (e.g. airflow), else both ways. */
export function buildAdjacency(nodeIds: Iterable<string>, edges: readonly GraphEdge[], directed = false): Adjacency {
  const adj: Adjacency = new Map();
  for (const id of nodeIds) adj.set(id, []);
  for (const e of edges) {
    adj.get(e.from)?.push({ edgeId: e.id, nodeId: e.to, forward: true });
    if (!directed) adj.get(e.to)?.push({ edgeId: e.id, nodeId: e.from, forward: false });
  }
  return adj;
}

/** Node ids reachable from `start` (breadth first), `start` included. */
export function reachableFrom(adj: Adjacency, start: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const s of start) {
    if (adj.has(s) && !seen.has(s)) {
      seen.add(s);
      queue.push(s);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const link of adj.get(queue[i]!) ?? []) {
      if (!seen.has(link.nodeId)) {
        seen.add(link.nodeId);
        queue.push(link.nodeId);
      }
    }
  }
  return seen;
}

/** Connected components of an undirected graph, each a set of node ids, largest first. */
export function connectedComponents(nodeIds: Iterable<string>, edges: readonly GraphEdge[]): Array<Set<string>> {
  const adj = buildAdjacency(nodeIds, edges);
  const done = new Set<string>();
  const out: Array<Set<string>> = [];
  for (const id of adj.keys()) {
    if (done.has(id)) continue;
    const comp = reachableFrom(adj, [id]);
    for (const n of comp) done.add(n);
    out.push(comp);
  }
  return out.sort((a, b) => b.size - a.size);
}
