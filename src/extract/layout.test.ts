import { describe, expect, it } from 'vitest';
import { isChrome, readLayout } from './layout.js';

const PAGE = [
  'Home | Iraq | Kurdistan | World | Opinion',
  '',
  'Coalition wraps up its mission in federal Iraq',
  '',
  'Updated: 26 November 2025, 19:42',
  'Share   Facebook   X   WhatsApp',
  'https://www.example.krd/english/iraq/261120251',
  '',
  'ERBIL, Kurdistan Region - The coalition has finished its mission in federal Iraq, a senior Iraqi commander said on Wednesday.',
  '',
  'Tags: Coalition, Iraq',
  '(c) 2025 All rights reserved',
].join('\n');

describe('isChrome', () => {
  it('isChrome recognises menus, share rows, URLs, timestamps, tags, bylines and copyright lines', () => {
    for (const line of ['Home | Iraq | Kurdistan | World | Opinion', 'شارك الخبر:  فيسبوك | تويتر | واتساب', 'https://x.example/a/b', 'Updated: 26 November 2025, 19:42',
      'الأحد، 18 كانون الثاني 2026', 'Tags: Coalition, Iraq', 'By Staff Writer   Published: 24-08-2025 14:05', 'جميع الحقوق محفوظة 2026']) {
      expect(isChrome(line), line).toBe(true);
    }
  });
  it('isChrome keeps article sentences, even ones starting like a byline word', () => {
    expect(isChrome('By the end of September, the coalition had left Ain al-Asad.')).toBe(false);
    expect(isChrome('وقال المحمداوي في مؤتمر صحفي إن المهمة انتهت.')).toBe(false);
  });
});

describe('readLayout', () => {
  it('readLayout finds the headline, the lead and its dateline', () => {
    const l = readLayout(PAGE);
    expect(PAGE.slice(l.headline!.start, l.headline!.end)).toBe('Coalition wraps up its mission in federal Iraq');
    expect(PAGE.slice(l.dateline!.start, l.dateline!.end)).toBe('ERBIL, Kurdistan Region - ');
    expect(PAGE.slice(l.lead!.start, l.lead!.start + 13)).toBe('The coalition');
  });
});
