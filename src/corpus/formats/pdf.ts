/**
 * PDF files, read with Mozilla's pdf.js (the legacy build, which runs in Node without a browser;
 * its fonts data and CMaps ship in the package, so nothing is fetched). Each page's text pieces
 * go through pdf-layout.ts (reading order for Arabic, paragraphs, footnotes, running headers);
 * pages are set apart by a blank line and recorded with their offsets, so every passage has one
 * page and a citation can say "p. 12".
 *
 * Pages without a text layer (scans, pictures of text) are read by OCR (ocr.ts) when Tesseract
 * is installed, and their OCR confidence is kept; a PDF with no text at all and no OCR is refused
 * saying what to install. Bad files get a clear InputError naming the file: encrypted PDFs,
 * damaged or truncated ones, more pages or text than the limits, and content streams that would
 * inflate past a budget (a decompression bomb) — checked before pdf.js sees the file. A damaged
 * cross-reference table that pdf.js can rebuild is a warning, not a refusal.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import type { DocumentMeta, PageDraft } from '../../domain/corpus.js';
import { InputError, MarsadError, TooLargeError } from '../../domain/errors.js';
import { isRtlLine, type Piece } from './bidi.js';
import type { OcrEngine } from './ocr.js';
import { layoutPages, type PageText } from './pdf-layout.js';
import { TextBuilder, type ReadContext, type ReadResult } from './reader.js';

export const DEFAULTS = {
  /** Most pages read. */
  maxPages: 2_000,
  /** Most characters on one page (a dense page has a few thousand). */
  maxPageChars: 200_000,
  /** Most characters in the whole document. */
  maxTextChars: 20_000_000,
  /** Most bytes the content streams and fonts may inflate to, together. */
  maxInflatedBytes: 256 * 1024 * 1024,
  /** Most pages read by OCR in one document (each takes seconds). */
  maxOcrPages: 300,
  /** OCR confidence (0–100) under which a page is reported for checking. */
  lowOcrConfidence: 60,
  /** Share of characters without a Unicode mapping above which the text is reported unreadable. */
  maxUnmappedShare: 0.2,
};

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(0)} MB`;
}

/**
 * Inflates every Flate-compressed stream that is not a picture (content streams, fonts) within
 * a budget, before pdf.js does, which would inflate a bomb to the end. Streams that do not
 * inflate (encrypted, damaged, other filters) are pdf.js's to judge.
 */
export function checkStreams(bytes: Uint8Array, file: string, budget = DEFAULTS.maxInflatedBytes): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let left = budget;
  const keyword = /(?<!end)stream\r?\n/g;
  for (let m = keyword.exec(text); m !== null; m = keyword.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    keyword.lastIndex = end + 'endstream'.length;
    const objStart = text.lastIndexOf(' obj', m.index);
    const dict = text.slice(Math.max(objStart, m.index - 4096), m.index);
    if (!dict.includes('/FlateDecode') || /\/Subtype\s*\/Image/.test(dict)) continue;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: left + 1, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new TooLargeError(
          `the PDF's content inflates to more than ${megabytes(budget)} (a decompression bomb?); refused`,
          { file },
          { cause: error },
        );
      }
      // Not zlib data we can read on our own (an encrypted or damaged stream): pdf.js decides.
      continue;
    }
    left -= inflated.length;
  }
}

/**
 * True when the cross-reference table is not where `startxref` says, or one of its entries does
 * not point at the object it names: readers then rebuild it by scanning the file.
 */
export function xrefDamaged(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!m) return true;
  const at = Number(m[1]);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/^\s*\d+\s+\d+\s+obj\b/.test(text.slice(at, at + 64))) return false; // a cross-reference stream
  if (!/^\s*xref\b/.test(text.slice(at, at + 16))) return true;
  // Classic table: subsections "first count" then 20-byte entries "offset gen n|f".
  const table = text.slice(at, text.indexOf('trailer', at) > 0 ? text.indexOf('trailer', at) : at + 1_000_000);
  const section = /(\d+)\s+(\d+)\s*\r?\n((?:\d{10} \d{5} [nf][ \r\n]{1,2})*)/g;
  for (let s = section.exec(table); s !== null; s = section.exec(table)) {
    const first = Number(s[1]);
    const entries = s[3].match(/\d{10} \d{5} [nf]/g) ?? [];
    for (const [k, entry] of entries.entries()) {
      if (!entry.endsWith('n')) continue;
      const offset = Number(entry.slice(0, 10));
      const head = /^\s*(\d+)\s+\d+\s+obj\b/.exec(text.slice(offset, offset + 32));
      if (!head || Number(head[1]) !== first + k) return true;
    }
  }
  return false;
}

interface PdfPage {
  number: number;
  pieces: Piece[];
  /** Size in points, for OCR. */
  width: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Text pieces of a page in content order, each turned into its own baseline's frame. */
async function pagePieces(doc: PdfDocument, number: number, file: string): Promise<PdfPage> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent({ includeMarkedContent: false });
  const pieces: Piece[] = [];
  let chars = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    chars += item.str.length;
    if (chars > DEFAULTS.maxPageChars) {
      throw new TooLargeError(`page ${number} has more than ${DEFAULTS.maxPageChars.toLocaleString('en')} characters; refused`, { file });
    }
    const [a, b, c, d, e, f] = item.transform as number[];
    // Rotated text (landscape pages, margin stamps) is laid out in its own frame.
    const angle = Math.atan2(b, a);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    pieces.push({
      str: item.str,
      x: e * cos + f * sin,
      y: -e * sin + f * cos,
      width: item.width,
      height: item.height > 0 ? item.height : Math.hypot(c, d),
    });
  }
  const [x0, y0, x1, y1] = page.view;
  const unit = page.userUnit || 1;
  page.cleanup();
  return { number, pieces, width: (x1 - x0) * unit, height: (y1 - y0) * unit };
}

/** The document's title when its metadata has a real one (not a file name or "untitled"). */
async function pdfMeta(doc: PdfDocument): Promise<DocumentMeta> {
  const info = (await doc.getMetadata()).info as { Title?: unknown } | undefined;
  const title = typeof info?.Title === 'string' ? info.Title.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim() : '';
  if (title === '' || title.length > 300 || /^(?:untitled|microsoft word\b|about:blank$)|\.(?:docx?|pdf|indd|tex|rtf)$/i.test(title)) return {};
  return { title };
}

async function loadPdfJs(): Promise<PdfJs> {
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch (error) {
    // Not the file's fault: the installation lacks a package (pdf.js needs @napi-rs/canvas in Node).
    throw new MarsadError(`the PDF reader could not load (${(error as Error).message}); reinstall with npm ci`, { cause: error });
  }
}

async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: join(packageDir, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(packageDir, 'standard_fonts/'),
    wasmUrl: join(packageDir, 'wasm/'),
    // Fonts are never turned into code: no eval of document-supplied data.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new InputError('encrypted PDF: it needs a password to open; save a copy without the password and ingest that', { file }, { cause: error });
    }
    if (name === 'InvalidPDFException') {
      throw new InputError('damaged PDF: its structure cannot be read (the file may be cut short); get a fresh copy', { file }, { cause: error });
    }
    throw new InputError(`cannot read the PDF: ${(error as Error).message}`, { file }, { cause: error });
  }
}

/** OCR of the pages without text; returns text per page and notes for the warnings. */
async function ocrPages(
  bytes: Uint8Array,
  pages: PdfPage[],
  engine: OcrEngine,
  file: string,
): Promise<Map<number, { paragraphs: string[]; confidence: number | null }>> {
  if (pages.length > DEFAULTS.maxOcrPages) {
    throw new TooLargeError(`${pages.length} pages have no text layer and need OCR, over the limit of ${DEFAULTS.maxOcrPages}; split the file`, { file });
  }
  const dir = await mkdtemp(join(tmpdir(), 'marsad-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, bytes);
    const out = new Map<number, { paragraphs: string[]; confidence: number | null }>();
    for (const page of pages) {
      let read;
      try {
        read = await engine.readPage(path, page);
      } catch (error) {
        if (!(error instanceof MarsadError)) throw error;
        throw new InputError(error.message, { file }, { cause: error });
      }
      out.set(page.number, { paragraphs: read.text.split('\n').filter((p) => p.trim() !== ''), confidence: read.confidence });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pageList(numbers: number[]): string {
  return numbers.length === 1 ? `page ${numbers[0]}` : `pages ${numbers.join(', ')}`;
}

export async function readPdf(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const file = context.file;
  checkStreams(bytes, file);
  const warnings: string[] = [];
  if (xrefDamaged(bytes)) {
    warnings.push(`${file}: the PDF's cross-reference table is damaged; it was rebuilt by scanning the file: check that no page is missing`);
  }
  const doc = await openPdf(bytes, file);
  let pages: PdfPage[] = [];
  let meta: DocumentMeta = {};
  try {
    if (doc.numPages > DEFAULTS.maxPages) {
      throw new TooLargeError(`the PDF has ${doc.numPages} pages, over the limit of ${DEFAULTS.maxPages}`, { file });
    }
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await pagePieces(doc, n, file));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`page ${n} of the PDF cannot be read (${(error as Error).message}); the file is damaged`, { file }, { cause: error });
      }
    }
    meta = await pdfMeta(doc);
  } finally {
    await doc.destroy();
  }

  const rtl = isRtlLine(pages.flatMap((p) => p.pieces.map((q) => q.str)));
  const laid: PageText[] = layoutPages(pages.map((p) => p.pieces), rtl);
  const textless = pages.filter((_, i) => laid[i].paragraphs.length === 0 && laid[i].notes.length === 0);
  let ocr = new Map<number, { paragraphs: string[]; confidence: number | null }>();
  if (textless.length > 0) {
    const found = context.ocr ? await context.ocr() : { missing: 'OCR is off' };
    if ('missing' in found) {
      if (textless.length === pages.length) {
        throw new InputError(`no text layer: the PDF is scanned or only pictures (${pageList(textless.map((p) => p.number))}); ${found.missing}`, { file });
      }
      const verb = textless.length === 1 ? 'has' : 'have';
      warnings.push(`${file}: ${pageList(textless.map((p) => p.number))} ${verb} no text layer (blank or scanned) and ${textless.length === 1 ? 'was' : 'were'} not read: ${found.missing}`);
    } else {
      if (found.warning) warnings.push(`${file}: ${found.warning}`);
      ocr = await ocrPages(bytes, textless, found.engine, file);
      const confidences = [...ocr.entries()].map(([n, r]) => `${n} (${r.confidence === null ? 'no words' : `${Math.round(r.confidence)}%`})`);
      warnings.push(`${file}: read by OCR with ${found.engine.name}, confidence by page: ${confidences.join(', ')}`);
      const low = [...ocr.entries()].filter(([, r]) => r.confidence !== null && r.confidence < DEFAULTS.lowOcrConfidence).map(([n]) => n);
      if (low.length > 0) warnings.push(`${file}: OCR confidence under ${DEFAULTS.lowOcrConfidence}% on ${pageList(low)}: check the text`);
    }
  }

  const text = new TextBuilder();
  const pageSpans: PageDraft[] = [];
  let unmapped = 0;
  let total = 0;
  pages.forEach((page, i) => {
    if (i > 0) text.pageBreak();
    const read = ocr.get(page.number);
    const paragraphs = read ? read.paragraphs : laid[i].paragraphs;
    const notes = read ? [] : laid[i].notes;
    let start = -1;
    for (const [k, p] of [...paragraphs, ...notes].entries()) {
      const span = text.paragraph(p, k >= paragraphs.length);
      if (span && start < 0) start = span.start;
      unmapped += p.match(/[\ufffd\ue000-\uf8ff]/gu)?.length ?? 0;
      total += p.length;
    }
    if (text.length > DEFAULTS.maxTextChars) {
      throw new TooLargeError(`the PDF has more than ${DEFAULTS.maxTextChars.toLocaleString('en')} characters of text`, { file });
    }
    if (start < 0) start = text.length;
    pageSpans.push({ number: page.number, start, end: text.length, ...(read ? { ocrConfidence: read.confidence } : {}) });
  });
  if (total > 0 && unmapped / total > DEFAULTS.maxUnmappedShare) {
    warnings.push(`${file}: ${Math.round((100 * unmapped) / total)}% of the characters have no Unicode mapping in the PDF's fonts: the text is partly unreadable and search will miss it`);
  }
  return { text: text.toString(), pages: pageSpans, notes: text.notes, meta, warnings };
}
