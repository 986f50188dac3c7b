/**
 * A damaged data folder is refused on open with what is wrong and how to recover, never opened
 * as a new empty store; re-reading the documents restores lost passages.
 */
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/corpus/index.js';
import { DamagedStoreError, MANIFEST_FILE, openStore, type Store } from '../../src/store/index.js';
import { corpusDir } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

const tmp = makeTempDir('marsad-damaged-');
let counter = 0;

async function drafts() {
  const files = readdirSync(corpusDir()).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (file) => (await prepareDocument(readFileSync(join(corpusDir(), file)), { path: join(corpusDir(), file), file })).draft));
}

/** A data folder with the corpus stored and closed cleanly; returns it and a table's file. */
async function storedFolder(): Promise<{ dataDir: string; passagesFile: string; documents: number; passages: number }> {
  const dataDir = join(tmp.dir, `data-${counter++}`);
  const store = await openStore({ dataDir });
  for (const draft of await drafts()) await store.putDocument(draft);
  const stats = await store.stats();
  // The file PostgreSQL keeps the passages table in (relative to the database folder).
  const [{ path }] = await (store as unknown as { db: { query<T>(sql: string): Promise<T[]> } }).db.query<{ path: string }>(
    `select pg_relation_filepath('passages') as path`,
  );
  await store.close();
  return { dataDir, passagesFile: join(dataDir, 'pglite', path), documents: stats.documents, passages: stats.passages };
}

async function openFails(dataDir: string): Promise<DamagedStoreError> {
  let store: Store | undefined;
  try {
    store = await openStore({ dataDir });
  } catch (error) {
    expect(error).toBeInstanceOf(DamagedStoreError);
    return error as DamagedStoreError;
  }
  await store.close();
  throw new Error('the damaged folder was opened');
}

describe('opening a damaged data folder', () => {
  afterAll(() => tmp.remove());

  it('openStore writes a manifest with the store version and the counts at a clean close', async () => {
    const { dataDir, documents, passages } = await storedFolder();
    const manifest = JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ format: 'marsad-store', version: 1, closed: true, documents, passages });
    expect(documents).toBe(5);
  }, 60_000);

  it('openStore refuses a folder whose PG_VERSION is missing and creates nothing in it', async () => {
    const { dataDir } = await storedFolder();
    rmSync(join(dataDir, 'pglite', 'PG_VERSION'));
    const before = readdirSync(join(dataDir, 'pglite')).sort();
    const error = await openFails(dataDir);
    expect(error.message).toMatch(/PG_VERSION is missing/);
    expect(error.message).toMatch(/no new store is created/);
    expect(readdirSync(join(dataDir, 'pglite')).sort()).toEqual(before);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(false);
  }, 60_000);

  it('openStore refuses a folder whose pg_control is missing', async () => {
    const { dataDir } = await storedFolder();
    rmSync(join(dataDir, 'pglite', 'global', 'pg_control'));
    expect((await openFails(dataDir)).message).toMatch(/global\/pg_control is missing/);
  }, 60_000);

  it('openStore refuses a folder whose database folder is gone but whose manifest says it held a store', async () => {
    const { dataDir } = await storedFolder();
    rmSync(join(dataDir, 'pglite'), { recursive: true });
    expect((await openFails(dataDir)).message).toMatch(/pglite\/ is missing/);
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  }, 60_000);

  it('openStore refuses a truncated passages table, and re-reading the documents repairs it', async () => {
    const { dataDir, passagesFile, passages } = await storedFolder();
    truncateSync(passagesFile, 0);
    const error = await openFails(dataDir);
    expect(error.message).toMatch(new RegExp(`${passages} of ${passages} passages are missing`));
    expect(error.message).toMatch(/5 documents have no passages/);
    expect(error.message).toMatch(/marsad doctor/);

    const store = await openStore({ dataDir, allowDamaged: true });
    const check = await store.check();
    expect(check.documentsWithoutPassages).toHaveLength(5);
    await store.reindex(); // the primary key still lists the lost rows
    // Same text, passages missing: rewritten, not "unchanged".
    const statuses = [];
    for (const draft of await drafts()) statuses.push((await store.putDocument(draft)).status);
    expect(statuses).toEqual(Array(5).fill('replaced'));
    expect((await store.check()).problems).toEqual([]);
    await store.close();
    const reopened = await openStore({ dataDir });
    expect((await reopened.stats()).passages).toBe(passages);
    await reopened.close();
  }, 60_000);

  it('openStore refuses an unreadable manifest with the way to rewrite it', async () => {
    const { dataDir } = await storedFolder();
    writeFileSync(join(dataDir, MANIFEST_FILE), '{ not json');
    expect((await openFails(dataDir)).message).toMatch(/not valid JSON; marsad doctor --repair/);
  }, 60_000);
});
