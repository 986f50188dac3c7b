/**
 * Migration 9 makes a passage's length a second key of the full-text index, so search reads a
 * block of lengths through that index alone instead of intersecting a common word's whole
 * posting list with the index on len. These tests hold the two ends together: the index is
 * built on the very expression the search writes (else PostgreSQL would never use it), and the
 * length keys select exactly the passages of those lengths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, pgliteSqlClient, postgresSqlClient, SCHEMA_VERSION, type SqlClient } from '../../src/store/index.js';
import { lengthTerms } from '../../src/store/migrations.js';
import { freshSchema } from '../support/database.js';

const LINES = [
  'coalition advisers stay',
  'coalition mission ends here today',
  'the coalition leaves the base at the end of the year',
  'advisers',
  'coalition forces and advisers hand over the air base',
];

async function seed(client: SqlClient): Promise<void> {
  expect(await migrate(client)).toBe(SCHEMA_VERSION);
  await client.query(
    `insert into documents (id, file, path, content_hash, language, meta, text) values ('a', 'a.txt', '/a.txt', 'h', 'en', '{}'::jsonb, '')`,
  );
  await client.query(
    `insert into passages (id, document_id, ordinal, start_offset, end_offset, text, language, terms)
     select 'a:' || o, 'a', o, 0, 0, '', 'en', to_tsvector('simple', t)
       from unnest($1::text[]) with ordinality as u(t, o)`,
    [LINES],
  );
}

function contract(name: string, open: () => Promise<{ client: SqlClient; close(): Promise<void> }>) {
  describe(`length keys of the full-text index: ${name}`, () => {
    let db: { client: SqlClient; close(): Promise<void> };
    beforeAll(async () => {
      db = await open();
      await seed(db.client);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('replace the index on terms alone with one on terms and the length expression', async () => {
      const rows = await db.client.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where tablename = 'passages' and indexdef ilike '%gin%'`,
      );
      expect(rows.map((r) => r.indexname)).toEqual(['passages_terms_len_idx']);
      expect(rows[0].indexdef).toMatch(/gin \(terms, array_to_tsvector\(ARRAY\[\(len\)::text\]\)\)/);
    });

    it('serve the search expression: a block of lengths is answered through the index', async () => {
      const query = `select p.id from passages p
        where p.terms @@ 'coalition'::tsquery and ${lengthTerms('p.len')} @@ '3 | 4 | 5'::tsquery order by p.id`;
      await db.client.query(`set enable_seqscan = off`);
      try {
        const plan = (await db.client.query<{ 'QUERY PLAN': string }>(`explain ${query}`)).map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/passages_terms_len_idx/);
        expect(plan).toMatch(/Index Cond: .*array_to_tsvector\(ARRAY\[\(len\)::text\]\) @@/);
      } finally {
        await db.client.query(`reset enable_seqscan`);
      }
      // Exactly the passages holding the word whose length is 3, 4 or 5 lexemes.
      const viaKeys = (await db.client.query<{ id: string }>(query)).map((r) => r.id);
      const viaLen = (
        await db.client.query<{ id: string }>(
          `select id from passages where terms @@ 'coalition'::tsquery and len between 3 and 5 order by id`,
        )
      ).map((r) => r.id);
      expect(viaKeys).toEqual(['a:1', 'a:2']);
      expect(viaKeys).toEqual(viaLen);
    });

    it('still answer a query on the terms alone', async () => {
      const rows = await db.client.query<{ id: string }>(`select id from passages where terms @@ 'advisers'::tsquery order by id`);
      expect(rows.map((r) => r.id)).toEqual(['a:1', 'a:4', 'a:5']);
    });
  });
}

contract('PGlite', async () => {
  const lite = new PGlite();
  return { client: pgliteSqlClient(lite), close: () => lite.close() };
});

contract('PostgreSQL', async () => {
  const { databaseUrl, schema, drop } = await freshSchema('lenkeys');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // One connection, so the session setting in the plan test holds for the explain.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, options: `-c search_path=${schema}` });
  return {
    client: postgresSqlClient(pool),
    async close() {
      await pool.end();
      await drop();
    },
  };
});
