/**
 * The search statistics (passages per term, passage totals) follow the documents: added with a
 * document, taken out when it is replaced or deleted, so ranking weights and "did you mean"
 * never count text that is gone; so do the passages per length, which the ranking reads its
 * blocks of passages by.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { contentHash, migrate, openStore, pgliteSqlClient, SCHEMA_VERSION, type SqlClient, type Store } from '../../src/store/index.js';
import { reindexSearch, SqlStore } from '../../src/store/sql-store.js';

let store: Store;

function draft(file: string, lines: string[]) {
  let text = '';
  const passages = lines.map((line, ordinal) => {
    const start = text.length;
    text += `${line}\n`;
    return { ordinal, start, end: start + line.length, text: line, language: 'en' as const };
  });
  return { file, path: `/${file}`, text, language: 'en' as const, meta: {}, passages };
}

beforeAll(async () => {
  store = await openStore({ memory: true });
});
afterAll(async () => {
  await store?.close();
});

describe('search statistics', () => {
  it('count passages per term as documents come, change and go', async () => {
    await store.putDocument(draft('a.txt', ['coalition advisers stay', 'coalition mission ends']));
    await store.putDocument(draft('b.txt', ['advisers leave the base']));
    const units = async () => (await store.searchRanked({ text: 'coalition advisers base' })).units.map((u) => u.passages);
    expect(await units()).toEqual([2, 2, 1]);
    await store.putDocument(draft('b.txt', ['the base is empty now'])); // same file, new text: replaced
    expect(await units()).toEqual([2, 1, 1]);
    expect(await store.deleteDocument('a.txt')).toBe(true);
    expect(await units()).toEqual([0, 0, 1]);
    expect(await store.similarTerms('coalitio', 1)).toEqual([]);
    expect((await store.search({ text: 'coalition advisers base' })).map((h) => h.file)).toEqual(['b.txt']);
  });

  it('fold the same text in two documents into one hit that says where else it stands', async () => {
    await store.putDocument(draft('c.txt', ['Page 3 of the quarterly report', 'drone strike near the airport']));
    await store.putDocument(draft('d.txt', ['Page 4 of the quarterly report', 'rocket fire at dawn']));
    const hits = await store.search({ text: 'quarterly report' });
    expect(hits).toHaveLength(1);
    expect(hits[0].alsoIn).toHaveLength(1);
    expect([hits[0].file, hits[0].alsoIn[0].file].sort()).toEqual(['c.txt', 'd.txt']);
  });
});

describe('passages per length (the ranking reads blocks of passages by length)', () => {
  const lengthsMatch = async (client: SqlClient) => {
    const kept = await client.query<{ len: number; passages: number }>(`select len, passages from length_stats order by len`);
    const counted = await client.query<{ len: number; passages: number }>(
      `select len, count(*)::int as passages from passages group by len order by len`,
    );
    expect(kept).toEqual(counted);
    const wrong = await client.query<{ n: number }>(`select count(*)::int as n from passages where len <> length(terms)`);
    expect(wrong[0].n).toBe(0);
    return counted.length;
  };

  it('follow every write: add, replace, delete, import, repair and re-analysis', async () => {
    const db = new PGlite();
    const client = pgliteSqlClient(db);
    await migrate(client);
    const own = new SqlStore('pglite', client, () => db.close());
    try {
      await own.putDocument(draft('a.txt', ['coalition advisers stay', 'coalition mission ends here today']));
      await own.putDocument(draft('b.txt', ['advisers leave the base', 'one']));
      expect(await lengthsMatch(client)).toBeGreaterThan(1);
      await own.putDocument(draft('b.txt', ['the base is empty now and the guards are gone'])); // replaced
      await lengthsMatch(client);
      expect(await own.deleteDocument('b.txt')).toBe(true);
      await lengthsMatch(client);
      await own.importWorkspace({
        format: 'marsad-workspace',
        version: 1,
        documents: [draft('c.txt', ['rocket fire at dawn near the airport'])].map((d) => ({ ...d, id: contentHash(d.text).slice(0, 16), contentHash: contentHash(d.text) })),
      });
      await lengthsMatch(client);
      // Damage the counts, then repair (doctor --repair reindexes and counts again).
      await client.query(`update length_stats set passages = passages + 5`);
      await own.reindex();
      await lengthsMatch(client);
      // A new analyzer version re-analyzes every passage on open: lengths follow the new terms.
      await client.query(`update passages set terms = to_tsvector('simple', 'x')`);
      await client.query(`update search_totals set analyzer = 0`);
      expect(await reindexSearch(client)).toBe(true);
      await lengthsMatch(client);
      expect((await own.search({ text: 'coalition mission' }))[0].text).toBe('coalition mission ends here today');
    } finally {
      await own.close();
    }
  });

  it('are counted by the migration for the passages already stored', async () => {
    const db = new PGlite();
    const client = pgliteSqlClient(db);
    await migrate(client, { upTo: 7 });
    await client.query(
      `insert into documents (id, file, path, content_hash, language, meta, text) values ('a', 'a.txt', '/a.txt', 'h', 'en', '{}'::jsonb, '')`,
    );
    await client.query(
      `insert into passages (id, document_id, ordinal, start_offset, end_offset, text, language, terms)
       select 'a:' || o, 'a', o, 0, 0, '', 'en', to_tsvector('simple', t)
         from unnest(array['coalition advisers stay', 'coalition mission ends here today', 'one']) with ordinality as u(t, o)`,
    );
    expect(await migrate(client)).toBe(SCHEMA_VERSION);
    try {
      expect(await lengthsMatch(client)).toBe(3);
    } finally {
      await db.close();
    }
  });
});
