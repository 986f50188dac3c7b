/**
 * Passages: one per paragraph (a non-empty line; the corpus separates paragraphs by blank lines or
 * single newlines), boilerplate lines left out, paragraphs longer than `maxChars` split at sentence
 * ends (. ! ? ؟ ؛ and the Arabic full stop ۔), and sentences longer than that at spaces. Offsets
 * are into the text: `text.slice(start, end) === passage.text`.
 */
import type { PassageDraft } from '../domain/corpus.js';
import { detectLanguage } from '../text/index.js';
import { isBoilerplate } from './boilerplate.js';

export const DEFAULTS = {
  /** Longest passage in characters before it is split. */
  maxChars: 1200,
};

interface Span {
  start: number;
  end: number;
}

/** Shrinks a span to exclude surrounding whitespace; null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** Sentence ends inside [start, end): offsets just after the terminator (and closing quotes). */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const re = /[.!?؟؛۔]+["'»”’)\]]*(?=\s)/gu;
  re.lastIndex = start;
  const slice = text.slice(0, end);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) ends.push(m.index + m[0].length);
  return ends;
}

/** A cut at or before `limit` at whitespace, else at `limit` (never inside a surrogate pair). */
function hardCut(text: string, start: number, limit: number): number {
  for (let k = limit; k > start + (limit - start) / 2; k--) if (/\s/u.test(text[k])) return k;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Splits one paragraph span into pieces of at most maxChars, preferring sentence ends. */
function splitLong(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  const ends = sentenceEnds(text, span.start, span.end);
  let start = span.start;
  let next = 0;
  while (span.end - start > maxChars) {
    const limit = start + maxChars;
    let cut = -1;
    while (next < ends.length && ends[next] <= start) next++;
    for (let k = next; k < ends.length && ends[k] <= limit; k++) cut = ends[k];
    if (cut < 0) cut = hardCut(text, start, limit);
    const piece = trimSpan(text, start, cut);
    if (piece) pieces.push(piece);
    start = cut;
  }
  const last = trimSpan(text, start, span.end);
  if (last) pieces.push(last);
  return pieces;
}

export function splitPassages(text: string, opts: { maxChars?: number } = {}): PassageDraft[] {
  const maxChars = opts.maxChars ?? DEFAULTS.maxChars;
  const out: PassageDraft[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const span = trimSpan(text, lineStart, lineEnd);
    if (span) {
      const line = text.slice(span.start, span.end);
      // Lines of only punctuation or markup (---, ***) and boilerplate carry nothing to find.
      if (/[\p{L}\p{N}]/u.test(line) && !isBoilerplate(line)) {
        const pieces = span.end - span.start > maxChars ? splitLong(text, span, maxChars) : [span];
        for (const p of pieces) {
          const pieceText = text.slice(p.start, p.end);
          out.push({ ordinal: out.length, start: p.start, end: p.end, text: pieceText, language: detectLanguage(pieceText) });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
