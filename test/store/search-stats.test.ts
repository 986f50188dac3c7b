/**
 * The search statistics (passages per term, passage totals) follow the documents: added with a
 * document, taken out when it is replaced or deleted, so ranking weights and "did you mean"
 * never count text that is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';

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
