/**
 * `marsad doctor [--repair]` on damaged data folders: a truncated passages table is reported
 * (exit 1) and every other command refuses the folder with the way out; `--repair` restores the
 * passages from the source files, after which search finds them again. A folder whose passages'
 * source files are gone is repaired from the stored text.
 */
import { cpSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { openStore } from '../src/store/index.js';
import { corpusDir } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-cli-doctor-');

async function run(data: string, ...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Ingests a copy of the corpus into `data`, then truncates the passages table's file. */
async function damaged(name: string): Promise<{ data: string; corpus: string }> {
  const data = join(tmp.dir, name);
  const corpus = join(tmp.dir, `${name}-corpus`);
  cpSync(corpusDir(), corpus, { recursive: true });
  expect((await run(data, 'ingest', corpus)).code).toBe(0);
  const store = await openStore({ dataDir: data });
  const [{ path }] = await (store as unknown as { db: { query<T>(sql: string): Promise<T[]> } }).db.query<{ path: string }>(
    `select pg_relation_filepath('passages') as path`,
  );
  await store.close();
  truncateSync(join(data, 'pglite', path), 0);
  return { data, corpus };
}

describe('marsad doctor', () => {
  afterAll(() => tmp.remove());

  it('doctor says the store is sound after an ingest (exit 0)', async () => {
    const data = join(tmp.dir, 'sound');
    expect((await run(data, 'ingest', corpusDir())).code).toBe(0);
    const r = await run(data, 'doctor');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^5 documents, \d+ passages\nthe store is sound\n$/);
  }, 60_000);

  it('doctor reports lost passages (exit 1), other commands refuse the folder, --repair restores them from the sources', async () => {
    const { data } = await damaged('truncated');
    const check = await run(data, 'doctor');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/problem: \d+ of \d+ passages are missing/);
    expect(check.stdout).toMatch(/problem: 5 documents have no passages/);
    expect(check.stdout).toMatch(/run marsad doctor --repair/);

    const search = await run(data, 'search', 'الانسحاب');
    expect(search.code).toBe(1);
    expect(search.stderr).toMatch(/^marsad: the store in .* is damaged: .*marsad doctor/);

    const repair = await run(data, 'doctor', '--repair', '--json');
    expect(repair.code).toBe(0);
    const report = JSON.parse(repair.stdout);
    expect(report.ok).toBe(true);
    expect(report.remaining).toEqual([]);
    expect(report.repairs.filter((r: string) => /passages restored from its source file/.test(r))).toHaveLength(5);

    expect((await run(data, 'doctor')).stdout).toMatch(/the store is sound\n$/);
    const found = await run(data, 'search', 'الانسحاب', '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).length).toBeGreaterThan(0);
  }, 120_000);

  it('doctor --repair re-splits the stored text when the source files are gone', async () => {
    const { data, corpus } = await damaged('no-sources');
    for (const f of readdirSync(corpus)) rmSync(join(corpus, f));
    const repair = await run(data, 'doctor', '--repair');
    expect(repair.code).toBe(0);
    expect(repair.stdout.match(/passages restored from the stored text/g)).toHaveLength(5);
    expect(repair.stdout).toMatch(/the store is sound again\n$/);
  }, 120_000);
});
