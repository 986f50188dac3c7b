/**
 * A layered (Sugiyama) layout for causal maps with dagre: levers in the first layer, outcomes in
 * the last, intermediates in between by their longest path from the levers, left to right — or
 * right to left on an Arabic page, so the map reads in the page's direction.
 *
 * dagre ranks nodes itself; to impose our layers every edge that runs forward gets a minimum
 * length equal to its layer difference and every node without a forward successor is tied to a
 * virtual sink, so the tightest ranking dagre finds is exactly ours. Edges that run backward
 * (feedback) or within a layer are left out of the layout and drawn over it.
 */
import dagre from '@dagrejs/dagre';

export type Layer = 'first' | 'middle' | 'last';
export interface LayeredNode { id: string; layer: Layer; width: number; height: number }
export interface LayeredEdge { source: string; target: string }

export const DEFAULTS = {
  /** Gap between layers, in px. */
  rankSep: 110,
  /** Gap between nodes of one layer, in px. */
  nodeSep: 12,
};

/** The layer index of every node: first = 0, last = one past the deepest intermediate. */
export function assignLayers(nodes: LayeredNode[], edges: LayeredEdge[]): Map<string, number> {
  const kind = new Map(nodes.map((n) => [n.id, n.layer]));
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) if (kind.has(e.source) && kind.has(e.target) && e.source !== e.target) out.get(e.source)!.push(e.target);
  // Depth-first from the first layer (then from anything left) marks the edges that close a
  // cycle; without them the intermediates form a DAG whose longest paths give the layers.
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const order: string[] = [];
  const starts = [...nodes.filter((n) => n.layer === 'first'), ...nodes.filter((n) => n.layer !== 'first')].map((n) => n.id);
  for (const start of starts) {
    if (state.has(start)) continue;
    // Iterative DFS: a 1,000-node map must not overflow the stack.
    const stack: Array<[string, number]> = [[start, 0]];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])![top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      } else if (!state.has(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      } else if (state.get(next) === 1) back.add(`${top[0]}\u0000${next}`);
    }
  }
  const layer = new Map<string, number>();
  for (const n of nodes) layer.set(n.id, n.layer === 'first' ? 0 : 1);
  // Reverse post-order is a topological order of the DAG left after dropping back edges.
  for (const id of order.reverse()) {
    if (kind.get(id) === 'last') continue;
    for (const next of out.get(id)!) {
      if (back.has(`${id}\u0000${next}`) || kind.get(next) !== 'middle') continue;
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
    }
  }
  const deepest = Math.max(0, ...nodes.filter((n) => n.layer === 'middle').map((n) => layer.get(n.id)!));
  for (const n of nodes) if (n.layer === 'last') layer.set(n.id, deepest + 1);
  return layer;
}

/** Node centres (px) of the layered layout. */
export function layeredPositions(nodes: LayeredNode[], edges: LayeredEdge[], rtl: boolean, options: Partial<typeof DEFAULTS> = {}): Map<string, { x: number; y: number }> {
  const o = { ...DEFAULTS, ...options };
  const layer = assignLayers(nodes, edges);
  const g = new dagre.graphlib.Graph({ multigraph: false });
  // Long edges pass through later layers as dummy nodes; a small edge gap keeps those layers short.
  g.setGraph({ rankdir: rtl ? 'RL' : 'LR', ranker: 'longest-path', ranksep: o.rankSep, nodesep: o.nodeSep, edgesep: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const hasForward = new Set<string>();
  for (const e of edges) {
    const [a, b] = [layer.get(e.source), layer.get(e.target)];
    if (a === undefined || b === undefined || b <= a || g.hasEdge(e.source, e.target)) continue;
    g.setEdge(e.source, e.target, { minlen: b - a, weight: 1 });
    hasForward.add(e.source);
  }
  const sinkLayer = Math.max(0, ...layer.values()) + 1;
  const SINK = '\u0000sink';
  g.setNode(SINK, { width: 0, height: 0 });
  for (const n of nodes) if (!hasForward.has(n.id)) g.setEdge(n.id, SINK, { minlen: sinkLayer - layer.get(n.id)!, weight: 0 });
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number };
    positions.set(n.id, { x: p.x, y: p.y });
  }
  return positions;
}
