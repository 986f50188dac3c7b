import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter, splitHeaderBlock } from './front-matter.js';

describe('splitFrontMatter', () => {
  it('reads metadata and returns the body after it', () => {
    const r = splitFrontMatter('---\ntitle_en: "A"\npublished: 2024-10\n---\nالنص', 'a.md');
    expect(r).toEqual({ body: 'النص', meta: { title_en: 'A', published: '2024-10' }, warnings: [] });
  });
  it('keeps the body of the hostile broken front matter and reports it, naming the file', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../shared/fixtures/hostile/broken-front-matter.md', import.meta.url)), 'utf8');
    const r = splitFrontMatter(text, 'broken-front-matter.md');
    expect(r.body).toContain('نص المقال بعد ترويسة معطوبة');
    expect(r.meta).toEqual({});
    expect(r.warnings[0]).toMatch(/^broken-front-matter\.md.*front matter rejected/);
  });
  it('names the field of valid YAML with an impossible date', () => {
    const r = splitFrontMatter('---\npublished: 2024-13-45\n---\nbody', 'd.md');
    expect(r.warnings[0]).toMatch(/field published/);
    expect(r.body).toBe('body');
  });
  it('refuses an alias bomb (without expanding it)', () => {
    const bomb = readFileSync(fileURLToPath(new URL('../../../shared/fixtures/hostile/yaml-alias-bomb.yaml', import.meta.url)), 'utf8');
    const r = splitFrontMatter(`---\n${bomb}\n---\nbody`, 'bomb.md');
    expect(r.warnings[0]).toMatch(/front matter rejected/);
  });
  it('refuses 20,000 nested brackets without overflowing the stack', () => {
    const deep = readFileSync(fileURLToPath(new URL('../../../shared/fixtures/hostile/yaml-deep-nesting.yaml', import.meta.url)), 'utf8');
    const r = splitFrontMatter(`---\n${deep}\n---\nbody`, 'deep.md');
    expect(r.warnings[0]).toMatch(/nesting deeper/);
  });
  it('leaves text without front matter alone', () => {
    expect(splitFrontMatter('# Title\ntext', 'x.md')).toEqual({ body: '# Title\ntext', meta: {}, warnings: [] });
  });
});

describe('splitHeaderBlock', () => {
  it('reads a pasted page header in English or Arabic and keeps the body after ---', () => {
    const text = 'title: Coalition hands over Ain al-Asad\nsource_url: https://news.example/a?id=1\noutlet: Example News\npublished: 2025-09-01\n---\nBAGHDAD - The handover took place on Monday.\n';
    const r = splitHeaderBlock(text, 'a.txt')!;
    expect(r.meta).toEqual({ title: 'Coalition hands over Ain al-Asad', source_url: 'https://news.example/a?id=1', outlet: 'Example News', published: '2025-09-01' });
    expect(r.body).toBe('BAGHDAD - The handover took place on Monday.\n');
    const ar = splitHeaderBlock('العنوان: تسليم القاعدة\nالمصدر: وكالة الأنباء\nالتاريخ: 2025-09\n---\nنص الخبر.', 'b.txt')!;
    expect(ar.meta).toEqual({ title: 'تسليم القاعدة', outlet: 'وكالة الأنباء', published: '2025-09' });
  });

  it('is not a header when a line is not a known key, and a bad value is dropped with a warning', () => {
    expect(splitHeaderBlock('Baghdad: the government said\n---\ntext', 'c.txt')).toBeNull();
    expect(splitHeaderBlock('plain text with no header', 'c.txt')).toBeNull();
    const r = splitHeaderBlock('title: T\npublished: yesterday\n---\nbody', 'd.txt')!;
    expect(r.meta).toEqual({ title: 'T' });
    expect(r.warnings[0]).toMatch(/published/);
  });
});
