/**
 * A text file larger than a part (8 MB by default; small here) is read and stored in parts,
 * one document each, ending on paragraphs: nothing of the text is lost or stored twice, search
 * finds the first and the last paragraph, a second ingest finds every part unchanged, and files
 * that cannot be read in parts are refused with a message that says what to do.
 */
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, partFileName } from '../../src/corpus/ingest.js';
import type { IngestProgress, IngestSummary } from '../../src/domain/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';
import { makeTempDir } from '../support/temp-dir.js';

const tmp = makeTempDir('marsad-large-');
const PART = 16 * 1024;
const PARAGRAPHS = 600;
afterAll(() => tmp.remove());
const marker = (i: number) => `علامة${String(i).padStart(4, '0')}`;

function writeLongText(path: string): string {
  const paragraphs = Array.from(
    { length: PARAGRAPHS },
    (_, i) => `${marker(i)} فقرة عن انسحاب قوات التحالف من قاعدة ${i % 2 ? 'عين الأسد' : 'حرير'} ${'وتفاصيل أخرى '.repeat(i % 9)}`,
  );
  const text = `${paragraphs.join('\n\n')}\n`;
  writeFileSync(path, text);
  return text;
}

describe('ingesting a text file larger than a part', () => {
  let store: Store;
  let summary: IngestSummary;
  let size: number;
  const progress: IngestProgress[] = [];

  beforeAll(async () => {
    size = Buffer.byteLength(writeLongText(join(tmp.dir, 'archive.txt')));
    store = await openStore({ memory: true });
    summary = await ingestPaths(store, [join(tmp.dir, 'archive.txt')], { partBytes: PART, onProgress: (p) => progress.push(p) });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('stores each part as a document named after the file and its part number', () => {
    const expectedParts = Math.ceil(size / PART);
    expect(summary.rejected).toEqual([]);
    expect(summary.added.length).toBeGreaterThanOrEqual(expectedParts);
    expect(summary.added.map((a) => a.file)).toEqual(summary.added.map((_, i) => partFileName('archive.txt', i + 1)));
    expect(partFileName('archive.txt', 3)).toBe('archive.part-0003.txt');
  });

  it('keeps every paragraph exactly once, whole', async () => {
    const seen = new Map<string, number>();
    for (const entry of summary.added) {
      const doc = await store.getDocument(entry.documentId);
      expect(doc).not.toBeNull();
      for (const m of doc!.text.match(/علامة\d{4}/g) ?? []) seen.set(m, (seen.get(m) ?? 0) + 1);
    }
    expect(seen.size).toBe(PARAGRAPHS);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('finds the first and the last paragraph by search, cited to their parts', async () => {
    const first = await store.search({ text: marker(0) });
    const last = await store.search({ text: marker(PARAGRAPHS - 1) });
    expect(first[0]?.file).toBe(partFileName('archive.txt', 1));
    expect(last[0]?.file).toBe(partFileName('archive.txt', summary.added.length));
  });

  it('reports progress in bytes up to the whole file', () => {
    const bytes = progress.filter((p) => p.bytes).map((p) => p.bytes!);
    expect(bytes.length).toBe(summary.added.length);
    expect(bytes.every((b, i) => i === 0 || b.done > bytes[i - 1].done)).toBe(true);
    expect(bytes.at(-1)).toEqual({ done: size, total: size });
  });

  it('finds every part unchanged on a second ingest', async () => {
    const again = await ingestPaths(store, [join(tmp.dir, 'archive.txt')], { partBytes: PART });
    expect(again.added).toEqual([]);
    expect(again.unchanged.length).toBe(summary.added.length);
  });

  it('refuses a UTF-16 text over a part, saying to convert it', async () => {
    const path = join(tmp.dir, 'wide.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('نص طويل\n\n'.repeat(3000), 'utf16le')]));
    const out = await ingestPaths(store, [path], { partBytes: PART });
    expect(out.added).toEqual([]);
    expect(out.rejected[0]?.reason).toMatch(/UTF-16 .*needs UTF-8 .*iconv/);
  });
});

describe('a 1 GB file', () => {
  const path = join(tmp.dir, 'huge.txt');

  beforeAll(() => {
    // Sparse: a gigabyte by its size, no disk space (its bytes read as zeros).
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
  });

  it('is refused before reading under the default limit, naming the limit and the flag', async () => {
    const store = await openStore({ memory: true });
    try {
      const out = await ingestPaths(store, [path]);
      expect(out.rejected[0]?.reason).toBe('file is 1024.0 MB, over the limit of 10.0 MB (raise it with --max-bytes)');
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('is read in parts when the limit allows it, and its first part refused as binary, nothing stored', async () => {
    const store = await openStore({ memory: true });
    try {
      const out = await ingestPaths(store, [path], { maxBytes: 2 * 1024 ** 3 });
      expect(out.added).toEqual([]);
      expect(out.rejected).toHaveLength(1);
      expect(out.rejected[0].reason).toMatch(/binary|NUL/i);
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await store.close();
    }
  });
});
