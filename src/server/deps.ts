/**
 * What the server is given: the workbench (case, store, jobs) and its own options. Nothing here
 * reads the environment — the CLI's `serve` command decides all of it.
 */
import type { Workbench } from '../app/index.js';
import type { CliRunRequest } from '../domain/requests.js';

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
  /** Largest document upload (`POST /api/documents/add`), in bytes. Default 40 MB (a 30 MB file in base64). */
  maxUploadBytes?: number;
  /** Folder of the built web app (dist/web). Without it only the API is served. */
  staticDir?: string;
  /**
   * Settles when the store is open and the corpus ingested, for a server that listens before
   * then: `/api/health` answers `state: "starting"` meanwhile and every other API request waits.
   */
  ready?: Promise<unknown>;
  /** Told about failures that are not Marsad's typed errors (the adapter that runs the server logs them). */
  onUnexpected?: (error: unknown) => void;
  /**
   * Command lines run for the CLI beside the server (see routes/cli-route.ts): who may send them
   * and how they run. Unset: the route refuses everything.
   */
  cli?: {
    accepts(secret: string | undefined): boolean;
    run(req: CliRunRequest): Promise<{ code: number; stdout: string; stderr: string }>;
  };
}

export interface AppDeps {
  wb: Workbench;
  options: ServerOptions;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 40 * 1024 * 1024;
