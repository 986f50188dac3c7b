/**
 * Dates in Arabic and English news and study text, at their real precision:
 * - numeric d/m/y and d-m-y ("27/1/2024", "(8/12/2023)", "24-1-2024") and ISO "2024-01-27";
 * - month names in both Arabic naming systems (يناير… and كانون الثاني، شباط…), combined forms
 *   ("سبتمبر/ أيلول 2025"), English names and abbreviations ("Sept. 2025");
 * - "04 أكتوبر 2024", "مطلع يناير 2024" (early), "نهاية سبتمبر العام المقبل" (late, next year);
 * - relative expressions resolved against the publication date: "أمس", "أمس الأول",
 *   "الجمعة الماضية", "سبتمبر الماضي", "العام المقبل"; a day or month without a year is the
 *   latest one on or before publication;
 * - years alone only after a cue ("عام 2021", "في 2014", "since 2003"), so figures stay figures.
 *
 * A hand-written rule set over folded text (see `foldText`) rather than chrono-node: chrono needs
 * digits converted first, reads أحد ('one of') as Sunday and العام ('the year') as a date, and does
 * not combine "نهاية سبتمبر العام المقبل". Rules run in order; a later rule never overlaps an
 * earlier match, so "27/1/2024" inside "يوم السبت الماضي (27/1/2024)" wins over the weekday.
 */
import type { DateMention, DateMentionQualifier, DatePrecision } from '../domain/extract.js';
import { InputError } from '../domain/errors.js';
import { foldText, numberWordValue, originalSpan, type FoldedText } from './numbers.js';
import { normalizeArabic } from './normalize.js';

export const DEFAULTS = {
  /** Years outside this range are not read as years (they are figures or noise). */
  yearRange: [1900, 2100] as const,
};

/** A publication date at its precision: year, optional month and day. */
export interface Anchor {
  year: number;
  month?: number;
  day?: number;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar date); throws InputError otherwise. */
export function parseAnchor(value: string, field = 'published'): Anchor {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new InputError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`, { field });
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) throw new InputError(`month out of range in "${value}"`, { field });
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) throw new InputError(`no such day in the calendar: "${value}"`, { field });
  return { year, month, day };
}

export function anchorText(a: Anchor): string {
  return iso(a.year, a.month, a.day);
}

// ---------------------------------------------------------------------------------------------
// Lexicons (folded: أ→ا، ة→ه، ى→ي, lower case)

const MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, اغسطس: 8, سبتمبر: 9,
  اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
/** Month names that are also ordinary words ("مارس" practised, "اب" father, "may", "march"): only with a day or year. */
const AMBIGUOUS_MONTHS = new Set(['مارس', 'اب', 'may', 'march', 'mar', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const WEEKDAYS: Record<string, number> = {
  الاحد: 0, الاثنين: 1, الثلاثاء: 2, الاربعاء: 3, الخميس: 4, الجمعه: 5, السبت: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const QUALIFIER_WORDS: Record<string, DateMentionQualifier> = {
  مطلع: 'early', اوائل: 'early', بدايه: 'early', مستهل: 'early', اول: 'early',
  منتصف: 'mid', اواسط: 'mid',
  نهايه: 'late', اواخر: 'late', اخر: 'late', ختام: 'late',
  early: 'early', 'beginning of': 'early', 'start of': 'early', mid: 'mid', 'middle of': 'mid', late: 'late', 'end of': 'late',
};

/** After a month or year: which way it points from the publication date. */
const RELATIVE: Record<string, -1 | 0 | 1> = {
  الماضي: -1, الماضيه: -1, المنصرم: -1, المنصرمه: -1, الفائت: -1, السابق: -1,
  المقبل: 1, المقبله: 1, القادم: 1, القادمه: 1, التالي: 1,
  الحالي: 0, الجاري: 0, الحاليه: 0, الجاريه: 0,
  last: -1, next: 1, this: 0, past: -1, coming: 1,
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: Iterable<string>) =>
  [...words].map((w) => normalizeArabic(w)).sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');

/** Arabic word start: no letter or digit before, but a one-letter clitic (و ف ب ل) may be attached. */
const B = String.raw`(?<![\p{L}\p{N}])`;
const CL = String.raw`(?:[وف]?[بل]?)`;
const E = String.raw`(?![\p{L}\p{N}])`;
const MONTH = `(${alt(Object.keys(MONTHS))})\\.?`;
/** A month, optionally doubled in the other naming system: "سبتمبر/ أيلول", "أيلول (سبتمبر)". */
const MONTH_EXPR = `(?:شهر\\s+)?${MONTH}(?:\\s*[/(]\\s*(?:${alt(Object.keys(MONTHS))})\\s*\\)?)?`;
const YEAR = String.raw`(\d{4})(?:\s*م${E})?`;
const REL_WORDS = alt(Object.keys(RELATIVE));
const REL_YEAR = `(?:(?:العام|السنه|عام)\\s+(${REL_WORDS})|(هذا)\\s+العام|(this|next|last)\\s+year)`;
const YEAR_CUES = alt(['في', 'منذ', 'خلال', 'حتى', 'بحلول', 'قبل', 'بعد', 'عام', 'العام', 'سنه', 'السنه', 'مطلع', 'اوائل', 'منتصف', 'اواخر', 'نهايه', 'بدايه', 'مستهل', 'in', 'since', 'until', 'by', 'before', 'after', 'during', 'year', 'early', 'late', 'mid']);

interface Rule {
  name: string;
  re: RegExp;
  /** Resolves a match (with group indices) to a date, or null to reject it. */
  resolve(m: RegExpExecArray, a: Anchor | null): Resolved | null | 'needs-anchor';
}

interface Resolved {
  year: number;
  month?: number;
  day?: number;
  qualifier?: DateMentionQualifier;
  /** True when the anchor was used. */
  relative?: boolean;
  /** Folded span to report, when narrower or wider than the whole match. */
  span?: [number, number];
}

const monthOf = (s: string | undefined) => (s === undefined ? undefined : MONTHS[s.replace(/\s+/g, ' ').replace(/\.$/, '')]);
const qualifierOf = (s: string | undefined) => (s === undefined ? undefined : QUALIFIER_WORDS[s.replace(/\s+/g, ' ')]);
const relOf = (s: string | undefined) => (s === undefined ? undefined : RELATIVE[s]);

function relYear(m: RegExpExecArray, base: number, a: Anchor | null): number | 'needs-anchor' | undefined {
  const w = m[base] ?? m[base + 1] ?? m[base + 2];
  if (w === undefined) return undefined;
  if (!a) return 'needs-anchor';
  const r = w === 'هذا' || w === 'this' ? 0 : relOf(w) ?? (w === 'next' ? 1 : w === 'last' ? -1 : 0);
  return a.year + r;
}

const RULES: Rule[] = [
  {
    name: 'numeric-dmy',
    re: new RegExp(String.raw`(?<![\p{N}.\/-])(\d{1,2})\s*([\/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\p{N}])`, 'gdu'),
    resolve: (m) => dayDate(Number(m[4]), Number(m[3]), Number(m[1])),
  },
  {
    name: 'iso',
    re: new RegExp(String.raw`(?<![\p{N}.\/-])(\d{4})([\/-])(\d{1,2})\2(\d{1,2})(?![\p{N}])`, 'gdu'),
    resolve: (m) => dayDate(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // "04 أكتوبر 2024", "27 كانون الثاني/يناير 2024", "24 January 2024", "7 أكتوبر" (year from the anchor)
    name: 'day-month',
    re: new RegExp(
      String.raw`${B}(\d{1,2})(?:st|nd|rd|th)?\s+(?:من\s+|of\s+)?${CL}${MONTH_EXPR}(?:\s*[،,]?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?${YEAR})?${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      const month = monthOf(m[2])!;
      const day = Number(m[1]);
      if (m[3]) return dayDate(Number(m[3]), month, day);
      if (!a) return 'needs-anchor';
      return { ...nearestOccurrence(a, month, day, leanAt(m)), relative: true };
    },
  },
  {
    // "January 24, 2024", "Sept. 5"
    name: 'month-day',
    re: new RegExp(String.raw`${B}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?${E}(?:,?\s*(\d{4})${E})?`, 'gdu'),
    resolve: (m, a) => {
      if (!/^[a-z]/.test(m[1])) return null;
      const month = monthOf(m[1])!;
      if (m[3]) return dayDate(Number(m[3]), month, Number(m[2]));
      if (!a) return 'needs-anchor';
      return { ...nearestOccurrence(a, month, Number(m[2]), leanAt(m)), relative: true };
    },
  },
  {
    // "مطلع يناير 2024", "نهاية سبتمبر العام المقبل", "late September 2025", "end of 2024"
    name: 'qualified-month',
    re: new RegExp(
      String.raw`${B}${CL}(${alt(Object.keys(QUALIFIER_WORDS))})\s+(?:شهر\s+)?${MONTH_EXPR}(?:\s*(?:من\s+|of\s+)?(?:عام\s+|سنه\s+)?${YEAR}|\s+(?:من\s+)?${REL_YEAR}|\s+(${REL_WORDS}))?${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      const qualifier = qualifierOf(m[1]);
      const month = monthOf(m[2])!;
      if (m[3]) return { year: Number(m[3]), month, qualifier };
      const y = relYear(m, 4, a);
      if (y === 'needs-anchor') return y;
      if (y !== undefined) return { year: y, month, qualifier, relative: true };
      return monthRelative(month, m[7], a, qualifier, leanAt(m));
    },
  },
  {
    // "نهاية عام 2024", "مطلع 2024", "نهاية العام المقبل", "early 2024"
    name: 'qualified-year',
    re: new RegExp(String.raw`${B}${CL}(${alt(Object.keys(QUALIFIER_WORDS))})\s+(?:(?:عام|العام|سنه)\s+)?(?:${YEAR}|${REL_YEAR})${E}`, 'gdu'),
    resolve: (m, a) => {
      const qualifier = qualifierOf(m[1]);
      if (m[2]) return yearDate(Number(m[2]), qualifier);
      const y = relYear(m, 3, a);
      if (y === 'needs-anchor' || y === undefined) return y ?? null;
      return { year: y, qualifier, relative: true };
    },
  },
  {
    // "مارس 2020", "سبتمبر/ أيلول 2025", "سبتمبر من العام المقبل", "Sept. 2025", "January of 2024"
    name: 'month-year',
    re: new RegExp(String.raw`${B}${CL}${MONTH_EXPR}\s*[،,]?\s*(?:من\s+|of\s+)?(?:(?:عام|سنه)\s+)?(?:${YEAR}|${REL_YEAR})${E}`, 'gdu'),
    resolve: (m, a) => {
      const month = monthOf(m[1])!;
      if (m[2]) return { year: Number(m[2]), month };
      const y = relYear(m, 3, a);
      if (y === 'needs-anchor' || y === undefined) return y ?? null;
      return { year: y, month, relative: true };
    },
  },
  {
    // "سبتمبر الماضي", "أيلول المقبل", "last September"
    name: 'month-relative',
    re: new RegExp(String.raw`${B}${CL}(?:${MONTH_EXPR}\s+(${REL_WORDS})|(last|next|this)\s+${MONTH})${E}`, 'gdu'),
    resolve: (m, a) => {
      if (m[1] && /^[a-z]/.test(m[1])) return null;
      const month = monthOf(m[1] ?? m[4])!;
      const dir = m[2] ?? m[3];
      return monthRelative(month, dir, a);
    },
  },
  {
    // "في أغسطس", "منذ يناير", "خلال شهر أيار": a month with a temporal cue, year from the anchor
    name: 'month-bare',
    re: new RegExp(String.raw`${B}(?:[وف]?(?:في|منذ|خلال|حتي|بحلول|قبل|بعد)\s+(?:شهر\s+)?|شهر\s+)${CL}${MONTH}${E}`, 'gdu'),
    resolve: (m, a) => {
      if (AMBIGUOUS_MONTHS.has(m[1])) return null;
      const month = monthOf(m[1])!;
      if (!a) return 'needs-anchor';
      return { ...nearestOccurrence(a, month, undefined, leanAt(m)), relative: true, span: [m.indices![1][0], m.indices![1][1]] };
    },
  },
  {
    // "عام 2021", "في 2014", "لعام 2008", "since 2003"
    name: 'year',
    re: new RegExp(String.raw`${B}${CL}(?:ال)?(${YEAR_CUES})\s+(?:(?:عام|العام)\s+)?${YEAR}${E}`, 'gdu'),
    resolve: (m) => {
      const y = Number(m[2]);
      return yearDate(y, qualifierOf(m[1]));
    },
  },
  {
    // "العام المقبل", "العام الماضي", "هذا العام", "next year"
    name: 'relative-year',
    re: new RegExp(String.raw`${B}${CL}${REL_YEAR}${E}`, 'gdu'),
    resolve: (m, a) => {
      const y = relYear(m, 1, a);
      if (y === 'needs-anchor' || y === undefined) return y ?? null;
      return { year: y, relative: true };
    },
  },
  {
    // "الشهر الماضي", "الشهر المقبل", "last month"
    name: 'relative-month',
    re: new RegExp(String.raw`${B}${CL}(?:الشهر\s+(${REL_WORDS})|(last|next|this)\s+month)${E}`, 'gdu'),
    resolve: (m, a) => {
      if (!a || a.month === undefined) return 'needs-anchor';
      const r = relOf(m[1] ?? m[2])!;
      const d = new Date(Date.UTC(a.year, a.month - 1 + r, 1));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, relative: true };
    },
  },
  {
    // "أمس الأول", "أول أمس", "أمس", "البارحة", "yesterday", "the day before yesterday"
    name: 'relative-day',
    re: new RegExp(
      String.raw`${B}(?:[وف]?(?:ال)?(امس\s+الاول|اول\s+امس|اول\s+من\s+امس)|[وف]?(امس|البارحه)|(the\s+day\s+before\s+yesterday)|(yesterday))${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      if (!a || a.day === undefined) return 'needs-anchor';
      const back = m[1] || m[3] ? 2 : 1;
      return { ...shift(a, -back), relative: true };
    },
  },
  {
    // "الجمعة الماضية", "يوم الثلاثاء الماضي", "last Friday", "next Monday"
    name: 'weekday',
    re: new RegExp(
      String.raw`${B}(?:[وف]?(?:يوم\s+))?[وف]?(${alt(Object.keys(WEEKDAYS).filter((w) => w.startsWith('ال')))})\s+(${REL_WORDS})${E}|${B}(last|next|this)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      if (!a || a.day === undefined) return 'needs-anchor';
      const weekday = WEEKDAYS[m[1] ?? m[4]];
      const dir = relOf(m[2] ?? m[3]);
      if (dir === undefined || dir === 0) return null;
      return { ...weekdayFrom(a, weekday, dir), relative: true };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// News dates (issue 11): what reports write without a year or a "last/next". Appended after the
// rules above, so "الجمعة الماضية" or "27/1/2024" are taken first and these never overlap them.

/** Which way an expression without year or direction points: 1 future, -1 past, 0 unknown. */
type Lean = -1 | 0 | 1;

/** Future markers in the clause before a date: "will", "is due", سوف، من المقرر، a سـ verb. */
const FUTURE_EN = /(?:^|[^a-z])(?:will|shall|is due|are due|due to|scheduled|expected to|set to|plans? to|planned for|upcoming|to be held)(?![a-z])/;
const FUTURE_AR = new RegExp(
  String.raw`(?:^|\s)(?:[وف]?سوف|من\s+المقرر|المقرر|المزمع|المرتقب|المنتظر|المتوقع|يتوقع|يعتزم|تعتزم|قبل\s+ان)(?![\p{L}])` +
    // سـ + imperfect verb (ستغادر، سينسحب), not nouns that start so (سياسه، سيطره، سنه، سته…)
    String.raw`|(?:^|\s)[وف]?س[يتن](?!ياس|يطر|ياد|يار|ينا|نو|نه|نين|ته|تين|تون|يول)[\p{L}]{3,}`,
  'u',
);
/** Past markers: "ago", "last", "earlier", منذ، الماضي, and English verbs in the past tense. */
const PAST_CUE = /(?:^|[^\p{L}])(?:ago|earlier|last|since|منذ|الماضي|الماضيه|سابقا|met|left|said|told|took|began|was|were|had|came|went|held|made|gave|won|lost|sent|led|kept|withdrew|struck|fought)(?![\p{L}])/u;
/** English "-ed" words that are not verbs in the past (names, adjectives). */
const NOT_PAST_ED = new Set(['united', 'armed', 'based', 'related', 'limited', 'mohammed', 'muhammed', 'ahmed', 'hamed', 'saeed', 'rasheed', 'majeed', 'hameed', 'need', 'speed', 'seed', 'feed', 'creed', 'breed', 'indeed', 'proceed', 'exceed', 'succeed']);
const pastEd = (clause: string) => [...clause.matchAll(/[a-z]{3,}ed(?![a-z])/g)].some((m) => !NOT_PAST_ED.has(m[0]));

/** The tense of the clause a match sits in (folded text before it, back to the sentence start). */
function leanAt(m: RegExpMatchArray): Lean {
  const text = m.input ?? '';
  const end = m.index ?? 0;
  // Only the 160 characters before the match are searched for the sentence start: a search of
  // the whole text before it made a long text without full stops quadratic.
  const window = text.slice(Math.max(0, end - 160), end);
  const boundary = Math.max(window.lastIndexOf('.'), window.lastIndexOf('\n'), window.lastIndexOf('؟'), window.lastIndexOf('!'));
  const clause = window.slice(boundary + 1);
  if (FUTURE_EN.test(clause) || FUTURE_AR.test(clause)) return 1;
  if (PAST_CUE.test(clause) || pastEd(clause)) return -1;
  return 0;
}

/**
 * A (month, day) or a month without its year: the occurrence nearest the publication date —
 * "31 December" in a 3 December report is this December, "7 أكتوبر" in a January report last
 * October. A future marker in the clause picks the next occurrence, a past marker the last one.
 */
function nearestOccurrence(a: Anchor, month: number, day: number | undefined, lean: Lean): Resolved {
  const past = latestOnOrBefore(a, month, day);
  if (lean === -1) return past;
  const next: Resolved = { ...past, year: past.year + 1 };
  if (day !== undefined && day > daysIn(next.year, month)) delete next.day;
  // A date on the publication day itself is that day, whatever the tense.
  const sameDay = past.year === a.year && month === a.month && (day === undefined || day === a.day);
  if (sameDay) return past;
  if (lean === 1) return next;
  const at = Date.UTC(a.year, (a.month ?? 12) - 1, a.day ?? 15);
  const mid = (r: Resolved) => Date.UTC(r.year, month - 1, r.day ?? 15);
  return mid(next) - at < at - mid(past) ? next : past;
}

/** A weekday without "last/next": the latest on or before publication, the next one after it in a future clause. */
function bareWeekday(a: Anchor, weekday: number, lean: Lean): Resolved {
  const base = new Date(Date.UTC(a.year, (a.month ?? 1) - 1, a.day ?? 1)).getUTCDay();
  if (lean === 1) return weekdayFrom(a, weekday, 1);
  const back = (base - weekday + 7) % 7;
  return shift(a, -back);
}

/** A weekday followed by its explicit date ("الأربعاء 31 كانون الأول 2025"): the date speaks. */
const FOLLOWED_BY_DATE = /^\s*[،,]?\s*(?:\(?\s*\d|(?:the\s+)?\d)/;

const AR_WEEKDAYS = Object.keys(WEEKDAYS).filter((w) => w.startsWith('ال'));
/** الاحد ("the one") and الاثنين ("the two") are weekdays only with a cue or between commas. */
const PLAIN_AR_WEEKDAYS = AR_WEEKDAYS.filter((w) => w !== 'الاحد' && w !== 'الاثنين');
const EN_WEEKDAYS = Object.keys(WEEKDAYS).filter((w) => /^[a-z]/.test(w));
const DAY_PART_AR = alt(['يوم', 'مساء', 'صباح', 'ليله', 'ليل', 'فجر', 'ظهر', 'ظهيره', 'عصر', 'نهار', 'حتى', 'منذ', 'في']);
const AGO_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  يوم: 'day', ايام: 'day', يومين: 'day', اسبوع: 'week', اسابيع: 'week', اسبوعين: 'week', شهر: 'month', اشهر: 'month',
  شهور: 'month', شهرين: 'month', عام: 'year', اعوام: 'year', عامين: 'year', سنه: 'year', سنوات: 'year', سنتين: 'year',
};
const AGO_DUALS = new Set(['يومين', 'اسبوعين', 'شهرين', 'عامين', 'سنتين']);

function agoDate(a: Anchor, count: number, unit: 'day' | 'week' | 'month' | 'year'): Resolved | 'needs-anchor' {
  if (unit === 'year') return { year: a.year - count, relative: true };
  if (unit === 'month') {
    if (a.month === undefined) return 'needs-anchor';
    const d = new Date(Date.UTC(a.year, a.month - 1 - count, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, relative: true };
  }
  if (a.day === undefined) return 'needs-anchor';
  return { ...shift(a, -count * (unit === 'week' ? 7 : 1)), ...(unit === 'week' ? { qualifier: 'about' as const } : {}), relative: true };
}

const NEWS_RULES: Rule[] = [
  {
    // "August and September 2025", "آب وأيلول 2025", "between May and July 2025": the first month takes the year
    name: 'month-pair',
    re: new RegExp(
      String.raw`${B}${CL}${MONTH}(?=\s*[،,]?\s*(?:(?:and|or|to|through|until|الى|حتي|او)\s+|و\s*|[-–/]\s*)(?:شهر\s+)?${MONTH}\s*[،,]?\s*(?:من\s+|of\s+)?(?:(?:عام|سنه)\s+)?(\d{4})${E})`,
      'gdu',
    ),
    resolve: (m) => {
      const month = monthOf(m[1])!;
      if (monthOf(m[2]) === month) return null; // "سبتمبر/ أيلول 2025": one month in two names
      return { year: Number(m[3]), month };
    },
  },
  {
    // "in April", "by September", "since October": an English month after a cue, year from the anchor
    name: 'month-bare-en',
    re: new RegExp(
      String.raw`${B}(?:in|since|by|until|till|through|during|before|after|from|early|late|mid|end\s+of|start\s+of|beginning\s+of)\s+(january|february|march|april|may|june|july|august|september|october|november|december|sept?\.|oct\.|nov\.|dec\.|jan\.|feb\.|aug\.)(?![\p{L}\p{N}]|\s*\d)`,
      'gdu',
    ),
    resolve: (m, a) => {
      const month = monthOf(m[1])!;
      if (!a) return 'needs-anchor';
      return { ...nearestOccurrence(a, month, undefined, leanAt(m)), relative: true, span: [m.indices![1][0], m.indices![1][1]] };
    },
  },
  {
    // "قبل ثلاثة أشهر", "قبل شهرين", "three months ago", "two years ago"
    name: 'ago',
    re: new RegExp(
      String.raw`${B}(?:[وف]?قبل\s+(?:(\d{1,2}|[\p{L}]+)\s+)?(${alt(Object.keys(AGO_UNITS).filter((u) => /[\u0600-\u06ff]/.test(u)))})(?!\s*\d)|(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?|years?)\s+ago)${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      const unitWord = m[2] ?? m[4];
      const unit = AGO_UNITS[unitWord];
      const countWord = m[1] ?? m[3];
      const rest = (m.input ?? '').slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8);
      // "قبل ثلاثة أشهر من الانتخابات" counts back from another event, not from publication
      if (m[2] !== undefined && /^\s+من(?![\p{L}])/u.test(rest)) return null;
      let count: number | undefined;
      if (AGO_DUALS.has(unitWord)) count = countWord === undefined ? 2 : undefined;
      else if (countWord === undefined) {
        // "قبل أيام" (some days ago) is vague; "قبل عام" needs to end its clause ("قبل شهر رمضان" is not a date)
        const singular = ['يوم', 'اسبوع', 'شهر', 'عام', 'سنه'].includes(unitWord);
        count = singular && /^\s*(?:[،,.)؛]|$)/.test(rest) ? 1 : undefined;
      } else if (countWord === 'a' || countWord === 'an' || countWord === 'one') count = 1;
      else count = /^\d+$/.test(countWord) ? Number(countWord) : numberWordValue(countWord);
      if (count === undefined || count < 1 || count > 60) return null;
      if (!a) return 'needs-anchor';
      return agoDate(a, count, unit);
    },
  },
  {
    // "the 2024 agreement", "the 2003 invasion": a year used as an adjective of a dated thing
    name: 'year-adjective',
    re: new RegExp(
      String.raw`${B}the\s+(\d{4})\s+(?=(?:us[-–]iraq\s+|u\.s\.[-–]iraq\s+|iraqi\s+|bilateral\s+|joint\s+|security\s+|parliamentary\s+|presidential\s+|general\s+)?(?:agreement|deal|accord|election|elections|vote|invasion|war|statement|law|resolution|budget|census|uprising|protests|withdrawal|treaty|framework|understanding|decision|strike|attack|attacks)(?![\p{L}]))`,
      'gdu',
    ),
    resolve: (m) => {
      const y = Number(m[1]);
      return { year: y, span: [m.indices![1][0], m.indices![1][1]] };
    },
  },
  {
    // "غداً", "يوم غد السبت", "بعد غد", "tomorrow", "the day after tomorrow"
    name: 'tomorrow',
    re: new RegExp(
      String.raw`${B}(?:[وف]?(?:(بعد)\s+)?(يوم\s+)?غد(?:ا)?(\s+(?:${alt(AR_WEEKDAYS)}))?|(the\s+day\s+after\s+)?tomorrow)${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      const rest = (m.input ?? '').slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 4);
      // a lone "غدا" is also the verb "became": only at the end of its clause
      if (m[0].includes('غد') && !m[1] && !m[2] && !m[3] && !/^\s*(?:[،,.)؛]|$)/.test(rest)) return null;
      if (!a || a.day === undefined) return 'needs-anchor';
      return { ...shift(a, m[1] !== undefined || m[4] !== undefined ? 2 : 1), relative: true };
    },
  },
  {
    // "today", "tonight"; "اليوم الجمعة" (today, Friday)
    name: 'today',
    re: new RegExp(String.raw`${B}(?:[وف]?اليوم\s+(${alt(AR_WEEKDAYS)})|(today|tonight)(?!['’]s))${E}`, 'gdu'),
    resolve: (m, a) => {
      if (!a || a.day === undefined) return 'needs-anchor';
      if (m[1] !== undefined) return { ...bareWeekday(a, WEEKDAYS[m[1]], 0), relative: true };
      return { year: a.year, month: a.month, day: a.day, relative: true };
    },
  },
  {
    // "يوم الأحد", "مساء الخميس", "، الأحد،", "الثلاثاء", "on Wednesday", "Sunday morning"
    name: 'weekday-bare',
    re: new RegExp(
      String.raw`${B}(?:[وف]?(?:${DAY_PART_AR})\s+(?:يوم\s+)?[وف]?(${alt(AR_WEEKDAYS)})|(?<=[،,]\s*)(${alt(AR_WEEKDAYS)})(?=\s*[،,])|[وفب]?(${alt(PLAIN_AR_WEEKDAYS)})|(${alt(EN_WEEKDAYS)}))${E}`,
      'gdu',
    ),
    resolve: (m, a) => {
      const rest = (m.input ?? '').slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
      if (FOLLOWED_BY_DATE.test(rest)) return null;
      if (!a || a.day === undefined) return 'needs-anchor';
      const weekday = WEEKDAYS[m[1] ?? m[2] ?? m[3] ?? m[4]];
      return { ...bareWeekday(a, weekday, leanAt(m)), relative: true };
    },
  },
];
RULES.push(...NEWS_RULES);

export interface FindDatesOptions {
  /** Publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) relative expressions are resolved against. */
  published?: string | null;
}

export interface FindDatesResult {
  dates: DateMention[];
  /** Relative expressions found but not resolved (no or too coarse publication date). */
  unresolved: Array<{ start: number; end: number; text: string; rule: string }>;
}

/** Every date in `text`, in text order, with spans in original offsets. */
export function findDates(text: string, opts: FindDatesOptions = {}): FindDatesResult {
  const anchor = opts.published ? parseAnchor(opts.published) : null;
  const f = foldText(text);
  // Characters already claimed by a date, one flag each: checking and claiming a span costs its
  // length, so the whole pass stays linear in the text (a list of spans made it quadratic).
  const claimed = new Uint8Array(f.text.length + 1);
  const taken = {
    push([s, e]: [number, number]) {
      claimed.fill(1, Math.max(0, s), Math.min(claimed.length, e));
    },
  };
  const found: Array<{ fs: number; fe: number; r: Resolved; rule: string }> = [];
  const unresolved: FindDatesResult['unresolved'] = [];
  const free = (s: number, e: number) => {
    for (let i = Math.max(0, s); i < e && i < claimed.length; i++) if (claimed[i]) return false;
    return true;
  };
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of f.text.matchAll(rule.re)) {
      let [fs, fe] = matchBounds(f, m);
      if (!free(fs, fe)) continue;
      const r = rule.resolve(m as RegExpExecArray, anchor);
      if (r === null) continue;
      if (r === 'needs-anchor') {
        const { start, end } = originalSpan(f, fs, fe);
        unresolved.push({ start, end, text: text.slice(start, end), rule: rule.name });
        taken.push([fs, fe]);
        continue;
      }
      if (r.year < DEFAULTS.yearRange[0] || r.year > DEFAULTS.yearRange[1]) continue;
      if (r.span) [fs, fe] = r.span;
      taken.push([fs, fe]);
      found.push({ fs, fe, r, rule: rule.name });
    }
  }
  mergeExplicitAfterRelative(f, found);
  const dates = found
    .sort((x, y) => x.fs - y.fs)
    .map(({ fs, fe, r, rule }): DateMention => {
      const { start, end } = originalSpan(f, fs, fe);
      const precision: DatePrecision = r.day !== undefined ? 'day' : r.month !== undefined ? 'month' : 'year';
      return {
        start,
        end,
        text: text.slice(start, end),
        value: iso(r.year, r.month, r.day),
        precision,
        ...(r.qualifier ? { qualifier: r.qualifier } : {}),
        ...(r.relative && anchor ? { anchor: anchorText(anchor) } : {}),
        rule,
      };
    });
  return { dates, unresolved: unresolved.sort((x, y) => x.start - y.start) };
}

/** The folded span of a match, without the clitic letters and spaces a rule consumed at its edges. */
function matchBounds(f: FoldedText, m: RegExpMatchArray): [number, number] {
  let fs = m.index!;
  let fe = fs + m[0].length;
  while (fe > fs && /\s/.test(f.text[fe - 1])) fe--;
  return [fs, fe];
}

/**
 * "يوم السبت الماضي (27/1/2024)": the explicit date wins. The relative expression is dropped and
 * the explicit date's span is widened to cover both, so the analyst sees the whole phrase.
 */
function mergeExplicitAfterRelative(f: FoldedText, found: Array<{ fs: number; fe: number; r: Resolved; rule: string }>): void {
  found.sort((x, y) => x.fs - y.fs);
  for (let i = 0; i + 1 < found.length; i++) {
    const rel = found[i];
    const next = found[i + 1];
    if (!rel.r.relative || next.r.relative) continue;
    const gap = f.text.slice(rel.fe, next.fs);
    if (!/^[\s(\[،,-]*$/.test(gap)) continue;
    let fe = next.fe;
    if (f.text[fe] === ')' || f.text[fe] === ']') fe++;
    found[i + 1] = { ...next, fs: rel.fs, fe };
    found.splice(i, 1);
    i--;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (UTC, proleptic Gregorian)

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayDate(year: number, month: number, day: number): Resolved | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

function yearDate(year: number, qualifier?: DateMentionQualifier): Resolved | null {
  return { year, ...(qualifier ? { qualifier } : {}) };
}

function iso(year: number, month?: number, day?: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return month === undefined ? String(year) : day === undefined ? `${year}-${p(month)}` : `${year}-${p(month)}-${p(day)}`;
}

/** The latest (month, day) on or before the anchor: "7 أكتوبر" in a January 2024 text is 2023-10-07. */
function latestOnOrBefore(a: Anchor, month: number, day?: number): Resolved {
  const am = a.month ?? 12;
  const ad = a.day ?? 31;
  const after = month > am || (month === am && day !== undefined && day > ad);
  const year = after ? a.year - 1 : a.year;
  if (day !== undefined && day > daysIn(year, month)) return { year, month };
  return day === undefined ? { year, month } : { year, month, day };
}

function monthRelative(
  month: number,
  word: string | undefined,
  a: Anchor | null,
  qualifier?: DateMentionQualifier,
  lean: Lean = 0,
): Resolved | 'needs-anchor' {
  if (!a) return 'needs-anchor';
  const dir = word === undefined ? undefined : relOf(word);
  if (dir === undefined) return { ...nearestOccurrence(a, month, undefined, lean), ...(qualifier ? { qualifier } : {}), relative: true };
  const am = a.month ?? 12;
  let year = a.year;
  if (dir === -1 && month >= am) year--;
  else if (dir === 1 && month <= am) year++;
  else if (dir === undefined && month > am) year--;
  return { year, month, ...(qualifier ? { qualifier } : {}), relative: true };
}

function shift(a: Anchor, days: number): Resolved {
  const d = new Date(Date.UTC(a.year, (a.month ?? 1) - 1, a.day ?? 1) + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The nearest given weekday strictly before (dir -1) or after (dir 1) the anchor day. */
function weekdayFrom(a: Anchor, weekday: number, dir: -1 | 1): Resolved {
  const base = new Date(Date.UTC(a.year, (a.month ?? 1) - 1, a.day ?? 1));
  let delta = (weekday - base.getUTCDay()) * dir;
  delta = ((delta % 7) + 7) % 7;
  if (delta === 0) delta = 7;
  return shift(a, delta * dir);
}
