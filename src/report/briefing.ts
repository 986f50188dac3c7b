/**
 * The briefing as data: sections of blocks whose sentences carry footnote numbers. Sections
 * build it, renderers (Markdown, HTML, PDF) turn it into a file; neither knows the other.
 */
import type { CitationLocation } from '../case/citation-index.js';
import type { Citation } from '../domain/case.js';

export type Lang = 'ar' | 'en';

/** A sentence of the briefing and the footnotes of the passages it rests on. */
export interface Sentence {
  text: string;
  notes: number[];
}

export type Block =
  | { kind: 'paragraph'; sentences: Sentence[] }
  | { kind: 'list'; items: Sentence[] }
  | { kind: 'table'; head: string[]; rows: Array<Array<Sentence>> }
  | { kind: 'chart'; title: string; svg: string };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

/** Where a footnote's passage is: the document file, the passage id and the quote's offsets. */
export type PassageLocation = CitationLocation;

export interface Footnote {
  n: number;
  cite: Citation;
  /** Null when the document is not in the store: the footnote then shows file and quote only. */
  location: PassageLocation | null;
}

export interface Briefing {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: Section[];
  footnotes: Footnote[];
}

/** Resolves a citation to the passage that holds its quote. */
export type CitationLocator = (cite: Citation) => PassageLocation | null;

/**
 * Numbers citations in order of first use; the same document and quote get the same number.
 */
export class FootnoteList {
  readonly notes: Footnote[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly locate: CitationLocator) {}

  add(cites: readonly Citation[] | undefined): number[] {
    const out: number[] = [];
    for (const cite of cites ?? []) {
      const key = `${cite.doc}\u0000${cite.quote}`;
      let n = this.byKey.get(key);
      if (n === undefined) {
        n = this.notes.length + 1;
        this.byKey.set(key, n);
        this.notes.push({ n, cite, location: this.locate(cite) });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  }
}

export function sentence(text: string, notes: number[] = []): Sentence {
  return { text, notes };
}
