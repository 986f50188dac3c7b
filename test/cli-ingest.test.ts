/**
 * The corpus commands end to end, in process: ingest, documents, search (with entity expansion
 * and the actor filter from the built-in case), export and import, against a PGlite data folder.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { corpusDir, hostileDir } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-cli-');
const data = join(tmp.dir, 'data');

async function run(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('marsad ingest / search / documents / export / import', () => {
  let firstIngest: { code: number; stdout: string };
  beforeAll(async () => {
    firstIngest = await run('ingest', corpusDir(), '--json');
  });
  afterAll(() => tmp.remove());

  it('ingest --json reports the five corpus documents added, exit 0', () => {
    expect(firstIngest.code).toBe(0);
    const summary = JSON.parse(firstIngest.stdout);
    expect(summary.added).toHaveLength(5);
    expect(summary.rejected).toEqual([]);
  });

  it('ingest again reports them unchanged', async () => {
    const r = await run('ingest', corpusDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added 0 documents \(0 passages\), unchanged 5, updated 0, rejected 0/);
  });

  it('documents --json lists them with metadata', async () => {
    const r = await run('documents', '--json');
    const docs = JSON.parse(r.stdout) as Array<{ file: string; published: string; passageCount: number }>;
    expect(docs.map((d) => d.file)).toHaveLength(5);
    expect(docs.find((d) => d.file === '003_8d2508c71f933932.txt')?.published).toBe('2024-01-26');
  });

  it('search --json returns file, passage, offsets, score, snippet and text', async () => {
    const r = await run('search', 'والقوات هيمو', '--json', '--limit', '3');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits[0]).toMatchObject({ file: '000_acef2ed65af1df9d.txt', passage: expect.stringMatching(/^[0-9a-f]{16}:\d+$/) });
    expect(Object.keys(hits[0])).toEqual(expect.arrayContaining(['file', 'passage', 'start', 'end', 'score', 'snippet', 'text']));
    expect(hits[0].text).toContain('«هيمو»');
  });

  it('search prints readable hits: file, score and snippet', async () => {
    const r = await run('search', 'السفارة الأميركية', '--limit', '2');
    expect(r.stdout).toMatch(/^1\. \d{3}_[0-9a-f]+\.txt {2}[0-9a-f]{16}:\d+(?: {2}\d{4}(?:-\d\d){0,2})? {2}\[\d+–\d+\] {2}score \d+\.\d{3}\n {3}.*\[\[السفارة\]\]/);
    expect(r.stdout).toMatch(/\n {3}matched: /);
  });

  it('search expands a case place named in English to its Arabic names', async () => {
    const r = await run('search', 'Ain al-Asad', '--json', '--limit', '3');
    const hits = JSON.parse(r.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].text).toContain('عين الأسد');
    const plain = await run('search', 'Ain al-Asad', '--json', '--no-expand');
    expect(JSON.parse(plain.stdout)).toEqual([]);
  });

  it('search --actor keeps passages naming the actor under any name', async () => {
    const r = await run('search', 'الانسحاب', '--actor', 'al-sudani', '--json', '--limit', '50');
    const hits = JSON.parse(r.stdout) as Array<{ text: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => /السوداني|Sudani/.test(h.text))).toBe(true);
  });

  it('search still works, with a warning, when the case folder has errors', async () => {
    const broken = join(tmp.dir, 'broken-case');
    mkdirSync(broken);
    writeFileSync(join(broken, 'actors.yaml'), 'actors: [\n');
    const r = await run('--case', broken, 'search', 'عين الأسد', '--json', '--limit', '1');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].text).toContain('عين الأسد');
    expect(r.stderr).toMatch(/warning: case .*broken-case not loaded/);
  });

  it('search filters by --doc, --lang and --from/--to', async () => {
    const doc = JSON.parse((await run('search', 'العراق', '--doc', '003_8d2508c71f933932.txt', '--json')).stdout);
    expect(doc.every((h: { file: string }) => h.file === '003_8d2508c71f933932.txt')).toBe(true);
    const en = JSON.parse((await run('search', 'Iraq', '--lang', 'en', '--json')).stdout);
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((h: { language: string }) => h.language === 'en')).toBe(true);
    const late = JSON.parse((await run('search', 'العراق', '--from', '2024-10', '--json', '--limit', '200')).stdout);
    expect(new Set(late.map((h: { file: string }) => h.file))).toEqual(new Set(['002_132dcbf3b4cce48d.txt', '004_d44e6c981398d9dc.txt']));
  });

  it('search with bad flags exits 2 naming the flag', async () => {
    expect(await run('search', 'x', '--lang', 'fr')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--lang/) });
    expect(await run('search', 'x', '--limit', '0')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--limit/) });
    expect((await run('search', 'العراق', '--from', '2024-13')).code).toBe(2);
    expect((await run('search', 'العراق', '--actor', 'no-such-actor')).code).toBe(2);
  });

  it('export then import into a new data folder round-trips the workspace', async () => {
    const file = join(tmp.dir, 'workspace.json');
    expect((await run('export', file)).code).toBe(0);
    const other = join(tmp.dir, 'other');
    const io = memoryIo({}, tmp.dir);
    expect(await main(['node', 'marsad', '--data', other, 'import', file, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ added: 5, unchanged: 0, updated: 0 });
    const again = memoryIo({}, tmp.dir);
    await main(['node', 'marsad', '--data', other, 'export', '-'], again);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('import of a file that is not JSON exits 2 naming it', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const r = await run('import', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json');
  });

  it('ingest of a folder mixing good and bad files stores the good ones, lists the bad, exits 2', async () => {
    const mixed = join(tmp.dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'good.txt'), 'نص سليم عن انسحاب التحالف الدولي من العراق.');
    copyFileSync(join(hostileDir(), 'empty.txt'), join(mixed, 'empty.txt'));
    copyFileSync(join(hostileDir(), 'binary-named.txt'), join(mixed, 'binary-named.txt'));
    const r = await run('ingest', mixed, '--json');
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.stdout);
    expect(summary.added.map((f: { file: string }) => f.file)).toEqual(['good.txt']);
    expect(summary.rejected).toEqual([
      { path: join(mixed, 'binary-named.txt'), reason: expect.stringMatching(/binary/) },
      { path: join(mixed, 'empty.txt'), reason: expect.stringMatching(/empty/) },
    ]);
  });

  it('ingest --max-bytes rejects larger files with the limit in the message', async () => {
    const big = join(tmp.dir, 'big.txt');
    writeFileSync(big, 'نص '.repeat(1000));
    const r = await run('ingest', big, '--max-bytes', '1k');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/rejected: .*big\.txt: file is 0\.0 MB, over the limit of 0\.0 MB/);
    expect((await run('ingest', big, '--max-bytes', 'lots')).code).toBe(2);
  });
});
