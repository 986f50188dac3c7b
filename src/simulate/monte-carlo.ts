/**
 * Monte Carlo over the edges' plausible ranges: every run draws each edge weight within its
 * [low, high] range (uniform, or triangular with the authored weight as the mode), solves the
 * baseline and the scenario, and counts whether each outcome rose or fell and whether each
 * actor came out ahead. The result is the share of runs for each conclusion.
 *
 * Determinism: run r draws from the stream of (seed, r) only; runs are cut into chunks of
 * CHUNK_RUNS whatever the thread count; each chunk sums its runs in order and chunks are merged
 * in chunk order. Hence the same seed gives byte-identical output on 1 or N threads.
 *
 * Threads: with `threads` > 1 the chunks are handed to worker_threads one at a time (a worker
 * asks for the next chunk when it finishes one), running dist/simulate/monte-carlo-worker.js.
 * With `threads` = 1 the chunks run in the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileStakes } from '../analysis/payoffs.js';
import type { Stake } from '../domain/model.js';
import { InputError, MarsadError } from '../domain/errors.js';
import type { CausalMap } from '../model/causal-map.js';
import { kernelSettings, resolveSettings, type InferenceSettings } from './infer.js';
import {
  DISTRIBUTION_TRIANGULAR,
  DISTRIBUTION_UNIFORM,
  runChunk,
  type ChunkSummary,
  type MonteCarloProblem,
} from './monte-carlo-chunk.js';
import { normalizeMap } from './normalize.js';
import { isValidSeed } from './random.js';
import { prepareScenario, type ScenarioInput } from './scenario.js';

export const MONTE_CARLO_DEFAULTS = {
  /** Runs, 1 … 1,000,000. */
  runs: 1000,
  seed: 1,
  distribution: 'uniform' as const,
  /** Deltas and payoffs within ±threshold count as no change. */
  threshold: 1e-4,
  /** Largest number of runs accepted. */
  maxRuns: 1_000_000,
  /** Largest thread count accepted. */
  maxThreads: 64,
};

/** Runs per chunk: fixed, so results do not depend on the thread count. */
export const CHUNK_RUNS = 250;

export type Distribution = 'uniform' | 'triangular';

export interface MonteCarloOptions extends Partial<InferenceSettings> {
  runs?: number;
  /** Integer 0 … 2³²−1. Default 1. */
  seed?: number;
  /** Worker threads; 1 runs in the calling thread. Default: min(cores, 4, chunks). */
  threads?: number;
  distribution?: Distribution;
  /** Actors' stakes, for the probability each comes out ahead. Default none. */
  stakes?: ReadonlyArray<Pick<Stake, 'actor' | 'weights'>>;
  threshold?: number;
  /** Called after each chunk with runs done and runs in all. */
  onProgress?: (done: number, total: number) => void;
  /** Worker script, for tests; default dist/simulate/monte-carlo-worker.js. */
  workerPath?: string;
}

export interface MonteCarloResult {
  scenario: string;
  runs: number;
  seed: number;
  distribution: Distribution;
  /** Share of runs where the baseline or the scenario did not reach a fixed point. */
  nonConverged: number;
  outcomes: Array<{ concept: string; rise: number; fall: number; meanDelta: number; sdDelta: number }>;
  actors: Array<{ actor: string; ahead: number; behind: number; meanPayoff: number }>;
}

/** The worker script: next to this file when compiled; in dist/ when this file runs as .ts under vitest. */
export function defaultWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  const path = here.endsWith('.ts')
    ? resolve(dirname(here), '..', '..', 'dist', 'simulate', 'monte-carlo-worker.js')
    : join(dirname(here), 'monte-carlo-worker.js');
  return path;
}

export async function runMonteCarlo(
  authored: CausalMap,
  scenario: ScenarioInput,
  options: MonteCarloOptions = {},
): Promise<MonteCarloResult> {
  const runs = options.runs ?? MONTE_CARLO_DEFAULTS.runs;
  if (!Number.isInteger(runs) || runs < 1 || runs > MONTE_CARLO_DEFAULTS.maxRuns) {
    throw new InputError(`expected runs an integer in 1 … ${MONTE_CARLO_DEFAULTS.maxRuns}, got ${runs}`, { field: 'runs' });
  }
  const seed = options.seed ?? MONTE_CARLO_DEFAULTS.seed;
  if (!isValidSeed(seed)) throw new InputError(`expected seed an integer in 0 … 4294967295, got ${seed}`, { field: 'seed' });
  const distribution = options.distribution ?? MONTE_CARLO_DEFAULTS.distribution;
  if (distribution !== 'uniform' && distribution !== 'triangular') {
    throw new InputError(`unknown distribution "${String(distribution)}" (expected uniform or triangular)`, { field: 'distribution' });
  }
  const threshold = options.threshold ?? MONTE_CARLO_DEFAULTS.threshold;
  if (!(Number.isFinite(threshold) && threshold >= 0)) throw new InputError(`expected threshold >= 0`, { field: 'threshold' });
  const chunks = Math.ceil(runs / CHUNK_RUNS);
  const threads = options.threads ?? Math.max(1, Math.min(availableParallelism(), 4, chunks));
  if (!Number.isInteger(threads) || threads < 1 || threads > MONTE_CARLO_DEFAULTS.maxThreads) {
    throw new InputError(`expected threads an integer in 1 … ${MONTE_CARLO_DEFAULTS.maxThreads}, got ${threads}`, { field: 'threads' });
  }
  const settings = resolveSettings(options);
  const map = normalizeMap(authored, settings.normalize);
  const prepared = prepareScenario(map, scenario);
  const outcomeIdx: number[] = [];
  for (let i = 0; i < map.n; i++) if (map.kinds[i] === 'outcome') outcomeIdx.push(i);
  const stakes = compileStakes(options.stakes ?? [], map.index);
  const problem: MonteCarloProblem = {
    n: map.n,
    inStarts: map.inStarts,
    inSources: map.inSources,
    inEdge: map.inEdge,
    initial: map.initial,
    weights: map.weights,
    rangeLow: map.rangeLow,
    rangeHigh: map.rangeHigh,
    baseline: prepared.baseline,
    scenario: prepared.scenario,
    settings: kernelSettings(settings),
    outcomes: Int32Array.from(outcomeIdx),
    stakes,
    seed,
    distribution: distribution === 'triangular' ? DISTRIBUTION_TRIANGULAR : DISTRIBUTION_UNIFORM,
    threshold,
  };

  const summaries: ChunkSummary[] = new Array(chunks);
  let done = 0;
  const report = (s: ChunkSummary) => {
    summaries[s.chunk] = s;
    done += s.runs;
    options.onProgress?.(done, runs);
  };
  const range = (c: number) => ({ chunk: c, start: c * CHUNK_RUNS, end: Math.min(runs, (c + 1) * CHUNK_RUNS) });
  if (threads === 1) {
    for (let c = 0; c < chunks; c++) {
      const r = range(c);
      report(runChunk(problem, r.chunk, r.start, r.end));
    }
  } else {
    await runInWorkers(problem, chunks, Math.min(threads, chunks), range, report, options.workerPath ?? defaultWorkerPath());
  }
  return merge(map, scenario.id, runs, seed, distribution, outcomeIdx, stakes.actors, summaries);
}

function runInWorkers(
  problem: MonteCarloProblem,
  chunks: number,
  threads: number,
  range: (c: number) => { chunk: number; start: number; end: number },
  report: (s: ChunkSummary) => void,
  workerPath: string,
): Promise<void> {
  if (!existsSync(workerPath)) {
    return Promise.reject(
      new MarsadError(`Monte Carlo worker script not found at ${workerPath}; build first with "npm run build"`),
    );
  }
  return new Promise((resolvePromise, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stopAll = () => {
      for (const w of workers) void w.terminate();
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(new MarsadError('a Monte Carlo worker failed', { cause: error }));
    };
    const feed = (w: Worker) => {
      if (next < chunks) w.postMessage(range(next++));
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(workerPath, { workerData: problem });
      workers.push(w);
      w.on('message', (s: ChunkSummary) => {
        if (failed) return;
        report(s);
        finished++;
        if (finished === chunks) {
          stopAll();
          resolvePromise();
        } else {
          feed(w);
        }
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (finished < chunks && !failed) fail(new Error(`worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}

function merge(
  map: CausalMap,
  scenario: string,
  runs: number,
  seed: number,
  distribution: Distribution,
  outcomeIdx: number[],
  actors: string[],
  summaries: ChunkSummary[],
): MonteCarloResult {
  const nOut = outcomeIdx.length;
  const rise = new Array<number>(nOut).fill(0);
  const fall = new Array<number>(nOut).fill(0);
  const sum = new Array<number>(nOut).fill(0);
  const sumSq = new Array<number>(nOut).fill(0);
  const ahead = new Array<number>(actors.length).fill(0);
  const behind = new Array<number>(actors.length).fill(0);
  const sumPay = new Array<number>(actors.length).fill(0);
  let nonConverged = 0;
  for (const s of summaries) {
    for (let o = 0; o < nOut; o++) {
      rise[o] += s.rise[o];
      fall[o] += s.fall[o];
      sum[o] += s.sumDelta[o];
      sumSq[o] += s.sumSqDelta[o];
    }
    for (let a = 0; a < actors.length; a++) {
      ahead[a] += s.ahead[a];
      behind[a] += s.behind[a];
      sumPay[a] += s.sumPayoff[a];
    }
    nonConverged += s.nonConverged;
  }
  return {
    scenario,
    runs,
    seed,
    distribution,
    nonConverged: nonConverged / runs,
    outcomes: outcomeIdx.map((i, o) => {
      const mean = sum[o] / runs;
      const variance = Math.max(0, sumSq[o] / runs - mean * mean);
      return { concept: map.ids[i], rise: rise[o] / runs, fall: fall[o] / runs, meanDelta: mean, sdDelta: Math.sqrt(variance) };
    }),
    actors: actors.map((actor, a) => ({
      actor,
      ahead: ahead[a] / runs,
      behind: behind[a] / runs,
      meanPayoff: sumPay[a] / runs,
    })),
  };
}
