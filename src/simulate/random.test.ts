import { describe, expect, it } from 'vitest';
import { Random, runRandom, subSeed } from './random.js';

describe('Random', () => {
  it('Random repeats its sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('Random.next stays in [0, 1) and is roughly uniform', () => {
    const r = new Random(7);
    let sum = 0;
    const bins = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      bins[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('runRandom depends only on (seed, run): neighbouring runs get distinct streams', () => {
    expect(runRandom(1, 5).next()).toBe(runRandom(1, 5).next());
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => subSeed(1, i)));
    expect(seeds.size).toBe(1000);
  });
});
