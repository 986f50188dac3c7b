import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { sensitivity } from './sensitivity.js';

// lever → mid (range wide) → out; lever → out (range narrow); other → out (no effect: other never moves)
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'lever', kind: 'lever', label },
    { id: 'other', kind: 'lever', label },
    { id: 'mid', kind: 'intermediate', label },
    { id: 'out', kind: 'outcome', label },
  ],
  [
    { from: 'lever', to: 'mid', weight: 0.5, range: [0, 1] },
    { from: 'mid', to: 'out', weight: 0.5, range: [0.4, 0.6] },
    { from: 'lever', to: 'out', weight: 0.2, range: [0.1, 0.3] },
    { from: 'other', to: 'out', weight: 0.5, range: [-1, 1] },
  ],
);

describe('sensitivity', () => {
  it('sensitivity ranks the edges by the swing they give the outcome', () => {
    const r = sensitivity(map, { id: 's', levers: { lever: 1 } }, 'out');
    expect(r.delta).toBeGreaterThan(0);
    expect(r.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['lever>mid', 'lever>out', 'mid>out', 'other>out']);
    expect(r.edges[0].deltaLow).toBeLessThan(r.edges[0].deltaHigh);
    // `other` is held at 0 in both baseline and scenario: its edge cannot move the delta
    expect(r.edges[3].swing).toBeCloseTo(0, 12);
    for (let i = 1; i < r.edges.length; i++) expect(r.edges[i - 1].swing).toBeGreaterThanOrEqual(r.edges[i].swing);
  });

  it('sensitivity rejects an unknown outcome', () => {
    expect(() => sensitivity(map, { id: 's' }, 'nope')).toThrow(/unknown concept/);
  });
});
