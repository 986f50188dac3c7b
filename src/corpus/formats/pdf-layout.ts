/**
 * From the text pieces pdf.js finds on each page to paragraphs and footnotes. Pure: positions in,
 * text out, so each rule is tested on pieces written by hand.
 *
 * 1. Pieces become lines in content order (producers write a page in reading order, so two
 *    columns stay apart); a new line starts where the baseline moves by more than half the font
 *    size; harakat drawn apart from their letter join it. Superscript numbers on a line are
 *    footnote marks, written "[1]".
 * 2. Each line's pieces are put in reading order (bidi.ts) and joined, with a space wherever the
 *    page shows a gap wider than a sliver of the font size; Arabic presentation forms and Latin
 *    ligatures are turned back into ordinary letters (NFKC), and two known artefacts of Arabic
 *    extraction are mended (the reversed ligature of "الله", a full stop drawn at the wrong end).
 * 3. Running headers and footers (the same line at the top or bottom of most pages, digits aside)
 *    and page numbers are dropped.
 * 4. Footnotes: the lines at the bottom of a page set smaller than the body text, starting with a
 *    mark ("1", "[1]", "*"), become notes written "[1] …", kept apart from the page's text.
 * 5. Lines join into paragraphs until a wider gap, a change of font size or a line that ends
 *    well short of the column; a Latin word hyphenated across lines is joined again.
 */
import { readingOrder, type Piece } from './bidi.js';

export type { Piece } from './bidi.js';

export const DEFAULTS = {
  /** A baseline move beyond this share of the font size starts a new line. */
  lineBreak: 0.5,
  /** A gap between pieces wider than this share of the font size is a space. */
  spaceGap: 0.12,
  /** A superscript is at most this share of its line's font size... */
  markSize: 0.85,
  /** ...and raised by at least this share of it. */
  markRaise: 0.15,
  /** Footnotes are set at most this share of the body text's size. */
  noteSize: 0.88,
  /** A gap between baselines wider than this multiple of the usual spacing ends a paragraph. */
  paragraphGap: 1.25,
  /** A line shorter than this share of the page's usual line width ends a paragraph. */
  shortLine: 0.8,
  /** A line repeated at the top or bottom of at least this share of pages is a running header. */
  runningShare: 0.5,
  /** ...on at least this many pages. */
  runningMinPages: 3,
};

export interface Line {
  text: string;
  /** Baseline of the line's main text. */
  y: number;
  /** Font size of the line's main text. */
  height: number;
  x0: number;
  x1: number;
  rtl: boolean;
}

export interface PageText {
  /** Body paragraphs in reading order. */
  paragraphs: string[];
  /** Footnotes, each "[mark] text". */
  notes: string[];
}

/** Presentation forms and ligatures (what glyph-to-Unicode maps often yield) to plain letters. */
export function normalizeGlyphs(s: string): string {
  const cleaned = s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
  return /[\ufb00-\ufdff\ufe70-\ufeff]/u.test(cleaned)
    ? cleaned.replace(/[\ufb00-\ufdff\ufe70-\ufefe]/gu, (c) => c.normalize('NFKC'))
    : cleaned;
}

const MARK_TEXT = /^(?:[\d٠-٩]{1,3}|[*†‡])$/u;

/** Pieces of nothing but combining marks, spaces or controls: they sit on a line, never make one. */
const WITHOUT_BASE = /^[\s\p{M}\u0000-\u001f]*$/u;

/**
 * Groups pieces (in content order) into lines. Marks drawn apart from their letter (a fatha
 * raised above the baseline) and spaces join the line whose baseline they are near, and never
 * set it.
 */
export function groupLines(pieces: readonly Piece[]): Piece[][] {
  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let pending: Piece[] = [];
  let baseline = 0;
  let size = 0;
  for (const p of pieces) {
    if (p.str === '') continue;
    if (WITHOUT_BASE.test(p.str)) {
      if (current.length > 0 && Math.abs(p.y - baseline) <= Math.max(size, 1)) current.push(p);
      else pending.push(p);
      continue;
    }
    const h = p.height > 0 ? p.height : size;
    if (current.length > 0 && Math.abs(p.y - baseline) > DEFAULTS.lineBreak * Math.max(size, h, 1)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) {
      current = pending.filter((q) => Math.abs(q.y - p.y) <= Math.max(p.height, 1));
      pending = [];
      baseline = p.y;
      size = Math.max(p.height, 0);
    } else if (p.height > size) {
      baseline = p.y;
      size = p.height;
    }
    current.push(p);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Puts each piece of marks only (harakat, shadda) into the letter it is drawn over: the piece
 * whose span holds its middle, or the nearest. In a piece of several letters the mark goes after
 * the letter at its place (counted from the right in right-to-left pieces, whose characters
 * pdf.js has put in reading order).
 */
export function attachMarks(pieces: readonly Piece[]): Piece[] {
  const bases = pieces.filter((p) => !WITHOUT_BASE.test(p.str) || p.str.trim() === '').map((p) => ({ ...p }));
  const letters = bases.filter((p) => p.str.trim() !== '');
  for (const p of pieces) {
    const marks = p.str.replace(/[^\p{M}]/gu, '');
    if (!WITHOUT_BASE.test(p.str) || marks === '' || letters.length === 0) continue;
    const middle = p.x + p.width / 2;
    const distance = (b: Piece) => Math.max(b.x - middle, middle - (b.x + b.width), 0);
    const base = letters.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    const chars = [...base.str];
    const share = base.width > 0 ? Math.min(Math.max((middle - base.x) / base.width, 0), 0.999) : 0.999;
    const rtl = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(base.str);
    const index = Math.floor((rtl ? 1 - share : share) * chars.length);
    chars.splice(Math.min(index + 1, chars.length), 0, marks);
    base.str = chars.join('');
  }
  return bases;
}

/**
 * pdf.js reorders the characters of a piece that holds right-to-left text; other pieces come as
 * drawn, left to right. Those are cut into words, numbers, spaces and single signs (positions
 * shared out by character count), so that a number and the Arabic comma drawn beside it in one
 * piece ("،2026") are ordered as two.
 */
function splitDrawnOrder(p: Piece): Piece[] {
  if (p.noteMark || /[\u0590-\u060b\u060d-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(p.str)) return [p];
  const parts = p.str.match(/\p{Nd}+(?:[,.٫٬/:]\p{Nd}+)*|[\p{L}\p{M}'’]+|\s+|./gsu) ?? [];
  if (parts.length <= 1) return [p];
  const total = [...p.str].length;
  let x = p.x;
  return parts.map((str) => {
    const width = (p.width * [...str].length) / total;
    const piece = { ...p, str, x, width };
    x += width;
    return piece;
  });
}

/** One line's text in reading order, with footnote marks written "[1]". */
export function buildLine(pieces: readonly Piece[], fallbackRtl = false): Line {
  const visible = pieces.filter((p) => p.str.trim() !== '');
  const main = visible.reduce((a, b) => (b.height > a.height ? b : a), visible[0] ?? pieces[0]);
  const height = main?.height ?? 0;
  const y = main?.y ?? 0;
  const visual = attachMarks(pieces.map((p) => ({ ...p, str: normalizeGlyphs(p.str) })).filter((p) => p.str !== ''))
    .map((p) => {
      const isMark =
        MARK_TEXT.test(p.str.trim()) && p.height < DEFAULTS.markSize * height && p.y - y > DEFAULTS.markRaise * height;
      return isMark ? { ...p, noteMark: true } : p;
    })
    .flatMap(splitDrawnOrder)
    .map((piece, index) => ({ piece, index }))
    .sort((a, b) => a.piece.x - b.piece.x || a.index - b.index)
    .map((v) => v.piece);
  // Spaces where the page shows a gap: decided in drawn order, so that reordering cannot put a
  // space where two words touch, nor lose one between the last Arabic word and an English one.
  const spaced: Piece[] = [];
  for (const p of visual) {
    const previous = spaced[spaced.length - 1];
    if (previous && !p.noteMark) {
      const gap = p.x - (previous.x + previous.width);
      if (gap > DEFAULTS.spaceGap * Math.max(p.height, previous.height, 1)) {
        spaced.push({ str: ' ', x: previous.x + previous.width, y: p.y, width: gap, height: 0 });
      }
    }
    spaced.push(p);
  }
  const ordered = readingOrder(spaced, fallbackRtl);
  // A mark follows its word without a space: \u0001 (controls are gone by now) flags where.
  const text = ordered.pieces.map((p) => (p.noteMark ? `\u0001[${p.str.trim()}]` : p.str)).join('');
  const x0 = Math.min(...pieces.map((p) => p.x));
  const x1 = Math.max(...pieces.map((p) => p.x + p.width));
  let line = text.replace(/\s+/gu, ' ').replace(/ ?\u0001/gu, '').trim();
  // An English sentence set in a right-to-left page ends with its full stop drawn at the left,
  // where a left-to-right reading would put it first.
  if (!ordered.rtl && fallbackRtl) line = line.replace(/^([.,;:!?]+)\s*(\p{L}.*)$/su, '$2$1');
  // The ligature of "الله" maps to three letters that pdf.js's reordering of the piece reverses.
  line = line.replace(/اهلل/gu, 'الله');
  return { text: line, y, height, x0, x1, rtl: ordered.rtl };
}

/** Text of a running header or footer, digits aside (so "page 3" and "page 4" match). */
function runningKey(text: string): string {
  return text.replace(/\p{Nd}+/gu, '#').replace(/\s+/gu, ' ').trim();
}

const PAGE_NUMBER = /^[\s\-–—|.]*(?:page|p\.|صفحة|الصفحة|ص)?\s*[\d٠-٩]{1,5}(?:\s*(?:of|\/|من)\s*[\d٠-٩]{1,5})?[\s\-–—|.]*$/iu;
const NOTE_START = /^(?:\[([\d٠-٩]{1,3}|[*†‡])\]|\(([\d٠-٩]{1,3})\)|([\d٠-٩]{1,3})[.)]?(?=\s)|([*†‡]))\s*/u;

/** The most common font size of the lines, weighted by their length: the body text's size. */
export function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    if (l.height <= 0) continue;
    const key = Math.round(l.height * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight || (w === bestWeight && size > best)) [best, bestWeight] = [size, w];
  return best;
}

/** The lines at the top and bottom of a page (two at each end), where headers and footers sit. */
function edgeLines(lines: readonly Line[]): Set<Line> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, 2), ...byHeight.slice(-2)]);
}

/**
 * Drops running headers and footers and page numbers from every page. A line is running when its
 * text (digits aside) sits at an edge of enough pages.
 */
export function dropRunningLines(pages: readonly Line[][]): Line[][] {
  const counts = new Map<string, number>();
  const edges = pages.map(edgeLines);
  for (const edge of edges) {
    for (const key of new Set([...edge].map((l) => runningKey(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(DEFAULTS.runningMinPages, Math.ceil(DEFAULTS.runningShare * pages.length));
  return pages.map((lines, i) =>
    lines.filter((l) => !(edges[i].has(l) && (PAGE_NUMBER.test(l.text) || (counts.get(runningKey(l.text)) ?? 0) >= needed))),
  );
}

/** "[1] text" for a footnote line that starts with a mark, or null. */
function noteStart(text: string): string | null {
  const m = NOTE_START.exec(text);
  if (!m) return null;
  const mark = m[1] ?? m[2] ?? m[3] ?? m[4];
  const rest = text.slice(m[0].length);
  return rest === '' ? null : `[${mark}] ${rest}`;
}

/** Splits off the footnotes at the bottom of a page: smaller type, starting with a mark. */
export function splitNotes(lines: readonly Line[], body: number): { body: Line[]; notes: string[] } {
  const small = (l: Line) => l.height > 0 && l.height <= DEFAULTS.noteSize * body;
  if (body <= 0 || !lines.some((l) => !small(l))) return { body: [...lines], notes: [] };
  // From the lowest line up, as long as the type stays small.
  const fromBottom = [...lines].sort((a, b) => a.y - b.y);
  const block: Line[] = [];
  for (const l of fromBottom) {
    if (!small(l)) break;
    block.push(l);
  }
  // Top down; notes begin at the first line that starts with a mark.
  block.reverse();
  const first = block.findIndex((l) => noteStart(l.text) !== null);
  if (first < 0) return { body: [...lines], notes: [] };
  const noteLines = new Set(block.slice(first));
  const notes: string[] = [];
  for (const l of block.slice(first)) {
    const start = noteStart(l.text);
    if (start !== null || notes.length === 0) notes.push(start ?? l.text);
    else notes[notes.length - 1] += ` ${l.text}`;
  }
  return { body: lines.filter((l) => !noteLines.has(l)), notes };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Joins body lines (in content order) into paragraphs. */
export function joinParagraphs(lines: readonly Line[]): string[] {
  const spacing =
    median(
      lines
        .slice(1)
        .map((l, i) => lines[i].y - l.y)
        .filter((d, i) => d > 0 && Math.abs(lines[i + 1].height - lines[i].height) <= 0.15 * lines[i].height),
    ) || 1.2 * (lines[0]?.height ?? 0);
  const widths = lines.map((l) => l.x1 - l.x0).sort((a, b) => a - b);
  const usual = widths.length >= 3 ? widths[Math.floor(widths.length * 0.9)] : (widths[widths.length - 1] ?? 0);
  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.text === '') continue;
    const joins =
      previous !== null &&
      line.y < previous.y &&
      previous.y - line.y <= DEFAULTS.paragraphGap * spacing &&
      Math.abs(line.height - previous.height) <= 0.15 * Math.max(line.height, previous.height) &&
      previous.x1 - previous.x0 >= DEFAULTS.shortLine * usual;
    if (!joins) paragraphs.push(line.text);
    else {
      const last = paragraphs[paragraphs.length - 1];
      paragraphs[paragraphs.length - 1] =
        /\p{Ll}-$/u.test(last) && /^\p{Ll}/u.test(line.text) ? last.slice(0, -1) + line.text : `${last} ${line.text}`;
    }
    previous = line;
  }
  return paragraphs;
}

/**
 * Every page's paragraphs and notes. `pages` holds each page's pieces in content order;
 * `fallbackRtl` is the direction of lines without letters.
 */
export function layoutPages(pages: readonly Piece[][], fallbackRtl = false): PageText[] {
  const lines = pages.map((pieces) => groupLines(pieces).map((l) => buildLine(l, fallbackRtl)).filter((l) => l.text !== ''));
  const body = bodySize(lines.flat());
  return dropRunningLines(lines).map((pageLines) => {
    const split = splitNotes(pageLines, body);
    return { paragraphs: joinParagraphs(split.body), notes: split.notes };
  });
}
