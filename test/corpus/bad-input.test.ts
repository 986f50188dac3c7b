/**
 * Bad input (issue item 6): a folder mixing good files with empty, binary, invalid UTF-8,
 * Windows-1256, oversize, unreadable, dangling and looping entries. The good ones are stored,
 * the bad ones listed with a reason, and nothing half-written is left behind.
 */
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/corpus/index.js';
import type { IngestSummary } from '../../src/domain/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';
import { hostileDir } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

const tmp = makeTempDir('marsad-bad-');
const dir = join(tmp.dir, 'mixed');
const isRoot = process.getuid?.() === 0;

function reasonFor(summary: IngestSummary, name: string): string | undefined {
  return summary.rejected.find((r) => r.path.endsWith(`/${name}`))?.reason;
}

describe('ingestPaths on a folder of good and bad files', () => {
  let store: Store;
  let summary: IngestSummary;

  beforeAll(async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'good.txt'), 'انسحاب القوات الأمريكية من العراق.\n\nفقرة ثانية عن التحالف الدولي.\n');
    writeFileSync(join(dir, 'sub', 'note.md'), '---\ntitle_en: "A note"\npublished: 2024-05-02\n---\n# ملاحظة\n\nنص الملاحظة عن قاعدة عين الأسد.\n');
    copyFileSync(join(hostileDir(), 'xss.html'), join(dir, 'page.html'));
    for (const name of ['empty.txt', 'binary-named.txt', 'invalid-utf8.txt', 'windows-1256.txt', 'broken-front-matter.md']) {
      copyFileSync(join(hostileDir(), name), join(dir, name));
    }
    // Just over the 10 MB default limit.
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    writeFileSync(join(dir, 'locked.txt'), 'نص لا يقرأ');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    writeFileSync(join(dir, '.hidden.txt'), 'should be skipped');
    writeFileSync(join(dir, 'image.png'), 'not a document');
    writeFileSync(join(dir, 'sources.yaml'), '- file: good.txt\n  published: "2024-01-30"\n  author: "Someone"\n- file: ghost.txt\n  language: ar\n');
    store = await openStore({ memory: true });
    summary = await ingestPaths(store, [dir]);
  });
  afterAll(async () => {
    await store?.close();
    chmodSync(join(dir, 'locked.txt'), 0o644);
    tmp.remove();
  });

  it('stores the good files, in sorted order, with their metadata', async () => {
    const added = summary.added.map((f) => f.file);
    expect(added).toEqual(expect.arrayContaining(['good.txt', 'note.md', 'page.html', 'invalid-utf8.txt', 'windows-1256.txt', 'broken-front-matter.md']));
    expect(added.indexOf('good.txt')).toBeLessThan(added.indexOf('page.html'));
    expect((await store.getDocument('good.txt'))?.author).toBe('Someone');
    const note = await store.getDocument('note.md');
    expect(note?.title).toBe('A note');
    expect(note?.published).toBe('2024-05-02');
    expect(note?.text.startsWith('# ملاحظة')).toBe(true);
  });

  it('rejects empty, binary and oversize files with the reason', () => {
    expect(reasonFor(summary, 'empty.txt')).toMatch(/empty/);
    expect(reasonFor(summary, 'binary-named.txt')).toMatch(/binary/);
    expect(reasonFor(summary, 'huge.txt')).toMatch(/over the limit of 10\.0 MB/);
  });

  it('rejects a file it has no permission to read (root may read anything: then it is stored)', () => {
    if (isRoot) expect(summary.added.map((f) => f.file)).toContain('locked.txt');
    else expect(reasonFor(summary, 'locked.txt')).toMatch(/unreadable|permission/);
  });

  it('rejects dangling symlinks and symlink loops, and visits a looping folder once', () => {
    expect(reasonFor(summary, 'dangling.txt')).toMatch(/no such file/);
    expect(reasonFor(summary, 'self.txt')).toMatch(/symlink loop/);
    expect(summary.warnings.some((w) => w.path.endsWith('sub/loop') && /symlink loop/.test(w.reason))).toBe(true);
    expect(summary.added.filter((f) => f.file === 'good.txt')).toHaveLength(1);
  });

  it('skips hidden files and other file types inside folders', () => {
    const all = [...summary.added, ...summary.rejected].map((f) => f.path);
    expect(all.some((p) => p.includes('.hidden') || p.endsWith('.png'))).toBe(false);
  });

  it('reports decoding repairs, broken front matter and unknown sources.yaml entries as warnings', () => {
    const reasons = summary.warnings.map((w) => w.reason).join('\n');
    expect(reasons).toMatch(/invalid-utf8\.txt: invalid UTF-8/);
    expect(reasons).toMatch(/windows-1256\.txt: not UTF-8: decoded as Windows-1256/);
    expect(reasons).toMatch(/broken-front-matter\.md.*front matter rejected/);
    expect(reasons).toMatch(/names "ghost\.txt", which is not in the folder/);
  });

  it('keeps only the visible text of hostile HTML', async () => {
    const page = await store.getDocument('page.html');
    expect(page?.text).toContain('الجدول الزمني');
    expect(page?.text).not.toMatch(/javascript:|onerror|injected/);
  });

  it('stores nothing for rejected files', async () => {
    const stored = (await store.listDocuments()).map((d) => d.file);
    expect(stored).not.toContain('empty.txt');
    expect(stored).not.toContain('binary-named.txt');
    expect(stored).not.toContain('huge.txt');
    expect(stored.length).toBe(summary.added.length);
  });
});

describe('ingestPaths on named paths', () => {
  it('rejects a missing path and an unsupported file type, naming them', async () => {
    const store = await openStore({ memory: true });
    try {
      const t = makeTempDir();
      writeFileSync(join(t.dir, 'doc.doc'), 'old Word');
      writeFileSync(join(t.dir, 'fake.pdf'), 'not a PDF at all');
      const s = await ingestPaths(store, [join(t.dir, 'missing.txt'), join(t.dir, 'doc.doc'), join(t.dir, 'fake.pdf')]);
      expect(s.rejected.map((r) => r.reason)).toEqual([
        expect.stringMatching(/no such file/),
        expect.stringMatching(/unsupported file type "\.doc"/),
        'not a PDF file',
      ]);
      t.remove();
    } finally {
      await store.close();
    }
  });

  it('honours maxBytes and reports progress once per file', async () => {
    const store = await openStore({ memory: true });
    try {
      const t = makeTempDir();
      writeFileSync(join(t.dir, 'a.txt'), 'نص قصير');
      writeFileSync(join(t.dir, 'b.txt'), 'نص أطول من الحد المسموح به في هذا الاختبار');
      const progress: number[] = [];
      const s = await ingestPaths(store, [t.dir], { maxBytes: 20, onProgress: (p) => progress.push(p.done) });
      expect(s.added.map((f) => f.file)).toEqual(['a.txt']);
      expect(s.rejected[0].reason).toMatch(/over the limit/);
      expect(progress).toEqual([1, 2]);
      t.remove();
    } finally {
      await store.close();
    }
  });
});
