import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeText } from './normalize.js';

const ref = (name: string): string[][] =>
  readFileSync(new URL(`../../../shared/reference/arabic-stemming/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));

const hostile = (name: string): string =>
  readFileSync(new URL(`../../../shared/fixtures/hostile/${name}`, import.meta.url), 'utf8');

describe('normalizeText', () => {
  it('normalizeText drops zero-width characters inside words', () => {
    expect(normalizeText('ق\u200cوات ال\u200dتحالف ب\u200bغداد أ\u2060ربيل')).toBe('قوات التحالف بغداد أربيل');
  });
  it('normalizeText drops bidi controls and marks', () => {
    const s = '\u202eالحشد\u202c \u2067الشعبي\u2069 \u200fبغداد\u200e \u061cعين \u202a\u202b\u202d\u2066\u2068';
    expect(normalizeText(s)).toBe('الحشد الشعبي بغداد عين ');
  });
  it('normalizeText drops the BOM anywhere', () => {
    expect(normalizeText('\ufeffو\ufeffأربيل')).toBe('وأربيل');
  });
  it('normalizeText turns no-break and other spaces into a plain space', () => {
    expect(normalizeText('عين\u00a0الأسد\u202fو\u2009بغداد\u3000x')).toBe('عين الأسد و بغداد x');
  });
  it('normalizeText keeps line breaks and tabs', () => {
    expect(normalizeText('a\nb\tc\r\n')).toBe('a\nb\tc\r\n');
  });
  it('normalizeText maps presentation forms to ordinary letters (NFKC)', () => {
    expect(normalizeText('ﺍﻻﻧﺴﺤﺎﺏ')).toBe('الانسحاب');
    expect(normalizeText('ﷲ')).toBe('الله');
  });
  it('normalizeText returns plain text unchanged', () => {
    const s = 'الانسحاب الأمريكي من العراق 2024';
    expect(normalizeText(s)).toBe(s);
  });
});

describe('normalizeArabic', () => {
  it.each(ref('lucene-normalization-cases.tsv'))('normalizeArabic passes Lucene case %s → %s', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
  it('normalizeArabic folds hamza and madda alefs and alef wasla to bare alef', () => {
    expect(normalizeArabic('أمريكا إيران آلاف ٱلعراق')).toBe('امريكا ايران الاف العراق');
  });
  it('normalizeArabic keeps hamza on waw and yeh (like Lucene)', () => {
    expect(normalizeArabic('المسؤولين الفصائل رئيس')).toBe('المسؤولين الفصائل رئيس');
  });
  it('normalizeArabic maps taa marbuta to heh and alef maqsura to yeh', () => {
    expect(normalizeArabic('الحكومة العراقية إلى مستوى')).toBe('الحكومه العراقيه الي مستوي');
  });
  it('normalizeArabic removes tatweel, harakat, shadda, sukun and superscript alef', () => {
    expect(normalizeArabic('القـــوات فعلاً مبدئياً الشّعبيّ هٰذا')).toBe('القوات فعلا مبدئيا الشعبي هذا');
  });
  it('normalizeArabic maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(normalizeArabic('٢٠٢٤ ۲۰۲۵ ٣٫٥ ٢٬٥٠٠ ٪')).toBe('2024 2025 3.5 2,500 %');
  });
  it('normalizeArabic maps Persian yeh and keheh to Arabic letters', () => {
    expect(normalizeArabic('آمریکا کردستان')).toBe('امريكا كردستان');
  });
  it('normalizeArabic normalizes the presentation-forms fixture to ordinary Arabic', () => {
    expect(normalizeArabic(hostile('arabic-presentation-forms.txt')).trim()).toBe(
      normalizeArabic('الانسحاب الأمريكي من العراق'),
    );
  });
  it('normalizeArabic handles the bidi and zero-width fixture', () => {
    const n = normalizeArabic(hostile('bidi-and-zero-width.txt'));
    for (const name of ['الحشد الشعبي', 'قوات', 'التحالف', 'عين الاسد', 'بغداد', 'اربيل']) {
      expect(n).toContain(name);
    }
    expect(n).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00a0]/);
  });
  it('normalizeArabic of a long string keeps its length when nothing is removed', () => {
    const s = 'الحكومة '.repeat(5000);
    expect(normalizeArabic(s)).toBe('الحكومه '.repeat(5000));
  });
});

describe('NFKC fast path', () => {
  it('normalizeText still composes and reorders marks like NFKC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
    expect(normalizeText('\u0627\u0654')).toBe('\u0623');
    expect(normalizeText('\u0634\u0651\u064e')).toBe('\u0634\u0651\u064e'.normalize('NFKC'));
  });
  it('normalizeArabic composes alef + combining hamza before folding it', () => {
    expect(normalizeArabic('\u0627\u0654\u0645\u0631\u064a\u0643\u0627')).toBe('امريكا');
    expect(normalizeArabic('\u064a\u0654')).toBe('ئ');
  });
  it('normalizeText applies NFKC to compatibility characters in any range', () => {
    expect(normalizeText('…① ﬁ Ａ ²')).toBe('...1 fi A 2');
  });
  it('normalizeArabic agrees with NFKC-then-fold on the corpus', () => {
    const dir = new URL('../../../shared/corpus/iraq-withdrawal/', import.meta.url);
    const text = readFileSync(new URL('004_d44e6c981398d9dc.txt', dir), 'utf8');
    expect(normalizeArabic(text)).toBe(normalizeArabic(text.normalize('NFKC')));
  });
});
