import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { buildCausalMap } from '../model/causal-map.js';
import { runScenario } from './scenario.js';

// presence (lever) → vacuum −0.6 → chaos +0.8 (outcome); presence → chaos −0.2
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'presence', kind: 'lever', label, initial: 1 },
    { id: 'vacuum', kind: 'intermediate', label },
    { id: 'chaos', kind: 'outcome', label },
  ],
  [
    { from: 'presence', to: 'vacuum', weight: -0.6, range: [-0.8, -0.4] },
    { from: 'vacuum', to: 'chaos', weight: 0.8, range: [0.6, 1] },
    { from: 'presence', to: 'chaos', weight: -0.2, range: [-0.4, 0] },
  ],
);

describe('runScenario', () => {
  it('runScenario compares the baseline lever value with the scenario value', () => {
    const r = runScenario(map, { id: 'withdraw', levers: { presence: 0 } });
    // baseline: vacuum = tanh(−0.6), chaos = tanh(0.8·vacuum − 0.2); scenario: all 0
    const vacuum = Math.tanh(-0.6);
    const chaos = Math.tanh(0.8 * vacuum - 0.2);
    expect(r.convergence.baseline.status).toBe('fixed-point');
    expect(r.convergence.scenario.status).toBe('fixed-point');
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0].concept).toBe('chaos');
    expect(r.outcomes[0].baseline).toBeCloseTo(chaos, 6);
    expect(r.outcomes[0].value).toBeCloseTo(0, 6);
    expect(r.outcomes[0].delta).toBeCloseTo(-chaos, 6);
    expect(r.levers).toEqual({ presence: 0 });
  });

  it('runScenario applies the last schedule step for the steady state', () => {
    const r = runScenario(map, {
      id: 'phased',
      levers: { presence: 1 },
      schedule: [
        { date: '2025-09', levers: { presence: 0.5 } },
        { date: '2026-09', levers: { presence: 0 } },
      ],
    });
    expect(r.levers.presence).toBe(0);
  });

  it('runScenario rejects a lever that is not a concept', () => {
    expect(() => runScenario(map, { id: 's', levers: { nope: 1 } })).toThrow(InputError);
    expect(() => runScenario(map, { id: 's', levers: { nope: 1 } })).toThrow(/unknown concept "nope"/);
  });

  it('runScenario rejects lever values outside [-1, 1] or not finite', () => {
    expect(() => runScenario(map, { id: 's', levers: { presence: 2 } })).toThrow(/lever value/);
    expect(() => runScenario(map, { id: 's', levers: { presence: Number.NaN } })).toThrow(/lever value/);
  });

  it('runScenario rejects schedules out of order or out of range', () => {
    const bad = (schedule: Array<{ date: string; levers: Record<string, number> }>) => () =>
      runScenario(map, { id: 's', schedule });
    expect(bad([{ date: '2026-09', levers: { presence: 0 } }, { date: '2025-09', levers: { presence: 1 } }])).toThrow(/out of order/);
    expect(bad([{ date: '1850-01', levers: { presence: 0 } }])).toThrow(/outside 1900–2100/);
    expect(bad([{ date: '2025-02-30', levers: { presence: 0 } }])).toThrow(/no such date/);
    expect(bad([{ date: 'soon', levers: { presence: 0 } }])).toThrow(/YYYY/);
  });
});
