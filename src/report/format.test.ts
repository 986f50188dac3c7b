import { describe, expect, it } from 'vitest';
import { formatSequence } from './format.js';

describe('formatSequence', () => {
  it('formatSequence points the arrow along the reading direction: → in English, ← in Arabic', () => {
    expect(formatSequence(['0.20', '0.45'], 'en')).toBe('0.20 → 0.45');
    // In right-to-left text the first item is rightmost, so the arrow to the next one points left.
    expect(formatSequence(['الوجود', 'الفراغ', 'الهجمات'], 'ar')).toBe('الوجود ← الفراغ ← الهجمات');
  });
});
