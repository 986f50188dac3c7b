import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { conceptsAtWalls } from './saturation.js';
import { runScenario } from './scenario.js';

// two strong causes of x: raw input 1.6 (tanh 0.92, at the wall); normalized 0.8 (tanh 0.66)
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'a', kind: 'lever', label, initial: 1 },
    { id: 'b', kind: 'lever', label, initial: 1 },
    { id: 'x', kind: 'outcome', label },
  ],
  [
    { from: 'a', to: 'x', weight: 0.8, range: [0.7, 0.9] },
    { from: 'b', to: 'x', weight: 0.8, range: [0.7, 0.9] },
  ],
);

describe('saturation', () => {
  it('conceptsAtWalls lists free concepts at |x| ≥ threshold, never clamped ones', () => {
    const state = Float64Array.from([1, -0.9, 0.79]);
    expect(conceptsAtWalls(map, state, { mask: Uint8Array.from([1, 0, 0]) })).toEqual(['b']);
    expect(conceptsAtWalls(map, state, { mask: Uint8Array.from([1, 0, 0]) }, 0.5)).toEqual(['b', 'x']);
  });

  it('runScenario reports the walls of baseline and scenario', () => {
    const raw = runScenario(map, { id: 'drop-b', levers: { b: 0 } }, { normalize: 'none' });
    expect(raw.walls).toEqual({ threshold: 0.8, baseline: ['x'], scenario: [] });
    const calibrated = runScenario(map, { id: 'drop-b', levers: { b: 0 } });
    expect(calibrated.walls.baseline).toEqual([]);
  });
});
