/**
 * One chunk of Monte Carlo runs: the pure computation shared by the calling thread and the
 * worker threads. A problem is plain data (typed arrays and numbers) so it can be posted to a
 * worker as is. Runs are grouped in chunks of a fixed size whatever the thread count, and each
 * chunk sums its runs in run order, so the merged totals are the same bit for bit on 1 or N
 * threads.
 */
import type { CompiledStakes } from '../analysis/payoffs.js';
import { payoffVector } from '../analysis/payoffs.js';
import type { Clamp, KernelSettings } from './infer.js';
import { runRandom } from './random.js';
import { createPairSolver, solvePair } from './scenario.js';

export const DISTRIBUTION_UNIFORM = 0;
export const DISTRIBUTION_TRIANGULAR = 1;

export interface MonteCarloProblem {
  n: number;
  inStarts: Int32Array;
  inSources: Int32Array;
  inEdge: Int32Array;
  initial: Float64Array;
  weights: Float64Array;
  rangeLow: Float64Array;
  rangeHigh: Float64Array;
  baseline: Clamp;
  scenario: Clamp;
  settings: KernelSettings;
  /** Concept indices whose rise/fall is counted. */
  outcomes: Int32Array;
  stakes: CompiledStakes;
  seed: number;
  distribution: number;
  /** Changes within ±threshold count as neither rise nor fall (payoffs likewise). */
  threshold: number;
}

export interface ChunkSummary {
  chunk: number;
  runs: number;
  rise: number[];
  fall: number[];
  sumDelta: number[];
  sumSqDelta: number[];
  ahead: number[];
  behind: number[];
  sumPayoff: number[];
  nonConverged: number;
}

/** Draws every edge weight of run `run` (authored edge order) into `out`. */
export function sampleWeights(p: MonteCarloProblem, run: number, out: Float64Array): void {
  const rng = runRandom(p.seed, run);
  const m = p.weights.length;
  for (let k = 0; k < m; k++) {
    const lo = p.rangeLow[k];
    const hi = p.rangeHigh[k];
    const u = rng.next();
    if (hi === lo) {
      out[k] = lo;
    } else if (p.distribution === DISTRIBUTION_TRIANGULAR) {
      const mode = p.weights[k];
      const c = (mode - lo) / (hi - lo);
      out[k] = u < c ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
    } else {
      out[k] = lo + u * (hi - lo);
    }
  }
}

export function runChunk(p: MonteCarloProblem, chunk: number, start: number, end: number): ChunkSummary {
  const nOut = p.outcomes.length;
  const nAct = p.stakes.actors.length;
  const s: ChunkSummary = {
    chunk,
    runs: end - start,
    rise: new Array(nOut).fill(0),
    fall: new Array(nOut).fill(0),
    sumDelta: new Array(nOut).fill(0),
    sumSqDelta: new Array(nOut).fill(0),
    ahead: new Array(nAct).fill(0),
    behind: new Array(nAct).fill(0),
    sumPayoff: new Array(nAct).fill(0),
    nonConverged: 0,
  };
  const m = p.weights.length;
  const sampled = new Float64Array(m);
  const inWeights = new Float64Array(m);
  const delta = new Float64Array(p.n);
  const pay = new Float64Array(nAct);
  const solver = createPairSolver(p.n, p.settings);
  const th = p.threshold;
  for (let run = start; run < end; run++) {
    sampleWeights(p, run, sampled);
    for (let q = 0; q < m; q++) inWeights[q] = sampled[p.inEdge[q]];
    solvePair(p, inWeights, p, solver);
    if (solver.baseInfo[0] !== 0 || solver.scenInfo[0] !== 0) s.nonConverged++;
    for (let i = 0; i < p.n; i++) delta[i] = solver.scen[i] - solver.base[i];
    for (let o = 0; o < nOut; o++) {
      const d = delta[p.outcomes[o]];
      if (d > th) s.rise[o]++;
      else if (d < -th) s.fall[o]++;
      s.sumDelta[o] += d;
      s.sumSqDelta[o] += d * d;
    }
    payoffVector(p.stakes, delta, pay);
    for (let a = 0; a < nAct; a++) {
      if (pay[a] > th) s.ahead[a]++;
      else if (pay[a] < -th) s.behind[a]++;
      s.sumPayoff[a] += pay[a];
    }
  }
  return s;
}
