import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from './prepare.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../test/fixtures/documents/${name}`, import.meta.url)));

describe('prepareDocument', () => {
  it('gives every passage of a PDF the page that holds it, and flags the footnotes', async () => {
    const { draft } = await prepareDocument(fixture('study-ar.pdf'), { path: '/x/study-ar.pdf', file: 'study-ar.pdf' });
    expect(draft.pages?.map((p) => p.number)).toEqual([1, 2, 3]);
    for (const p of draft.passages) {
      const page = draft.pages!.find((g) => g.number === p.page)!;
      expect(p.start >= page.start && p.end <= page.end, `passage ${p.ordinal}`).toBe(true);
    }
    expect(draft.passages.filter((p) => p.footnote).map((p) => [p.page, p.text.slice(0, 3)])).toEqual([[1, '[1]'], [2, '[2]']]);
    expect(draft.passages.find((p) => p.text.startsWith('Abstract.'))).toMatchObject({ page: 3, language: 'en' });
  });

  it('lets sources.yaml metadata win over what the file states, field by field', async () => {
    const { draft } = await prepareDocument(fixture('news-ar.html'), {
      path: '/x/news-ar.html',
      file: 'news-ar.html',
      meta: { outlet: 'Another outlet', author: null },
    });
    expect(draft.meta).toEqual({ title: 'جولة محادثات جديدة حول الانسحاب', author: null, outlet: 'Another outlet', published: '2024-10-04' });
    expect(draft.pages).toBeUndefined();
    expect(draft.passages.every((p) => p.page === undefined)).toBe(true);
  });

  it('refuses a document with no text, naming the file', async () => {
    await expect(prepareDocument(fixture('images-only.docx'), { path: '/x/i.docx', file: 'images-only.docx' })).rejects.toThrow(
      /no text to index/,
    );
  });
});
