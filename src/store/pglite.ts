/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in a data folder, or in memory.
 * The folder holds `pglite/` (the database) and `marsad.lock` (one process at a time).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { MarsadError } from '../domain/errors.js';
import { acquireDataLock } from './data-lock.js';
import { makeDataDir } from './data-dir.js';
import { migrate } from './migrations.js';
import { pgliteTemplate } from './pglite-template.js';
import type { SqlClient } from './sql-client.js';
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

/** Opens (creating and migrating as needed) the embedded store. */
export async function openPgliteStore(opts: { dataDir?: string; memory?: boolean }): Promise<Store> {
  let release = (): void => {};
  let db: PGlite;
  if (opts.memory || opts.dataDir === undefined) {
    db = new PGlite();
  } else {
    makeDataDir(opts.dataDir);
    release = acquireDataLock(opts.dataDir);
    const folder = join(opts.dataDir, 'pglite');
    // A new store starts from the built template (no initdb); an existing one opens as it is.
    const template = existsSync(folder) ? undefined : pgliteTemplate();
    db = new PGlite(folder, template ? { loadDataDir: template } : {});
  }
  try {
    await db.waitReady;
    const client = pgliteSqlClient(db);
    await migrate(client);
    await reindexSearch(client);
    return new SqlStore('pglite', client, async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    });
  } catch (error) {
    release();
    if (error instanceof MarsadError) throw error;
    throw new MarsadError(
      `cannot open the embedded database${opts.dataDir ? ` in ${opts.dataDir}` : ''}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
