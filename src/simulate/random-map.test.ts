import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { randomMapInput } from './random-map.js';

describe('randomMapInput', () => {
  it('randomMapInput gives the same map for the same seed, with the counts, kinds and ranges asked', () => {
    const a = randomMapInput({ concepts: 30, degree: 2.5, seed: 4, levers: 3, outcomeEvery: 7, spread: 0.1 });
    expect(randomMapInput({ concepts: 30, degree: 2.5, seed: 4, levers: 3, outcomeEvery: 7, spread: 0.1 })).toEqual(a);
    expect(randomMapInput({ concepts: 30, degree: 2.5, seed: 5, levers: 3, outcomeEvery: 7, spread: 0.1 })).not.toEqual(a);
    expect(a.edges).toHaveLength(75);
    expect(a.concepts.filter((c) => c.kind === 'lever').map((c) => c.id)).toEqual(['c0', 'c1', 'c2']);
    expect(a.concepts.filter((c) => c.kind === 'outcome').map((c) => c.id)).toEqual(['c7', 'c14', 'c21', 'c28']);
    for (const e of a.edges) {
      expect(e.range[0]).toBeCloseTo(Math.max(-1, e.weight - 0.1), 12);
      expect(e.range[1]).toBeCloseTo(Math.min(1, e.weight + 0.1), 12);
    }
    // a valid map: no self-loops, no duplicate edges, weights within their ranges
    expect(buildCausalMap(a.concepts, a.edges).m).toBe(75);
  });

  it('randomMapInput refuses more edges than the concepts can hold', () => {
    expect(() => randomMapInput({ concepts: 3, degree: 3, seed: 1 })).toThrow(/distinct edges/);
  });
});
