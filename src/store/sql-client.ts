/**
 * The little SQL surface both stores share: parameterized queries and transactions. PGlite and
 * `pg` differ only in how they provide it, so every statement of Marsad is written once.
 */
import { statfsSync } from 'node:fs';
import { MarsadError, StorageFullError } from '../domain/errors.js';

export interface SqlClient {
  /** Runs one parameterized statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** Free space under which a database engine that stopped is taken to have met a full disk. */
const NEARLY_FULL_BYTES = 64 * 1024 * 1024;

function freeBytes(dir: string): number | null {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    // No answer about the disk: the failure is reported as the engine gave it.
    return null;
  }
}

/**
 * The failure as the store's user should see it: a full disk (PostgreSQL's disk_full, 53100, or
 * the file system's ENOSPC / EDQUOT / EFBIG) becomes a StorageFullError naming `where` the data
 * lives. The embedded engine often cannot say so itself: a write-ahead log that cannot grow
 * stops it (severity PANIC) with an unrelated message, so a PANIC while the disk of `dataDir`
 * has little room left is a full disk too, and any other PANIC a MarsadError saying the change
 * was not stored. `opening`: the engine failed to start (recovery after a crash writes a new log
 * segment, so a full disk stops it too); a start failure with room on the disk is left as it is.
 * Anything else is returned as it is.
 */
export function storageFailure(error: unknown, where: string, dataDir?: string, opts: { opening?: boolean } = {}): unknown {
  if (error instanceof MarsadError) return error;
  const e = error as { code?: unknown; severity?: unknown } | null;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const full = (detail: string) =>
    new StorageFullError(
      `the disk holding ${where} is full (${detail}); ` +
        (opts.opening ? 'the store cannot open until it has room to finish recovering: ' : 'the change that met it was not stored: ') +
        `free some space and run the command again (marsad doctor checks the store)`,
      { cause: error },
    );
  if (e?.code === '53100' || e?.code === 'ENOSPC' || e?.code === 'EDQUOT' || e?.code === 'EFBIG' || /no space left on device|disk quota exceeded|file too large/i.test(message)) {
    return full(message);
  }
  const stopped = e?.severity === 'PANIC' || /^Aborted\(/.test(message) || (opts.opening === true && /failed to initiali[sz]e/i.test(message));
  if (stopped) {
    const free = dataDir === undefined ? null : freeBytes(dataDir);
    if (free !== null && free < NEARLY_FULL_BYTES) return full(`${(free / 1024 / 1024).toFixed(1)} MB left`);
    if (opts.opening) return error;
    return new MarsadError(
      `the database engine in ${where} stopped (${message}); the change it was making was not stored: run the command again (marsad doctor checks the store)`,
      { cause: error },
    );
  }
  return error;
}

/** `client` with every failure passed through `storageFailure`. */
export function withStorageErrors(client: SqlClient, where: string, dataDir?: string): SqlClient {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      try {
        return await client.query<T>(sql, params);
      } catch (error) {
        throw storageFailure(error, where, dataDir);
      }
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      try {
        return await client.transaction((tx) => fn(withStorageErrors(tx, where, dataDir)));
      } catch (error) {
        throw storageFailure(error, where, dataDir);
      }
    },
  };
}
