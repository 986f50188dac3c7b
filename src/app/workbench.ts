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
import { loadCase, type LoadedCase } from '../case/load.js';
import { buildCausalMap, type CausalMap } from '../model/causal-map.js';
import { openStore, type OpenStoreOptions, type Store } from '../store/index.js';
import { InputError } from '../domain/errors.js';
import { LIMITS } from '../domain/requests.js';
import { JobRegistry, type JobState } from './jobs.js';

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
  onUnexpected?: (error: unknown, job: JobState) => void;
}

export interface Workbench {
  readonly caseDir: string;
  readonly chromiumPath?: string;
  readonly clock: () => Date;
  readonly jobs: JobRegistry;
  /** The case, loaded and validated once (InputError listing every problem when it is broken). */
  case(): Promise<LoadedCase>;
  /** The store, opened on first use. */
  store(): Promise<Store>;
  /** Resolves citations to stored passages, with a cache that lives as long as the workbench. */
  citations(): Promise<CitationIndex>;
  /** Forget what was derived from the store (after an ingest or an import). */
  storeChanged(): void;
  /** Releases the store when this workbench opened it. */
  close(): Promise<void>;
}

export function openWorkbench(options: WorkbenchOptions): Workbench {
  let casePromise: Promise<LoadedCase> | undefined;
  let storePromise: Promise<Store> | undefined;
  let citations: CitationIndex | undefined;
  const given = isStore(options.store) ? options.store : undefined;
  return {
    caseDir: options.caseDir,
    chromiumPath: options.chromiumPath,
    clock: options.clock ?? (() => new Date()),
    jobs: new JobRegistry({ max: LIMITS.jobs.kept, onUnexpected: options.onUnexpected }),
    case() {
      casePromise ??= loadCase(options.caseDir);
      // A failed load is not remembered: the analyst may fix the file and ask again.
      casePromise.catch(() => (casePromise = undefined));
      return casePromise;
    },
    store() {
      storePromise ??= given ? Promise.resolve(given) : openStore(options.store as OpenStoreOptions);
      storePromise.catch(() => (storePromise = undefined));
      return storePromise;
    },
    async citations() {
      citations ??= new CitationIndex(await this.store());
      return citations;
    },
    storeChanged() {
      citations?.clear();
    },
    async close() {
      if (given || !storePromise) return;
      const store = await storePromise.catch(() => undefined);
      storePromise = undefined;
      await store?.close();
    },
  };
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
