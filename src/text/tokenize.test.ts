import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('tokenize gives offsets into the original string', () => {
    const s = 'الانسحاب، من «العراق» (2024).';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(texts(s)).toEqual(['الانسحاب', 'من', 'العراق', '2024']);
  });
  it('tokenize keeps harakat and tatweel inside Arabic words', () => {
    expect(texts('فعلاً القـــوات مبدئياً')).toEqual(['فعلاً', 'القـــوات', 'مبدئياً']);
  });
  it('tokenize keeps zero-width and bidi controls inside a word but trims them at its ends', () => {
    const s = '\u202eالحشد\u202c ق\u200cوات و\ufeffأربيل\u200f';
    expect(texts(s)).toEqual(['الحشد', 'ق\u200cوات', 'و\ufeffأربيل']);
  });
  it('tokenize splits Arabic letters from digits and Latin letters', () => {
    expect(texts('بـ5 آلاف ISIS-داعش F16')).toEqual(['بـ', '5', 'آلاف', 'ISIS', 'داعش', 'F16']);
  });
  it('tokenize keeps numbers with decimal and thousands separators whole', () => {
    expect(texts('2,500 جندي و٣٫٥ مليار، 1.')).toEqual(['2,500', 'جندي', 'و', '٣٫٥', 'مليار', '1']);
  });
  it('tokenize keeps apostrophes inside Latin words', () => {
    expect(texts("Iraq's forces don't 'leave'")).toEqual(["Iraq's", 'forces', "don't", 'leave']);
  });
  it('tokenize reads presentation forms as Arabic words', () => {
    expect(texts('ﺍﻻﻧﺴﺤﺎﺏ ﺍﻷﻣﺮﻳﻜﻲ')).toHaveLength(2);
  });
  it('tokenize of empty or punctuation-only text is empty', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ،؛ - … ')).toEqual([]);
  });
});
