/**
 * PostgreSQL for integration tests. The URL comes from MARSAD_TEST_DATABASE_URL (CI sets it);
 * a missing URL fails the test with a message instead of skipping it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testDatabaseUrl(): string {
  const url = process.env.MARSAD_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'MARSAD_TEST_DATABASE_URL is not set: the PostgreSQL tests need a server, e.g. ' +
        'MARSAD_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/marsad_test (create the database first)',
    );
  }
  return url;
}

/**
 * A fresh, uniquely named PostgreSQL schema for one test file; `drop()` removes it.
 * Pass `schema` to openStore({ databaseUrl, schema }).
 */
export async function freshSchema(prefix = 't'): Promise<{ databaseUrl: string; schema: string; drop(): Promise<void> }> {
  const databaseUrl = testDatabaseUrl();
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  return {
    databaseUrl,
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
