/**
 * Reading order of the pieces of one line of a PDF. PDF producers draw glyphs left to right in
 * visual order, so an Arabic line comes out of pdf.js as pieces sorted by position whose order is
 * the reverse of reading order, with embedded English words and numbers that read left to right.
 * pdf.js already puts the characters *inside* each piece in logical order; this module orders the
 * pieces. It resolves each piece to a bidi level (a simplified Unicode Bidirectional Algorithm
 * over whole pieces: strong letters, numbers, neutrals taking the direction of their neighbours)
 * and undoes the visual reordering by reversing runs from the lowest odd level up (rule L2 run
 * backwards). Brackets drawn at an odd level were mirrored by the producer (a logical "(" is
 * drawn with the ")" glyph), so they are mirrored back.
 *
 * Visual order cannot always tell two logical orders apart: in an Arabic line, an English word
 * with a number on its right ("Pentagon 2024") looks the same whether the number belongs to the
 * English run or follows it in the Arabic sentence. The English run wins here (W7 of the
 * algorithm), which is right for names such as "F-16" or "Resolution 2107".
 */

/** A piece of text drawn at one place on the page. */
export interface Piece {
  str: string;
  /** Left edge and baseline, in page units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in page units. */
  height: number;
  /** A footnote mark (superscript number): never merged with a neighbouring number. */
  noteMark?: boolean;
}

/** What a piece contributes to the direction of its line. */
export type PieceClass = 'R' | 'L' | 'N' | 'W';

/** Letters of right-to-left scripts (not their digits or punctuation, which are numbers or neutral). */
const RTL_LETTERS = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
const RTL_LETTER = new RegExp(RTL_LETTERS.source, 'u');
const LETTERS = /\p{L}/gu;
const DIGIT = /\p{Nd}/u;
/** Signs written after a number ("60%"), whichever side the producer drew them on. */
const SUFFIX_SIGNS = /^[%‰٪°]+$/u;
/** Signs written before a number ("$5", "+3"). */
const PREFIX_SIGNS = /^[$€£¥#+−]+$/u;
/** Separators inside a number ("2,500", "3.5", "٣٫٥", "12/09/2024", "10:30"). */
const SEPARATORS = /^[,.٫٬/:]$/u;

const MIRROR: Record<string, string> = {
  '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
  '«': '»', '»': '«', '‹': '›', '›': '‹', '⟨': '⟩', '⟩': '⟨',
};

/** Largest gap between two pieces of one number, as a share of the font size. */
const NUMBER_GAP = 0.15;

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

export function classify(str: string): PieceClass {
  if (RTL_LETTER.test(str)) return 'R';
  if (count(str, LETTERS) > 0) return 'L';
  return DIGIT.test(str) ? 'N' : 'W';
}

/**
 * True when the line reads right to left: more right-to-left letters than left-to-right ones;
 * `fallback` (the document's direction) for lines without letters.
 */
export function isRtlLine(strings: readonly string[], fallback = false): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const s of strings) {
    const r = count(s, RTL_LETTERS);
    rtl += r;
    ltr += count(s, LETTERS) - r;
  }
  if (rtl === 0 && ltr === 0) return fallback;
  return rtl > ltr;
}

export function mirrorBrackets(s: string): string {
  let out = '';
  for (const c of s) out += MIRROR[c] ?? c;
  return out;
}

function touching(a: Piece, b: Piece): boolean {
  return b.x - (a.x + a.width) <= NUMBER_GAP * Math.max(a.height, b.height, 1);
}

/**
 * Joins the pieces of each number (digits drawn one by one, "2" "," "500", a "%" or "$" beside
 * it) into one piece, in the order the number is read: digits left to right, signs where they
 * are written whatever side the producer drew them on.
 */
function joinNumbers(visual: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < visual.length) {
    const p = visual[i];
    const s = p.str.trim();
    const startsNumber = !p.noteMark && (/^\p{Nd}+$/u.test(s) || SUFFIX_SIGNS.test(s) || PREFIX_SIGNS.test(s));
    if (!startsNumber) {
      out.push(p);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < visual.length && !visual[j].noteMark && touching(visual[j - 1], visual[j])) {
      const t = visual[j].str.trim();
      const continues =
        /^\p{Nd}+$/u.test(t) ||
        SUFFIX_SIGNS.test(t) ||
        PREFIX_SIGNS.test(t) ||
        (SEPARATORS.test(t) && j + 1 < visual.length && /^\p{Nd}/u.test(visual[j + 1].str.trim()));
      if (!continues) break;
      j++;
    }
    const group = visual.slice(i, j).map((g) => g.str.trim());
    if (!group.some((g) => DIGIT.test(g))) {
      out.push(p);
      i++;
      continue;
    }
    const prefix = group.filter((g) => PREFIX_SIGNS.test(g)).join('');
    const suffix = group.filter((g) => SUFFIX_SIGNS.test(g)).join('');
    const core = group.filter((g) => !PREFIX_SIGNS.test(g) && !SUFFIX_SIGNS.test(g)).join('');
    const last = visual[j - 1];
    out.push({ str: prefix + core + suffix, x: p.x, y: p.y, width: last.x + last.width - p.x, height: Math.max(p.height, last.height) });
    i = j;
  }
  return out;
}

export interface Ordered {
  /** The pieces in reading order (numbers joined into one piece each). */
  pieces: Piece[];
  /** Bidi level of each piece of `pieces` (odd: right to left; their brackets are mirrored back). */
  levels: number[];
  rtl: boolean;
}

/**
 * The pieces of one line in reading order. `fallbackRtl` is the direction of a line without
 * letters (page numbers, figures): the document's direction.
 */
export function readingOrder(line: readonly Piece[], fallbackRtl = false): Ordered {
  // Left edges in visual order; ties keep content order (marks drawn over their base letter).
  const visual = joinNumbers(
    line
      .map((piece, index) => ({ piece, index }))
      .sort((a, b) => a.piece.x - b.piece.x || a.index - b.index)
      .map((v) => v.piece),
  );
  const rtl = isRtlLine(visual.map((p) => p.str), fallbackRtl);
  const cls = visual.map((p) => classify(p.str));
  const n = cls.length;

  /** Nearest strong class (R or L) from i going in direction step; null at the line's edge. */
  const strongFrom = (i: number, step: number): 'R' | 'L' | null => {
    for (let j = i + step; j >= 0 && j < n; j += step) if (cls[j] === 'R' || cls[j] === 'L') return cls[j] as 'R' | 'L';
    return null;
  };
  // Numbers: in a right-to-left line, a number with a Latin word on its left continues that
  // word's run (W7); otherwise it is an Arabic number. In a left-to-right line, a number between
  // two Arabic words belongs to their run.
  const direction: Array<'R' | 'L' | null> = cls.map((c, i) => {
    if (c === 'R' || c === 'L') return c;
    if (c !== 'N') return null;
    if (rtl) return strongFrom(i, -1) === 'L' ? 'L' : 'R';
    return strongFrom(i, -1) === 'R' && strongFrom(i, 1) === 'R' ? 'R' : 'L';
  });
  const base: 'R' | 'L' = rtl ? 'R' : 'L';
  // N1/N2: neutrals between two runs of one direction take it; others take the line's.
  for (let i = 0; i < n; i++) {
    if (direction[i] !== null) continue;
    let j = i;
    while (j < n && direction[j] === null) j++;
    const before = i > 0 ? direction[i - 1] : base;
    const after = j < n ? direction[j] : base;
    direction.fill(before === after ? before : base, i, j);
    i = j - 1;
  }
  // Levels as in the algorithm's rules I1/I2: numbers always read left to right (even level).
  const levels = direction.map((d, i) => {
    if (rtl) return d === 'R' && cls[i] !== 'N' ? 1 : 2;
    if (d === 'L') return 0;
    return cls[i] === 'N' ? 2 : 1;
  });

  // Visual to logical: rule L2 reverses runs from the highest level down, so undo from the lowest up.
  const order = visual.map((piece, i) => ({ piece, level: levels[i] }));
  const highest = Math.max(0, ...levels);
  for (let level = 1; level <= highest; level++) {
    let start = -1;
    for (let i = 0; i <= order.length; i++) {
      const inRun = i < order.length && order[i].level >= level;
      if (inRun && start < 0) start = i;
      else if (!inRun && start >= 0) {
        const run = order.slice(start, i).reverse();
        order.splice(start, run.length, ...run);
        start = -1;
      }
    }
  }
  return {
    pieces: order.map((o) => (o.level % 2 === 1 && !o.piece.noteMark ? { ...o.piece, str: mirrorBrackets(o.piece.str) } : o.piece)),
    levels: order.map((o) => o.level),
    rtl,
  };
}
