/**
 * Plain text and Markdown: decoded by decode.ts (UTF-8, repaired UTF-8 or Windows-1256, with a
 * warning); Markdown's YAML front matter, or a text file's header block of `key: value` lines
 * ended by `---`, becomes metadata and the body after it the text.
 */
import { decodeBytes } from '../decode.js';
import { splitFrontMatter, splitHeaderBlock } from '../front-matter.js';
import type { ReadContext, ReadResult } from './reader.js';

export async function readText(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const decoded = decodeBytes(bytes, context.file);
  const warnings = decoded.warnings.map((w) => `${context.file}: ${w}`);
  // A page saved as text may start with `title: …`, `source_url: …`, `published: …` and a `---` line.
  const header = splitHeaderBlock(decoded.text, context.file);
  if (header) return { text: header.body, meta: header.meta, warnings: [...warnings, ...header.warnings] };
  return { text: decoded.text, meta: {}, warnings };
}

export async function readMarkdown(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const decoded = decodeBytes(bytes, context.file);
  const fm = splitFrontMatter(decoded.text, context.file);
  return { text: fm.body, meta: fm.meta, warnings: [...decoded.warnings.map((w) => `${context.file}: ${w}`), ...fm.warnings] };
}
