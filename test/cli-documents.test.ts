/**
 * The CLI contract for documents in other formats: `marsad ingest FILE.pdf|FILE.docx|FILE.html`
 * as for text files, `marsad search` finding their text, PDF hits carrying their page, and
 * `--no-ocr` refusing a scan with a message that says why.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-cli-docs-');
const data = join(tmp.dir, 'data');
const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'documents', name);

async function run(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('marsad ingest FILE.pdf|FILE.docx|FILE.html, then search', () => {
  afterAll(() => tmp.remove());

  it('ingest reads a PDF, a Word file and a web page like text files', async () => {
    const r = await run('ingest', fixture('study-ar.pdf'), fixture('report-ar.docx'), fixture('news-ar.html'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added 3 documents \(\d+ passages\), unchanged 0, updated 0, rejected 0\n$/);
  });

  it('search prints the page of a PDF hit and flags footnotes', async () => {
    const r = await run('search', 'قاعدة عين الأسد', '--doc', 'study-ar.pdf', '--no-expand');
    expect(r.stdout).toMatch(/^1\. study-ar\.pdf {2}[0-9a-f]{16}:\d+ {2}p\. 1 {2}\[\d+–\d+\] {2}score/);
    const note = await run('search', 'مقابلات أجراها', '--doc', 'study-ar.pdf', '--no-expand');
    expect(note.stdout).toMatch(/study-ar\.pdf {2}[0-9a-f]{16}:\d+ {2}p\. 2 {2}\(footnote\) {2}\[/);
  });

  it('search --json gives the page, null for documents without pages', async () => {
    const r = await run('search', 'عين الأسد', '--json', '--no-expand');
    const hits = JSON.parse(r.stdout) as Array<{ file: string; page: number | null }>;
    expect(new Set(hits.map((h) => h.file))).toEqual(new Set(['study-ar.pdf', 'report-ar.docx', 'news-ar.html']));
    for (const h of hits) expect(h.page === null).toBe(h.file !== 'study-ar.pdf');
  });

  it('documents lists the page count of a PDF', async () => {
    const r = await run('documents');
    expect(r.stdout).toMatch(/study-ar\.pdf {2}[0-9a-f]{16} {2}ar {2}— {2}\d+ passages {2}3 pages {2}مستقبل الوجود العسكري الأجنبي في العراق/);
  });

  it('ingest --no-ocr refuses a scan, saying it has no text layer, exit 2', async () => {
    const r = await run('ingest', '--no-ocr', fixture('scanned-ar.pdf'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/rejected: .*scanned-ar\.pdf: no text layer: the PDF is scanned or only pictures \(page 1\); OCR is off/);
  });
});
