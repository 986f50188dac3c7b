import { describe, expect, it } from 'vitest';
import { expNonPositive, sigmoidFast, tanhFast } from './fast-math.js';

describe('fast-math', () => {
  it('expNonPositive has a relative error below 5e-16 on [-700, 0]', () => {
    let worst = 0;
    for (let x = -700; x <= 0; x += 0.001_31) worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(5e-16);
    expect(expNonPositive(0)).toBe(1);
  });

  it('tanhFast stays within 5e-16 of Math.tanh', () => {
    let worst = 0;
    for (let x = -25; x <= 25; x += 0.000_37) worst = Math.max(worst, Math.abs(tanhFast(x) - Math.tanh(x)));
    for (const x of [0, -0, 1e-300, -1e-9, 5e-8, 19.09, 19.11, -40, 1e6, -1e300]) {
      worst = Math.max(worst, Math.abs(tanhFast(x) - Math.tanh(x)));
    }
    expect(worst).toBeLessThan(5e-16);
    expect(Math.sign(tanhFast(-1e-9))).toBe(-1);
  });

  it('sigmoidFast stays within 5e-16 of the logistic', () => {
    let worst = 0;
    for (let x = -60; x <= 60; x += 0.000_71) worst = Math.max(worst, Math.abs(sigmoidFast(x) - 1 / (1 + Math.exp(-x))));
    for (const x of [-800, 800, 0]) worst = Math.max(worst, Math.abs(sigmoidFast(x) - 1 / (1 + Math.exp(-x))));
    expect(worst).toBeLessThan(5e-16);
    expect(sigmoidFast(0)).toBe(0.5);
  });
});
