/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in a data folder, or in memory.
 * The folder holds `pglite/` (the database) and `marsad.lock` (one process at a time).
 */
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { MarsadError, StorageFullError } from '../domain/errors.js';
import { acquireDataLock } from './data-lock.js';
import { makeDataDir } from './data-dir.js';
import { checkStoreFiles, checkStoreRows, DamagedStoreError, damagedMessage, readManifest, writeManifest } from './integrity.js';
import { migrate } from './migrations.js';
import { pgliteTemplate } from './pglite-template.js';
import { storageFailure, withStorageErrors, type SqlClient } from './sql-client.js';
import { reindexSearch, SqlStore } from './sql-store.js';
import type { Store } from './store.js';

/** A SqlClient over a PGlite database or transaction (exported for migration tests). */
export function pgliteSqlClient(db: PGlite | Transaction): SqlClient {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (!('transaction' in db)) return fn(pgliteSqlClient(db));
      return db.transaction((tx) => fn(pgliteSqlClient(tx)));
    },
  };
}

/**
 * Opens (creating and migrating as needed) the embedded store. A data folder is checked on open
 * (integrity.ts): damaged folders are refused with DamagedStoreError unless `allowDamaged`.
 */
export async function openPgliteStore(opts: { dataDir?: string; memory?: boolean; allowDamaged?: boolean }): Promise<Store> {
  if (opts.memory || opts.dataDir === undefined) {
    const db = new PGlite();
    await db.waitReady;
    const client = pgliteSqlClient(db);
    await migrate(client);
    await reindexSearch(client);
    return new SqlStore('pglite', client, () => db.close());
  }
  const dataDir = opts.dataDir;
  makeDataDir(dataDir);
  const release = acquireDataLock(dataDir);
  let db: PGlite | undefined;
  try {
    const exists = checkStoreFiles(dataDir);
    const folder = join(dataDir, 'pglite');
    // A new store starts from the built template (no initdb); an existing one opens as it is.
    const template = exists ? undefined : pgliteTemplate();
    try {
      db = new PGlite(folder, template ? { loadDataDir: template } : {});
      await db.waitReady;
    } catch (error) {
      // An engine that never became ready is not closed (closing it waits forever).
      db = undefined;
      // Recovery after a crash needs room for a new log segment: on a full disk the folder is
      // sound but cannot open, which must not be called damaged.
      const full = storageFailure(error, `the data folder ${dataDir}`, dataDir, { opening: true });
      if (full instanceof StorageFullError) throw full;
      throw new DamagedStoreError(
        `the database in ${folder} cannot be opened (${describePgliteError(error)}); it is damaged or not a Marsad store: ` +
          `restore the folder from a backup, or move it away and rebuild with marsad ingest or marsad import`,
        { cause: error },
      );
    }
    const client = withStorageErrors(pgliteSqlClient(db), `the data folder ${dataDir}`, dataDir);
    await migrate(client);
    await reindexSearch(client);
    const manifest = readManifest(dataDir);
    const opened = await checkStoreRows(client, manifest);
    if (opened.problems.length > 0 && !opts.allowDamaged) throw new DamagedStoreError(damagedMessage(dataDir, opened));
    // Sound: from now on, until a clean close, the counts are only a lower bound.
    if (opened.problems.length === 0) writeManifest(dataDir, { closed: false, documents: opened.documents, passages: opened.passages });
    const baseline = opened.problems.length === 0 ? null : manifest;
    const pglite = db;
    return new SqlStore(
      'pglite',
      client,
      async () => {
        try {
          // A clean close records the counts the next open compares with; a store still
          // damaged (opened by marsad doctor and not repaired) keeps its old manifest.
          const closing = await checkStoreRows(client, baseline);
          if (closing.problems.length === 0) writeManifest(dataDir, { closed: true, documents: closing.documents, passages: closing.passages });
          await pglite.close();
        } catch (error) {
          throw storageFailure(error, `the data folder ${dataDir}`, dataDir);
        } finally {
          release();
        }
      },
      manifest,
    );
  } catch (error) {
    try {
      await db?.close();
    } finally {
      release();
    }
    const full = storageFailure(error, `the data folder ${dataDir}`, dataDir);
    if (full !== error) throw full;
    if (error instanceof MarsadError) throw error;
    throw new MarsadError(`cannot open the embedded database in ${dataDir}: ${describePgliteError(error)}`, { cause: error });
  }
}

/** PGlite's failures: an Emscripten abort says only "Aborted()" and how to build with assertions. */
function describePgliteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Aborted\(|ASSERTIONS|RuntimeError/.test(message) || !message || message === 'undefined') return 'the database engine stopped while reading its files';
  return message.split('\n')[0];
}
