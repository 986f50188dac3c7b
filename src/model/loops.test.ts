import { describe, expect, it } from 'vitest';
import { buildCausalMap, type MapEdge } from './causal-map.js';
import { findLoops } from './loops.js';

const label = { ar: 'x', en: 'x' };
const e = (from: string, to: string, weight: number): MapEdge => ({ from, to, weight, range: [weight, weight] });
// a ⇄ b (+,+: reinforcing); a → b → c → a with c → a negative (balancing); d → d self-loop (−)
const map = buildCausalMap(
  ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: 'intermediate' as const, label })),
  [e('a', 'b', 0.5), e('b', 'a', 0.5), e('b', 'c', 0.5), e('c', 'a', -0.5), e('d', 'd', -0.3)],
);

describe('findLoops', () => {
  it('findLoops lists each elementary cycle once, shortest first, with polarity', () => {
    const r = findLoops(map);
    expect(r.truncated).toBe(false);
    expect(r.loops.map((l) => [l.concepts.join('>'), l.polarity])).toEqual([
      ['d', 'balancing'],
      ['a>b', 'reinforcing'],
      ['a>b>c', 'balancing'],
    ]);
    expect(r.loops[2].gain).toBeCloseTo(-0.125, 12);
    expect([r.reinforcing, r.balancing]).toEqual([1, 2]);
  });

  it('findLoops stops at the bound and says so', () => {
    const r = findLoops(map, { max: 2 });
    expect(r.truncated).toBe(true);
    expect(r.reason).toBe('max-loops');
    expect(r.loops.map((l) => l.length)).toEqual([1, 2]);
  });

  it('findLoops on a complete graph stops within its step budget', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `n${i}`);
    const edges = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => e(a, b, 0.1)));
    const dense = buildCausalMap(ids.map((id) => ({ id, kind: 'intermediate' as const, label })), edges);
    const r = findLoops(dense, { max: 1_000_000, maxSteps: 200_000 });
    expect(r.truncated).toBe(true);
    expect(r.reason).toBe('max-steps');
    // all 91 two-cycles were found before the budget ran out
    expect(r.loops.filter((l) => l.length === 2)).toHaveLength(91);
  });
});
