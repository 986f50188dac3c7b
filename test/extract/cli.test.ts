/** `marsad extract` in process: output shape, publication date sources, and bad input (exit 2). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url).pathname;
const CASE = join(root, 'cases/iraq-withdrawal');
const CORPUS = join(root, '../shared/corpus/iraq-withdrawal');
const HOSTILE = join(root, '../shared/fixtures/hostile');

async function run(...args: string[]) {
  const io = memoryIo({}, root);
  const code = await main(['node', 'marsad', '--case', CASE, 'extract', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'marsad-extract-'));
function tmpFile(name: string, content: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('marsad extract', () => {
  it('marsad extract --json gives mentions, dates, figures and candidates with offsets into the file', async () => {
    const { code, out } = await run(join(CORPUS, '002_132dcbf3b4cce48d.txt'), '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.file).toBe('002_132dcbf3b4cce48d.txt');
    expect(r.published).toBe('2024-10-04'); // from sources.yaml beside the file
    const late = r.dates.find((d: { text: string }) => d.text === 'نهاية سبتمبر العام المقبل');
    expect(late).toMatchObject({ value: '2025-09', precision: 'month', qualifier: 'late' });
    expect(r.figures.find((f: { value: unknown }) => f.value === 86)).toMatchObject({ unit: 'states', qualifier: 'exact' });
    expect(r.mentions.some((m: { actor: string }) => m.actor === 'ain-al-asad')).toBe(true);
    expect(Array.isArray(r.candidates)).toBe(true);
    for (const c of r.candidates) {
      expect(c.id).toMatch(/^c-[0-9a-f]{16}$/);
      expect(['actor', 'event', 'figure', 'stance', 'commitment-status', 'quote']).toContain(c.kind);
    }
  });

  it('marsad extract --published overrides sources.yaml and resolves relative dates', async () => {
    const { out } = await run(join(CORPUS, '003_8d2508c71f933932.txt'), '--json', '--published', '2024-02-01');
    const r = JSON.parse(out);
    expect(r.dates.find((d: { text: string }) => d.text === 'أمس').value).toBe('2024-01-31');
  });

  it('marsad extract reads the publication date from front matter and keeps offsets in the file', async () => {
    const text = '---\npublished: 2024-10-04\n---\nقال المتحدث الجمعة الماضية إن أكثر من 150 هجوما وقعت.\n';
    const p = tmpFile('front.md', text);
    const r = JSON.parse((await run(p, '--json')).out);
    expect(r.published).toBe('2024-10-04');
    const d = r.dates[0];
    expect(d.value).toBe('2024-09-27');
    expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(r.figures[0]).toMatchObject({ value: 150, unit: 'attacks', qualifier: 'more-than' });
  });

  it('marsad extract prints a readable summary without --json', async () => {
    const { code, out } = await run(join(CORPUS, '003_8d2508c71f933932.txt'));
    expect(code).toBe(0);
    expect(out).toMatch(/Dates: 7/);
    expect(out).toMatch(/2023-10-07/);
    expect(out).toMatch(/Candidates not yet in the case/);
  });

  it('marsad extract warns when relative dates cannot be resolved', async () => {
    const p = tmpFile('no-date.txt', 'وصل الوزير أمس إلى بغداد.');
    const { code, err, out } = await run(p, '--json');
    expect(code).toBe(0);
    expect(err).toMatch(/not resolved/);
    expect(JSON.parse(out).dates).toEqual([]);
  });

  it('marsad extract rejects an empty file (exit 2)', async () => {
    const { code, err } = await run(join(HOSTILE, 'empty.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/empty/);
  });

  it('marsad extract rejects a binary file (exit 2)', async () => {
    const { code, err } = await run(join(HOSTILE, 'binary-named.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/binary/);
  });

  it('marsad extract rejects invalid UTF-8 and names legacy encodings (exit 2)', async () => {
    for (const f of ['invalid-utf8.txt', 'windows-1256.txt']) {
      const { code, err } = await run(join(HOSTILE, f));
      expect(code).toBe(2);
      expect(err).toMatch(/UTF-8/);
    }
  });

  it('marsad extract refuses a file over the size limit with the limit in the message (exit 2)', async () => {
    const p = tmpFile('big.txt', 'بغداد '.repeat(2000));
    const { code, err } = await run(p, '--max-bytes', '1000');
    expect(code).toBe(2);
    expect(err).toMatch(/limit for extraction is 1000 bytes/);
  });

  it('marsad extract refuses a file over the default 4 MiB limit (exit 2)', async () => {
    const p = tmpFile('huge.txt', 'x'.repeat(4 * 1024 * 1024 + 1));
    const { code, err } = await run(p);
    expect(code).toBe(2);
    expect(err).toMatch(/limit for extraction is 4194304 bytes/);
  });

  it('marsad extract sees through bidi controls and zero-width characters (hostile fixture)', async () => {
    const { code, out } = await run(join(HOSTILE, 'bidi-and-zero-width.txt'), '--json', '--published', '2025-01-01');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const ids = r.mentions.map((m: { actor: string }) => m.actor);
    for (const id of ['pmf', 'global-coalition', 'ain-al-asad', 'baghdad', 'erbil']) expect(ids).toContain(id);
    expect(r.dates.map((d: { value: string }) => d.value)).toContain('2025-09');
  });

  it('marsad extract reads Arabic presentation forms (hostile fixture)', async () => {
    const { out } = await run(join(HOSTILE, 'arabic-presentation-forms.txt'), '--json', '--published', '2024-10-04');
    const r = JSON.parse(out);
    expect(r.mentions.map((m: { actor: string }) => m.actor)).toContain('iraq');
  });

  it('marsad extract rejects an unknown --published format, naming the flag (exit 2)', async () => {
    const { code, err } = await run(join(CORPUS, '002_132dcbf3b4cce48d.txt'), '--published', '04/10/2024');
    expect(code).toBe(2);
    expect(err).toMatch(/--published/);
    expect(err).toMatch(/YYYY-MM-DD/);
  });

  it('marsad extract rejects an impossible --published date (exit 2)', async () => {
    const { code } = await run(join(CORPUS, '002_132dcbf3b4cce48d.txt'), '--published', '2024-02-30');
    expect(code).toBe(2);
  });

  it('marsad extract reports broken front matter with the file and line (exit 2)', async () => {
    const { code, err } = await run(join(HOSTILE, 'broken-front-matter.md'));
    expect(code).toBe(2);
    expect(err).toMatch(/broken-front-matter\.md/);
  });

  it('marsad extract on a missing file is bad input (exit 2)', async () => {
    const { code, err } = await run(join(tmp, 'nope.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read/);
  });
});
