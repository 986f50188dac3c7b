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

describe('isBoilerplate on page noise', () => {
  it('drops addresses, timestamps, photo credits, image names, menus, link lines and single words', () => {
    for (const line of [
      'https://www.example.com/news/2025/09/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82',
      'www.example.org/a www.example.org/b',
      '2025-09-01 14:32',
      'آخر تحديث: 03/09/2025 10:15 ص',
      'Updated: 9/2/2025, 10:00 GMT',
      'منذ 3 ساعات',
      '14:05',
      'IMG_2031.jpg',
      '(Getty Images)',
      'الصورة: رويترز',
      'Home | World | Middle East',
      'الرئيسية › أخبار › العراق',
      'Read more',
      'اقرأ أيضاً:',
      'Advertisement',
      'العراق',
      'Baghdad',
    ]) {
      expect(isBoilerplate(line), line).toBe(true);
    }
  });

  it('keeps datelines, figures in sentences and two-word headings', () => {
    for (const line of [
      'BAGHDAD, Sept 1 (Reuters) - The coalition handed over the base.',
      'بغداد - أعلنت الحكومة العراقية يوم الأحد تسلم قاعدة عين الأسد.',
      'At 14:05 the convoy left the base.',
      'الانسحاب الأمريكي',
      'Rates rose 5% in 2025.',
    ]) {
      expect(isBoilerplate(line), line).toBe(false);
    }
  });
});
