// Minimum-weight vertex cut between two node sets of an undirected graph, by max-flow / min-cut
// (Ford & Fulkerson 1956; shortest augmenting paths after Edmonds & Karp 1972). Each node v is
// split into v_in → v_out carrying v's weight; every edge becomes v_out → w_in and w_out → v_in
// of unbounded capacity, so only node weights can be cut. Pure; small graphs (hundreds of nodes).

/** Input of {@link minVertexCut}. */
export interface VertexCutProblem {
  nodeIds: readonly string[];
  /** Undirected edges as node-id pairs. */
  edges: ReadonlyArray<readonly [string, string]>;
  /** Cost of removing a node; `Infinity` for a node that cannot be cut. Sources and sinks are never cut. */
  weight: (nodeId: string) => number;
  sources: readonly string[];
  sinks: readonly string[];
  /**
   * Which of the minimum cuts to return when several cost the same: `'sink'` the one nearest the
   * sinks (fewest nodes left on the sink side), `'source'` the one nearest the sources.
   * @default 'sink'
   */
  side?: 'sink' | 'source';
}

/** A finite minimum cut: the nodes to remove and their total weight. */
export interface VertexCut {
  nodeIds: string[];
  cost: number;
}

/** Stands for an unbounded capacity; a flow this large means no finite cut exists. */
const UNBOUNDED = 1e15;
const EPS = 1e-9;

interface Arc { to: number; cap: number; rev: number }

/** The minimum-weight set of nodes whose removal disconnects every source from every sink; null when none is finite. */
export function minVertexCut(p: VertexCutProblem): VertexCut | null {
  const index = new Map(p.nodeIds.map((id, i) => [id, i]));
  const n = p.nodeIds.length;
  const S = 2 * n, T = 2 * n + 1;
  const arcs: Arc[][] = Array.from({ length: 2 * n + 2 }, () => []);
  const add = (u: number, v: number, cap: number) => {
    arcs[u]!.push({ to: v, cap, rev: arcs[v]!.length });
    arcs[v]!.push({ to: u, cap: 0, rev: arcs[u]!.length - 1 });
  };
  p.nodeIds.forEach((id, i) => {
    const w = p.weight(id);
    add(2 * i, 2 * i + 1, Number.isFinite(w) ? Math.max(w, 0) : UNBOUNDED);
  });
  for (const [a, b] of p.edges) {
    const i = index.get(a), j = index.get(b);
    if (i === undefined || j === undefined) continue;
    add(2 * i + 1, 2 * j, UNBOUNDED);
    add(2 * j + 1, 2 * i, UNBOUNDED);
  }
  for (const s of p.sources) { const i = index.get(s); if (i !== undefined) add(S, 2 * i + 1, UNBOUNDED); }
  for (const t of p.sinks) { const i = index.get(t); if (i !== undefined) add(2 * i, T, UNBOUNDED); }

  const flow = maxFlow(arcs, S, T);
  if (flow >= UNBOUNDED / 2) return null;
  const nodeIds: string[] = [];
  if ((p.side ?? 'sink') === 'source') {
    const fromS = residualReach(arcs, S, 'forward');
    p.nodeIds.forEach((id, i) => { if (fromS.has(2 * i) && !fromS.has(2 * i + 1)) nodeIds.push(id); });
  } else {
    const toT = residualReach(arcs, T, 'backward');
    p.nodeIds.forEach((id, i) => { if (!toT.has(2 * i) && toT.has(2 * i + 1)) nodeIds.push(id); });
  }
  return { nodeIds: nodeIds.sort(), cost: flow };
}

/** Edmonds–Karp: augments along shortest residual paths until none is left; returns the flow value. */
function maxFlow(arcs: Arc[][], S: number, T: number): number {
  let total = 0;
  const prevNode = new Int32Array(arcs.length);
  const prevArc = new Int32Array(arcs.length);
  const queue = new Int32Array(arcs.length);
  for (;;) {
    prevNode.fill(-1);
    prevNode[S] = S;
    let head = 0, tail = 0;
    queue[tail++] = S;
    while (head < tail && prevNode[T] === -1) {
      const u = queue[head++]!;
      const out = arcs[u]!;
      for (let k = 0; k < out.length; k++) {
        const a = out[k]!;
        if (a.cap > EPS && prevNode[a.to] === -1) { prevNode[a.to] = u; prevArc[a.to] = k; queue[tail++] = a.to; }
      }
    }
    if (prevNode[T] === -1) return total;
    let push = Infinity;
    for (let v = T; v !== S; v = prevNode[v]!) push = Math.min(push, arcs[prevNode[v]!]![prevArc[v]!]!.cap);
    for (let v = T; v !== S; v = prevNode[v]!) {
      const a = arcs[prevNode[v]!]![prevArc[v]!]!;
      a.cap -= push;
      arcs[v]![a.rev]!.cap += push;
    }
    total += push;
    if (total >= UNBOUNDED / 2) return total;
  }
}

/** Vertices reachable from `start` along residual arcs ('forward'), or that reach it ('backward'). */
function residualReach(arcs: Arc[][], start: number, direction: 'forward' | 'backward'): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi]!;
    for (const a of arcs[u]!) {
      // backward: the arc a.to → u has residual capacity arcs[a.to][a.rev].cap
      const cap = direction === 'forward' ? a.cap : arcs[a.to]![a.rev]!.cap;
      if (cap > EPS && !seen.has(a.to)) { seen.add(a.to); queue.push(a.to); }
    }
  }
  return seen;
}
