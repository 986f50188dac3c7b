import { describe, expect, it } from 'vitest';
import { footnoteText } from './render-markdown.js';

describe('footnoteText', () => {
  const cite = { doc: 'study.pdf', quote: 'ثلاثة مسارات' };

  it('names the page of a PDF passage, in the briefing language', () => {
    const location = { file: 'study.pdf', passage: 'abc:4', start: 10, end: 22, page: 2 };
    expect(footnoteText({ n: 1, cite, location }, 'en')).toBe('study.pdf, passage abc:4 [10–22], p. 2: «ثلاثة مسارات»');
    expect(footnoteText({ n: 1, cite, location }, 'ar')).toBe('study.pdf, المقطع abc:4 [10–22]، ص 2: «ثلاثة مسارات»');
  });

  it('says nothing of pages for documents without them', () => {
    const location = { file: 'a.txt', passage: 'abc:0', start: 0, end: 5 };
    expect(footnoteText({ n: 1, cite: { doc: 'a.txt', quote: 'x' }, location }, 'en')).toBe('a.txt, passage abc:0 [0–5]: «x»');
  });
});
