import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { buildCausalMap } from '../model/causal-map.js';
import { leverEffects, parseLeverAssignment, scenarioFromLevers } from './levers.js';
import { runScenario } from './scenario.js';

// push (+0.5) and pull (−0.5) both act on x; x → y 0.8
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'push', kind: 'lever', label },
    { id: 'pull', kind: 'lever', label },
    { id: 'x', kind: 'intermediate', label },
    { id: 'y', kind: 'outcome', label },
  ],
  [
    { from: 'push', to: 'x', weight: 0.5, range: [0.3, 0.7] },
    { from: 'pull', to: 'x', weight: -0.5, range: [-0.7, -0.3] },
    { from: 'x', to: 'y', weight: 0.8, range: [0.7, 0.9] },
  ],
);

describe('levers', () => {
  it('parseLeverAssignment reads ID=VALUE', () => {
    expect(parseLeverAssignment('push=0.5')).toEqual(['push', 0.5]);
    expect(parseLeverAssignment(' pull = -1 ')).toEqual(['pull', -1]);
  });

  it('parseLeverAssignment rejects bad syntax and values outside [-1, 1]', () => {
    expect(() => parseLeverAssignment('push')).toThrow(/expected --lever ID=VALUE/);
    expect(() => parseLeverAssignment('push=2')).toThrow(InputError);
    expect(() => parseLeverAssignment('push=lots')).toThrow(/lever value in \[-1, 1\]/);
  });

  it('scenarioFromLevers builds an unsaved scenario, and names a close id for a typo', () => {
    expect(scenarioFromLevers(map, [['push', 1]])).toEqual({ id: 'custom', levers: { push: 1 } });
    expect(() => scenarioFromLevers(map, [['psuh', 1]])).toThrow(/unknown concept "psuh" \(did you mean "push"\?\)/);
  });

  it('scenarioFromLevers sets levers on top of a saved scenario and its schedule', () => {
    const base = { id: 'saved', levers: { push: 1 }, schedule: [{ date: '2025-09', levers: { pull: 1 } }] };
    expect(scenarioFromLevers(map, { pull: 0.5 }, base)).toEqual({ id: 'saved+levers', levers: { push: 1, pull: 0.5 } });
  });

  it('leverEffects gives each lever its own push on x, though together they cancel', () => {
    const s = { id: 'both', levers: { push: 1, pull: 1 } };
    expect(runScenario(map, s).concepts[2].delta).toBeCloseTo(0, 12);
    const effects = leverEffects(map, s);
    expect(effects.map((e) => e.lever)).toEqual(['push', 'pull']);
    // with push alone x = tanh(0.5); with both x = 0
    expect(effects[1].effects[0]).toMatchObject({ concept: 'x', weight: -0.5 });
    expect(effects[1].effects[0].change).toBeCloseTo(-Math.tanh(0.5), 9);
    expect(effects[0].effects[0].change).toBeCloseTo(Math.tanh(0.5), 9);
  });
});
