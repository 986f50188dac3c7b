/**
 * Background work of one process (Monte Carlo batches): a job id is returned at once, progress
 * and result are polled or followed. Only the newest jobs are kept, so a client cannot grow
 * memory without bound. Failures become the job's state (with the user's message for typed
 * errors); the job's owner decides whether an unexpected failure is worth a log line
 * (`onUnexpected`), since nothing here prints.
 */
import { randomUUID } from 'node:crypto';
import { BusyError, MarsadError, NotFoundError, describeWhere, InputError } from '../domain/errors.js';

export interface JobState<R = unknown> {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  /** Units (runs) finished so far and in total. */
  done: number;
  total: number;
  started: string;
  finished?: string;
  result?: R;
  error?: string;
}

type Listener = (job: JobState) => void;

export interface JobRegistryOptions {
  /** Jobs kept at once (older finished jobs are dropped). */
  max: number;
  /** Told about failures that are not Marsad's typed errors (a bug, not a user's mistake). */
  onUnexpected?: (error: unknown, job: JobState) => void;
}

export class JobRegistry {
  readonly #jobs = new Map<string, JobState>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #options: JobRegistryOptions;

  constructor(options: JobRegistryOptions) {
    this.#options = options;
  }

  start<R>(kind: string, total: number, work: (progress: (done: number) => void) => Promise<R>): JobState<R> {
    this.#evict();
    const job: JobState<R> = { id: randomUUID(), kind, status: 'running', done: 0, total, started: new Date().toISOString() };
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
        const known = error instanceof MarsadError;
        if (!known) this.#options.onUnexpected?.(error, job);
        const message = error instanceof InputError ? `${describeWhere(error)}${error.message}` : known ? error.message : 'internal failure';
        Object.assign(job, { status: 'failed', error: message, finished: new Date().toISOString() });
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

  /** Calls `listener` on every change until the job ends; returns the unsubscribe function. */
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
    if (this.#jobs.size < this.#options.max) return;
    for (const [id, job] of this.#jobs) {
      if (job.status !== 'running') {
        this.#jobs.delete(id);
        if (this.#jobs.size < this.#options.max) return;
      }
    }
    if (this.#jobs.size >= this.#options.max) throw new BusyError('too many jobs running; try again when one finishes');
  }
}
