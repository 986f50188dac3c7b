import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPhrase, matchingSpans } from './match.js';

const hostile = (name: string): string =>
  readFileSync(new URL(`../../../shared/fixtures/hostile/${name}`, import.meta.url), 'utf8');

describe('findPhrase', () => {
  it('findPhrase finds a name with clitics and spelling variants, with original offsets', () => {
    const text = 'زار الوزير وعين الأسد ثم القاعدة الأميركيّة';
    const spans = findPhrase(text, 'عين الأسد');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['وعين الأسد']);
  });
  it('findPhrase needs the words adjacent and in order', () => {
    expect(findPhrase('الانسحاب الأمريكي من العراق', 'الانسحاب من العراق')).toEqual([]);
    expect(findPhrase('العراق الانسحاب', 'الانسحاب العراق')).toEqual([]);
  });
  it('findPhrase of a stopword-only phrase finds nothing', () => {
    expect(findPhrase('في من على', 'في من')).toEqual([]);
  });
  it('findPhrase sees through bidi controls and zero-width characters', () => {
    const text = hostile('bidi-and-zero-width.txt');
    const spans = findPhrase(text, 'الحشد الشعبي');
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toContain('الشعبي');
  });
});

describe('matchingSpans', () => {
  it('matchingSpans marks every word that matches a query word', () => {
    const text = 'القوات الأمريكية وقواتها في سورية وسوريا';
    const marked = matchingSpans(text, 'قوات سوريا').map((s) => text.slice(s.start, s.end));
    expect(marked).toEqual(['القوات', 'وقواتها', 'سورية', 'وسوريا']);
  });
  it('matchingSpans of a stopword query is empty', () => {
    expect(matchingSpans('في العراق', 'في')).toEqual([]);
  });
});
