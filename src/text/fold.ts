/**
 * The one offset-preserving fold of Marsad: text folded for matching that differs only in
 * spelling, not wording — alef and hamza forms (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى/ي, ة/ه, harakat
 * and tatweel, invisible format characters, whitespace runs and line breaks, straight vs curly
 * vs guillemet quotes, Arabic-Indic digits and presentation forms (NFKC) — keeping, for every
 * folded code unit, the offsets of the original character it came from, so a match in the
 * folded text is reported in offsets of the original (what the store and the web app
 * highlight). normalize.ts changes length without such a map; use this when offsets matter.
 */
import { isInvisible } from './invisible.js';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded code unit, the original offset where its source character starts. */
  starts: Int32Array;
  /** For each folded code unit, the original offset just after its source character. */
  ends: Int32Array;
}

const HARAKAT = /[\u064B-\u065F\u0670\u0640]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ی': 'ي', 'ة': 'ه', 'ک': 'ك',
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '`': "'", '´': "'", '′': "'",
};

function foldChar(ch: string): string {
  if (HARAKAT.test(ch) || isInvisible(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  const direct = FOLD[ch];
  if (direct !== undefined) return direct;
  const code = ch.codePointAt(0)!;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code < 0x80) return ch;
  const nfkc = ch.normalize('NFKC');
  if (nfkc === ch) return ch;
  // Presentation forms decompose to ordinary letters, which may need folding themselves.
  let out = '';
  for (const c of nfkc) out += c === ch ? c : foldChar(c);
  return out;
}

/** Folds `text` keeping offsets into the original; whitespace runs become one space. */
export function foldWithOffsets(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    for (const unit of folded) {
      if (unit === ' ' && (out.length === 0 || out[out.length - 1] === ' ')) {
        // extend the previous space over this one so the run maps to its whole span
        if (out.length > 0) ends[ends.length - 1] = i + width;
        continue;
      }
      out.push(unit);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

