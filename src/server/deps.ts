/**
 * What the server is given: the store, the loaded case and its options. Nothing here reads
 * the environment — the CLI's `serve` command decides all of it.
 */
import type { LoadedCase } from '../case/load.js';
import type { Store } from '../store/index.js';

export interface ServerOptions {
  /** When set, every request must carry it (Bearer header, cookie, or `?token=` once). */
  token?: string;
  /**
   * Answer only requests addressed to a loopback name (127.0.0.1, localhost, ::1): set when the
   * server is bound to loopback, against DNS rebinding. Default false.
   */
  loopbackOnly?: boolean;
  /** Largest request body accepted, in bytes; larger is a 413. */
  maxBodyBytes: number;
  /** Folder of the built web app (dist/web). Without it only the API is served. */
  staticDir?: string;
  /** Chromium that prints PDF briefings; default the report module's (/usr/bin/chromium). */
  chromiumPath?: string;
  /** Monte Carlo jobs kept in memory at once (older finished jobs are dropped). Default 16. */
  maxJobs?: number;
}

export interface AppDeps {
  store: Store;
  caseData: LoadedCase;
  options: ServerOptions;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
