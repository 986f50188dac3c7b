import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.js';

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
  it('refuses an alias bomb quickly', () => {
    const bomb = readFileSync(fileURLToPath(new URL('../../../shared/fixtures/hostile/yaml-alias-bomb.yaml', import.meta.url)), 'utf8');
    const started = Date.now();
    const r = splitFrontMatter(`---\n${bomb}\n---\nbody`, 'bomb.md');
    expect(r.warnings[0]).toMatch(/front matter rejected/);
    expect(Date.now() - started).toBeLessThan(5000);
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
