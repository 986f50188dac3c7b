/**
 * Web pages: decoded (UTF-8, a legacy charset the page declares, or the Windows-1256 guess of
 * decode.ts), parsed by linkedom (a DOM in plain JavaScript: scripts are never run), reduced to
 * the article by Mozilla's Readability (the reader view of Firefox: navigation, sidebars, share
 * bars and footers go), then turned into text by dom-text.ts (tables as rows, footnotes kept).
 * Readability also reads the page's title, byline, site name and publication time; they fill
 * the document's metadata where sources.yaml says nothing. The libraries load on first use, so
 * commands that read no page do not pay for them.
 */
import { DocumentMeta } from '../../domain/corpus.js';
import { isPartialDate } from '../../domain/dates.js';
import { TooLargeError } from '../../domain/errors.js';
import { decodeBytes, type Decoded } from '../decode.js';
import { domToText, type DomNode, type DomParagraph } from './dom-text.js';
import { TextBuilder, type ReadContext, type ReadResult } from './reader.js';

export const DEFAULTS = {
  /** Most elements in a page; past this the page is refused. */
  maxElements: 100_000,
  /**
   * Readability's time grows faster than the page (cubically with nesting depth: 1,000 nested
   * elements take it 20 s), so past these a page's whole visible text is kept instead, with a
   * warning. Article pages are far smaller: a few thousand elements, 30 to 60 levels.
   */
  readabilityMaxElements: 20_000,
  readabilityMaxDepth: 200,
  /** Bytes looked at for a `<meta charset>` declaration. */
  charsetSniffBytes: 2048,
};

/** Is the file name an HTML page? */
export function isHtmlFile(name: string): boolean {
  return /\.html?$/i.test(name);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return false;
  }
}

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DEFAULTS.charsetSniffBytes));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Bytes of a page to text. UTF-16 with a byte order mark is read as such; valid UTF-8 is read as
 * UTF-8 whatever the page declares (pages often
 * declare a charset they were later converted from); otherwise a declared legacy charset
 * (windows-1256, iso-8859-6...) is used; otherwise decode.ts decides (damaged UTF-8, a
 * Windows-1256 guess, or a rejection naming the fix).
 */
export function decodeHtml(bytes: Uint8Array, file: string): Decoded {
  // "Save as Web Page" in some Windows programs writes UTF-16 with a byte order mark.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), warnings: [] };
  const declared = declaredCharset(bytes);
  if (declared && !/^utf-?8$/.test(declared) && !bytes.includes(0) && !isUtf8(bytes)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(declared);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    if (decoder) {
      const text = decoder.decode(bytes);
      if (text.trim() !== '') return { text, warnings: [] };
    } else {
      const decoded = decodeBytes(bytes, file);
      return { ...decoded, warnings: [`the page declares an unknown charset "${declared}"`, ...decoded.warnings] };
    }
  }
  return decodeBytes(bytes, file);
}

/** Counts the page's elements and its deepest nesting; refuses a page with too many elements. */
function measure(document: Document, file: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: Array<[Element, number]> = document.documentElement ? [[document.documentElement, 1]] : [];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    depth = Math.max(depth, d);
    if (elements > DEFAULTS.maxElements) {
      throw new TooLargeError(`the page has more than ${DEFAULTS.maxElements.toLocaleString('en')} elements; refused`, { file });
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return { elements, depth };
}

/** Bidi and other control characters out, spaces collapsed: metadata is shown on one line. */
function cleanMeta(value: string | null | undefined, max = 300): string | undefined {
  if (!value) return undefined;
  const s = value.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return s === '' || s.length > max ? undefined : s;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

/** Share of the headline's words that the title has too. */
function overlap(headline: string, title: string): number {
  const h = words(headline);
  const t = words(title);
  if (h.size === 0) return 0;
  let shared = 0;
  for (const w of h) if (t.has(w)) shared++;
  return shared / h.size;
}

function pageMeta(article: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null }): DocumentMeta {
  const candidate: Record<string, string | undefined> = {
    title: cleanMeta(article.title),
    author: cleanMeta(article.byline, 200),
    outlet: cleanMeta(article.siteName, 200),
  };
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(article.publishedTime ?? '')?.[1];
  if (date && isPartialDate(date)) candidate.published = date;
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value !== undefined && DocumentMeta.shape[key as keyof typeof DocumentMeta.shape].safeParse(value).success) meta[key] = value;
  }
  return meta as DocumentMeta;
}

export interface HtmlText {
  paragraphs: DomParagraph[];
  meta: DocumentMeta;
  /** Why the page's whole visible text was kept rather than its article, if it was. */
  warnings: string[];
}

/** The article of a page as paragraphs, and the metadata the page states. */
export async function readHtmlText(html: string, file = 'page.html'): Promise<HtmlText> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(html);
  const size = measure(document, file);
  if (size.elements > DEFAULTS.readabilityMaxElements || size.depth > DEFAULTS.readabilityMaxDepth) {
    const why = size.depth > DEFAULTS.readabilityMaxDepth ? `nests elements ${size.depth} levels deep` : `has ${size.elements} elements`;
    return {
      paragraphs: domToText(document as unknown as DomNode),
      meta: {},
      warnings: [`the page ${why}: too much for article extraction, so all its visible text was kept (menus and sidebars too)`],
    };
  }
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  // The serializer hands back the article's element itself: no second parse of its HTML.
  const reader = new Readability<DomNode>(document as unknown as Document, {
    maxElemsToParse: DEFAULTS.maxElements,
    serializer: (node) => node as unknown as DomNode,
  });
  const article = reader.parse();
  let paragraphs = article?.content ? domToText(article.content) : [];
  if (paragraphs.length === 0) {
    // Readability found no article (a page of short items, a bare fragment): all visible text.
    paragraphs = domToText(parseHTML(html).document as unknown as DomNode);
  } else if (headline && !paragraphs.some((p) => p.text.includes(headline)) && overlap(headline, article?.title ?? '') >= 0.5) {
    // Readability drops a headline that repeats the title; the text should still start with it.
    paragraphs.unshift({ text: headline, note: false });
  }
  return { paragraphs, meta: article ? pageMeta(article) : {}, warnings: [] };
}

/** Visible text of an HTML page, one paragraph per line. */
export async function htmlToText(html: string): Promise<string> {
  return (await readHtmlText(html)).paragraphs.map((p) => p.text).join('\n');
}

export async function readHtml(bytes: Uint8Array, context: ReadContext): Promise<ReadResult> {
  const decoded = decodeHtml(bytes, context.file);
  const page = await readHtmlText(decoded.text, context.file);
  const text = new TextBuilder();
  for (const p of page.paragraphs) text.paragraph(p.text, p.note);
  const warnings = [...decoded.warnings, ...page.warnings].map((w) => `${context.file}: ${w}`);
  return { text: text.toString(), notes: text.notes, meta: page.meta, warnings };
}
