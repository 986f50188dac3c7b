/**
 * Regressions found by QA on the command line: bad filters and output targets are bad usage
 * (exit 2 with the field named), never a stack trace or a silent empty answer; hostile document
 * text does not reach the terminal with its bidi overrides; failed writes leave no stray files.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { corpusDir, hostileDir } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-qa-');
const data = join(tmp.dir, 'data');

async function run(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('CLI regressions found by QA', () => {
  beforeAll(async () => {
    const r = await run('ingest', corpusDir(), join(hostileDir(), 'bidi-and-zero-width.txt'));
    expect(r.code).toBe(0);
  });
  afterAll(() => tmp.remove());

  it('search --doc with an unknown document is bad usage, not "no passages found"', async () => {
    const r = await run('search', 'الانسحاب', '--doc', 'nope.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/field --doc: no document "nope.txt"/);
    const ok = await run('search', 'الانسحاب', '--doc', '002_132dcbf3b4cce48d.txt', '--json');
    expect(ok.code).toBe(0);
    const hits = JSON.parse(ok.stdout) as Array<{ file: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.file))).toEqual(new Set(['002_132dcbf3b4cce48d.txt']));
  });

  it('search with --to before --from is bad usage; ranges of mixed precision still work', async () => {
    const r = await run('search', 'الانسحاب', '--from', '2024-11', '--to', '2024-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/field --to: expected the end of the range \(to\) on or after its start \(from\), got "2024-01"/);
    const ok = await run('search', 'الانسحاب', '--from', '2024-10', '--to', '2024', '--json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('search prints snippets without bidi overrides, while --json keeps the stored text', async () => {
    const r = await run('search', 'الحشد الشعبي', '--doc', 'bidi-and-zero-width.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[[الحشد]]');
    expect(r.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const json = await run('search', 'الحشد الشعبي', '--doc', 'bidi-and-zero-width.txt', '--json');
    expect((JSON.parse(json.stdout) as Array<{ text: string }>)[0]!.text).toContain('\u202E');
  });

  it('report, export and model export to a folder or a missing folder exit 2 and leave nothing behind', async () => {
    const outDir = join(tmp.dir, 'out');
    mkdirSync(outDir);
    const cases: string[][] = [
      ['report', '--scenario', 'status-quo', '--lang', 'en', '--format', 'md', '--runs', '0', '--out', outDir],
      ['report', '--scenario', 'status-quo', '--lang', 'en', '--format', 'md', '--runs', '0', '--out', join(outDir, 'no', 'b.md')],
      ['export', outDir],
      ['export', join(outDir, 'no', 'w.json')],
      ['model', 'export', '--format', 'csv', '--out', outDir],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/is a folder|does not exist/);
      expect(r.stderr, args.join(' ')).not.toMatch(/unexpected failure|\n\s+at /);
    }
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(tmp.dir).filter((f) => /\.(tmp|partial)/.test(f))).toEqual([]);
  });

  it('import refuses a workspace whose document file name carries folders, and writes nothing', async () => {
    const file = join(tmp.dir, 'ws.json');
    expect((await run('export', file)).code).toBe(0);
    const ws = JSON.parse(readFileSync(file, 'utf8')) as { documents: Array<{ file: string }> };
    ws.documents[1]!.file = '../../etc/passwd';
    const edited = join(tmp.dir, 'ws-edited.json');
    writeFileSync(edited, JSON.stringify(ws));
    const other = join(tmp.dir, 'other-data');
    const io = memoryIo({}, tmp.dir);
    const code = await main(['node', 'marsad', '--data', other, 'import', edited], io);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/field documents\[1\]\.file: file name "\.\.\/\.\.\/etc\/passwd"/);
    const docs = memoryIo({}, tmp.dir);
    await main(['node', 'marsad', '--data', other, 'documents', '--json'], docs);
    expect(JSON.parse(docs.stdout)).toEqual([]);
  });

  it('report --as-of refuses a day that does not exist instead of rolling it over', async () => {
    const out = join(tmp.dir, 'asof.md');
    const bad = await run('report', '--scenario', 'status-quo', '--lang', 'en', '--format', 'md', '--runs', '0', '--as-of', '2024-02-30', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/field --as-of: .*"2024-02-30"/);
    const ok = await run('report', '--scenario', 'status-quo', '--lang', 'en', '--format', 'md', '--runs', '0', '--as-of', '2024-02-29', '--out', out);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('29 February 2024');
  });

  it('search refuses an over-long query, naming the field', async () => {
    const words = Array.from({ length: 1500 }, () => 'الانسحاب بغداد Iraq').join(' ');
    const r = await run('search', words);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/field query: expected at most 1000 characters, got \d+ characters/);
  });
});
