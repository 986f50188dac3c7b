import { describe, expect, it } from 'vitest';
import { sentenceAt, sentences } from './sentences.js';

describe('sentenceAt', () => {
  it('sentenceAt returns the sentence around an offset, ending at . or ؟', () => {
    const text = 'أولى. ثانية هنا؟ ثالثة';
    expect(sentenceAt(text, text.indexOf('هنا')).text).toBe('ثانية هنا؟');
  });
  it('sentenceAt does not end at abbreviations, initials or decimals (U.S., Lt. Gen., Nov. 11, 2.5)', () => {
    const text = 'The U.S. military and Lt. Gen. Smith met on Nov. 11 with 2.5 units. Next one.';
    expect(sentenceAt(text, 0).text).toBe('The U.S. military and Lt. Gen. Smith met on Nov. 11 with 2.5 units.');
  });
});

describe('sentences', () => {
  it('sentences splits lines and sentences, dropping empty ones', () => {
    expect(sentences('One. Two!\n\nثلاثة؟').map((s) => s.text)).toEqual(['One.', 'Two!', 'ثلاثة؟']);
  });
});
