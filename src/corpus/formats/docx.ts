/**
 * Word files (.docx): a zip package of XML parts. The package is opened by zip-archive.ts within
 * limits (entries, bytes to inflate, each part capped at its declared size), and only its XML
 * parts — never pictures or embedded files — are repacked, uncompressed, for mammoth, which
 * turns the document into plain HTML (headings, paragraphs, tables, footnotes and endnotes).
 * dom-text.ts then gives the text: table rows as lines, notes as "[1] …" paragraphs. The title
 * in the package's properties fills the document's metadata where sources.yaml says nothing.
 * The libraries load on first use.
 */
import { DocumentMeta } from '../../domain/corpus.js';
import { InputError, TooLargeError } from '../../domain/errors.js';
import { domToText, type DomNode } from './dom-text.js';
import { TextBuilder, type ReadContext, type ReadResult } from './reader.js';
import { listZip, readZipEntry } from './zip-archive.js';

export const DEFAULTS = {
  /** Most entries in the package (a long report with pictures has a few hundred). */
  maxEntries: 2_000,
  /** Most bytes one XML part may inflate to. */
  maxPartBytes: 32 * 1024 * 1024,
  /** Most bytes all XML parts together may inflate to. */
  maxXmlBytes: 64 * 1024 * 1024,
};

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(0)} MB`;
}

/** The XML parts of the package, checked against the limits, then inflated. */
function xmlParts(bytes: Uint8Array, file: string): Record<string, Uint8Array> {
  const entries = listZip(bytes, file, DEFAULTS.maxEntries);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new InputError('not a Word document: the package has no word/document.xml (another Office file renamed .docx?)', { file });
  }
  const parts = entries.filter((e) => /\.(?:xml|rels)$/i.test(e.name));
  let total = 0;
  for (const e of parts) {
    if (e.size > DEFAULTS.maxPartBytes) {
      throw new TooLargeError(`the part ${e.name} inflates to ${megabytes(e.size)}, over the limit of ${megabytes(DEFAULTS.maxPartBytes)}`, { file });
    }
    total += e.size;
  }
  if (total > DEFAULTS.maxXmlBytes) {
    throw new TooLargeError(`the document's XML inflates to ${megabytes(total)}, over the limit of ${megabytes(DEFAULTS.maxXmlBytes)}`, { file });
  }
  return Object.fromEntries(parts.map((e) => [e.name, readZipEntry(bytes, e, file)]));
}

type ParseHtml = (typeof import('linkedom'))['parseHTML'];

/** The title in docProps/core.xml, when it has a usable one. */
function packageMeta(parts: Record<string, Uint8Array>, parseHTML: ParseHtml): DocumentMeta {
  const core = parts['docProps/core.xml'];
  if (!core) return {};
  const { document } = parseHTML(`<x>${new TextDecoder().decode(core).replace(/<\?xml[^>]*\?>/, '')}</x>`);
  const title = document.querySelector('dc\\:title')?.textContent?.replace(/\s+/g, ' ').trim();
  return title && DocumentMeta.shape.title.safeParse(title).success ? { title } : {};
}

export async function readDocx(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const file = context.file;
  const [{ zipSync }, { parseHTML }, { default: mammoth }] = await Promise.all([
    import('fflate'),
    import('linkedom'),
    import('mammoth'),
  ]);
  const parts = xmlParts(bytes, file);
  // Stored, not deflated: mammoth's unzipping then costs nothing and sees only checked bytes.
  const repacked = zipSync(parts, { level: 0 });
  let result: Awaited<ReturnType<(typeof mammoth)['convertToHtml']>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        // Pictures are not text: never read (they were not even repacked).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
  } catch (error) {
    throw new InputError(`cannot read the Word document: ${(error as Error).message.split('\n')[0]}`, { file }, { cause: error });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${result.value}</body></html>`);
  const text = new TextBuilder();
  for (const p of domToText(document.body as unknown as DomNode)) text.paragraph(p.text, p.note);
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `${file}: ${m.message}`);
  return { text: text.toString(), notes: text.notes, meta: packageMeta(parts, parseHTML), warnings };
}
