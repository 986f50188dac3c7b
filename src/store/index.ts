/** Public API of src/store: open a store; the Store interface and its helpers. */
import { openPgliteStore } from './pglite.js';
import { openPostgresStore } from './postgres.js';
import type { Store } from './store.js';

export type { Store, StoreKind, ImportResult } from './store.js';
export { canonicalJson, type CaseCopyStore, type ItemWrite, type SeedRequest, type HistoryQuery } from './case-copy.js';
export { migrate, schemaVersion, SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
export type { JobQueue, JobRow, JobRowState, JobSummaryRow, NewJob } from './job-queue.js';
export { contentHash } from './sql-store.js';
export { DamagedStoreError, MANIFEST_FILE, STORE_VERSION, readManifest, writeManifest, type StoreCheck, type StoreManifest } from './integrity.js';
export { makeSnippet } from './snippet.js';
export { openPgliteStore, pgliteSqlClient } from './pglite.js';
export type { SqlClient } from './sql-client.js';
export { openPostgresStore, postgresSqlClient, redactUrl } from './postgres.js';

export interface OpenStoreOptions {
  /** Embedded store in this folder (created if missing). */
  dataDir?: string;
  /** PostgreSQL server; takes precedence over dataDir. */
  databaseUrl?: string;
  /** PostgreSQL schema for Marsad's tables (default: the connection's search_path). */
  schema?: string;
  /** Embedded store in memory (tests). */
  memory?: boolean;
  /** Open a damaged embedded store anyway (marsad doctor); default false: refuse it. */
  allowDamaged?: boolean;
}

/** PostgreSQL when `databaseUrl` is given, else PGlite in `dataDir` or in memory. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) return openPostgresStore({ databaseUrl: opts.databaseUrl, schema: opts.schema });
  return openPgliteStore({ dataDir: opts.dataDir, memory: opts.memory ?? opts.dataDir === undefined, allowDamaged: opts.allowDamaged });
}
