/**
 * The server store: a PostgreSQL database reached by URL (MARSAD_DATABASE_URL), same schema and
 * SQL as the embedded one. `schema` puts Marsad's tables in their own PostgreSQL schema (tests
 * use one per file).
 */
import pg from 'pg';
import { MarsadError } from '../domain/errors.js';
import { migrate } from './migrations.js';
import { withStorageErrors, type SqlClient } from './sql-client.js';
import { reindexSearch, SqlStore } from './sql-store.js';
import type { Store } from './store.js';

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch (error) {
    if (error instanceof TypeError) return '(unparseable database URL)';
    throw error;
  }
}

/** A SqlClient over a pg pool (exported for migration tests). */
export function postgresSqlClient(db: pg.Pool | pg.PoolClient, inTransaction = false): SqlClient {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await db.query(sql, params);
      return result.rows as T[];
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(postgresSqlClient(db, true));
      const client = await (db as pg.Pool).connect();
      try {
        await client.query('begin');
        const value = await fn(postgresSqlClient(client, true));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Opens (migrating as needed) the store in the database at `databaseUrl`. */
export async function openPostgresStore(opts: { databaseUrl: string; schema?: string }): Promise<Store> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new MarsadError(`invalid PostgreSQL schema name "${opts.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: 4,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    if (opts.schema) await pool.query(`create schema if not exists ${opts.schema}`);
    const client = withStorageErrors(postgresSqlClient(pool, false), `the PostgreSQL database at ${redactUrl(opts.databaseUrl)}`);
    await migrate(client);
    await reindexSearch(client);
    return new SqlStore('postgres', client, () => pool.end());
  } catch (error) {
    await pool.end();
    if (error instanceof MarsadError) throw error;
    throw new MarsadError(`cannot open the PostgreSQL store at ${redactUrl(opts.databaseUrl)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
