/**
 * Plain text and Markdown: decoded by decode.ts (UTF-8, repaired UTF-8 or Windows-1256, with a
 * warning); Markdown's YAML front matter becomes metadata and the body after it the text.
 */
import { decodeBytes } from '../decode.js';
import { splitFrontMatter } from '../front-matter.js';
import type { ReadContext, ReadResult } from './reader.js';

export async function readText(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const decoded = decodeBytes(bytes, context.file);
  return { text: decoded.text, meta: {}, warnings: decoded.warnings.map((w) => `${context.file}: ${w}`) };
}

export async function readMarkdown(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const decoded = decodeBytes(bytes, context.file);
  const fm = splitFrontMatter(decoded.text, context.file);
  return { text: fm.body, meta: fm.meta, warnings: [...decoded.warnings.map((w) => `${context.file}: ${w}`), ...fm.warnings] };
}
