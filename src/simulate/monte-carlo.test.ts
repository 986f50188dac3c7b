import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { defaultWorkerPath, runMonteCarlo } from './monte-carlo.js';

// presence → vacuum (range crosses 0) → chaos; stakes: iran gains from chaos, usa loses
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'presence', kind: 'lever', label, initial: 1 },
    { id: 'vacuum', kind: 'intermediate', label },
    { id: 'chaos', kind: 'outcome', label },
    { id: 'trade', kind: 'outcome', label },
  ],
  [
    { from: 'presence', to: 'vacuum', weight: -0.6, range: [-0.9, -0.3] },
    { from: 'vacuum', to: 'chaos', weight: 0.4, range: [-0.2, 0.8] },
    { from: 'chaos', to: 'trade', weight: -0.5, range: [-0.7, -0.3] },
  ],
);
const scenario = { id: 'withdraw', levers: { presence: 0 } };
const stakes = [
  { actor: 'iran', weights: { chaos: 0.5 } },
  { actor: 'usa', weights: { chaos: -0.5, trade: 0.5 } },
];

describe('runMonteCarlo', () => {
  it('runMonteCarlo gives probabilities that add up and follow the ranges', async () => {
    const r = await runMonteCarlo(map, scenario, { runs: 2000, seed: 3, threads: 1, stakes });
    expect(r.runs).toBe(2000);
    expect(r.nonConverged).toBe(0);
    const chaos = r.outcomes.find((o) => o.concept === 'chaos')!;
    // withdrawal lifts the vacuum; chaos rises when the sampled vacuum→chaos weight is
    // positive: 0.8 / (0.8 + 0.2) = 0.8 of uniform draws
    expect(chaos.rise).toBeGreaterThan(0.75);
    expect(chaos.rise).toBeLessThan(0.85);
    expect(chaos.rise + chaos.fall).toBeLessThanOrEqual(1);
    const iran = r.actors.find((a) => a.actor === 'iran')!;
    expect(iran.ahead).toBeCloseTo(chaos.rise, 1);
  });

  it('runMonteCarlo with the same seed gives byte-identical output on 1 and 2 threads', async () => {
    expect(existsSync(defaultWorkerPath())).toBe(true); // npm test builds dist first
    const one = await runMonteCarlo(map, scenario, { runs: 1100, seed: 9, threads: 1, stakes });
    const two = await runMonteCarlo(map, scenario, { runs: 1100, seed: 9, threads: 2, stakes, distribution: 'uniform' });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const other = await runMonteCarlo(map, scenario, { runs: 1100, seed: 10, threads: 2, stakes });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
  });

  it('runMonteCarlo with triangular sampling concentrates near the authored weight', async () => {
    const tri = await runMonteCarlo(map, scenario, { runs: 2000, seed: 3, threads: 1, distribution: 'triangular' });
    const uni = await runMonteCarlo(map, scenario, { runs: 2000, seed: 3, threads: 1, distribution: 'uniform' });
    const sd = (r: typeof tri) => r.outcomes.find((o) => o.concept === 'chaos')!.sdDelta;
    expect(sd(tri)).toBeLessThan(sd(uni));
  });

  it('runMonteCarlo reports progress up to the total', async () => {
    const seen: number[] = [];
    await runMonteCarlo(map, scenario, { runs: 600, threads: 1, onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([250, 500, 600]);
  });

  it('runMonteCarlo rejects bad runs, seeds, threads and distributions', async () => {
    await expect(runMonteCarlo(map, scenario, { runs: 0 })).rejects.toThrow(/runs/);
    await expect(runMonteCarlo(map, scenario, { runs: 1_000_001 })).rejects.toThrow(/runs/);
    await expect(runMonteCarlo(map, scenario, { seed: -1 })).rejects.toThrow(/seed/);
    await expect(runMonteCarlo(map, scenario, { threads: 0 })).rejects.toThrow(/threads/);
    await expect(runMonteCarlo(map, scenario, { distribution: 'normal' as never })).rejects.toThrow(/distribution/);
  });

  it('runMonteCarlo fails clearly when the worker script is missing', async () => {
    await expect(runMonteCarlo(map, scenario, { runs: 600, threads: 2, workerPath: '/nonexistent/worker.js' })).rejects.toThrow(
      /worker script not found/,
    );
  });
});
