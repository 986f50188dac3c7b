/**
 * The document formats Marsad reads: one entry per format, found by file extension. A format with
 * a binary signature (PDF, the zip package of a Word file) is checked against the file's first
 * bytes, so a mislabelled file gets a message saying what it really is. Adding a format means
 * adding an entry (and its reader, `bytes → text, pages, notes, meta, warnings`).
 */
import { extname } from 'node:path';
import { InputError } from '../../domain/errors.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import type { DocumentFormat, ReadContext, ReadResult } from './reader.js';
import { readMarkdown, readText } from './text.js';

/** What the first bytes of a file say it is. */
export type Signature = 'pdf' | 'zip' | 'ole';

export interface FormatEntry extends DocumentFormat {
  /** The signature the file must have, for binary formats. */
  signature?: Signature;
}

export const FORMATS: readonly FormatEntry[] = [
  { name: 'text', extensions: ['.txt'], read: readText },
  { name: 'Markdown', extensions: ['.md'], read: readMarkdown },
  { name: 'HTML', extensions: ['.html', '.htm'], read: readHtml },
  { name: 'PDF', extensions: ['.pdf'], signature: 'pdf', read: readPdf },
  { name: 'Word', extensions: ['.docx'], signature: 'zip', read: readDocx },
];

/** Extensions Marsad reads, in the order of FORMATS. */
export const SUPPORTED_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

const SIGNATURE_NAMES: Record<Signature, string> = {
  pdf: 'a PDF file',
  zip: 'a zip package (a Word .docx, another Office file or an archive)',
  ole: 'an old-style Office file (a Word .doc, or an Office file protected by a password)',
};

/** The format of a file name, or null. */
export function formatFor(file: string): FormatEntry | null {
  const ext = extname(file).toLowerCase();
  return FORMATS.find((f) => f.extensions.includes(ext)) ?? null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * What the first bytes say. PDF readers accept junk before `%PDF-` within the first kilobyte;
 * `strict` asks for it at the very start (to call a text file a PDF, it must begin like one).
 */
export function sniff(bytes: Uint8Array, strict = false): Signature | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const window = strict ? 1 : Math.min(1024, bytes.length);
  for (let i = 0; i < window; i++) if (startsWith(bytes, PDF, i)) return 'pdf';
  return null;
}

/** Reads one file's bytes with the reader its extension names, after checking its signature. */
export async function readDocumentBytes(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const file = context.file;
  const format = formatFor(file);
  if (!format) {
    throw new InputError(`unsupported file type "${extname(file) || '(none)'}"; Marsad reads ${SUPPORTED_EXTENSIONS.join(' ')}`, { file });
  }
  if (format.signature) {
    if (bytes.length === 0) throw new InputError('empty file', { file });
    const found = sniff(bytes);
    if (found !== format.signature) {
      if (format.signature === 'zip' && found === 'ole') {
        throw new InputError('not a .docx: this is an old Word .doc or a password-protected Word file; save it as .docx without a password', { file });
      }
      throw new InputError(`not ${SIGNATURE_NAMES[format.signature]}${found ? `: it is ${SIGNATURE_NAMES[found]}` : ''}`, { file });
    }
  } else {
    const found = sniff(bytes, true);
    if (found) throw new InputError(`this ${format.name} file is ${SIGNATURE_NAMES[found]}; give it its real extension`, { file });
  }
  return format.read(bytes, context);
}

export type { DocumentFormat, ReadContext, ReadResult, TextSpan } from './reader.js';
export { findTesseract, type OcrAvailability, type OcrEngine } from './ocr.js';
export { htmlToText, isHtmlFile } from './html.js';
