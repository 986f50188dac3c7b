/**
 * The one partial-date type of Marsad and how such dates compare.
 *
 * Sources date things at their real precision: a year (`2024`), a month (`2024-09`) or a day
 * (`2024-09-27`), sometimes qualified ("early January 2024", "before 2020"). A partial date
 * stands for a span of days, and every comparison in Marsad goes through that span:
 * - `daySpan` gives the first and last day (as day numbers) the date may denote;
 * - a deadline is met by the END of its span ("September 2026" is due on 30 September);
 * - "as of" a partial date means as of its last day (what was known by the end of that month);
 * - lists sort by `dateSortKey`, the earliest day for ordinary dates (so "2024" precedes
 *   "2024-03-05"), and the anchor day for "before X"/"after X" (so they sit next to X instead
 *   of at the start or end of time).
 * Comparing date strings as text is never right (`late 2026` vs `2026-09`): use these.
 * Pure and free of zod, so the command line can use them without loading schemas; the schemas
 * that validate dates are in date-schemas.ts.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Days in a month of a year (proleptic Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date (no 30 February, no year 0). */
export function isPartialDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (y < 1) return false;
  return d === undefined || d <= daysInMonth(y, m);
}

/** True for a real day written `YYYY-MM-DD`. */
export function isCalendarDay(s: string): boolean {
  return s.length === 10 && isPartialDate(s);
}

export type DateString = string;
export type DateQualifier = 'early' | 'mid' | 'late' | 'about' | 'before' | 'after';
export type PartialDate = string | { value: string; qualifier?: DateQualifier; text?: string; anchor?: string };

export type Precision = 'year' | 'month' | 'day';

/** The date string of a partial date. */
export function dateValueOf(d: PartialDate): string {
  return typeof d === 'string' ? d : d.value;
}

export function qualifierOf(d: PartialDate): DateQualifier | undefined {
  return typeof d === 'string' ? undefined : d.qualifier;
}

export function precisionOf(d: PartialDate): Precision {
  const n = dateValueOf(d).length;
  return n === 4 ? 'year' : n === 7 ? 'month' : 'day';
}

/** Day number (days since 1970-01-01, UTC) of a `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The `YYYY-MM-DD` of a day number. */
export function dayOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** First and last day a date string covers, as `YYYY-MM-DD`: `2024-09` → 1 … 30 September. */
export function dayRange(value: string): { from: string; to: string } {
  const [y, m, d] = value.split('-');
  if (d !== undefined) return { from: value, to: value };
  if (m !== undefined) {
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * The days a partial date may denote, as day numbers, honouring its qualifier: "early" is the
 * first third of the period, "mid" the middle third, "late" the last; "before X" ends the day
 * before X begins (and is open to the past), "after X" starts the day after X ends.
 */
export function daySpan(d: PartialDate): { lo: number; hi: number } {
  const range = dayRange(dateValueOf(d));
  const lo = dayNumber(range.from);
  const hi = dayNumber(range.to);
  const third = (hi - lo + 1) / 3;
  switch (qualifierOf(d)) {
    case 'early':
      return { lo, hi: Math.floor(lo + third) };
    case 'mid':
      return { lo: Math.floor(lo + third), hi: Math.floor(lo + 2 * third) };
    case 'late':
      return { lo: Math.floor(lo + 2 * third), hi };
    case 'before':
      return { lo: -Infinity, hi: lo - 1 };
    case 'after':
      return { lo: hi + 1, hi: Infinity };
    default:
      return { lo, hi };
  }
}

/** The earliest day a date may denote (a finite day for "before X": the day before X). */
export function dateSortKey(d: PartialDate): number {
  const { lo, hi } = daySpan(d);
  return Number.isFinite(lo) ? lo : hi;
}

/** For sorting: by `dateSortKey`, then the shorter span first (a year before a day in it ends). */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const k = dateSortKey(a) - dateSortKey(b);
  if (k !== 0) return k;
  const sa = daySpan(a);
  const sb = daySpan(b);
  return spanEnd(sa) - spanEnd(sb);
}

function spanEnd(s: { lo: number; hi: number }): number {
  return Number.isFinite(s.hi) ? s.hi : Number.MAX_SAFE_INTEGER;
}

/** The last day a date may denote: when a deadline written this way falls due. */
export function dueDay(d: PartialDate): number {
  const { lo, hi } = daySpan(d);
  return Number.isFinite(hi) ? hi : lo;
}

/** "As of" a date string means as of its last day: the day number to compare against. */
export function asOfDay(value: string): number {
  return dayNumber(dayRange(value).to);
}

/** True when the date may already have happened on `asOf` (its earliest day is on or before it). */
export function startedBy(d: PartialDate, asOf: number): boolean {
  return daySpan(d).lo <= asOf;
}

/** True when two dates may denote a common day. */
export function datesOverlap(a: PartialDate, b: PartialDate): boolean {
  const x = daySpan(a);
  const y = daySpan(b);
  return x.lo <= y.hi && y.lo <= x.hi;
}

/** Sorts items by a date field, oldest first, keeping the given order among equal dates. */
export function sortByDate<T>(items: readonly T[], dateOf: (item: T) => PartialDate): T[] {
  return items
    .map((item, index) => ({ item, index, date: dateOf(item) }))
    .sort((x, y) => compareDates(x.date, y.date) || x.index - y.index)
    .map(({ item }) => item);
}

/** A date as plain text: `2024-01`, `early 2024-01`. */
export function dateText(d: PartialDate | undefined): string {
  if (d === undefined) return '';
  const q = qualifierOf(d);
  return q ? `${q} ${dateValueOf(d)}` : dateValueOf(d);
}

/** Today as `YYYY-MM-DD` (UTC) of a clock. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
