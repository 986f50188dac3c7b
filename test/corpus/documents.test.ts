/**
 * PDF, Word and web pages end to end, on both stores: a folder of the document fixtures (an
 * Arabic study printed to PDF, an English report, a scan, a Word report, a news page, and bad
 * files: encrypted, damaged, a zip bomb, pictures only) is ingested; the good files are searchable,
 * a citation of the PDF resolves to its passage and page, and the bad ones are listed with their
 * reason and leave nothing behind.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitationIndex } from '../../src/case/citation-index.js';
import { ingestPaths } from '../../src/corpus/index.js';
import type { IngestSummary } from '../../src/domain/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';
import { freshSchema } from '../support/database.js';
import { repoRoot } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'documents');
const GOOD = ['news-ar.html', 'report-ar.docx', 'report-en.pdf', 'scanned-ar.pdf', 'study-ar.pdf'];

function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of [...GOOD, 'encrypted.pdf', 'images-only.docx']) copyFileSync(join(fixtures, name), join(dir, name));
  // report-en.pdf with a damaged cross-reference table, named to come after it.
  copyFileSync(join(fixtures, 'broken-xref.pdf'), join(dir, 'xref-damaged.pdf'));
  // A Word file whose document part inflates to 100 MB from about 100 KB.
  const parts = unzipSync(readFileSync(join(fixtures, 'report-ar.docx')));
  parts['word/document.xml'] = new Uint8Array(100 * 1024 * 1024).fill(0x20);
  writeFileSync(join(dir, 'bomb.docx'), zipSync(parts, { level: 9 }));
  writeFileSync(join(dir, 'sources.yaml'), '- file: study-ar.pdf\n  published: 2024-11\n  outlet: "Test Studies Centre"\n');
  writeFileSync(join(dir, 'renamed.pdf'), strToU8('<html><body>not a PDF</body></html>'));
}

function reasonFor(summary: IngestSummary, name: string): string | undefined {
  return summary.rejected.find((r) => r.path.endsWith(`/${name}`))?.reason;
}

const stores: Array<[string, () => Promise<{ store: Store; dispose(): Promise<void> }>]> = [
  ['PGlite', async () => {
    const store = await openStore({ memory: true });
    return { store, dispose: () => store.close() };
  }],
  ['PostgreSQL', async () => {
    const { databaseUrl, schema, drop } = await freshSchema('docs');
    const store = await openStore({ databaseUrl, schema });
    return { store, async dispose() { await store.close(); await drop(); } };
  }],
];

describe.each(stores)('ingesting PDF, Word and HTML documents into %s', (_name, makeStore) => {
  const tmp = makeTempDir('marsad-docs-');
  const dir = join(tmp.dir, 'documents');
  let handle: { store: Store; dispose(): Promise<void> };
  let store: Store;
  let summary: IngestSummary;

  beforeAll(async () => {
    makeFolder(dir);
    handle = await makeStore();
    store = handle.store;
    summary = await ingestPaths(store, [dir]);
  }, 180_000);
  afterAll(async () => {
    await handle?.dispose();
    tmp.remove();
  });

  it('ingestPaths stores the good documents; a damaged but readable PDF is read, with a warning', () => {
    expect(summary.added.map((f) => f.file)).toEqual(GOOD);
    // Rebuilt, the damaged copy has the very text of the intact one.
    expect(summary.unchanged).toEqual([expect.objectContaining({ file: 'xref-damaged.pdf', sameAs: 'report-en.pdf' })]);
    const warnings = summary.warnings.map((w) => w.reason).join('\n');
    expect(warnings).toMatch(/xref-damaged\.pdf: the PDF's cross-reference table is damaged/);
    expect(warnings).toMatch(/scanned-ar\.pdf: read by OCR with tesseract/);
  });

  it('ingestPaths rejects each bad file with a reason naming the fix, and stores nothing of it', async () => {
    expect(reasonFor(summary, 'encrypted.pdf')).toMatch(/encrypted PDF: it needs a password/);
    expect(reasonFor(summary, 'bomb.docx')).toMatch(/word\/document\.xml inflates to 100 MB, over the limit/);
    expect(reasonFor(summary, 'images-only.docx')).toMatch(/no text to index .*pictures/);
    expect(reasonFor(summary, 'renamed.pdf')).toBe('not a PDF file');
    const stored = (await store.listDocuments()).map((d) => d.file);
    for (const bad of ['encrypted.pdf', 'bomb.docx', 'images-only.docx', 'renamed.pdf']) expect(stored).not.toContain(bad);
    expect((await store.stats()).documents).toBe(summary.added.length);
  });

  it('search finds the text of a PDF, with the page of each passage', async () => {
    const hits = await store.search({ text: 'قاعدة عين الأسد', file: 'study-ar.pdf' });
    expect(hits[0].page).toBe(1);
    expect(hits[0].text).toContain('ستبقى في قلب هذا النقاش حتى أيلول 2026');
    const english = await store.search({ text: 'overtime cranes', file: 'report-en.pdf' });
    expect(english.map((h) => h.page)).toContain(2);
    const note = await store.search({ text: 'مقابلات أجراها في بغداد وأربيل', file: 'study-ar.pdf' });
    expect(note[0]).toMatchObject({ page: 2, footnote: true });
  });

  it('search finds the text of a Word file, a web page and a scan read by OCR', async () => {
    // Ranked: the minutes' own passage and the footnote citing them both hold the two words.
    const minutes = await store.search({ text: 'محضر الاجتماع', file: 'report-ar.docx', limit: 2 });
    expect(minutes.every((h) => h.matched.length === 2)).toBe(true);
    expect(minutes.map((h) => h.text).some((t) => t.includes('ستسلم قاعدة عين الأسد'))).toBe(true);
    expect((await store.search({ text: 'عين الأسد أيلول 2025', file: 'report-ar.docx' })).map((h) => h.text)).toContain('عين الأسد | أيلول 2025');
    const news = await store.search({ text: 'وفدا عسكريا', file: 'news-ar.html' });
    expect(news[0].page).toBeNull();
    expect(await store.search({ text: 'أسعار الذهب', file: 'news-ar.html' })).toEqual([]);
    const scan = await store.search({ text: 'اللجنة العسكرية العليا', file: 'scanned-ar.pdf' });
    expect(scan[0].page).toBe(1);
    expect((await store.listPages('scanned-ar.pdf'))[0].ocrConfidence).toBeGreaterThan(70);
  });

  it('keeps metadata from the files, with sources.yaml winning field by field', async () => {
    const docs = await store.listDocuments();
    const study = docs.find((d) => d.file === 'study-ar.pdf');
    expect(study).toMatchObject({ title: 'مستقبل الوجود العسكري الأجنبي في العراق', published: '2024-11', outlet: 'Test Studies Centre', pageCount: 3, language: 'ar' });
    expect(docs.find((d) => d.file === 'news-ar.html')).toMatchObject({ published: '2024-10-04', outlet: 'موقع الأخبار التجريبي', pageCount: 0 });
  });

  it('CitationIndex resolves a quote in the PDF to its passage and page', async () => {
    const index = new CitationIndex(store);
    const resolved = await index.resolve({ doc: 'study-ar.pdf', quote: 'ثلاثة مسارات محتملة للانسحاب' });
    expect(resolved.page).toBe(2);
    const passage = await store.getPassage(resolved.passage!);
    expect(passage?.page).toBe(2);
    expect(passage?.text).toContain('ثلاثة مسارات محتملة للانسحاب');
    const locate = await index.locator([{ doc: 'study-ar.pdf', quote: 'ثلاثة مسارات محتملة للانسحاب' }]);
    expect(locate({ doc: 'study-ar.pdf', quote: 'ثلاثة مسارات محتملة للانسحاب' })?.page).toBe(2);
    // A quote in a document without pages resolves without one.
    expect((await index.resolve({ doc: 'report-ar.docx', quote: 'محضر الاجتماع' })).page).toBeUndefined();
  });

  it('ingestPaths a second time changes nothing', async () => {
    const before = await store.stats();
    const again = await ingestPaths(store, [dir], { ocr: false });
    expect(again.added).toEqual([]);
    // Without OCR the scan cannot be read again: it is rejected, and the stored copy stays.
    expect(again.unchanged.map((f) => f.file)).toEqual([...GOOD.filter((f) => f !== 'scanned-ar.pdf'), 'xref-damaged.pdf']);
    expect(reasonFor(again, 'scanned-ar.pdf')).toMatch(/no text layer: .*OCR is off/);
    expect(await store.stats()).toEqual(before);
  }, 120_000);
});
