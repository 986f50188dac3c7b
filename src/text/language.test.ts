import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('detectLanguage says ar for Arabic text with Latin names', () => {
    expect(detectLanguage('قالت مجلة Foreign Policy إن الولايات المتحدة تخطط للانسحاب')).toBe('ar');
  });
  it('detectLanguage says en for English text with an Arabic name', () => {
    expect(detectLanguage('The coalition left Ain al-Asad (عين الأسد) in 2025.')).toBe('en');
  });
  it('detectLanguage says und without letters or in another script', () => {
    expect(detectLanguage('2024-01-30 ... 123')).toBe('und');
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('Вывод войск из Ирака')).toBe('und');
  });
  it('detectLanguage reads presentation forms as Arabic', () => {
    expect(detectLanguage('ﺍﻻﻧﺴﺤﺎﺏ ﺍﻷﻣﺮﻳﻜﻲ')).toBe('ar');
  });
});
