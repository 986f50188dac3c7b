/**
 * Worker threads for Monte Carlo. A pool starts its workers once and runs the chunks of any
 * number of jobs on them, so that a long-running process (serve) pays the start-up of a thread
 * once rather than at every request: `createMonteCarloPool()`, pass it as `pool` to
 * runMonteCarlo, `close()` it when done. runMonteCarlo makes a short-lived pool itself when it
 * is given none and the work is worth more than one thread.
 *
 * Scheduling: a job hands the pool a `take()` that gives the next chunk of runs (shared with the
 * calling thread, which may compute chunks too). Each ready worker holds up to `depth` chunks of
 * the job: two when the calling thread computes too, so that a worker has its next chunk at
 * hand while that thread is busy and cannot answer; one otherwise, so that no worker sits on a
 * chunk another could start at the end of a job. Results come back through `report`; the job
 * counts them and detaches when it has all.
 *
 * Messages: to a worker {type: 'job', job, problem} before its first chunk of a job,
 * {type: 'chunk', job, chunk, start, end}, {type: 'end', job}; from it {type: 'ready'} once
 * loaded and {type: 'summary', job, summary} per chunk.
 *
 * Workers keep the process alive only while they have chunks: an idle pool lets it exit.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, MarsadError } from '../domain/errors.js';
import type { ChunkSummary, MonteCarloProblem } from './monte-carlo-chunk.js';

export const MONTE_CARLO_POOL_DEFAULTS = {
  /** Largest thread count accepted. */
  maxThreads: 64,
  /** Default thread count: the cores, at most this. */
  defaultMaxThreads: 4,
} as const;


export interface ChunkRange {
  chunk: number;
  start: number;
  end: number;
}

/** Messages a worker receives. */
export type ToWorker =
  | { type: 'job'; job: number; problem: MonteCarloProblem }
  | ({ type: 'chunk'; job: number } & ChunkRange)
  | { type: 'end'; job: number };

/** Messages a worker sends. */
export type FromWorker = { type: 'ready' } | { type: 'summary'; job: number; summary: ChunkSummary };

export interface MonteCarloPoolOptions {
  /** Worker threads, 1 … 64. Default: the cores, at most 4. */
  threads?: number;
  /** Worker script, for tests. Default: monte-carlo-worker next to this module. */
  workerPath?: string;
}

/** A job's connection to the pool. */
export interface PoolJob {
  /** Stops handing out chunks and lets the workers drop the problem. */
  detach(): void;
}

export interface MonteCarloPool {
  /** Worker threads. */
  readonly size: number;
  /**
   * Runs chunks of `problem` from `take` on at most `maxWorkers` workers, each holding up to
   * `depth` chunks, reporting each summary; `fail` receives a worker's failure (the job should
   * stop).
   */
  attach(
    problem: MonteCarloProblem,
    take: () => ChunkRange | undefined,
    report: (summary: ChunkSummary) => void,
    fail: (error: Error) => void,
    maxWorkers: number,
    depth: number,
  ): PoolJob;
  /**
   * Resolves once every worker has started; rejects if one could not (a broken worker script),
   * so that a job the calling thread finished alone still reports it.
   */
  started(): Promise<void>;
  /** Chunks the workers have computed so far. */
  chunksComputed(): number;
  /** Stops the workers; jobs still attached fail. */
  close(): Promise<void>;
}

/** The worker script: the compiled one next to this file, or the TypeScript source when this file runs as .ts (tests). */
export function defaultWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), here.endsWith('.ts') ? 'monte-carlo-worker.ts' : 'monte-carlo-worker.js');
}

/**
 * Starts a worker. A .ts script (the sources, under the tests) is loaded through tsx, so that
 * tests always run the current worker source, never a stale build.
 */
function startWorker(path: string): Worker {
  if (!path.endsWith('.ts')) return new Worker(path);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(path).href)}); });`;
  return new Worker(code, { eval: true });
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: Array<{ job: Job }>;
  /** Jobs whose problem this worker has. */
  loaded: Set<number>;
}

interface Job {
  id: number;
  problem: MonteCarloProblem;
  take: () => ChunkRange | undefined;
  report: (summary: ChunkSummary) => void;
  fail: (error: Error) => void;
  maxWorkers: number;
  depth: number;
  workers: Set<Slot>;
  exhausted: boolean;
}

export function createMonteCarloPool(options: MonteCarloPoolOptions = {}): MonteCarloPool {
  const size = options.threads ?? Math.max(1, Math.min(availableParallelism(), MONTE_CARLO_POOL_DEFAULTS.defaultMaxThreads));
  if (!Number.isInteger(size) || size < 1 || size > MONTE_CARLO_POOL_DEFAULTS.maxThreads) {
    throw new InputError(`expected threads an integer in 1 … ${MONTE_CARLO_POOL_DEFAULTS.maxThreads}, got ${size}`, { field: 'threads' });
  }
  const workerPath = options.workerPath ?? defaultWorkerPath();
  if (!existsSync(workerPath)) {
    throw new MarsadError(`Monte Carlo worker script not found at ${workerPath}; build first with "npm run build"`);
  }
  const slots = new Set<Slot>();
  const jobs: Job[] = [];
  let nextJob = 1;
  let closed = false;
  let broken: Error | undefined;
  let computed = 0;
  const waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const settleWaiting = () => {
    if (!broken && [...slots].some((slot) => !slot.ready)) return;
    for (const w of waiting.splice(0)) {
      if (broken) w.reject(broken);
      else w.resolve();
    }
  };

  const post = (slot: Slot, message: ToWorker) => slot.worker.postMessage(message);

  const pump = () => {
    for (const slot of slots) {
      while (slot.ready) {
        const held = slot.inFlight.length;
        const job = jobs.find(
          (j) => !j.exhausted && held < j.depth && (j.workers.has(slot) || j.workers.size < j.maxWorkers),
        );
        if (!job) break;
        const range = job.take();
        if (!range) {
          job.exhausted = true;
          continue;
        }
        if (!slot.loaded.has(job.id)) {
          post(slot, { type: 'job', job: job.id, problem: job.problem });
          slot.loaded.add(job.id);
        }
        job.workers.add(slot);
        post(slot, { type: 'chunk', job: job.id, ...range });
        if (slot.inFlight.length === 0) slot.worker.ref();
        slot.inFlight.push({ job });
      }
    }
  };

  /**
   * A worker failed. One that had started is replaced (its chunk's job fails); one that failed
   * while starting (a broken script) breaks the pool, since the others will fail alike.
   */
  const remove = (slot: Slot, error: Error) => {
    if (!slots.delete(slot)) return;
    for (const { job } of slot.inFlight) job.fail(error);
    slot.inFlight = [];
    void slot.worker.terminate();
    if (closed) return;
    if (slot.ready) {
      add();
    } else {
      broken = error;
      for (const job of jobs.splice(0)) job.fail(error);
      settleWaiting();
    }
  };

  const add = () => {
    const slot: Slot = { worker: startWorker(workerPath), ready: false, inFlight: [], loaded: new Set() };
    slots.add(slot);
    slot.worker.unref();
    slot.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        slot.ready = true;
        settleWaiting();
      } else {
        computed++;
        // chunks come back in the order they were sent
        const entry = slot.inFlight.shift();
        if (slot.inFlight.length === 0) slot.worker.unref();
        if (entry && jobs.includes(entry.job)) entry.job.report(message.summary);
      }
      pump();
    });
    slot.worker.on('error', (error) => remove(slot, new MarsadError('a Monte Carlo worker failed', { cause: error })));
    slot.worker.on('exit', (code) => remove(slot, new MarsadError(`a Monte Carlo worker stopped (exit code ${code})`)));
  };

  for (let t = 0; t < size; t++) add();

  return {
    size,
    attach(problem, take, report, fail, maxWorkers, depth) {
      if (closed) throw new MarsadError('the Monte Carlo pool is closed');
      if (broken) throw broken;
      const job: Job = { id: nextJob++, problem, take, report, fail, maxWorkers, depth, workers: new Set(), exhausted: false };
      jobs.push(job);
      pump();
      return {
        detach() {
          const at = jobs.indexOf(job);
          if (at < 0) return;
          jobs.splice(at, 1);
          for (const slot of slots) {
            if (slot.loaded.delete(job.id)) post(slot, { type: 'end', job: job.id });
          }
          pump();
        },
      };
    },
    started() {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        settleWaiting();
      });
    },
    chunksComputed: () => computed,
    async close() {
      if (closed) return;
      closed = true;
      const error = new MarsadError('the Monte Carlo pool was closed');
      for (const job of jobs.splice(0)) job.fail(error);
      for (const w of waiting.splice(0)) w.reject(error);
      const all = [...slots];
      slots.clear();
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
