import { describe, expect, it } from 'vitest';
import { buildCausalMap } from './causal-map.js';
import { modelMetrics } from './metrics.js';

const label = { ar: 'x', en: 'x' };
// d → m (0.5), m → r (−0.4), d → r (0.25); i isolated
const map = buildCausalMap(
  ['d', 'm', 'r', 'i'].map((id) => ({ id, kind: 'intermediate' as const, label })),
  [
    { from: 'd', to: 'm', weight: 0.5, range: [0.5, 0.5] },
    { from: 'm', to: 'r', weight: -0.4, range: [-0.4, -0.4] },
    { from: 'd', to: 'r', weight: 0.25, range: [0.25, 0.25] },
  ],
);

describe('modelMetrics', () => {
  it('modelMetrics classifies drivers, receivers and ordinary concepts', () => {
    const m = modelMetrics(map);
    const role = Object.fromEntries(m.perConcept.map((c) => [c.concept, c.role]));
    expect(role).toEqual({ d: 'driver', m: 'ordinary', r: 'receiver', i: 'isolated' });
    expect([m.drivers, m.receivers, m.ordinary, m.isolated]).toEqual([1, 1, 1, 1]);
    expect(m.complexity).toBe(1);
  });

  it('modelMetrics gives degrees, centrality as Σ|w| and density as edges/n²', () => {
    const m = modelMetrics(map);
    const mid = m.perConcept.find((c) => c.concept === 'm')!;
    expect([mid.inDegree, mid.outDegree]).toEqual([1, 1]);
    expect(mid.centrality).toBeCloseTo(0.9, 12);
    expect(m.perConcept[0].concept).toBe('m'); // m 0.9 > d 0.75 > r 0.65 > i 0
    expect(m.density).toBeCloseTo(3 / 16, 12);
    expect([m.positiveEdges, m.negativeEdges]).toEqual([2, 1]);
  });
});
