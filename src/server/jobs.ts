/**
 * Monte Carlo jobs run in the background of the server process: a job id is returned at once,
 * progress and result are polled (or streamed as Server-Sent Events). Only the newest jobs are
 * kept, so a client cannot grow memory without bound.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../domain/errors.js';
import { BusyError, describeError } from './errors.js';

export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  /** Runs finished so far and in total. */
  done: number;
  total: number;
  started: string;
  finished?: string;
  result?: unknown;
  error?: string;
}

type Listener = (job: JobState) => void;

export class JobRegistry {
  readonly #jobs = new Map<string, JobState>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #max: number;

  constructor(max = 16) {
    this.#max = max;
  }

  start(kind: string, total: number, work: (progress: (done: number) => void) => Promise<unknown>): JobState {
    this.#evict();
    const job: JobState = { id: randomUUID(), kind, status: 'running', done: 0, total, started: new Date().toISOString() };
    this.#jobs.set(job.id, job);
    const progress = (done: number) => {
      job.done = Math.min(done, total);
      this.#emit(job);
    };
    // The promise is observed here: failures become the job's state, never an unhandled rejection.
    work(progress).then(
      (result) => {
        Object.assign(job, { status: 'done', done: total, result, finished: new Date().toISOString() });
        this.#emit(job);
      },
      (error: unknown) => {
        const described = describeError(error);
        if (described.status === 500) console.error('marsad serve: job failed', error);
        Object.assign(job, { status: 'failed', error: described.error, finished: new Date().toISOString() });
        this.#emit(job);
      },
    );
    return job;
  }

  get(id: string): JobState {
    const job = this.#jobs.get(id);
    if (!job) throw new NotFoundError(`no job "${id}"`);
    return job;
  }

  /** Calls `listener` on every change until it returns; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    this.get(id);
    let set = this.#listeners.get(id);
    if (!set) this.#listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  #emit(job: JobState): void {
    for (const l of this.#listeners.get(job.id) ?? []) l(job);
    if (job.status !== 'running') this.#listeners.delete(job.id);
  }

  #evict(): void {
    if (this.#jobs.size < this.#max) return;
    for (const [id, job] of this.#jobs) {
      if (job.status !== 'running') {
        this.#jobs.delete(id);
        if (this.#jobs.size < this.#max) return;
      }
    }
    if (this.#jobs.size >= this.#max) throw new BusyError('too many Monte Carlo jobs running; try again when one finishes');
  }
}

