/**
 * The little SQL surface both stores share: parameterized queries and transactions. PGlite and
 * `pg` differ only in how they provide it, so every statement of Marsad is written once.
 */
export interface SqlClient {
  /** Runs one parameterized statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}
