/**
 * What every operation of the application layer is given: where the case and the store are,
 * opened lazily and once, plus the process's job registry. It is a bundle of dependencies (like
 * a request context), not a place for behaviour: the operations are free functions in the
 * files beside this one, each taking the workbench and a typed request.
 *
 * Opening is lazy so that a command that only lists the case never boots a database, and a
 * command that only reads the store never parses the case.
 */
import { CitationIndex } from '../case/citation-index.js';
import type { LoadedCase } from '../case/load.js';
import type { CaseCopyState, CaseItemRow } from '../domain/working-copy.js';
import { buildCausalMap, type CausalMap } from '../model/causal-map.js';
import type { OpenStoreOptions, Store } from '../store/index.js';
import { InputError } from '../domain/errors.js';
import { LIMITS } from '../domain/requests.js';
import { caseOfRows, openWorkingCase, readWorkingCase } from './case-source.js';
import { dropSnapshot, readSnapshot, writeSnapshot } from './case-snapshot.js';
import { folderHash } from '../case/working-copy.js';
import { createMonteCarloPool, type MonteCarloPool } from '../simulate/monte-carlo-pool.js';

export interface WorkbenchOptions {
  /** The case folder (the seed of the case the workbench serves). */
  caseDir: string;
  /** Where the store is: a data folder, a PostgreSQL URL, memory — or a store already open. */
  store: OpenStoreOptions | Store;
  /** Chromium that prints PDF briefings; default the report module's (/usr/bin/chromium). */
  chromiumPath?: string;
  /** "Today", for views that default to the current date. Default: the system clock. */
  clock?: () => Date;
  /** Told about job failures that are not Marsad's typed errors. */
  onUnexpected?: (error: unknown) => void;
  /**
   * Run the jobs this process queues in this process too (a worker started with the first job,
   * stopped by close()). Default true: the embedded store has no other worker; beside a
   * PostgreSQL server, `marsad worker` processes share the queue with it.
   */
  runJobs?: boolean;
  /**
   * Keep Monte Carlo worker threads warm between requests (a long-running process such as
   * `serve`): started on first use, stopped by close().
   */
  warmMonteCarlo?: boolean;
  /**
   * Where to keep a snapshot of the working copy (the embedded store's data folder), so commands
   * that only read the case need not boot the database. Unset: no snapshot (a server store).
   */
  snapshotPath?: string;
}

export interface Workbench {
  readonly caseDir: string;
  readonly chromiumPath?: string;
  readonly clock: () => Date;
  /**
   * The case: the working copy in the store, seeded from the case folder on first use (an
   * InputError listing every problem when the folder is broken). Re-read when another process
   * or request changed it (its revision moved).
   */
  case(): Promise<LoadedCase>;
  /** The working copy's id, seed and revision (opening the case first). */
  caseState(): Promise<CaseCopyState>;
  /** What the analyst should know about the case right now (e.g. the seed folder changed under their changes). */
  notices(): readonly string[];
  /** The store, opened on first use. */
  store(): Promise<Store>;
  /** Resolves citations to stored passages, with a cache that lives as long as the workbench. */
  citations(): Promise<CitationIndex>;
  /** Forget what was derived from the store (after an ingest or an import). */
  storeChanged(): void;
  /** Called before the working copy is changed: the snapshot beside the store is dropped. */
  caseWillChange(): Promise<void>;
  /** This process queued a job: its own worker (started now if need be) looks at the queue. */
  jobsQueued(): void;
  /** Whether this process runs the jobs it queues (WorkbenchOptions.runJobs). */
  runsJobs(): boolean;
  /** The warm Monte Carlo workers of a long-running process, or undefined. */
  monteCarloPool(): MonteCarloPool | undefined;
  /** Releases the store when this workbench opened it, and the warm workers. */
  close(): Promise<void>;
}

export function openWorkbench(options: WorkbenchOptions): Workbench {
  let storePromise: Promise<Store> | undefined;
  let citations: CitationIndex | undefined;
  let current: { case: LoadedCase; state: CaseCopyState } | undefined;
  let opening: Promise<{ case: LoadedCase; state: CaseCopyState }> | undefined;
  let notices: string[] = [];
  let pool: MonteCarloPool | undefined;
  let worker: Promise<{ wake(): void; stop(): Promise<void> }> | undefined;
  const given = isStore(options.store) ? options.store : undefined;
  const clock = options.clock ?? (() => new Date());

  const openStoreNow = (): Promise<Store> => {
    storePromise ??= given ? Promise.resolve(given) : openStoreLazily(options.store as OpenStoreOptions);
    storePromise.catch(() => (storePromise = undefined));
    return storePromise;
  };

  const remember = async (read: { case: LoadedCase; state: CaseCopyState; rows: CaseItemRow[] }) => {
    if (options.snapshotPath) await writeSnapshot(options.snapshotPath, read.state, read.rows);
    return (current = { case: read.case, state: read.state });
  };

  const refresh = async (): Promise<{ case: LoadedCase; state: CaseCopyState }> => {
    if (!storePromise && !current && options.snapshotPath) {
      // A command that only reads the case: the snapshot answers without booting the database.
      const snapshot = await readSnapshot(options.snapshotPath, options.caseDir, await folderHash(options.caseDir));
      if (snapshot) return (current = { case: caseOfRows(snapshot.rows, snapshot.state, true), state: snapshot.state });
    }
    if (!storePromise && current) return current;
    const store = await openStoreNow();
    if (current) {
      // One small query: another request, process or machine may have changed the copy.
      const state = await store.cases.copyState(current.state.caseId);
      if (state && state.revision === current.state.revision) return current;
      if (state) return remember({ ...(await readWorkingCase(store, state)), state });
    }
    const opened = await openWorkingCase(store, options.caseDir, clock);
    notices = opened.notices;
    return remember(opened);
  };

  return {
    caseDir: options.caseDir,
    chromiumPath: options.chromiumPath,
    clock,
    async case() {
      return (await this.caseState().then(() => current!)).case;
    },
    async caseState() {
      // Concurrent callers share one read; a failed one is not remembered (the folder may be fixed).
      opening ??= refresh().finally(() => (opening = undefined));
      return (await opening).state;
    },
    notices() {
      return notices;
    },
    store() {
      return openStoreNow();
    },
    async citations() {
      citations ??= new CitationIndex(await this.store());
      return citations;
    },
    storeChanged() {
      citations?.clear();
    },
    async caseWillChange() {
      if (options.snapshotPath) await dropSnapshot(options.snapshotPath);
    },
    jobsQueued() {
      if (options.runJobs === false) return;
      // Loaded with the first job: a command that queues nothing never loads the job kinds.
      worker ??= import('./jobs.js').then(({ localWorker }) => localWorker(this, { onUnexpected: options.onUnexpected }));
      void worker.then((w) => w.wake());
    },
    runsJobs() {
      return options.runJobs !== false;
    },
    monteCarloPool() {
      if (options.warmMonteCarlo) pool ??= createMonteCarloPool();
      return pool;
    },
    async close() {
      const running = worker;
      worker = undefined;
      await (await running)?.stop();
      await pool?.close();
      pool = undefined;
      if (given || !storePromise) return;
      const store = await storePromise.catch(() => undefined);
      storePromise = undefined;
      await store?.close();
    },
  };
}

/** The store module (PGlite, pg) loads with the first command that needs a database. */
async function openStoreLazily(options: OpenStoreOptions): Promise<Store> {
  const { openStore } = await import('../store/index.js');
  return openStore(options);
}

function isStore(value: OpenStoreOptions | Store): value is Store {
  return typeof (value as Store).putDocument === 'function';
}

const maps = new WeakMap<LoadedCase, CausalMap>();

/** The case's causal map, built once per loaded case (InputError when the case has no model). */
export function causalMapOf(c: LoadedCase): CausalMap {
  let map = maps.get(c);
  if (!map) {
    if (c.concepts.length === 0) {
      throw new InputError(`the case in ${c.dir} has no causal model: no concepts`, { field: 'concepts' });
    }
    map = buildCausalMap(c.concepts, c.edges);
    maps.set(c, map);
  }
  return map;
}
