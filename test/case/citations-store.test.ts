/**
 * Every citation of the built-in case resolves against the document text as the store keeps it
 * (after ingestion: decoding, boilerplate removal), not only against the files on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationProblems } from '../../src/case/check.js';
import { loadCase } from '../../src/case/load.js';
import { ingestPaths } from '../../src/corpus/index.js';
import { describeWhere } from '../../src/domain/errors.js';
import { openStore, type Store } from '../../src/store/index.js';

const BUILT_IN = new URL('../../cases/iraq-withdrawal/', import.meta.url).pathname;
const CORPUS = new URL('../../../shared/corpus/iraq-withdrawal/', import.meta.url).pathname;

let store: Store;
beforeAll(async () => {
  store = await openStore({ memory: true });
  const summary = await ingestPaths(store, [CORPUS]);
  expect(summary.rejected).toEqual([]);
});
afterAll(async () => {
  await store.close();
});

describe('citations against the store', () => {
  it('citationProblems finds every quote of the built-in case in the ingested documents', async () => {
    const c = await loadCase(BUILT_IN);
    const { total, problems } = await citationProblems(c, async (file) => (await store.getDocument(file))?.text ?? null);
    expect(total).toBeGreaterThan(0);
    expect(problems.map((p) => `${describeWhere(p)}${p.message}`)).toEqual([]);
  });

  it('citationProblems reports a document the store does not hold', async () => {
    const c = await loadCase(BUILT_IN);
    const { problems } = await citationProblems(c, async () => null);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/not found/);
    expect(problems[0].field).toMatch(/cite\[\d+\]\.doc$/);
  });
});
