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
import { migrate, openStore, pgliteSqlClient, postgresSqlClient, SCHEMA_VERSION, type SqlClient } from '../../src/store/index.js';
import { lengthKey, lengthTerms } from '../../src/store/migrations.js';
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
      expect(rows[0].indexdef.replace(/\s+/g, ' ')).toMatch(/gin \(terms, array_to_tsvector\(ARRAY\[\( ?CASE WHEN \(len < 128\) THEN len ELSE/);
    });

    it('give a length the same key in SQL as in the search (exact up to 127, then one key per 32 lengths)', async () => {
      const rows = await db.client.query<{ len: number; key: string }>(
        `select len, ${lengthTerms('len')}::text as key from generate_series(0, 5000) as len`,
      );
      expect(rows).toHaveLength(5001);
      for (const r of rows) expect(r.key, `length ${r.len}`).toBe(`'${lengthKey(Number(r.len))}'`);
      expect([127, 128, 159, 160].map(lengthKey)).toEqual([127, 128, 128, 129]);
    });

    it('serve the search expression: a block of lengths is answered through the index', async () => {
      const query = `select p.id from passages p
        where p.terms @@ 'coalition'::tsquery and ${lengthTerms('p.len')} @@ '3 | 4 | 5'::tsquery order by p.id`;
      await db.client.query(`set enable_seqscan = off`);
      try {
        const plan = (await db.client.query<{ 'QUERY PLAN': string }>(`explain ${query}`)).map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/passages_terms_len_idx/);
        expect(plan.replace(/\s+/g, ' ')).toMatch(/Index Cond: .*array_to_tsvector\(ARRAY\[\( ?CASE WHEN/);
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

describe('ranked search through the length keys on PostgreSQL', () => {
  it('gives the exhaustive top hits when they are all long passages (blocks of shared keys)', async () => {
    const { databaseUrl, schema, drop } = await freshSchema('lenrank');
    const store = await openStore({ databaseUrl, schema });
    try {
      // 2,400 passages of 1 … 600 distinct words (a passage's length counts distinct index terms);
      // "zeta" in every passage of 150 words or more, so the search reads a block of short passages
      // without it, then a bounded block of long ones whose length keys are shared.
      for (let d = 0; d < 4; d++) {
        let text = '';
        const passages = Array.from({ length: 600 }, (_, i) => {
          const len = ((i * 7 + d * 13) % 600) + 1;
          const words = Array.from({ length: len }, (_, w) => `t${w}`);
          if (len >= 150) words[(i * 5) % len] = 'zeta';
          const line = words.join(' ');
          const start = text.length;
          text += `${line}\n`;
          return { ordinal: i, start, end: start + line.length, text: line, language: 'en' as const };
        });
        await store.putDocument({ file: `long-${d}.txt`, path: `/long-${d}.txt`, text, language: 'en', meta: {}, passages });
      }
      for (const q of [{ text: 'zeta' }, { text: 'zeta t1' }, { text: 'zeta', limit: 50 }, { text: 'zeta t3 t140', limit: 5 }]) {
        const fast = await store.searchRanked({ limit: 20, ...q });
        const all = await store.searchRanked({ limit: 20, ...q, exhaustive: true });
        expect(fast.hits.length, q.text).toBeGreaterThan(0);
        expect(fast.hits.every((h) => h.text.split(' ').length >= 150), q.text).toBe(true);
        expect(fast.hits.map((h) => [h.passage, h.score]), JSON.stringify(q)).toEqual(all.hits.map((h) => [h.passage, h.score]));
      }
    } finally {
      await store.close();
      await drop();
    }
  });
});
