import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, indexTerms, queryGroups } from './analyze.js';

const hostile = (name: string): string =>
  readFileSync(new URL(`../../../shared/fixtures/hostile/${name}`, import.meta.url), 'utf8');

/** Does every query group match some analyzed token of `text` (AND of ORs)? */
const matches = (query: string, text: string): boolean => {
  const terms = new Set(indexTerms(text));
  const groups = queryGroups(query);
  return groups.length > 0 && groups.every((g) => g.some((t) => terms.has(t)));
};

/** Does the query occur as a phrase (consecutive analyzed tokens)? */
const phrase = (query: string, text: string): boolean => {
  const groups = queryGroups(query);
  const tokens = analyze(text);
  for (let i = 0; i + groups.length <= tokens.length; i++) {
    if (groups.every((g, k) => g.some((t) => tokens[i + k].terms.includes(t)))) return true;
  }
  return false;
};

describe('analyze', () => {
  it('analyze gives offsets into the original text', () => {
    const s = '\u202eوالقـوات\u202c الأميركية';
    const a = analyze(s);
    expect(a.map((t) => s.slice(t.start, t.end))).toEqual(['والقـوات', 'الأميركية']);
  });
  it('analyze drops stopwords in both scripts', () => {
    expect(analyze('الانسحاب من العراق').map((t) => t.terms[0])).toHaveLength(2);
    expect(analyze('the withdrawal of the forces').map((t) => t.terms[0])).toEqual(['withdraw', 'forc']);
  });
  it('analyze lowercases and stems English', () => {
    expect(analyze('US Forces ATTACKED')[1].terms).toEqual(['forc']);
    expect(analyze("Iraq's")[0].terms).toEqual(['iraq']);
  });
  it('analyze normalizes numbers in any digits', () => {
    expect(analyze('٢٬٥٠٠ و2,500 و٣٫٥').flatMap((t) => t.terms)).toEqual(['2500', '2500', '3.5']);
  });
  it('analyze returns terms the caller may change without affecting later calls', () => {
    analyze('العراق')[0].terms.push('x');
    expect(analyze('العراق')[0].terms).toEqual(['عراق']);
  });
  it('analyze drops lone clitic letters cut off by digits', () => {
    expect(analyze('بـ5 آلاف').map((t) => t.terms[0])).toEqual(['5', expect.any(String)]);
  });
  it('analyze never returns a token without terms', () => {
    for (const t of analyze('في من على و the of ‏ ،')) expect(t.terms.length).toBeGreaterThan(0);
  });
});

describe('queryGroups', () => {
  it('queryGroups gives one group per meaningful word', () => {
    expect(queryGroups('القوات الأمريكية في العراق')).toHaveLength(3);
  });
  it('queryGroups of stopwords only is empty', () => {
    expect(queryGroups('في من على')).toEqual([]);
    expect(queryGroups('the of and')).toEqual([]);
    expect(queryGroups('')).toEqual([]);
  });
  it('queryGroups match spelling and clitic variants', () => {
    expect(matches('الأمريكية', 'القوات الأميركية')).toBe(true);
    expect(matches('سوريا', 'في سورية')).toBe(true);
    expect(matches('القوات', 'وللقوات')).toBe(true);
    expect(matches('بغداد', 'وبغداد')).toBe(true);
    expect(matches('withdrawal', 'US forces withdrawn')).toBe(true);
    expect(matches('طالب', 'الطرفان')).toBe(false);
    expect(matches('الطرف', 'الطرفان')).toBe(true);
  });
  it('queryGroups keep a proper noun whole', () => {
    const groups = queryGroups('بغداد بريطانيا فلسطين بيروت');
    expect(groups.map((g) => g.length)).toEqual([1, 1, 1, 1]);
    expect(groups.map((g) => g[0][0])).toEqual(['ب', 'ب', 'ف', 'ب']);
    expect(matches('بيروت', 'يروت')).toBe(false);
    expect(matches('طالبان', 'طالب البرلمان')).toBe(false);
  });
});

describe('hostile fixtures', () => {
  it('analyze finds the presentation-forms phrase as ordinary Arabic', () => {
    expect(phrase('الانسحاب الأمريكي من العراق', hostile('arabic-presentation-forms.txt'))).toBe(true);
  });
  it.each(['الحشد الشعبي', 'قوات', 'التحالف', 'عين الأسد', 'بغداد', 'أربيل'])(
    'analyze finds %s despite bidi and zero-width characters',
    (name) => {
      expect(phrase(name, hostile('bidi-and-zero-width.txt'))).toBe(true);
    },
  );
});

describe('awkward input', () => {
  it('analyze survives lone surrogates, U+FFFD and control characters', () => {
    const s = 'بغداد\ud800 \udc00العراق \ufffd\u0000\u0007 Iraq';
    const a = analyze(s);
    expect(a.map((t) => t.terms[0])).toEqual(['بغداد', 'عراق', 'iraq']);
  });
  it('analyze handles a multi-megabyte single line', () => {
    const s = 'الانسحاب الأمريكي من العراق، '.repeat(100_000);
    const a = analyze(s);
    expect(a).toHaveLength(300_000);
    expect(a[a.length - 1].end).toBeLessThanOrEqual(s.length);
  });
  it('analyze gives no terms for a "word" of 100,000 letters', () => {
    expect(analyze('ب'.repeat(100_000) + ' بغداد').map((t) => t.terms[0])).toEqual(['بغداد']);
  });
});
