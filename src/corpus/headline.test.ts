import { describe, expect, it } from 'vitest';
import { headlineOf } from './headline.js';

describe('headlineOf', () => {
  it('skips a menu, an address and blank lines to the Arabic headline', () => {
    const page = 'الرئيسية | العراق | أمن | سياسة\nhttps://news.example/iraq/1\n\nالجيش العراقي يتسلم قاعدة عين الأسد كاملة\n\nآخر تحديث: 17/01/2026';
    expect(headlineOf(page)).toBe('الجيش العراقي يتسلم قاعدة عين الأسد كاملة');
  });

  it('skips breadcrumbs and a byline in English', () => {
    const page = 'Menu   World   Politics\nWorld > Middle East\n\nTroops leave the last base in the west\n\nBy Staff Writer   Published: 17-01-2026';
    expect(headlineOf(page)).toBe('Troops leave the last base in the west');
  });

  it('a page that opens with its article gives its first sentence only when it is short', () => {
    expect(headlineOf('Short headline of five words\n\nBody.')).toBe('Short headline of five words');
    const long = `${'word '.repeat(40)}end.`;
    expect(headlineOf(`${long}\n${long}`)).toBeNull();
  });

  it('finds nothing in a page of menus and stamps', () => {
    expect(headlineOf('Home | Iraq | World\nShare\n2026-01-17 10:00\n')).toBeNull();
  });
});
