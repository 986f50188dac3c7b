import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { normalizeMap } from './normalize.js';
import { runScenario } from './scenario.js';

// a, b, c (levers) → x with 0.8, 0.8, −0.4 (Σ|w| = 2); x → y 0.5 (Σ|w| = 0.5, left alone)
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'a', kind: 'lever', label, initial: 1 },
    { id: 'b', kind: 'lever', label, initial: 1 },
    { id: 'c', kind: 'lever', label, initial: 1 },
    { id: 'x', kind: 'intermediate', label },
    { id: 'y', kind: 'outcome', label },
  ],
  [
    { from: 'a', to: 'x', weight: 0.8, range: [0.7, 0.9] },
    { from: 'b', to: 'x', weight: 0.8, range: [0.7, 0.9] },
    { from: 'c', to: 'x', weight: -0.4, range: [-0.6, -0.2] },
    { from: 'x', to: 'y', weight: 0.5, range: [0.3, 0.7] },
  ],
);

describe('normalizeMap', () => {
  it('normalizeMap in-strength divides a concept\'s incoming weights and ranges by their Σ|w| above 1', () => {
    const m = normalizeMap(map, 'in-strength');
    expect(Array.from(m.weights)).toEqual([0.4, 0.4, -0.2, 0.5]);
    expect(m.rangeLow[0]).toBeCloseTo(0.35, 12);
    expect(m.rangeHigh[2]).toBeCloseTo(-0.1, 12);
    // the incoming CSR carries the same scaled weights
    expect([...m.inWeights].sort()).toEqual([...m.weights].sort());
    // authored edges are kept for labels and reports
    expect(m.edges[0].weight).toBe(0.8);
  });

  it('normalizeMap in-degree divides by the number of causes', () => {
    const m = normalizeMap(map, 'in-degree');
    expect(m.weights[0]).toBeCloseTo(0.8 / 3, 12);
    expect(m.weights[3]).toBe(0.5);
  });

  it('normalizeMap none returns the map itself, and caches per map and mode', () => {
    expect(normalizeMap(map, 'none')).toBe(map);
    expect(normalizeMap(map, 'in-strength')).toBe(normalizeMap(map, 'in-strength'));
  });

  it('normalizeMap rejects an unknown mode', () => {
    expect(() => normalizeMap(map, 'sideways' as never)).toThrow(/unknown weight normalization "sideways"/);
  });

  it('runScenario keeps the input in [−1, 1] under in-strength: x = tanh(0.4 + 0.4 − 0.2)', () => {
    const r = runScenario(map, { id: 'base' });
    expect(r.settings.normalize).toBe('in-strength');
    expect(r.concepts[3].baseline).toBeCloseTo(Math.tanh(0.6), 9);
    const raw = runScenario(map, { id: 'base' }, { normalize: 'none' });
    expect(raw.concepts[3].baseline).toBeCloseTo(Math.tanh(1.2), 9);
  });
});
