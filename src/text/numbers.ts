/**
 * Figures in Arabic and English text: "أكثر من 150 هجوما", "5 إلى 7 آلاف جندي", "٢٫٥ مليار دولار",
 * "ثلاثة شروط", "العشرات من الجنود", "40%", "$1.2 billion".
 *
 * Rules run over a folded copy of the text (Arabic-normalized, lower-cased, digits ASCII) with an
 * offset map back to the original, so every span is a slice of the text the caller passed.
 * A number becomes a figure only when something says what it counts or how big it is: a unit
 * noun, a multiplier (ألف، مليون), a percent or currency sign, a qualifier (أكثر من) or a range.
 * Bare numbers (footnote marks, "F 16", "كردستان 24", years) are not figures; dates are found by
 * `findDates` and their spans passed in `exclude`, so 2024 inside a date is never a figure.
 */
import type { FigureMention, FigureQualifier, FigureValue } from '../domain/extract.js';
import { normalizeArabic } from './normalize.js';

export const DEFAULTS = {
  /** Smallest and largest integers a bare four-digit number is taken to be a year rather than a count. */
  yearRange: [1900, 2100] as const,
  /** How far back (characters of folded text) a qualifier such as "ما لا يقل عن" may start. */
  qualifierWindow: 24,
};

// ---------------------------------------------------------------------------------------------
// Folding with an offset map

/** The folded text and, per folded code unit, the original span it came from. */
export interface FoldedText {
  text: string;
  /** Original start offset of folded unit i. */
  starts: Int32Array;
  /** Original end offset (exclusive) of folded unit i; marks that fold to nothing extend it. */
  ends: Int32Array;
}

const DASHES = /[\u2010-\u2015\u2212]/;

/**
 * Folds `text` one code point at a time: `normalizeArabic` (hamza/alef forms, ة→ه, ى→ي, harakat
 * and tatweel dropped, Arabic-Indic digits and separators → ASCII), lower case, dashes → "-".
 * Characters that fold to nothing (harakat, bidi controls) are attached to the previous folded
 * character, so a span ending on "شهراً" keeps its tanween in the original slice.
 */
export function foldText(text: string): FoldedText {
  const out: string[] = [];
  let starts = new Int32Array(text.length + 16);
  let ends = new Int32Array(text.length + 16);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(cp, width === 1 ? text[i] : text.slice(i, i + 2));
    if (folded.length === 0) {
      if (n > 0 && ends[n - 1] === i) ends[n - 1] = i + width;
    } else {
      out.push(folded);
      for (let k = 0; k < folded.length; k++) {
        if (n >= starts.length) {
          // NFKC expanded ligatures (ﻻ → لا): grow the offset arrays
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          starts = grow(starts);
          ends = grow(ends);
        }
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return { text: out.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Per-character folding, memoised: documents reuse a few hundred distinct characters. */
const FOLD_MEMO = new Map<number, string>();
function foldChar(cp: number, ch: string): string {
  let f = FOLD_MEMO.get(cp);
  if (f === undefined) {
    f = DASHES.test(ch) ? '-' : normalizeArabic(ch).toLowerCase();
    FOLD_MEMO.set(cp, f);
  }
  return f;
}

/** The original span of folded units [fs, fe). */
export function originalSpan(f: FoldedText, fs: number, fe: number): { start: number; end: number } {
  return { start: f.starts[fs], end: f.ends[fe - 1] };
}

// ---------------------------------------------------------------------------------------------
// Lexicons (folded forms)

/** Unit nouns after a number, by normalised unit. Singular, plural, accusative (…ا) and dual forms. */
const UNIT_FORMS: Record<string, string[]> = {
  troops: ['جندي', 'جنود', 'جنديا', 'جنديين', 'عسكري', 'عسكريين', 'عسكريا', 'troops', 'soldiers', 'servicemembers', 'service members'],
  fighters: ['مقاتل', 'مقاتلين', 'مقاتلا', 'عنصر', 'عناصر', 'عنصرا', 'مسلح', 'مسلحين', 'fighters', 'militants'],
  advisers: ['مستشار', 'مستشارين', 'مستشارا', 'advisers', 'advisors', 'adviser', 'advisor'],
  /** What the noun says: "four to five personnel", "أربعة إلى خمسة أفراد". */
  personnel: ['فرد', 'افراد', 'فردا', 'personnel'],
  detainees: ['معتقل', 'معتقلين', 'معتقلا', 'محتجز', 'محتجزين', 'محتجزا', 'سجين', 'سجناء', 'سجينا', 'detainees', 'prisoners', 'inmates'],
  attacks: ['هجوم', 'هجمات', 'هجوما', 'هجمه', 'هجومين', 'attacks', 'attack'],
  strikes: ['ضربه', 'ضربات', 'غاره', 'غارات', 'strikes', 'airstrikes'],
  operations: ['عمليه', 'عمليات', 'operations'],
  MW: ['ميغاواط', 'ميغاوات', 'ميجاوات', 'ميجاواط', 'ميقاواط', 'ميكاواط', 'megawatts', 'megawatt', 'mw'],
  persons: [
    'شخص', 'اشخاص', 'شخصا', 'نسمه', 'موظف', 'موظفين', 'موظفا', 'staff', 'employees', 'مواطن', 'مواطنين', 'مدني', 'مدنيين', 'نازح', 'نازحين', 'نازحا',
    'لاجئ', 'لاجئين', 'لاجئا', 'people', 'persons', 'civilians', 'refugees',
  ],
  killed: ['قتيل', 'قتلى', 'قتيلا', 'dead', 'killed'],
  wounded: ['جريح', 'جرحى', 'جريحا', 'مصاب', 'مصابين', 'wounded', 'injured'],
  families: ['عائله', 'عائلات', 'اسره', 'اسر', 'families'],
  states: ['دوله', 'دول', 'دولتين', 'دولتان', 'states'],
  countries: ['بلد', 'بلدان', 'بلدا', 'countries', 'nations'],
  sources: ['مصدر', 'مصادر', 'مصدرا', 'مصدرين', 'مصدران', 'sources'],
  conditions: ['شرط', 'شروط', 'شرطا', 'شرطين', 'conditions'],
  groups: ['فصيل', 'فصائل', 'فصيلا', 'جماعه', 'جماعات', 'groups', 'factions'],
  bases: ['قاعده', 'قواعد', 'قاعدتين', 'bases'],
  members: ['عضو', 'اعضاء', 'عضوا', 'نائب', 'نواب', 'نائبا', 'members', 'mps'],
  missiles: ['صاروخ', 'صواريخ', 'صاروخا', 'missiles', 'rockets'],
  aircraft: ['طائره', 'طائرات', 'aircraft', 'planes', 'jets'],
  USD: ['دولار', 'دولارات', 'دولارا', 'dollars', 'dollar', 'usd'],
  IQD: ['دينار', 'دنانير', 'دينارا', 'dinars', 'iqd'],
  EUR: ['يورو', 'euros', 'eur'],
  barrels: ['برميل', 'براميل', 'برميلا', 'barrels', 'bpd'],
  tons: ['طن', 'اطنان', 'طنا', 'tons', 'tonnes'],
  km: ['كيلومتر', 'كيلومترات', 'كيلومترا', 'كم', 'km', 'kilometres', 'kilometers'],
  hours: ['ساعه', 'ساعات', 'ساعتين', 'hours'],
  days: ['يوم', 'ايام', 'يوما', 'يومين', 'days'],
  weeks: ['اسبوع', 'اسابيع', 'اسبوعا', 'اسبوعين', 'weeks'],
  months: ['شهر', 'اشهر', 'شهور', 'شهرا', 'شهرين', 'months'],
  years: ['سنه', 'سنوات', 'سنين', 'عام', 'اعوام', 'عاما', 'عامين', 'سنتين', 'years'],
};

/** Dual forms: the noun alone means two ("مصدران" two sources). */
const DUALS = new Set(['مصدران', 'مصدرين', 'شهرين', 'يومين', 'عامين', 'سنتين', 'دولتين', 'دولتان', 'هجومين', 'جنديين', 'اسبوعين', 'ساعتين', 'شرطين', 'قاعدتين']);

/** Lexicon entries are written as Arabic is spelled (إلى، قتلى) and folded like the text. */
const fold = (w: string) => normalizeArabic(w).toLowerCase();

const UNIT_OF = new Map<string, string>();
for (const [unit, forms] of Object.entries(UNIT_FORMS)) for (const f of forms) UNIT_OF.set(fold(f), unit);

const MULTIPLIERS: Record<string, number> = {
  الف: 1e3, الاف: 1e3, الفا: 1e3, الفين: 2e3, الفان: 2e3,
  مليون: 1e6, ملايين: 1e6, مليونا: 1e6, مليونين: 2e6,
  مليار: 1e9, مليارات: 1e9, مليارا: 1e9, بليون: 1e9, مليارين: 2e9,
  تريليون: 1e12, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6,
};
/** Duals of multipliers are themselves a value: "ألفين" 2,000 — already folded into MULTIPLIERS above. */
const DUAL_MULTIPLIERS = new Set(['الفين', 'الفان', 'مليونين', 'مليارين']);

/** Number words (folded) for small exact counts. */
const NUMBER_WORDS: Record<string, number> = {
  اثنان: 2, اثنين: 2, ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, سته: 6, سبع: 7, سبعه: 7,
  ثماني: 8, ثمانيه: 8, ثمان: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10,
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  مئه: 100, مائه: 100, مئتان: 200, مئتين: 200, مائتين: 200, مائتا: 200, مئتا: 200,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, hundred: 100,
};

/** The value of a small number word ("ثلاثه", "three"), folded; undefined for other words. */
export function numberWordValue(folded: string): number | undefined {
  return Object.hasOwn(NUMBER_WORDS, folded) ? NUMBER_WORDS[folded] : undefined;
}

/** Vague counts: a range, always qualified `about` ("عشرات" tens, "مئات" hundreds, "بضعة" a few). */
const VAGUE_WORDS: Record<string, { low: number; high: number }> = {
  بضع: { low: 3, high: 9 }, بضعه: { low: 3, high: 9 },
  عشرات: { low: 20, high: 99 }, مئات: { low: 100, high: 999 }, مئات_الاف: { low: 100_000, high: 999_999 },
  الاف: { low: 1000, high: 9999 }, ملايين: { low: 1e6, high: 9_999_999 }, مليارات: { low: 1e9, high: 9_999_999_999 },
  dozens: { low: 24, high: 99 }, hundreds: { low: 100, high: 999 }, thousands: { low: 1000, high: 9999 }, millions: { low: 1e6, high: 9_999_999 },
};

/** Qualifiers before a number, longest first so "ما لا يزيد عن" wins over "يزيد عن". */
const QUALIFIERS: Array<[string, FigureQualifier]> = (
  [
    ['ما لا يقل عن', 'at-least'], ['لا يقل عن', 'at-least'], ['ما لا يزيد عن', 'at-most'], ['ما لا يزيد على', 'at-most'],
    ['لا يزيد عن', 'at-most'], ['ما يزيد عن', 'more-than'], ['ما يزيد على', 'more-than'], ['ما يربو على', 'more-than'],
    ['يزيد عن', 'more-than'], ['يزيد على', 'more-than'], ['اكثر من', 'more-than'], ['ما يفوق', 'more-than'],
    ['نحو', 'about'], ['حوالي', 'about'], ['قرابه', 'about'], ['زهاء', 'about'], ['ما يقارب', 'about'], ['ما يناهز', 'about'],
    ['يقارب', 'about'], ['يناهز', 'about'], ['تقريبا', 'about'], ['اقل من', 'less-than'], ['ما دون', 'less-than'],
    ['ما يصل الى', 'up-to'], ['يصل الى', 'up-to'], ['تصل الى', 'up-to'], ['حتى', 'up-to'],
    ['more than', 'more-than'], ['over', 'more-than'], ['at least', 'at-least'], ['at most', 'at-most'], ['about', 'about'],
    ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'], ['nearly', 'about'], ['almost', 'about'], ['some', 'about'],
    ['less than', 'less-than'], ['fewer than', 'less-than'], ['up to', 'up-to'],
  ] as Array<[string, FigureQualifier]>
)
  .map(([w, q]): [string, FigureQualifier] => [fold(w), q])
  .sort((a, b) => b[0].length - a[0].length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: Iterable<string>) =>
  [...words].map(fold).sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');

const QUALIFIER_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:[وف]?[بل]?)(${alt(QUALIFIERS.map((q) => q[0])).replace(/\\s\+/g, '[ \\t]+')})[ \\t]*$`, 'u');
const QUALIFIER_OF = new Map(QUALIFIERS.map(([w, q]) => [w, q]));

const NUM = String.raw`\d{1,3}(?:[,،]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A number with an optional attached clitic ("الـ12", "ب5"); not part of a longer number or word. */
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}.,،\/])(وال|بال|فال|ال|لل|و|ب|ل|ف)?(${NUM})(?![\p{N}]|[.,]\d)`, 'gu');
const MULT_AFTER = new RegExp(String.raw`^(?:[ \t]*(${alt(Object.keys(MULTIPLIERS))})(?![\p{L}])|(k|m|bn)(?![\p{L}\p{N}]))`, 'u');
const PERCENT_AFTER = /^\s*(?:%|في\s+المئه|في\s+المائه|بالمئه|بالمائه|بالميه|percent(?![\p{L}])|per\s+cent(?![\p{L}])|pct(?![\p{L}]))/u;
const RANGE_AFTER = new RegExp(String.raw`^[ \t]*(?:-|الي|حتي|to|و)[ \t]*(?:ال)?(${NUM})(?![\p{N}])`, 'u');
const CURRENCY_BEFORE = /(?:\$|us\$|usd\s*)$/u;
const UNIT_WORD = /^[ \t\u00a0]*(?:من[ \t]+)?(?:ال)?([\p{L}]+)/u;
const ENGLISH_ADJ_UNIT = /^[ \t]+[a-z.]+[ \t]+([a-z]+)/;
/**
 * English stacks modifiers before the noun: "1,500 US and coalition personnel", "40,000 U.S.
 * military personnel". Up to three words may stand between, none of them a verb, preposition or
 * number word that would start a new phrase.
 */
const NOT_MODIFIERS = new Set([
  'of', 'in', 'at', 'on', 'to', 'from', 'for', 'by', 'with', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'will', 'would',
  'said', 'says', 'than', 'that', 'which', 'who', 'while', 'when', 'per', 'a', 'an', 'the', 'this', 'these', 'those', 'or',
  'days', 'months', 'years', 'weeks', 'hours',
]);
const TIME_UNITS = new Set(['hours', 'days', 'weeks', 'months', 'years']);

// ---------------------------------------------------------------------------------------------

export interface FindFiguresOptions {
  /** Spans (original offsets) already taken by dates: numbers inside them are not figures. */
  exclude?: ReadonlyArray<{ start: number; end: number }>;
}

/** All figures in `text`, in text order, spans in original offsets. */
export function findFigures(text: string, opts: FindFiguresOptions = {}): FigureMention[] {
  const f = foldText(text);
  const t = f.text;
  // Characters (original offsets) already taken, one flag each: checking a span costs its length,
  // not the number of dates and figures found so far (which made long texts quadratic).
  const claimed = new Uint8Array(text.length + 1);
  const taken = {
    push({ start, end }: { start: number; end: number }) {
      claimed.fill(1, Math.max(0, start), Math.min(claimed.length, end));
    },
  };
  for (const x of opts.exclude ?? []) taken.push(x);
  const overlaps = (s: number, e: number) => {
    for (let i = Math.max(0, s); i < e && i < claimed.length; i++) if (claimed[i]) return true;
    return false;
  };
  const out: FigureMention[] = [];
  const emit = (fs: number, fe: number, value: FigureValue, unit: string | null, qualifier: FigureQualifier, rule: string) => {
    const { start, end } = originalSpan(f, fs, fe);
    if (overlaps(start, end)) return false;
    taken.push({ start, end });
    out.push({ start, end, text: text.slice(start, end), value, unit, qualifier, rule });
    return true;
  };

  // 1. Digits, with what follows (multiplier, range, percent, unit) and what precedes (qualifier, currency).
  for (const m of t.matchAll(NUMBER_RE)) {
    const numStart = m.index! + (m[1]?.length ?? 0);
    let fs = m[1] === 'ال' || m[1] === 'بال' || m[1] === 'وال' || m[1] === 'فال' ? m.index! : numStart;
    let fe = m.index! + m[0].length;
    const numSpan = originalSpan(f, numStart, fe);
    if (overlaps(numSpan.start, numSpan.end)) continue;
    let low = parseNumber(m[2]);
    let high: number | null = null;
    let mult = 1;
    let hasMult = false;
    let unit: string | null = null;
    let pos = fe;
    const mm = MULT_AFTER.exec(t.slice(pos));
    if (mm) {
      mult = MULTIPLIERS[mm[1] ?? mm[2]] ?? (mm[2] === 'k' ? 1e3 : 1e6);
      if (DUAL_MULTIPLIERS.has(mm[1] ?? '')) mult /= 2;
      hasMult = true;
      pos += mm[0].length;
    }
    const rm = RANGE_AFTER.exec(t.slice(pos));
    const precededByBetween = /(?:بين|between|من|from)\s*$/u.test(t.slice(Math.max(0, fs - 8), fs));
    if (rm && (rm[0].trimStart()[0] !== 'و' || precededByBetween) && !(rm[0].includes('-') && /\d\s*-\s*\d+\s*-/.test(t.slice(fe - 2, fe + rm[0].length + 3)))) {
      const rangeEnd = pos + rm[0].length;
      const rangeSpan = originalSpan(f, pos, rangeEnd);
      if (!overlaps(rangeSpan.start, rangeSpan.end)) {
        high = parseNumber(rm[1]);
        pos = rangeEnd;
        const mm2 = MULT_AFTER.exec(t.slice(pos));
        if (mm2) {
          const m2 = MULTIPLIERS[mm2[1] ?? mm2[2]] ?? (mm2[2] === 'k' ? 1e3 : 1e6);
          high *= m2;
          if (!hasMult) mult = m2;
          else high = (high / m2) * m2;
          hasMult = true;
          pos += mm2[0].length;
        } else high *= mult;
      }
    }
    low *= mult;
    const pm = PERCENT_AFTER.exec(t.slice(pos));
    let isCurrency = false;
    if (pm) {
      unit = 'percent';
      pos += pm[0].length;
    } else {
      const um = UNIT_WORD.exec(t.slice(pos)) ?? null;
      let u = um ? UNIT_OF.get(um[1]) : undefined;
      let len = um?.[0].length ?? 0;
      if (!u) {
        // English puts an adjective between: "2,500 US troops", "300 American advisers"
        const em = ENGLISH_ADJ_UNIT.exec(t.slice(pos));
        if (em && UNIT_OF.has(em[1])) {
          u = UNIT_OF.get(em[1]);
          len = em[0].length;
        }
      }
      if (!u) {
        const unitAfter = englishUnitAfterModifiers(t.slice(pos, pos + 80));
        if (unitAfter) [u, len] = unitAfter;
      }
      if (u) {
        unit = u;
        pos += len;
      }
    }
    const before = t.slice(Math.max(0, fs - 6), fs);
    const cm = CURRENCY_BEFORE.exec(before);
    if (cm) {
      isCurrency = true;
      unit ??= 'USD';
      fs -= cm[0].length;
    }
    const q = qualifierBefore(t, fs);
    const isYearLike = high === null && !hasMult && Number.isInteger(low) && low >= DEFAULTS.yearRange[0] && low <= DEFAULTS.yearRange[1];
    const inYears = (v: number) => v >= DEFAULTS.yearRange[0] && v <= DEFAULTS.yearRange[1];
    const yearRange = high !== null && !hasMult && unit === null && (inYears(low) || inYears(high));
    const grounded = unit !== null || hasMult || isCurrency || high !== null || q !== null;
    if (!grounded || yearRange || (isYearLike && unit === null && !isCurrency)) continue;
    if (q) fs = q.start;
    fe = pos;
    const value: FigureValue = high === null ? round(low) : { low: round(Math.min(low, high)), high: round(Math.max(low, high)) };
    emit(fs, trimEnd(t, fs, fe), value, unit, q?.qualifier ?? 'exact', high === null ? 'number' : 'range');
  }

  // 1b. Number-word ranges with a unit: "أربعة إلى خمسة أفراد", "four to five personnel", "بين ثلاثة وخمسة".
  const exactWords = alt(Object.keys(NUMBER_WORDS));
  const wordRangeRe = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:[وبل]?(?:بين|between|from)\s+)?(${exactWords})\s*(?:-|الي|حتي|او|to|or|and|و)\s*(${exactWords})(?![\p{L}])`,
    'gu',
  );
  for (const m of t.matchAll(wordRangeRe)) {
    const low = NUMBER_WORDS[m[1]];
    const high = NUMBER_WORDS[m[2]];
    if (!(high > low)) continue;
    const pos = m.index! + m[0].length;
    const um = UNIT_WORD.exec(t.slice(pos));
    const unit = um ? UNIT_OF.get(um[1]) ?? null : englishUnitAfterModifiers(t.slice(pos, pos + 80))?.[0] ?? null;
    if (!unit) continue; // "one or two" alone says nothing about what is counted
    const end = um && UNIT_OF.has(um[1]) ? pos + um[0].length : pos + englishUnitAfterModifiers(t.slice(pos, pos + 80))![1];
    const q = qualifierBefore(t, m.index!);
    emit(q ? q.start : m.index!, trimEnd(t, m.index!, end), { low, high }, unit, q?.qualifier ?? 'exact', 'number-word-range');
  }

  // 2. Number words and vague counts followed by a unit: "ثلاثة شروط", "عشرات الهجمات", "العشرات من الجنود".
  const wordRe = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:و|ب|ل)?(ال)?(${alt([...Object.keys(NUMBER_WORDS), ...Object.keys(VAGUE_WORDS).filter((w) => !w.includes('_'))])})(?:\s+(الالاف|الاف|الملايين|الف|مليون|ملايين|مليار|مليارات))?(?![\p{L}])`,
    'gu',
  );
  for (const m of t.matchAll(wordRe)) {
    const fs0 = m.index!;
    let pos = fs0 + m[0].length;
    const word = m[2];
    // Multipliers as words with no number before them: "آلاف" alone is vague; "ألف جندي" is handled by the multiplier lexicon below.
    const um = UNIT_WORD.exec(t.slice(pos));
    const unit = um ? UNIT_OF.get(um[1]) ?? null : null;
    // An exact number word times a multiplier is a figure by itself: "ستة ملايين", "ثلاثة آلاف".
    const scaled = m[3] !== undefined && !(word in VAGUE_WORDS) && !['الالاف', 'الملايين'].includes(m[3]); // آلاف folds to الاف: not the article
    if (!unit && !scaled) continue;
    if (m[3] !== undefined && !scaled && !(word in VAGUE_WORDS)) continue;
    // "الاثنين"/"الثلاثاء" are weekdays; a definite exact number word is a post-nominal adjective handled below.
    if (m[1] && !(word in VAGUE_WORDS)) continue;
    if (unit) pos += um![0].length;
    let value: FigureValue;
    let qualifier: FigureQualifier = 'exact';
    if (word in VAGUE_WORDS) {
      // "بضعة أشهر", "عشرات السنين": vague durations, not reported figures
      if (unit !== null && TIME_UNITS.has(unit)) continue;
      const v = m[3] ? scaleVague(word, m[3]) : VAGUE_WORDS[word];
      value = { ...v };
      qualifier = 'about';
    } else value = NUMBER_WORDS[word] * (scaled ? MULTIPLIERS[m[3]] : 1);
    const q = qualifierBefore(t, fs0);
    if (q) qualifier = q.qualifier;
    emit(q ? q.start : fs0, trimEnd(t, fs0, pos), value, unit, qualifier, 'number-word');
  }

  // 3. A lone multiplier word with a unit: "ألف جندي" (1,000), "مليار دولار".
  const multRe = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:و|ب)?(الف|مليون|مليار|الفين|مليونين|مليارين)(?![\p{L}])`, 'gu');
  for (const m of t.matchAll(multRe)) {
    const pos0 = m.index! + m[0].length;
    const um = UNIT_WORD.exec(t.slice(pos0));
    const unit = um ? UNIT_OF.get(um[1]) : undefined;
    if (!um || !unit) continue;
    const q = qualifierBefore(t, m.index!);
    emit(q ? q.start : m.index!, trimEnd(t, m.index!, pos0 + um[0].length), MULTIPLIERS[m[1]], unit, q?.qualifier ?? 'exact', 'multiplier-word');
  }

  // 4. Post-nominal number: "الأيام الثلاثة" (the three days).
  const postRe = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:و|ب|ل)?ال([\p{L}]+)\s+ال(${alt(Object.keys(NUMBER_WORDS).filter((w) => /[\u0600-\u06ff]/.test(w) && NUMBER_WORDS[w] <= 10))})(?![\p{L}])`, 'gu');
  for (const m of t.matchAll(postRe)) {
    const unit = UNIT_OF.get(m[1]);
    if (!unit) continue;
    emit(m.index!, m.index! + m[0].length, NUMBER_WORDS[m[2]], unit, 'exact', 'number-after-noun');
  }

  // 5. Duals: "مصدران" two sources.
  const dualRe = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:و|ب|ل)?(${alt(DUALS)})(?![\p{L}])`, 'gu');
  for (const m of t.matchAll(dualRe)) {
    const unit = UNIT_OF.get(m[1]);
    if (unit) emit(m.index!, m.index! + m[0].length, 2, unit, 'exact', 'dual');
  }

  // 6. Decades as years: "أكثر من عقدين" (more than 20 years), "نحو عقد", "two decades". A lone
  // "عقد" is also a contract or "held", and "عقدين" two contracts: they need a qualifier or a
  // preposition of time before them.
  const decadeRe = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(عقد|عقدين|عقدان)|(a|one|two|three|four|five|several)\s+(decades?))(?![\p{L}])`, 'gu');
  for (const m of t.matchAll(decadeRe)) {
    const q = qualifierBefore(t, m.index!);
    const timePrep = /(?:^|[^\p{L}])(?:منذ|خلال|طوال|بعد|قبل)\s*$/u.test(t.slice(Math.max(0, m.index! - 8), m.index!));
    let value: number;
    if (m[1] !== undefined) {
      if (!q && !(timePrep && m[1] !== 'عقد')) continue;
      value = m[1] === 'عقد' ? 10 : 20;
    } else {
      if (m[2] === 'several') continue;
      value = (m[2] === 'a' || m[2] === 'one' ? 1 : NUMBER_WORDS[m[2]]) * 10;
    }
    emit(q ? q.start : m.index!, m.index! + m[0].length, value, 'years', q?.qualifier ?? 'exact', 'decades');
  }

  return out.sort((a, b) => a.start - b.start);
}

/** `[unit, length]` when a unit noun follows two or three English modifiers. */
function englishUnitAfterModifiers(after: string): [string, number] | null {
  const words = /^(?:[ \t]+[a-z][a-z.'-]*){1,4}/.exec(after);
  if (!words) return null;
  let pos = 0;
  let seen = 0;
  for (const w of words[0].matchAll(/[ \t]+([a-z][a-z.'-]*)/g)) {
    pos = w.index! + w[0].length;
    const unit = UNIT_OF.get(w[1]);
    if (unit && seen >= 2) return [unit, pos];
    if (unit || NOT_MODIFIERS.has(w[1]) || Object.hasOwn(NUMBER_WORDS, w[1])) return null;
    seen++;
  }
  return null;
}

function scaleVague(word: string, scale: string): { low: number; high: number } {
  const base = VAGUE_WORDS[word];
  const factor = scale.includes('ملايين') ? 1e6 : 1e3;
  return { low: base.low * factor, high: base.high * factor };
}

function qualifierBefore(t: string, fs: number): { qualifier: FigureQualifier; start: number } | null {
  const ws = Math.max(0, fs - DEFAULTS.qualifierWindow);
  const m = QUALIFIER_BEFORE.exec(t.slice(ws, fs));
  if (!m) return null;
  const qualifier = QUALIFIER_OF.get(m[1].replace(/\s+/g, ' '));
  if (!qualifier) return null;
  return { qualifier, start: ws + m.index + m[0].indexOf(m[1]) };
}

/** Drops trailing spaces from a folded span end. */
function trimEnd(t: string, fs: number, fe: number): number {
  while (fe > fs && /\s/.test(t[fe - 1])) fe--;
  return fe;
}

/** "1,500" → 1500, "2.5" → 2.5, "1،000" → 1000. */
export function parseNumber(s: string): number {
  return Number(s.replace(/[,،]/g, ''));
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
