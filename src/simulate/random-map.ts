/**
 * Seeded random sparse causal maps, for the tests and benchmarks of the engine: the same seed
 * gives the same map, so a figure or a pinned result can be reproduced.
 */
import { InputError } from '../domain/errors.js';
import type { MapConcept, MapEdge } from '../model/causal-map.js';
import { Random } from './random.js';

export interface RandomMapOptions {
  /** Number of concepts, ≥ 2. */
  concepts: number;
  /** Edges per concept on average (n·degree edges in all, no self-loops, no duplicates). */
  degree: number;
  seed: number;
  /** The first `levers` concepts are levers held at 1. Default 1. */
  levers?: number;
  /** Every concept whose index is a multiple of this (and not a lever) is an outcome. Default none. */
  outcomeEvery?: number;
  /** Each edge's range is its weight ± spread, within [−1, 1]. Default 0 (a fixed weight). */
  spread?: number;
}

/** Concepts and edges of a random map; weights uniform in [−1, 1], to two decimals. */
export function randomMapInput(options: RandomMapOptions): { concepts: MapConcept[]; edges: MapEdge[] } {
  const { concepts: n, degree, seed, levers = 1, outcomeEvery = 0, spread = 0 } = options;
  const m = Math.round(n * degree);
  if (!(Number.isInteger(n) && n >= 2 && m >= 0 && m <= n * (n - 1))) {
    throw new InputError(`cannot draw ${m} distinct edges between ${n} concepts`, { field: 'degree' });
  }
  const rng = new Random(seed);
  const label = { ar: 'x', en: 'x' };
  const concepts = Array.from({ length: n }, (_, i): MapConcept => {
    const kind = i < levers ? 'lever' : outcomeEvery > 0 && i % outcomeEvery === 0 ? 'outcome' : 'intermediate';
    return { id: `c${i}`, kind, label, initial: i < levers ? 1 : 0 };
  });
  const seen = new Set<number>();
  const edges: MapEdge[] = [];
  while (edges.length < m) {
    const from = Math.floor(rng.next() * n);
    const to = Math.floor(rng.next() * n);
    if (from === to || seen.has(from * n + to)) continue;
    seen.add(from * n + to);
    const w = Math.round((rng.next() * 2 - 1) * 100) / 100;
    edges.push({ from: `c${from}`, to: `c${to}`, weight: w, range: [Math.max(-1, w - spread), Math.min(1, w + spread)] });
  }
  return { concepts, edges };
}
