/**
 * The parts of a news page: the chrome around the article (menus, share buttons, timestamps,
 * URLs, tags, "read also" links, copyright lines), the headline, and the lead — the first
 * paragraph of the article, which says the thing that happened. Dates and figures are still
 * found everywhere (a timestamp is a date); candidates come from the article only, and the
 * headline event from the lead.
 */
import { isBoilerplate } from '../corpus/boilerplate.js';

export interface Line {
  start: number;
  end: number;
  text: string;
  /** Page chrome, not article text. */
  noise: boolean;
}

export interface Layout {
  lines: Line[];
  /** The headline line, when one is recognisable (a short line before the lead). */
  headline: { start: number; end: number } | null;
  /** The lead paragraph (first article paragraph), without its dateline. */
  lead: { start: number; end: number } | null;
  /** "ERBIL, Kurdistan Region -", "بغداد –": where and whence, before the lead's first word. */
  dateline: { start: number; end: number } | null;
}

export const DEFAULTS = {
  /** A paragraph with fewer words is not a lead. */
  leadMinWords: 12,
  /** Longest headline, in words. */
  headlineMaxWords: 30,
};

/** Lines that are page chrome when they start so (folded to lower case, Arabic as written). */
const CHROME_START =
  /^(?:share|sharing|شارك|مشاركة|tags?\s*:|الوسوم|الكلمات المفتاحية|related\b|read (?:more|also)|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|most popular|copyright|©|\(c\)|جميع الحقوق|all rights reserved|updated|posted|published|آخر تحديث|by staff|sign (?:up|in)|subscribe|newsletter|get the|watch live|menu|home\s*[>|]|الرئيسية|الصفحة الرئيسية|المصدر:|source:|listen|advertisement|إعلان|follow us|تابعونا)/iu;
const URL_RE = /(?:https?:\/\/|www\.)\S+/giu;
/** A byline: "By Jane Doe", "By Staff Writer   Published: …". */
const BYLINE = /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*$|\s{2,}|\s*[|,])/u;

/** True when a line is page chrome rather than article text. */
export function isChrome(line: string): boolean {
  const s = line.trim();
  if (s === '') return true;
  if (isBoilerplate(s)) return true;
  if (CHROME_START.test(s) || BYLINE.test(s)) return true;
  const withoutUrls = s.replace(URL_RE, '').trim();
  if (withoutUrls.length < s.length && withoutUrls.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length < 4) return true;
  // a line that is only a place, a weekday, a date and a time ("الأحد، 18 كانون الثاني 2026")
  const words0 = s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words0 <= 7 && /\d{4}|\d{1,2}:\d{2}/.test(s) && !/[.؟?!:"«»“”]\s*$/.test(s) && !/[.؟?!]\s/.test(s)) return true;
  // menus and widget rows: several separators between short items
  const separators = (s.match(/[|·•]|\s[-–]\s/g) ?? []).length;
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (separators >= 2 && !/[.؟?!]$/.test(s) && words <= separators * 4) return true;
  return false;
}

export function readLayout(text: string): Layout {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const start = pos;
    const end = pos + raw.length;
    pos = end + 1;
    lines.push({ start, end, text: raw, noise: isChrome(raw) });
  }
  const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const leadIndex = lines.findIndex((l) => !l.noise && words(l.text) >= DEFAULTS.leadMinWords && /[.؟?!"”»]\s*$/.test(l.text.trim()));
  let headline: Layout['headline'] = null;
  let lead: Layout['lead'] = null;
  let dateline: Layout['dateline'] = null;
  if (leadIndex >= 0) {
    const l = lines[leadIndex];
    const d = datelineOf(l.text);
    const leadStart = l.start + (d ?? 0);
    if (d !== null) dateline = { start: l.start, end: l.start + d };
    lead = { start: leadStart + (text.slice(leadStart, l.end).length - text.slice(leadStart, l.end).trimStart().length), end: l.start + l.text.trimEnd().length };
    for (let k = 0; k < leadIndex && headline === null; k++) {
      const h = lines[k];
      const n = words(h.text);
      // the headline: the first line of a few words that is not chrome, a dateline or a timestamp
      const stamp = /\d{1,2}:\d{2}|\|/.test(h.text) || (/\d{4}/.test(h.text) && n <= 6);
      if (!h.noise && n >= 4 && n <= DEFAULTS.headlineMaxWords && !stamp) {
        headline = { start: h.start + (h.text.length - h.text.trimStart().length), end: h.start + h.text.trimEnd().length };
      }
    }
  }
  return { lines, headline, lead, dateline };
}

/**
 * Length of a dateline at the start of a paragraph: place names (and an agency in parentheses)
 * up to a dash — "ERBIL, Kurdistan Region - ", "BAGHDAD (Example Wire) - ", "بغداد – ".
 */
function datelineOf(line: string): number | null {
  const m = /^\s*([\p{Lu}\u0600-\u06ff][\p{L}\p{M}\s,.'’]{1,40}?(?:\s*\([^)]{1,40}\))?)\s*[-–—]\s+/u.exec(line);
  if (!m) return null;
  const head = m[1];
  // Latin datelines are written in capitals ("ERBIL", "NEW YORK") or as a few capitalised words
  if (/[a-z]/i.test(head) && !/^[\p{Lu}\s,.'’()A-Za-z]+$/u.test(head)) return null;
  if (head.split(/\s+/).length > 6) return null;
  return m[0].length;
}

/** The line a position falls in. */
export function lineAt(layout: Layout, pos: number): Line | undefined {
  let lo = 0;
  let hi = layout.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = layout.lines[mid];
    if (pos < l.start) hi = mid - 1;
    else if (pos > l.end) lo = mid + 1;
    else return l;
  }
  return undefined;
}

/** True when a position lies in page chrome. */
export function inChrome(layout: Layout, pos: number): boolean {
  return lineAt(layout, pos)?.noise ?? false;
}

/** True when a position lies in the headline line. */
export function inHeadline(layout: Layout, pos: number): boolean {
  return layout.headline !== null && pos >= layout.headline.start && pos <= layout.headline.end;
}

/** A span that starts at the lead's line, moved past its dateline ("BAGHDAD - "). */
export function pastDateline<T extends { start: number; end: number }>(layout: Layout, span: T): T {
  const d = layout.dateline;
  if (d && span.start <= d.end && span.end > d.end && span.start >= d.start) return { ...span, start: layout.lead?.start ?? d.end };
  return span;
}
