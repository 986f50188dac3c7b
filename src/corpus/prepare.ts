/**
 * One file's bytes to a document ready to store: read by the reader of its format (formats/:
 * text, Markdown with front matter, HTML, PDF, Word), metadata merged (sources.yaml wins over
 * what the file states, field by field), cut into passages, each passage given its page (PDF)
 * and its footnote flag. Throws InputError when the file cannot become a document.
 */
import type { DocumentDraft, DocumentMeta, PassageDraft } from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import { detectLanguage } from '../text/index.js';
import { readDocumentBytes, type ReadContext, type TextSpan } from './formats/index.js';
import { splitPassages } from './passages.js';

export const DEFAULTS = {
  /** Characters looked at to detect a document's language. */
  languageSample: 20_000,
};

export interface Prepared {
  draft: DocumentDraft;
  warnings: string[];
}

export interface PrepareOptions {
  /** Finds an OCR engine for PDF pages without text; absent: OCR is off. */
  ocr?: ReadContext['ocr'];
}

/** The span holding offset `at`, by binary search over sorted, disjoint spans; null if none. */
function spanAt<T extends TextSpan>(spans: readonly T[], at: number): T | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return spans[mid];
  }
  return null;
}

export async function prepareDocument(
  bytes: Uint8Array,
  where: { path: string; file: string; meta?: DocumentMeta },
  opts: PrepareOptions = {},
): Promise<Prepared> {
  const read = await readDocumentBytes(bytes, { file: where.file, ...(opts.ocr ? { ocr: opts.ocr } : {}) });
  const meta: DocumentMeta = { ...read.meta };
  if (where.meta) {
    for (const [key, value] of Object.entries(where.meta)) {
      if (value !== undefined) (meta as Record<string, unknown>)[key] = value;
    }
  }
  const notes = read.notes ?? [];
  const pages = read.pages;
  const passages: PassageDraft[] = splitPassages(read.text).map((p) => {
    const page = pages ? spanAt(pages, p.start) : null;
    return {
      ...p,
      ...(page ? { page: page.number } : {}),
      ...(spanAt(notes, p.start) ? { footnote: true } : {}),
    };
  });
  if (passages.length === 0) {
    throw new InputError('no text to index (empty, markup or pictures only, or boilerplate only)', { file: where.file });
  }
  const language = meta.language ?? detectLanguage(read.text.slice(0, DEFAULTS.languageSample));
  return {
    draft: {
      file: where.file,
      path: where.path,
      text: read.text,
      language,
      meta,
      passages,
      ...(pages ? { pages } : {}),
    },
    warnings: read.warnings,
  };
}
