/**
 * Citations: finding a case item's short quote in its document's text.
 *
 * Matching is exact except for differences that are spelling, not wording (see text/fold.ts):
 * a match is reported in offsets of the original text (what the store and the web app
 * highlight).
 */
import type { Citation } from '../domain/case.js';
import { foldWithOffsets, type FoldedText } from '../text/fold.js';
import type { FieldPath } from './locate.js';
import { SECTION_NAMES, type SectionItems } from './sections.js';

export { foldWithOffsets, type FoldedText };

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
