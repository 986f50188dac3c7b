import { describe, expect, it } from 'vitest';
import { analyze } from '../text/index.js';
import { makeSnippet } from './snippet.js';

function termsOf(word: string): Set<string> {
  return new Set(analyze(word).flatMap((t) => t.terms));
}

describe('makeSnippet', () => {
  it('marks the whole original word when its stem matches (والقوات for القوات)', () => {
    expect(makeSnippet('انسحبت والقوات من القاعدة', termsOf('القوات'))).toBe('انسحبت [[والقوات]] من القاعدة');
  });
  it('keeps about 200 characters around the densest matches of a long passage, with ellipses', () => {
    const filler = 'كلام عام عن المنطقة '.repeat(30);
    const text = `${filler}ثم انسحاب القوات الأمريكية من قاعدة عين الأسد ${filler}`;
    const snippet = makeSnippet(text, termsOf('عين الأسد'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('[[عين]] [[الأسد]]');
    expect(snippet.replace(/\[\[|\]\]/g, '').length).toBeLessThanOrEqual(202);
  });
  it('gives the start of the passage when nothing matches', () => {
    expect(makeSnippet('a short passage', new Set(['zzz']))).toBe('a short passage');
  });
});
