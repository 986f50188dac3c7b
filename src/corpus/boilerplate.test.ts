import { describe, expect, it } from 'vitest';
import { isBoilerplate } from './boilerplate.js';

describe('isBoilerplate', () => {
  it('recognises the widget lines found in the corpus', () => {
    for (const line of ['Spread the love', 'error: Content is protected !!', '+ الخط -', 'استمع إلى الملخص', 'اظهر الملخص', 'A A A', 'Facebook Twitter WhatsApp']) {
      expect(isBoilerplate(line), line).toBe(true);
    }
  });
  it('keeps article lines that merely mention such words', () => {
    expect(isBoilerplate('شارك الرئيس في القمة')).toBe(false);
    expect(isBoilerplate('Spread the love of reading, he said.')).toBe(false);
    expect(isBoilerplate('الخط الأحمر الذي رسمته واشنطن')).toBe(false);
  });
});
