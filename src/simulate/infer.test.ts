import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { infer, noClamp, type InferenceSettings } from './infer.js';
import { TRANSFERS } from './transfer.js';
import { UPDATE_RULES } from './update-rules.js';

// A (no causes) → B +0.5; B → C −0.8; A → C +0.3. A starts at 1, the others at 0.
const label = { ar: 'x', en: 'x' };
const toy = buildCausalMap(
  [
    { id: 'a', kind: 'lever', label, initial: 1 },
    { id: 'b', kind: 'intermediate', label },
    { id: 'c', kind: 'outcome', label },
  ],
  [
    { from: 'a', to: 'b', weight: 0.5, range: [0.3, 0.7] },
    { from: 'b', to: 'c', weight: -0.8, range: [-1, -0.5] },
    { from: 'a', to: 'c', weight: 0.3, range: [0.1, 0.5] },
  ],
);
const run = (s: Partial<InferenceSettings>) => infer(toy, toy.inWeights, toy.initial, noClamp(3), s);

describe('infer', () => {
  it('infer with kosko + tanh reaches the hand-computed fixed point', () => {
    const r = run({ rule: 'kosko', transfer: 'tanh' });
    expect(r.convergence.status).toBe('fixed-point');
    // b = tanh(0.5·1); c = tanh(0.3·1 − 0.8·b)
    expect(r.state[1]).toBeCloseTo(Math.tanh(0.5), 6);
    expect(r.state[1]).toBeCloseTo(0.462117, 5);
    expect(r.state[2]).toBeCloseTo(-0.069581, 5);
  });

  it('infer with kosko + sigmoid reaches the hand-computed fixed point', () => {
    const r = run({ rule: 'kosko', transfer: 'sigmoid' });
    expect(r.convergence.status).toBe('fixed-point');
    expect(r.state[1]).toBeCloseTo(0.622459, 5); // σ(0.5)
    expect(r.state[2]).toBeCloseTo(0.450669, 5); // σ(0.3 − 0.8·0.622459)
  });

  it('infer with lambda steepens tanh', () => {
    const r = run({ rule: 'kosko', transfer: 'tanh', lambda: 2 });
    expect(r.state[1]).toBeCloseTo(0.761594, 5); // tanh(2·0.5)
  });

  it('infer with modified-kosko + sigmoid adds self-memory (two steps by hand)', () => {
    const r = run({ rule: 'modified-kosko', transfer: 'sigmoid', maxSteps: 2 });
    expect(r.convergence).toEqual({ status: 'none', steps: 2 });
    // step 1: b = σ(0 + 0.5) = 0.622459, c = σ(0 + 0.3) = 0.574443
    // step 2: b = σ(0.622459 + 0.5) = 0.754445, c = σ(0.574443 + 0.3 − 0.8·0.622459) = 0.593023
    expect(r.state[1]).toBeCloseTo(0.754445, 5);
    expect(r.state[2]).toBeCloseTo(0.593023, 5);
  });

  it('infer with rescaled + sigmoid maps activations to 2A − 1 (two steps by hand)', () => {
    const r = run({ rule: 'rescaled', transfer: 'sigmoid', maxSteps: 2 });
    // step 1: b = σ(−1 + 0.5·1) = 0.377541, c = σ(−1 + 0.3 − 0.8·(−1)) = σ(0.1) = 0.524979
    // step 2: b = σ((2·0.377541 − 1) + 0.5) = 0.563427, c = σ((2·0.524979 − 1) + 0.3 − 0.8·(2·0.377541 − 1)) = 0.633182
    expect(r.state[1]).toBeCloseTo(0.563427, 5);
    expect(r.state[2]).toBeCloseTo(0.633182, 5);
  });

  it('infer with trivalent + kosko gives signs', () => {
    const r = run({ rule: 'kosko', transfer: 'trivalent' });
    expect(r.convergence.status).toBe('fixed-point');
    // b = sign(0.5) = 1; c = sign(0.3 − 0.8) = −1
    expect(Array.from(r.state)).toEqual([1, 1, -1]);
  });

  it('infer with bivalent + kosko thresholds at 0', () => {
    const r = run({ rule: 'kosko', transfer: 'bivalent' });
    expect(Array.from(r.state)).toEqual([1, 1, 0]);
  });

  it('infer keeps concepts with no incoming edge at their value', () => {
    const r = run({ transfer: 'sigmoid' });
    // under sigmoid a transformed concept could not stay at exactly 1
    expect(r.state[0]).toBe(1);
  });

  it('infer holds clamped concepts at their clamp value', () => {
    const clamp = noClamp(3);
    clamp.mask[1] = 1;
    clamp.values[1] = -0.5;
    const r = infer(toy, toy.inWeights, toy.initial, clamp, { transfer: 'tanh' });
    expect(r.state[1]).toBe(-0.5);
    expect(r.state[2]).toBeCloseTo(Math.tanh(0.3 + 0.4), 6);
  });

  it('infer detects a limit cycle and its period (bivalent, negative loop)', () => {
    // d (=1, no causes) → x +1; x → y +1; y → x −1: x' = [1 − y > 0], y' = [x > 0]
    // (x, y): (0,0) → (1,0) → (1,1) → (0,1) → (0,0): period 4
    const m = buildCausalMap(
      [
        { id: 'd', kind: 'lever', label, initial: 1 },
        { id: 'x', kind: 'intermediate', label },
        { id: 'y', kind: 'outcome', label },
      ],
      [
        { from: 'd', to: 'x', weight: 1, range: [1, 1] },
        { from: 'x', to: 'y', weight: 1, range: [1, 1] },
        { from: 'y', to: 'x', weight: -1, range: [-1, -1] },
      ],
    );
    const r = infer(m, m.inWeights, m.initial, noClamp(3), { transfer: 'bivalent' });
    expect(r.convergence.status).toBe('limit-cycle');
    expect(r.convergence.period).toBe(4);
    // the reported state is the mean over the cycle: x and y are 1 half the time
    expect(r.state[1]).toBeCloseTo(0.5, 12);
    expect(r.state[2]).toBeCloseTo(0.5, 12);
  });

  it('infer reports no convergence when the step budget runs out', () => {
    const r = run({ rule: 'modified-kosko', transfer: 'tanh', maxSteps: 5 });
    expect(r.convergence).toEqual({ status: 'none', steps: 5 });
  });

  it('infer rejects unknown rules, transfers and bad numbers', () => {
    expect(() => run({ rule: 'nope' as never })).toThrow(/unknown update rule/);
    expect(() => run({ transfer: 'relu' as never })).toThrow(/unknown transfer/);
    expect(() => run({ lambda: 0 })).toThrow(/lambda/);
    expect(() => run({ maxSteps: 0 })).toThrow(/maxSteps/);
    expect(() => run({ epsilon: Number.NaN })).toThrow(/epsilon/);
  });

  it('the registries agree with the kernel for every rule and transfer', () => {
    // two steps from (a, b, c) = (1, 0, 0), checked against the reference implementations
    for (const [ruleName, rule] of Object.entries(UPDATE_RULES)) {
      for (const [name, f] of Object.entries(TRANSFERS)) {
        const r = infer(toy, toy.inWeights, toy.initial, noClamp(3), { rule: ruleName as never, transfer: name as never, maxSteps: 2, lambda: 1.5 });
        const b1 = f.apply(rule.input(0, [[0.5, 1]]), 1.5);
        const c1 = f.apply(rule.input(0, [[0.3, 1], [-0.8, 0]]), 1.5);
        const b2 = f.apply(rule.input(b1, [[0.5, 1]]), 1.5);
        const c2 = f.apply(rule.input(c1, [[0.3, 1], [-0.8, b1]]), 1.5);
        expect([r.state[1], r.state[2]].map((x) => x.toFixed(12))).toEqual([b2, c2].map((x) => x.toFixed(12)));
      }
    }
  });
});
