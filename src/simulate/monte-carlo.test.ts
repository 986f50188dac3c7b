import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { chooseThreads, estimateSeconds, runMonteCarlo } from './monte-carlo.js';
import { createMonteCarloPool, defaultWorkerPath } from './monte-carlo-pool.js';
import { randomMapInput } from './random-map.js';

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

  it('runMonteCarlo on 3 threads (caller and 2 workers) matches 1 thread to the byte, with progress up to the total', async () => {
    const seen: number[] = [];
    const three = await runMonteCarlo(map, scenario, { runs: 2600, seed: 4, threads: 3, stakes, onProgress: (d) => seen.push(d) });
    const one = await runMonteCarlo(map, scenario, { runs: 2600, seed: 4, threads: 1, stakes });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(seen).toHaveLength(11);
    expect(seen.at(-1)).toBe(2600);
  });

  it('runMonteCarlo fails clearly when the worker script is missing', async () => {
    await expect(runMonteCarlo(map, scenario, { runs: 600, threads: 2, workerPath: '/nonexistent/worker.js' })).rejects.toThrow(
      /worker script not found/,
    );
  });
  it('runMonteCarlo fails clearly when a worker cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-worker-'));
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('broken on purpose');\n");
    // the calling thread could do these few runs alone: the broken worker is reported all the same
    await expect(runMonteCarlo(map, scenario, { runs: 500, threads: 2, workerPath: broken })).rejects.toThrow(/Monte Carlo worker failed/);
    const pool = createMonteCarloPool({ threads: 1, workerPath: broken });
    try {
      await expect(runMonteCarlo(map, scenario, { runs: 500, pool })).rejects.toThrow(/Monte Carlo worker failed/);
    } finally {
      await pool.close();
    }
  });
});

describe('Monte Carlo threads', () => {
  it('defaultWorkerPath runs the TypeScript source under the tests, never a stale build', () => {
    expect(defaultWorkerPath()).toMatch(/src\/simulate\/monte-carlo-worker\.ts$/);
  });

  it('estimateSeconds grows with the runs and the steps the map takes', () => {
    const problemOf = (rule: 'kosko' | 'modified-kosko') => ({ settings: { rule: rule === 'kosko' ? 0 : 1, transfer: 1, lambda: 1, epsilon: 1e-6, maxSteps: 1000, maxPeriod: 16 } });
    const base = { baseline: { mask: new Uint8Array(4), values: new Float64Array(4) }, scenario: { mask: Uint8Array.from([1, 0, 0, 0]), values: new Float64Array(4) } };
    const kosko = estimateSeconds(map, { ...base, ...problemOf('kosko') } as never, 1000);
    expect(kosko).toBeGreaterThan(0);
    expect(estimateSeconds(map, { ...base, ...problemOf('kosko') } as never, 2000)).toBeCloseTo(2 * kosko, 12);
    // self-memory slows convergence: more steps, more work
    expect(estimateSeconds(map, { ...base, ...problemOf('modified-kosko') } as never, 1000)).toBeGreaterThan(kosko);
  });

  it('chooseThreads uses one thread when a worker would cost as much as it saves', () => {
    expect(chooseThreads(0.1, 40, 2, 0.06)).toBe(1);
    expect(chooseThreads(0.3, 40, 2, 0.06)).toBe(2);
    expect(chooseThreads(10, 40, 8, 0.06)).toBe(4); // at most 4 by default
    expect(chooseThreads(10, 3, 8, 0.06)).toBe(3); // no more threads than chunks
    expect(chooseThreads(0.001, 40, 2, 0)).toBe(2); // a warm pool starts nothing
    expect(chooseThreads(10, 40, 1, 0.06)).toBe(1);
  });
});

describe('createMonteCarloPool', () => {
  const pool = createMonteCarloPool({ threads: 2 });
  afterAll(() => pool.close());

  it('createMonteCarloPool runs jobs on warm workers with the same result as one thread, several at once', async () => {
    const one = await runMonteCarlo(map, scenario, { runs: 1800, seed: 12, threads: 1, stakes });
    const [a, b] = await Promise.all([
      runMonteCarlo(map, scenario, { runs: 1800, seed: 12, stakes, pool }),
      runMonteCarlo(map, scenario, { runs: 700, seed: 13, stakes, pool, distribution: 'triangular' }),
    ]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(one));
    expect(b.runs).toBe(700);
    // the workers (running the current worker source) computed every chunk: 8 + 3
    expect(pool.chunksComputed()).toBe(11);
    const again = await runMonteCarlo(map, scenario, { runs: 1800, seed: 12, stakes, pool, threads: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(one));
  });

  it('createMonteCarloPool close() fails jobs still running and refuses new ones', async () => {
    const other = createMonteCarloPool({ threads: 1 });
    const running = expect(runMonteCarlo(map, scenario, { runs: 200_000, seed: 1, pool: other })).rejects.toThrow(/pool was closed/);
    await other.close();
    await running;
    await expect(runMonteCarlo(map, scenario, { runs: 10, pool: other })).rejects.toThrow(/pool is closed/);
  });

  it('createMonteCarloPool rejects a bad thread count', () => {
    expect(() => createMonteCarloPool({ threads: 0 })).toThrow(/threads/);
  });
});

describe('runMonteCarlo results over time', () => {
  // A seeded 40-concept map whose runs reach fixed points, limit cycles and no convergence.
  const input = randomMapInput({ concepts: 40, degree: 3, seed: 5, levers: 2, outcomeEvery: 5, spread: 0.2 });

  it('runMonteCarlo gives, to the last digit, what the engine gave before its kernel moved to WebAssembly', async () => {
    // Figures printed by the TypeScript kernel of commit 097db69 for the same map and options.
    const before = [
      {
        nonConverged: 0.6016666666666667,
        c5: { concept: 'c5', rise: 1, fall: 0, meanDelta: 0.20812934531574187, sdDelta: 0.07549326519202264 },
        a: { actor: 'a', ahead: 1, behind: 0, meanPayoff: 0.0938452652847315 },
      },
      {
        nonConverged: 0,
        c5: { concept: 'c5', rise: 0, fall: 0, meanDelta: 1.4810511071213043e-05, sdDelta: 6.798157823347494e-06 },
        a: { actor: 'a', ahead: 0, behind: 0.65, meanPayoff: -0.00012931924962318413 },
      },
      {
        nonConverged: 0.9983333333333333,
        c5: { concept: 'c5', rise: 0.265, fall: 0.31166666666666665, meanDelta: -0.10162337199837197, sdDelta: 0.9659686358778042 },
        a: { actor: 'a', ahead: 0.2816666666666667, behind: 0.325, meanPayoff: -0.1142402574277575 },
      },
    ];
    const ranged = buildCausalMap(input.concepts, input.edges);
    const settingsList = [{}, { rule: 'modified-kosko' as const, transfer: 'sigmoid' as const, lambda: 2 }, { transfer: 'trivalent' as const }];
    const now = [];
    for (const settings of settingsList) {
      const r = await runMonteCarlo(ranged, { id: 's', levers: { c0: -0.5 } }, {
        ...settings,
        // The figures above predate weight normalization (issue 14): compare on the authored weights.
        normalize: 'none',
        runs: 600,
        seed: 21,
        threads: 1,
        distribution: 'triangular',
        stakes: [{ actor: 'a', weights: { c5: 1, c10: -0.5 } }],
      });
      now.push({ nonConverged: r.nonConverged, c5: r.outcomes.find((o) => o.concept === 'c5'), a: r.actors[0] });
    }
    expect(now).toEqual(before);
  });
});
