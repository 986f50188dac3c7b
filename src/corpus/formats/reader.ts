/**
 * What a document reader is: bytes of one file in, text (one paragraph per line, as the passage
 * splitter expects) out, with the spans of footnotes, the pages of a paged document, metadata
 * found in the file and warnings. Readers are listed in `index.ts`.
 */
import type { DocumentMeta, PageDraft } from '../../domain/corpus.js';
import type { OcrAvailability } from './ocr.js';

/** Offsets into the text, `start` inclusive, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ReadResult {
  /** The document text: paragraphs separated by newlines. */
  text: string;
  /** Pages of a paged document (PDF), in order, covering the text; passages never cross them. */
  pages?: PageDraft[];
  /** Footnote and endnote paragraphs. */
  notes?: TextSpan[];
  /** Metadata the file states (title, author...); sources.yaml wins over it field by field. */
  meta: DocumentMeta;
  /** Problems that did not stop the file, each naming it. */
  warnings: string[];
}

export interface ReadContext {
  /** File name, for messages. */
  file: string;
  /** Finds an OCR engine for pages without a text layer; absent: OCR is off. */
  ocr?: () => Promise<OcrAvailability>;
}

export interface DocumentFormat {
  /** Name in messages and docs. */
  name: string;
  /** Lower-case file extensions, with the dot. */
  extensions: readonly string[];
  read(bytes: Uint8Array, context: ReadContext): Promise<ReadResult>;
}

/** Builds a document text paragraph by paragraph, remembering footnote spans and page starts. */
export class TextBuilder {
  #parts: string[] = [];
  #length = 0;
  readonly notes: TextSpan[] = [];

  /** Characters so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends one paragraph (a line); empty ones are skipped. Returns its span or null. */
  paragraph(text: string, note = false): TextSpan | null {
    if (text === '') return null;
    if (this.#length > 0) this.#push('\n');
    const start = this.#length;
    this.#push(text);
    const span = { start, end: this.#length };
    if (note) this.notes.push(span);
    return span;
  }

  /** A blank line before the next paragraph: pages are set apart in the text. */
  pageBreak(): void {
    if (this.#length > 0) this.#push('\n');
  }

  toString(): string {
    return this.#parts.join('');
  }

  #push(s: string): void {
    this.#parts.push(s);
    this.#length += s.length;
  }
}
