/**
 * One file's bytes to a document ready to store: decoded, HTML reduced to visible text, front
 * matter split off, metadata merged (sources.yaml wins over front matter, field by field), cut
 * into passages. Pure: no I/O. Throws InputError when the file cannot become a document.
 */
import type { DocumentDraft, DocumentMeta } from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import { detectLanguage } from '../text/index.js';
import { decodeBytes } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { htmlToText, isHtmlFile } from './html-text.js';
import { splitPassages } from './passages.js';

export const DEFAULTS = {
  /** Characters looked at to detect a document's language. */
  languageSample: 20_000,
};

export interface Prepared {
  draft: DocumentDraft;
  warnings: string[];
}

export function prepareDocument(
  bytes: Uint8Array,
  where: { path: string; file: string; meta?: DocumentMeta },
): Prepared {
  const decoded = decodeBytes(bytes, where.file);
  const warnings = decoded.warnings.map((w) => `${where.file}: ${w}`);
  let text = decoded.text;
  let meta: DocumentMeta = {};
  if (isHtmlFile(where.file)) {
    text = htmlToText(text);
  } else if (/\.md$/i.test(where.file)) {
    const fm = splitFrontMatter(text, where.file);
    text = fm.body;
    meta = fm.meta;
    warnings.push(...fm.warnings);
  }
  if (where.meta) {
    for (const [key, value] of Object.entries(where.meta)) {
      if (value !== undefined) (meta as Record<string, unknown>)[key] = value;
    }
  }
  const passages = splitPassages(text);
  if (passages.length === 0) {
    throw new InputError('no text to index (empty, markup only or boilerplate only)', { file: where.file });
  }
  const language = meta.language ?? detectLanguage(text.slice(0, DEFAULTS.languageSample));
  return { draft: { file: where.file, path: where.path, text, language, meta, passages }, warnings };
}
