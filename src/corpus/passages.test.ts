import { describe, expect, it } from 'vitest';
import { splitPassages } from './passages.js';

describe('splitPassages', () => {
  it('gives one passage per non-empty line, with offsets slicing the text', () => {
    const text = 'Spread the love\n\nالفقرة الأولى.\n  الفقرة الثانية  \n\nerror: Content is protected !!';
    const passages = splitPassages(text);
    expect(passages.map((p) => p.text)).toEqual(['الفقرة الأولى.', 'الفقرة الثانية']);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(passages.map((p) => p.ordinal)).toEqual([0, 1]);
    expect(passages[0].language).toBe('ar');
  });
  it('splits a long paragraph at sentence ends (. ؟ ؛) within the limit', () => {
    const sentence = 'هذه جملة عربية طويلة بعض الشيء عن انسحاب القوات؟ ';
    const text = sentence.repeat(40).trim();
    const passages = splitPassages(text, { maxChars: 300 });
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect(p.text.endsWith('؟')).toBe(true);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
  });
  it('cuts a paragraph with no sentence end at spaces', () => {
    const text = 'كلمة '.repeat(1000).trim();
    const passages = splitPassages(text, { maxChars: 1200 });
    expect(passages.length).toBe(5);
    expect(passages.every((p) => !p.text.startsWith(' ') && p.text.length <= 1200)).toBe(true);
    expect(passages.map((p) => p.text).join(' ')).toBe(text);
  });
  it('drops lines of punctuation only', () => {
    expect(splitPassages('---\n***\nنص المقال')).toHaveLength(1);
  });
});
