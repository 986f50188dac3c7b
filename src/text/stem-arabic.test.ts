import { describe, expect, it } from 'vitest';
import { arabicTerms, stemArabic } from './stem-arabic.js';

/** All words reach one primary stem. */
const conflated = (...words: string[]): void => {
  expect(new Set(words.map(stemArabic)).size, words.join(' ')).toBe(1);
};

/** `query`'s primary stem is among the index terms of each word. */
const found = (query: string, ...words: string[]): void => {
  const q = stemArabic(query);
  for (const w of words) expect(arabicTerms(w), `${query} in ${w}`).toContain(q);
};

describe('stemArabic', () => {
  it('stemArabic removes the article and its combinations', () => {
    conflated('القوات', 'والقوات', 'للقوات', 'بالقوات', 'فالقوات', 'وللقوات', 'وبالقوات', 'قوات');
    conflated('الانسحاب', 'وللانسحاب', 'للانسحاب', 'والانسحاب');
  });
  it('stemArabic removes plural and pronoun suffixes', () => {
    conflated('قوات', 'قواتها', 'قواتهم');
    conflated('الهجمات', 'هجمات', 'للهجمات');
  });
  it('stemArabic conflates الأميركية and الأمريكية and أمريكا', () => {
    conflated('الأميركية', 'الأمريكية', 'الأمريكي', 'الأمريكيين', 'الأميركيين', 'أمريكا', 'أميركا', 'آمریکا');
  });
  it('stemArabic conflates other spelling variants of names', () => {
    conflated('الديمقراطية', 'الديموقراطية');
    conflated('ترامب', 'ترمب');
    conflated('البنتاغون', 'البنتاجون');
    conflated('الكونغرس', 'الكونجرس');
  });
  it('stemArabic conflates سوريا and سورية', () => {
    conflated('سوريا', 'سورية', 'السورية', 'السوري');
  });
  it('stemArabic conflates a name and its nisba adjectives', () => {
    conflated('فلسطين', 'الفلسطينية', 'الفلسطينيين');
    conflated('إيران', 'الإيرانية', 'إيراني', 'الإيرانيين');
    conflated('العراق', 'العراقية', 'العراقيين', 'والعراق');
  });
  it('stemArabic turns ت before a pronoun back into the feminine ending', () => {
    conflated('الحكومة', 'حكومتها', 'حكومته', 'الحكومات');
    conflated('إدارة', 'إدارته', 'الإدارة');
  });
  it('stemArabic never removes the first letter of proper nouns', () => {
    for (const w of ['بغداد', 'فلسطين', 'بريطانيا', 'بايدن', 'بيروت', 'واشنطن', 'لبنان', 'كردستان']) {
      expect(stemArabic(w)[0], w).toBe(w[0]);
    }
  });
  it('stemArabic keeps ال of words spelt with hamza (إلغاء, آلاف)', () => {
    expect(stemArabic('إلغاء').startsWith('ال')).toBe(true);
    expect(stemArabic('آلاف').startsWith('ال')).toBe(true);
    conflated('إلغاء', 'الإلغاء');
    expect(stemArabic('وإلغاء').endsWith(stemArabic('إلغاء'))).toBe(true);
    found('إلغاء', 'وإلغاء', 'بإلغاء', 'لإلغاء');
    found('الغاء', 'إلغاء');
  });
  it('stemArabic keeps stems of at least two letters', () => {
    for (const w of ['ال', 'الو', 'لها', 'قوة', 'ذات']) expect(stemArabic(w).length).toBeGreaterThanOrEqual(2);
  });
  it('stemArabic reads presentation forms and harakat like plain letters', () => {
    expect(stemArabic('ﺍﻻﻧﺴﺤﺎﺏ')).toBe(stemArabic('الانسحاب'));
    expect(stemArabic('القُوَّاتِ')).toBe(stemArabic('القوات'));
  });
});

describe('arabicTerms', () => {
  it('arabicTerms lists the primary stem first', () => {
    expect(arabicTerms('والقوات')[0]).toBe(stemArabic('والقوات'));
  });
  it('arabicTerms adds the stem without a single-letter proclitic', () => {
    found('بغداد', 'وبغداد', 'بغداد');
    found('الانسحاب', 'بانسحاب', 'وانسحاب', 'لانسحاب');
    found('أربيل', 'وأربيل');
    found('سوريا', 'وسوريا', 'لسوريا');
  });
  it('arabicTerms leaves proclitic alternatives out of query terms', () => {
    expect(arabicTerms('بغداد', true)).toEqual(['بغداد']);
    expect(arabicTerms('بغداد')).toContain('غداد');
  });
  it('arabicTerms removes the dual ان only in an index alternative', () => {
    found('الطرف', 'الطرفان');
    expect(stemArabic('طالبان')).not.toBe(stemArabic('طالب'));
    expect(arabicTerms('طالبان', true)).toEqual([stemArabic('طالبان')]);
    conflated('إيران', 'الإيرانية');
    conflated('البرلمان', 'البرلماني');
  });
  it('arabicTerms keeps the whole-word reading of ال+ت words', () => {
    found('الالتزام', 'التزام');
    expect(arabicTerms('التزام', true)).toContain(stemArabic('الالتزام'));
  });
});
