/**
 * Feedback loops: the elementary cycles of the map, with polarity (reinforcing when the product
 * of the edge signs is positive, balancing when negative).
 *
 * Search is a depth-first walk from each concept s through concepts with a larger index only,
 * so each cycle is found exactly once (from its smallest concept), run by iterative deepening
 * on the cycle length: all loops of length 1, then 2, … so that when a bound stops the search
 * the loops kept are the shortest ones. Two bounds keep dense maps from hanging: `max` loops
 * and `maxSteps` DFS steps; hitting either sets `truncated: true`.
 */
import type { CausalMap } from './causal-map.js';
import { centralities } from './metrics.js';

export interface LoopOptions {
  /** Stop after this many loops. Default 1,000. */
  max?: number;
  /** Longest loop looked for, in edges. Default: the number of concepts. */
  maxLength?: number;
  /** DFS step budget over the whole search. Default 2,000,000. */
  maxSteps?: number;
}

export const LOOP_DEFAULTS = { max: 1000, maxSteps: 2_000_000 } as const;

export interface FeedbackLoop {
  /** Concept ids in order; the loop closes from the last back to the first. */
  concepts: string[];
  length: number;
  polarity: 'reinforcing' | 'balancing';
  /** Product of the edge weights along the loop. */
  gain: number;
  /** Σ of the concepts' centralities: ranks loops of equal length. */
  centrality: number;
}

export interface LoopResult {
  loops: FeedbackLoop[];
  truncated: boolean;
  /** Why the search stopped early, when it did. */
  reason?: 'max-loops' | 'max-steps';
  reinforcing: number;
  balancing: number;
}

export function findLoops(map: CausalMap, options: LoopOptions = {}): LoopResult {
  const max = options.max ?? LOOP_DEFAULTS.max;
  const maxSteps = options.maxSteps ?? LOOP_DEFAULTS.maxSteps;
  const maxLength = Math.min(options.maxLength ?? map.n, map.n);
  const cent = centralities(map);
  const raw: Array<{ path: number[]; gain: number }> = [];
  const path = new Int32Array(map.n + 1);
  const pathWeight = new Float64Array(map.n + 1);
  const onPath = new Uint8Array(map.n);
  let steps = 0;
  let reason: LoopResult['reason'];

  // Iterative deepening: loops of exactly `len` edges in round len.
  outer: for (let len = 1; len <= maxLength; len++) {
    for (let s = 0; s < map.n; s++) {
      // explicit-stack DFS: frame d holds the next outgoing slot to try from path[d]
      const cursor = new Int32Array(len + 1);
      path[0] = s;
      onPath[s] = 1;
      cursor[0] = map.outStarts[s];
      let d = 0;
      while (d >= 0) {
        if (++steps > maxSteps) {
          reason = 'max-steps';
          onPath.fill(0);
          break outer;
        }
        const v = path[d];
        const p = cursor[d];
        if (p >= map.outStarts[v + 1]) {
          onPath[v] = 0;
          d--;
          continue;
        }
        cursor[d] = p + 1;
        const t = map.outTargets[p];
        if (t === s && d + 1 === len) {
          pathWeight[d] = map.outWeights[p];
          let gain = 1;
          const nodes: number[] = [];
          for (let k = 0; k <= d; k++) {
            gain *= pathWeight[k];
            nodes.push(path[k]);
          }
          raw.push({ path: nodes, gain });
          if (raw.length >= max) {
            reason = 'max-loops';
            onPath.fill(0);
            break outer;
          }
          continue;
        }
        if (t <= s || onPath[t] || d + 1 >= len) continue;
        pathWeight[d] = map.outWeights[p];
        d++;
        path[d] = t;
        onPath[t] = 1;
        cursor[d] = map.outStarts[t];
      }
    }
  }

  const loops: FeedbackLoop[] = raw.map(({ path: nodes, gain }) => {
    let centrality = 0;
    for (const i of nodes) centrality += cent[i];
    return {
      concepts: nodes.map((i) => map.ids[i]),
      length: nodes.length,
      polarity: gain < 0 ? 'balancing' : 'reinforcing',
      gain: Math.round(gain * 1e9) / 1e9,
      centrality: Math.round(centrality * 1e9) / 1e9,
    };
  });
  loops.sort((a, b) => a.length - b.length || b.centrality - a.centrality || a.concepts.join().localeCompare(b.concepts.join()));
  const reinforcing = loops.filter((l) => l.polarity === 'reinforcing').length;
  return {
    loops,
    truncated: reason !== undefined,
    ...(reason ? { reason } : {}),
    reinforcing,
    balancing: loops.length - reinforcing,
  };
}
