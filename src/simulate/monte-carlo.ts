/**
 * Monte Carlo over the edges' plausible ranges: every run draws each edge weight within its
 * [low, high] range (uniform, or triangular with the authored weight as the mode), solves the
 * baseline and the scenario, and counts whether each outcome rose or fell and whether each
 * actor came out ahead. The result is the share of runs for each conclusion.
 *
 * Determinism: run r draws from the stream of (seed, r) only; runs are cut into chunks of
 * CHUNK_RUNS whatever the thread count; each chunk sums its runs in order and chunks are merged
 * in chunk order. Hence the same seed gives byte-identical output on 1 or N threads, and
 * whichever thread computed which chunk.
 *
 * Threads: `threads` is the number of threads that compute. Without a pool, the calling thread
 * computes chunks itself and `threads − 1` worker threads (a short-lived pool) take chunks from
 * the same queue as soon as they have started, so a worker that starts late costs little. By
 * default the count follows the estimated work (estimateSeconds): one thread when the work is
 * too small to pay for starting a worker. With a warm `pool` (createMonteCarloPool, for a
 * long-running process) the pool's workers compute and the calling thread only merges, so it
 * stays free for other requests.
 */
import { availableParallelism } from 'node:os';
import { compileStakes } from '../analysis/payoffs.js';
import type { Stake } from '../domain/model.js';
import { InputError } from '../domain/errors.js';
import type { CausalMap } from '../model/causal-map.js';
import { kernelSettings, resolveSettings, type InferenceSettings } from './infer.js';
import {
  DISTRIBUTION_TRIANGULAR,
  DISTRIBUTION_UNIFORM,
  runChunk,
  type ChunkSummary,
  type MonteCarloProblem,
} from './monte-carlo-chunk.js';
import { createMonteCarloPool, MONTE_CARLO_POOL_DEFAULTS, type ChunkRange, type MonteCarloPool, type PoolJob } from './monte-carlo-pool.js';
import { normalizeMap } from './normalize.js';
import { isValidSeed } from './random.js';
import { createPairSolver, prepareScenario, solvePair, type ScenarioInput } from './scenario.js';

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
  maxThreads: MONTE_CARLO_POOL_DEFAULTS.maxThreads,
};

/**
 * The cost model behind the default thread count, measured on the 2-core development machine
 * (bench/simulate-montecarlo.js): seconds per edge or concept update of the kernel, and the
 * time from starting a worker thread to its first result.
 */
export const MONTE_CARLO_COSTS = {
  secondsPerUpdate: 2.5e-9,
  workerStartSeconds: 0.06,
} as const;

/** Runs per chunk: fixed, so results do not depend on the thread count. */
export const CHUNK_RUNS = 250;

export type Distribution = 'uniform' | 'triangular';

export interface MonteCarloOptions extends Partial<InferenceSettings> {
  runs?: number;
  /** Integer 0 … 2³²−1. Default 1. */
  seed?: number;
  /**
   * Threads that compute, 1 … 64; 1 runs in the calling thread. Default: from the estimated
   * work, at most the cores and 4 (with a pool: the pool's size).
   */
  threads?: number;
  /** Warm worker threads to run on (createMonteCarloPool); the caller keeps and closes it. */
  pool?: MonteCarloPool;
  distribution?: Distribution;
  /** Actors' stakes, for the probability each comes out ahead. Default none. */
  stakes?: ReadonlyArray<Pick<Stake, 'actor' | 'weights'>>;
  threshold?: number;
  /** Called after each chunk with runs done and runs in all. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the work between chunks (rejecting with the signal's reason). */
  signal?: AbortSignal;
  /** Worker script, for tests; default monte-carlo-worker next to this module. */
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

/**
 * Estimated seconds of one thread's work: the runs times the steps that baseline and scenario
 * take at the authored weights, times the updates per step (edges and concepts).
 */
export function estimateSeconds(map: CausalMap, problem: MonteCarloProblem, runs: number): number {
  const solver = createPairSolver(map.n, problem.settings);
  solvePair(map, map.inWeights, problem, solver);
  const steps = solver.baseInfo[1] + solver.scenInfo[1];
  return runs * steps * (map.m + map.n) * MONTE_CARLO_COSTS.secondsPerUpdate;
}

/**
 * Threads worth using for `seconds` of work cut in `chunks` chunks, on `cores` cores, when
 * starting a worker costs `startSeconds` (0 for a warm pool). With the calling thread computing
 * from the start and w workers joining after startSeconds, the work ends after about
 * (seconds + w·startSeconds) / (w + 1): a worker is started only when the work is at least four
 * times its start-up, where it shortens the run by a third or more.
 */
export function chooseThreads(seconds: number, chunks: number, cores: number, startSeconds: number): number {
  const most = Math.max(1, Math.min(cores, MONTE_CARLO_POOL_DEFAULTS.defaultMaxThreads, chunks));
  if (startSeconds <= 0) return most;
  return seconds >= 4 * startSeconds ? most : 1;
}

/** A Monte Carlo request checked and turned into the data the chunks read. */
interface Prepared {
  runs: number;
  seed: number;
  distribution: Distribution;
  chunks: number;
  outcomeIdx: number[];
  actors: string[];
  problem: MonteCarloProblem;
}

function prepare(authored: CausalMap, scenario: ScenarioInput, options: MonteCarloOptions): Prepared {
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
  const threads = options.threads;
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > MONTE_CARLO_DEFAULTS.maxThreads)) {
    throw new InputError(`expected threads an integer in 1 … ${MONTE_CARLO_DEFAULTS.maxThreads}, got ${threads}`, { field: 'threads' });
  }
  const settings = resolveSettings(options);
  // Weights and their ranges scaled as the settings say before sampling (normalize.ts).
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
  return { runs, seed, distribution, chunks: Math.ceil(runs / CHUNK_RUNS), outcomeIdx, actors: stakes.actors, problem };
}

/** How runMonteCarlo would run a request: the estimated work and the threads it would use. */
export function planMonteCarlo(
  map: CausalMap,
  scenario: ScenarioInput,
  options: MonteCarloOptions = {},
): { estimatedSeconds: number; threads: number } {
  const p = prepare(map, scenario, options);
  return { estimatedSeconds: estimateSeconds(map, p.problem, p.runs), threads: threadsFor(map, p, options) };
}

/** Threads that compute: as asked, the pool's size, or from the estimated work. */
function threadsFor(map: CausalMap, p: Prepared, options: MonteCarloOptions): number {
  if (options.threads !== undefined) return Math.min(p.chunks, options.threads);
  if (options.pool) return Math.min(p.chunks, options.pool.size);
  const seconds = estimateSeconds(map, p.problem, p.runs);
  return chooseThreads(seconds, p.chunks, availableParallelism(), MONTE_CARLO_COSTS.workerStartSeconds);
}

export async function runMonteCarlo(
  map: CausalMap,
  scenario: ScenarioInput,
  options: MonteCarloOptions = {},
): Promise<MonteCarloResult> {
  const prepared = prepare(map, scenario, options);
  const summaries = await computeChunks(map, prepared, options, 0, prepared.chunks);
  return mergePrepared(map, scenario.id, prepared, summaries);
}

/** Chunks of `runs`, for a request cut in parts: the number of chunks of the whole request. */
export function monteCarloChunks(runs: number): number {
  return Math.ceil(runs / CHUNK_RUNS);
}

/**
 * Chunks `from` … `to − 1` of a Monte Carlo request (one part of it, which another process may
 * compute): their summaries in chunk order, plain data that survives JSON. `onProgress` counts
 * this part's runs; `signal` stops it between chunks (rejecting with the signal's reason).
 */
export async function runMonteCarloPart(
  map: CausalMap,
  scenario: ScenarioInput,
  options: MonteCarloOptions,
  from: number,
  to: number,
): Promise<ChunkSummary[]> {
  const prepared = prepare(map, scenario, options);
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= prepared.chunks)) {
    throw new InputError(`expected chunks within 0 … ${prepared.chunks}, got ${from} … ${to}`, { field: 'chunks' });
  }
  return computeChunks(map, prepared, options, from, to);
}

/**
 * The result of a request from every chunk's summary (computed anywhere, in any order): the
 * same, bit for bit, as runMonteCarlo's with the same options.
 */
export function mergeMonteCarlo(
  map: CausalMap,
  scenario: ScenarioInput,
  options: MonteCarloOptions,
  summaries: readonly ChunkSummary[],
): MonteCarloResult {
  const prepared = prepare(map, scenario, options);
  const ordered: ChunkSummary[] = new Array(prepared.chunks);
  for (const s of summaries) ordered[s.chunk] = s;
  for (let c = 0; c < prepared.chunks; c++) {
    if (!ordered[c]) throw new InputError(`Monte Carlo chunk ${c} of ${prepared.chunks} is missing`, { field: 'chunks' });
  }
  return mergePrepared(map, scenario.id, prepared, ordered);
}

function mergePrepared(map: CausalMap, scenario: string, p: Prepared, summaries: ChunkSummary[]): MonteCarloResult {
  return merge(map, scenario, p.runs, p.seed, p.distribution, p.outcomeIdx, p.actors, summaries);
}

async function computeChunks(
  map: CausalMap,
  prepared: Prepared,
  options: MonteCarloOptions,
  from: number,
  to: number,
): Promise<ChunkSummary[]> {
  const { runs, problem } = prepared;
  const threads = Math.min(to - from, threadsFor(map, prepared, options));
  const summaries: ChunkSummary[] = [];
  const partRuns = Math.min(runs, to * CHUNK_RUNS) - from * CHUNK_RUNS;
  let done = 0;
  let received = 0;
  let next = from;
  const signal = options.signal;
  const pool = options.pool;
  // Settles when every chunk is in, or with the first failure of a worker (resolved with it
  // rather than rejected, so that a failure while this thread computes is never unhandled).
  let failure: Error | undefined;
  let settle!: () => void;
  const finished = new Promise<void>((resolvePromise) => {
    settle = resolvePromise;
  });
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  const take = (): ChunkRange | undefined => {
    if (signal?.aborted) {
      fail(signal.reason instanceof Error ? signal.reason : new Error('stopped'));
      return undefined;
    }
    if (next >= to) return undefined;
    const c = next++;
    return { chunk: c, start: c * CHUNK_RUNS, end: Math.min(runs, (c + 1) * CHUNK_RUNS) };
  };
  const report = (s: ChunkSummary) => {
    summaries[s.chunk - from] = s;
    done += s.runs;
    received++;
    options.onProgress?.(done, partRuns);
    if (received === to - from) settle();
  };

  if (!pool && threads === 1) {
    for (let r = take(); r; r = take()) {
      report(runChunk(problem, r.chunk, r.start, r.end));
      // between chunks, let a cancellation or a lease renewal in
      if (signal) await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
    if (failure) throw failure;
  } else {
    // Workers: the pool's, or threads − 1 new ones beside the calling thread.
    const workers = pool ?? createMonteCarloPool({ threads: threads - 1, workerPath: options.workerPath });
    const own = pool ? undefined : workers;
    let job: PoolJob | undefined;
    try {
      job = pool ? pool.attach(problem, take, report, fail, threads, 1) : workers.attach(problem, take, report, fail, threads - 1, 2);
      if (own) {
        for (let r = take(); r && !failure; r = take()) {
          report(runChunk(problem, r.chunk, r.start, r.end));
          // let the workers' results in and hand them their next chunks
          await new Promise((resolveTurn) => setImmediate(resolveTurn));
        }
      }
      await finished;
      if (failure) throw failure;
      // a worker that could not start is an error even when this thread did all the work
      await own?.started();
    } finally {
      job?.detach();
      await own?.close();
    }
  }
  return summaries;
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
