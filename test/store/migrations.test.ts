/**
 * Opening an older database migrates it: a v1 database (made by applying only migration 1, then
 * writing a document the v1 way) opened by the current code comes out at the latest version
 * with the v2 date columns backfilled, so date filters find the old document, and the v3 page
 * and footnote columns empty.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  migrate,
  openStore,
  pgliteSqlClient,
  postgresSqlClient,
  SCHEMA_VERSION,
  schemaVersion,
  type SqlClient,
} from '../../src/store/index.js';
import { freshSchema } from '../support/database.js';
import { makeTempDir } from '../support/temp-dir.js';

async function writeV1Document(db: SqlClient): Promise<void> {
  await db.query(
    `insert into documents (id, file, path, content_hash, language, title, published, meta, text)
     values ('0123456789abcdef', 'old.txt', '/old.txt', $1, 'ar', null, '2023-06', '{}'::jsonb, 'انسحاب القوات')`,
    ['0123456789abcdef'.padEnd(64, '0')],
  );
  await db.query(
    `insert into passages (id, document_id, ordinal, start_offset, end_offset, text, language, terms)
     values ('0123456789abcdef:0', '0123456789abcdef', 0, 0, 13, 'انسحاب القوات', 'ar', to_tsvector('simple', $1))`,
    // The terms as the analyzer of that time made them (القوات → قو): opening re-analyzes them.
    ['انسحاب قو'],
  );
}

describe('migrate', () => {
  it('is at the latest version on a fresh database and applying it again changes nothing', async () => {
    const db = new PGlite();
    const client = pgliteSqlClient(db);
    expect(await migrate(client)).toBe(SCHEMA_VERSION);
    expect(await migrate(client)).toBe(SCHEMA_VERSION);
    expect(await schemaVersion(client)).toBe(SCHEMA_VERSION);
    await db.close();
  });
});

describe('openStore on a v1 data folder (PGlite)', () => {
  const tmp = makeTempDir('marsad-migrate-');
  afterAll(() => tmp.remove());

  it('migrates it to the latest version and backfills the publication period', async () => {
    const old = new PGlite(join(tmp.dir, 'pglite'));
    const client = pgliteSqlClient(old);
    expect(await migrate(client, { upTo: 1 })).toBe(1);
    await writeV1Document(client);
    await old.close();

    const store = await openStore({ dataDir: tmp.dir });
    try {
      expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      const hits = await store.search({ text: 'القوات', from: '2023-06-15', to: '2023-06-20' });
      expect(hits.map((h) => h.file)).toEqual(['old.txt']);
      expect(hits[0].matched).toEqual(['القوات']);
      expect(await store.search({ text: 'القوات', from: '2023-07' })).toEqual([]);
      // Version 8 counted the passages of every term, after re-analysis: قو is gone.
      expect(await store.similarTerms('انسحا', 1)).toEqual([{ term: 'انسحاب', passages: 1 }]);
      // Version 3 added pages: older passages have none and are not footnotes.
      expect((await store.listPassages('old.txt'))[0]).toMatchObject({ page: null, footnote: false });
      expect(await store.listPages('old.txt')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('openStore on a v1 PostgreSQL schema', () => {
  it('migrates it to the latest version and backfills the publication period', async () => {
    const { databaseUrl, schema, drop } = await freshSchema('migr');
    const pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
    try {
      await pool.query(`create schema ${schema}`);
      const client = postgresSqlClient(pool);
      expect(await migrate(client, { upTo: 1 })).toBe(1);
      await writeV1Document(client);
      const store = await openStore({ databaseUrl, schema });
      try {
        expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
        const hits = await store.search({ text: 'القوات', from: '2023-06-15', to: '2023-06-20' });
        expect(hits.map((h) => h.file)).toEqual(['old.txt']);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await drop();
    }
  });
});

describe('openStore on a data folder in use', () => {
  it('refuses a second open with a clear message, and reopens after close', async () => {
    const tmp = makeTempDir('marsad-lock-');
    const store = await openStore({ dataDir: tmp.dir });
    try {
      await expect(openStore({ dataDir: tmp.dir })).rejects.toThrow(/already open in this process|in use by process/);
    } finally {
      await store.close();
    }
    const again = await openStore({ dataDir: tmp.dir });
    await again.close();
    tmp.remove();
  });
});
