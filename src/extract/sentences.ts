/**
 * Sentences as spans of the original text. A sentence ends at ! ? ؟ or a line break, and at a
 * full stop that is not part of an abbreviation or initial ("U.S.", "Lt. Gen.", "Nov. 11",
 * "J. Smith") or a number ("2.5").
 */
import type { Span } from '../domain/extract.js';

/** Abbreviations after which a full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'lt', 'gen', 'col', 'maj', 'capt', 'sgt', 'adm', 'brig', 'gov', 'sen', 'rep', 'no', 'vs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'co', 'jr', 'sr', 'u.s', 'u.k',
  'u.n', 'e.g', 'i.e', 'approx', 'est', 'dept',
]);

/** True when the character at `i` ends a sentence. */
function endsAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === '!' || c === '?' || c === '؟') return true;
  if (c !== '.') return false;
  if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) return false; // 2.5
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith", the "S" of "U.S."
  if (ABBREVIATIONS.has(word.toLowerCase().replace(/\.$/, ''))) {
    // "in the U.S. The next day…": an abbreviation can still end a sentence before a capital after two spaces or a line end
    return /^\s*$/.test(text.slice(i + 1, i + 2)) && text[i + 1] === '\n';
  }
  return true;
}

// Sentence ends of the last text asked about: extraction asks for the sentence around every date
// and figure of one document, and scanning out from each one made a long text without sentence
// ends quadratic. Computed once per text (O(n)), then each question is a binary search.
let cachedText: string | undefined;
let cachedEnds: Int32Array = new Int32Array(0);

function sentenceEnds(text: string): Int32Array {
  if (text === cachedText) return cachedEnds;
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (endsAt(text, i)) ends.push(i);
  cachedText = text;
  cachedEnds = Int32Array.from(ends);
  return cachedEnds;
}

/** Index of the first entry of sorted `a` that is >= `x` (a.length when none). */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence around `pos`, trimmed of leading white space, ending after its punctuation. */
export function sentenceAt(text: string, pos: number): Span {
  const ends = sentenceEnds(text);
  const next = lowerBound(ends, pos);
  // The sentence starts after the last end before `pos` and runs to the first end at or after it.
  let start = next > 0 ? ends[next - 1] + 1 : 0;
  let end = next < ends.length ? ends[next] : text.length;
  if (end < text.length && text[end] !== '\n') end++;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end, text: text.slice(start, end) };
}

/** Every sentence of `text` (lines broken into sentences), in order, empty ones left out. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    if (!endsAt(text, i)) continue;
    push(start, text[i] === '\n' ? i : i + 1);
    start = i + 1;
  }
  push(start, text.length);
  return out;
}
