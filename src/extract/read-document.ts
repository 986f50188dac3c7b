/**
 * Reading one document for extraction: UTF-8 text, checked before anything parses it, and its
 * publication date from the caller, the file's YAML front matter, or a `sources.yaml` beside it
 * (the corpus folder's metadata file). Spans stay offsets into the file as read: front matter is
 * blanked with spaces rather than cut, so offsets do not shift.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, TooLargeError } from '../domain/errors.js';
import { isHtmlFile } from '../corpus/formats/html.js';
import { parseMetadataYaml } from '../corpus/metadata-yaml.js';
import { readSources } from '../corpus/sources-file.js';
import { parseAnchor } from '../text/dates.js';
import { LIMITS } from '../domain/names.js';

export const DEFAULTS = {
  /** Largest document accepted, in bytes (4 MiB, twenty times the corpus's long study; extraction runs ~0.3 MB/s). */
  maxBytes: LIMITS.extract.maxBytes,
  /** Largest front matter or sources.yaml parsed, in bytes. */
  maxMetaBytes: 256 * 1024,
};

export interface ReadDocument {
  file: string;
  /** The text, BOM removed, front matter blanked (same length). */
  text: string;
  /** Publication date, validated, or null when none was found. */
  published: string | null;
  /** Where the date came from. */
  publishedFrom: 'option' | 'front-matter' | 'sources.yaml' | null;
}

export interface ReadOptions {
  /** Overrides any date in the file's metadata; must be YYYY, YYYY-MM or YYYY-MM-DD. */
  published?: string;
  maxBytes?: number;
}

export async function readDocument(path: string, opts: ReadOptions = {}): Promise<ReadDocument> {
  const file = basename(path);
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const option = opts.published === undefined ? undefined : checkDate(opts.published, { field: '--published' });
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new InputError('expected a file, got a folder or device', { file: path });
    size = st.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: path }, { cause: error });
  }
  if (size > maxBytes) {
    throw new TooLargeError(`file is ${size} bytes; the limit for extraction is ${maxBytes} bytes`, { file: path });
  }
  const bytes = await readFile(path);
  const text = decodeText(bytes, path);
  const { text: fm, meta } = blankFrontMatter(text, path);
  const body = isHtmlFile(file) ? blankMarkup(fm) : fm;
  if (body.trim() === '') throw new InputError('file is empty: nothing to extract', { file: path });
  if (option !== undefined) return { file, text: body, published: option, publishedFrom: 'option' };
  const fromMeta = meta?.published;
  if (fromMeta !== undefined && fromMeta !== null) {
    return { file, text: body, published: checkDate(String(fromMeta), { file: path, field: 'published' }), publishedFrom: 'front-matter' };
  }
  const fromSources = await publishedFromSources(path);
  return { file, text: body, published: fromSources, publishedFrom: fromSources === null ? null : 'sources.yaml' };
}

/**
 * HTML is read for extraction with its markup blanked to spaces (newlines kept), so spans stay
 * offsets into the file while names inside scripts, styles, comments and attributes
 * (`<script>var x = "إيران"</script>`) are not reported as mentions of the visible text.
 */
export function blankMarkup(html: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/<(script|style|template|noscript|iframe|svg)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, blank)
    .replace(/<[!/?a-zA-Z][^>]*(?:>|$)/g, blank);
}

function checkDate(value: string, where: { file?: string; field: string }): string {
  try {
    parseAnchor(value, where.field);
  } catch (error) {
    throw new InputError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`, where, { cause: error });
  }
  return value.trim();
}

/** Strict UTF-8; binary files and invalid sequences are refused with a message saying which. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('file is empty: nothing to extract', { file });
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (const b of head) {
    if (b === 0) throw new InputError('file looks binary (it contains NUL bytes); expected UTF-8 text', { file });
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  if (controls > head.length * 0.1) throw new InputError('file looks binary (many control bytes); expected UTF-8 text', { file });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  } catch (error) {
    throw new InputError(
      'file is not valid UTF-8 (legacy Arabic encodings such as Windows-1256 must be converted to UTF-8 first)',
      { file },
      { cause: error },
    );
  }
}

/** Replaces a leading `---` … `---` YAML block by spaces (newlines kept) and returns its mapping. */
function blankFrontMatter(text: string, file: string): { text: string; meta: Record<string, unknown> | null } {
  const m = /^(\s?)---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) {
    if (/^\s?---[ \t]*\r?\n/.test(text) && !/\n---[ \t]*(?:\r?\n|$)/.test(text.slice(4))) {
      throw new InputError('front matter starts with --- but never ends (expected a closing --- line)', { file, line: 1 });
    }
    return { text, meta: null };
  }
  if (m[2].length > DEFAULTS.maxMetaBytes) throw new InputError('front matter is too large', { file, line: 1 });
  let meta: unknown;
  try {
    meta = parseMetadataYaml(m[2], file, 1);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`front matter refused: ${error.message}`, { file, line: error.line ?? 2 }, { cause: error });
  }
  const blank = m[0].replace(/[^\n]/g, ' ');
  const meta2 = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : null;
  return { text: blank + text.slice(m[0].length), meta: meta2 };
}

/** The `published` of this file's entry in a sources.yaml beside it, if there is one. */
async function publishedFromSources(path: string): Promise<string | null> {
  const sources = await readSources(dirname(path));
  const published = sources.byFile.get(basename(path))?.published;
  return published ?? null;
}
