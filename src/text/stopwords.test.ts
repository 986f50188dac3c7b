import { describe, expect, it } from 'vitest';
import { normalizeArabic } from './normalize.js';
import { isArabicStopword, isEnglishStopword } from './stopwords.js';

const ar = (w: string): boolean => isArabicStopword(normalizeArabic(w));

describe('isArabicStopword', () => {
  it('isArabicStopword knows function words in any hamza spelling', () => {
    for (const w of ['في', 'من', 'إلى', 'الى', 'أن', 'إن', 'التي', 'الذي', 'هذه', 'على']) expect(ar(w), w).toBe(true);
  });
  it('isArabicStopword knows function words with proclitics', () => {
    for (const w of ['وفي', 'وهذا', 'لذلك', 'بهذا', 'وبهذا', 'فإن', 'بأن', 'لأن']) expect(ar(w), w).toBe(true);
  });
  it('isArabicStopword keeps content words, including ones that start like a proclitic', () => {
    for (const w of ['العراق', 'بغداد', 'بين', 'وقف', 'لبنان', 'كتائب', 'الانسحاب', 'فصائل', 'بيان']) {
      expect(ar(w), w).toBe(w === 'بين');
    }
  });
});

describe('isEnglishStopword', () => {
  it('isEnglishStopword drops function words but not "us" (the US)', () => {
    expect(isEnglishStopword('the')).toBe(true);
    expect(isEnglishStopword('us')).toBe(false);
    expect(isEnglishStopword('iraq')).toBe(false);
  });
});
