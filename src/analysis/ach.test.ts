import { describe, expect, it } from 'vitest';
import type { Evidence, Hypothesis } from '../domain/ach.js';
import { analyzeAch, diagnosticity, scoreHypotheses } from './ach.js';

const cite = [{ doc: 'x.txt', quote: 'abc' }];
const hyp = (id: string): Hypothesis => ({ id, title: { ar: id, en: id } });
function ev(
  id: string,
  credibility: Evidence['credibility'],
  relevance: Evidence['relevance'],
  ratings: Record<string, Evidence['ratings'][number]['rating']>,
): Evidence {
  return {
    id,
    title: { ar: id, en: id },
    refs: [{ kind: 'claim', id }],
    credibility,
    relevance,
    ratings: Object.entries(ratings).map(([hypothesis, rating]) => ({
      hypothesis,
      rating,
      rationale: { ar: 'س', en: 'r' },
      cite,
    })),
  };
}

// A 3 × 4 matrix small enough to score by hand.
const H = [hyp('a'), hyp('b'), hyp('c')];
const E = [
  ev('e1', 'high', 'high', { a: 'C', b: 'I', c: 'II' }), // weight √2·√2 = 2
  ev('e2', 'medium', 'medium', { a: 'I', b: 'C', c: 'N' }), // weight 1
  ev('e3', 'low', 'medium', { a: 'II', b: 'CC', c: 'C' }), // weight 1/√2 ≈ 0.7071
  ev('e4', 'medium', 'high', { a: 'NA', b: 'N', c: 'N' }), // weight √2, no spread
];

describe('scoreHypotheses', () => {
  it('scoreHypotheses counts Heuer inconsistency with I = 1 and II = 2', () => {
    const byId = Object.fromEntries(scoreHypotheses(H, E).map((s) => [s.hypothesis, s]));
    expect(byId.a.inconsistency).toBe(3); // I + II
    expect(byId.b.inconsistency).toBe(1); // I
    expect(byId.c.inconsistency).toBe(2); // II
  });

  it('scoreHypotheses weights by credibility × relevance', () => {
    const byId = Object.fromEntries(scoreHypotheses(H, E).map((s) => [s.hypothesis, s]));
    // a: e2 I (1×1) + e3 II (0.7071×2) = 2.4142
    expect(byId.a.weightedInconsistency).toBeCloseTo(1 + 2 * Math.SQRT1_2, 6);
    // b: e1 I (2×1) = 2
    expect(byId.b.weightedInconsistency).toBeCloseTo(2, 6);
    // c: e1 II (2×2) = 4
    expect(byId.c.weightedInconsistency).toBeCloseTo(4, 6);
    // b signed: e1 −1×2 + e2 +1×1 + e3 +2×0.7071 + e4 0 = 0.4142
    expect(byId.b.weightedScore).toBeCloseTo(-2 + 1 + 2 * Math.SQRT1_2, 6);
  });

  it('scoreHypotheses ranks the least inconsistent hypothesis first', () => {
    expect(scoreHypotheses(H, E).map((s) => s.hypothesis)).toEqual(['b', 'a', 'c']);
  });
});

describe('diagnosticity', () => {
  it('diagnosticity is zero for evidence rated alike on every hypothesis', () => {
    const d = Object.fromEntries(diagnosticity(H, E).map((x) => [x.evidence, x.diagnosticity]));
    expect(d.e4).toBe(0);
    expect(d.e1).toBeCloseTo(3 * 2, 6); // C(1) − II(−2) = 3, × weight 2
    expect(d.e3).toBeCloseTo(4 * Math.SQRT1_2, 6); // CC(2) − II(−2) = 4
  });
});

describe('analyzeAch', () => {
  it('analyzeAch names the items whose removal changes the leader', () => {
    const result = analyzeAch(H, E);
    expect(result.leading).toBe('b');
    // Without e1, b and c both carry 0 against them; b's signed score (2.41) beats c's (0.71).
    // Without e2 (a: 1.41, b: 2) or e3 (a: 1, b: 2), a leads instead.
    expect(result.critical).toEqual([
      { evidence: 'e2', leadingWithout: 'a' },
      { evidence: 'e3', leadingWithout: 'a' },
    ]);
  });

  it('analyzeAch reranks without low-credibility items', () => {
    const result = analyzeAch(H, E);
    expect(result.withoutLowCredibility.dropped).toEqual(['e3']);
    // a: 1, b: 2, c: 4 → a leads once e3 (which hurt a most) is gone.
    expect(result.withoutLowCredibility.leading).toBe('a');
  });
});
