import { describe, expect, it } from 'vitest';
import { fastExp, fastSigmoid, fastTanh } from './fast-math.js';

describe('fast-math', () => {
  it('fastTanh stays within 1e-15 of Math.tanh on a dense grid', () => {
    let worst = 0;
    for (let x = -25; x <= 25; x += 0.000_37) worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    for (const x of [0, -0, 1e-300, -1e-9, 5e-8, 19.09, 19.11, -40, 1e6]) worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(1e-15);
  });

  it('fastSigmoid stays within 1e-15 of the logistic on a dense grid', () => {
    let worst = 0;
    for (let x = -60; x <= 60; x += 0.000_71) worst = Math.max(worst, Math.abs(fastSigmoid(x) - 1 / (1 + Math.exp(-x))));
    expect(worst).toBeLessThan(1e-15);
  });

  it('fastExp has a relative error below 4e-16 across the double range', () => {
    let worst = 0;
    for (let x = -700; x <= 709; x += 0.0131) worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(4e-16);
    expect(fastExp(710)).toBe(Infinity);
    expect(fastExp(-746)).toBe(0);
    expect(fastExp(0)).toBe(1);
  });
});
