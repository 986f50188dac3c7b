/**
 * Citations: finding a case item's short quote in its document's text.
 *
 * Matching is exact except for differences that are spelling, not wording: alef and hamza
 * forms (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى/ي, ة/ه, harakat and tatweel, zero-width and bidi control
 * characters, whitespace runs and line breaks, straight vs curly vs guillemet quotes,
 * Arabic-Indic digits and presentation forms (NFKC). The fold below keeps, for every folded
 * character, the offset of the original character it came from, so a match is reported in
 * offsets of the original text (what the store and the web app highlight). It is written here
 * rather than on top of src/text because that module's normalizers change length without a map.
 */
import type { Citation } from '../domain/case.js';
import type { FieldPath } from './locate.js';
import { SECTION_NAMES, type SectionItems } from './sections.js';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded code unit, the original offset where its source character starts. */
  starts: Int32Array;
  /** For each folded code unit, the original offset just after its source character. */
  ends: Int32Array;
}

const DROP = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF\u00AD]/;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ی': 'ي', 'ة': 'ه', 'ک': 'ك',
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '`': "'", '´': "'", '′': "'",
};

function foldChar(ch: string): string {
  if (DROP.test(ch)) return '';
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

/** The folded form of a quote, trimmed: what is searched for in the folded document. */
export function foldQuote(quote: string): string {
  return foldWithOffsets(quote).text.trim();
}

/**
 * Where `cite.quote` is in `documentText`, as original offsets, or null. The first occurrence
 * wins. Pass a FoldedText (from `foldWithOffsets`) when resolving many quotes in one document.
 */
export function resolveCitation(
  cite: Pick<Citation, 'quote'>,
  documentText: string | FoldedText,
): { start: number; end: number } | null {
  const folded = typeof documentText === 'string' ? foldWithOffsets(documentText) : documentText;
  const needle = foldQuote(cite.quote);
  if (needle.length === 0) return null;
  const at = folded.text.indexOf(needle);
  if (at < 0) return null;
  return { start: folded.starts[at], end: folded.ends[at + needle.length - 1] };
}

/** One citation found in a case, with where it sits. */
export interface CitationRef {
  section: string;
  /** The id of the item (or `from->to` for edges, the actor for stakes). */
  item: string;
  cite: Citation;
  /** The owning item object and the path of this citation inside it. */
  owner: object;
  path: FieldPath;
}

/** Every citation in the case, in section order, including nested ones (relations, history). */
export function collectCitations(c: Partial<SectionItems>): CitationRef[] {
  const refs: CitationRef[] = [];
  for (const section of SECTION_NAMES) {
    const items: unknown = c[section];
    if (!Array.isArray(items)) continue;
    for (const owner of items as Array<Record<string, unknown>>) {
      const item = itemLabel(owner);
      const stack: Array<[unknown, FieldPath]> = [[owner, []]];
      while (stack.length > 0) {
        const [node, path] = stack.pop()!;
        if (Array.isArray(node)) {
          node.forEach((child, index) => stack.push([child, [...path, index]]));
        } else if (node && typeof node === 'object') {
          for (const [key, child] of Object.entries(node)) {
            if (key === 'cite' && Array.isArray(child)) {
              child.forEach((cite: Citation, index) =>
                refs.push({ section, item, cite, owner, path: [...path, 'cite', index] }),
              );
            } else stack.push([child, [...path, key]]);
          }
        }
      }
    }
  }
  return refs;
}

function itemLabel(item: Record<string, unknown>): string {
  if (typeof item.id === 'string') return item.id;
  if (typeof item.from === 'string' && typeof item.to === 'string') return `${item.from}->${item.to}`;
  if (typeof item.actor === 'string') return item.actor;
  return '?';
}

export interface UnresolvedCitation extends CitationRef {
  reason: 'document-missing' | 'quote-not-found';
}

/**
 * Citations whose document is unknown to `getText` (null) or whose quote is not in its text.
 * Each document is fetched and folded once.
 */
export async function checkCitations(
  refs: readonly CitationRef[],
  getText: (file: string) => Promise<string | null>,
): Promise<UnresolvedCitation[]> {
  const texts = new Map<string, FoldedText | null>();
  const unresolved: UnresolvedCitation[] = [];
  for (const ref of refs) {
    if (!texts.has(ref.cite.doc)) {
      const text = await getText(ref.cite.doc);
      texts.set(ref.cite.doc, text === null ? null : foldWithOffsets(text));
    }
    const folded = texts.get(ref.cite.doc)!;
    if (folded === null) unresolved.push({ ...ref, reason: 'document-missing' });
    else if (!resolveCitation(ref.cite, folded)) unresolved.push({ ...ref, reason: 'quote-not-found' });
  }
  return unresolved;
}
