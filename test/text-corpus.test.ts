/** Text analysis over the whole built-in corpus and the hostile fixtures: invariants. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, detectLanguage, normalizeArabic, normalizeText, tokenize } from '../src/text/index.js';

const CORPUS = new URL('../../shared/corpus/iraq-withdrawal/', import.meta.url);
const HOSTILE = new URL('../../shared/fixtures/hostile/', import.meta.url);

const docs = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(new URL(f, CORPUS), 'utf8')] as const);
const hostile = ['arabic-presentation-forms.txt', 'bidi-and-zero-width.txt', 'xss.html', 'invalid-utf8.txt'].map(
  (f) => [f, readFileSync(new URL(f, HOSTILE), 'utf8')] as const,
);

describe('text over the corpus', () => {
  it.each(docs)('detectLanguage says ar for %s', (_, text) => {
    expect(detectLanguage(text)).toBe('ar');
  });
  it.each([...docs, ...hostile])('normalizeArabic is idempotent on %s', (_, text) => {
    const once = normalizeArabic(text);
    expect(normalizeArabic(once)).toBe(once);
    expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
  });
  it.each([...docs, ...hostile])('tokenize and analyze offsets slice the original %s', (_, text) => {
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    let last = -1;
    for (const a of analyze(text)) {
      expect(a.start).toBeGreaterThan(last);
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.terms.length).toBeGreaterThan(0);
      for (const term of a.terms) expect(term).toMatch(/^[\p{L}\p{N}.]+$/u);
      last = a.end - 1;
    }
  });
  it('no index term of the corpus contains a mark, tatweel or an invisible control', () => {
    for (const [, text] of docs) {
      for (const a of analyze(text)) {
        for (const term of a.terms) expect(term).not.toMatch(/[\p{M}\u0640\p{Cf}]/u);
      }
    }
  });
});
