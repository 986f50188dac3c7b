import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { luceneLightStem, luceneNormalize } from './lucene-arabic.js';

const ref = (name: string): string[][] =>
  readFileSync(new URL(`../../../shared/reference/arabic-stemming/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));

describe('luceneLightStem', () => {
  const cases = ref('lucene-stem-cases.tsv');
  it('luceneLightStem has all Lucene stem cases to run', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  it.each(cases)('luceneLightStem passes Lucene case %s → %s', (input, expected) => {
    expect(luceneLightStem(input)).toBe(expected);
  });
  it('luceneLightStem strips a single و only on words of four letters or more', () => {
    expect(luceneLightStem('وحسن')).toBe('حسن');
    expect(luceneLightStem('وقت')).toBe('وقت');
  });
});

describe('luceneNormalize', () => {
  it.each(ref('lucene-normalization-cases.tsv'))('luceneNormalize passes Lucene case %s → %s', (input, expected) => {
    expect(luceneNormalize(input)).toBe(expected);
  });
});
