/**
 * The zod schemas of partial dates (the type and its comparisons are in dates.ts).
 */
import { z } from 'zod';
import { DATE_PATTERN, isCalendarDay, isPartialDate } from './dates.js';

import type { DateQualifier as DateQualifierType, PartialDate as PartialDateType } from './dates.js';

/** The types go with the schemas of the same name (they are defined in dates.ts). */
export type PartialDate = PartialDateType;
export type DateQualifier = DateQualifierType;

/** A date string's two checks, each with its own message: the form, then the calendar. */
const dateSchema = () =>
  z
    .string()
    .regex(DATE_PATTERN, { message: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
    .refine(isPartialDate, 'expected a date that exists in the calendar (no 30 February)');

/** A date string at its precision. YAML reads a bare year (`date: 2024`) as a number: accepted. */
export const DateString = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999 ? String(v) : v),
  dateSchema(),
);

/** A date string as it arrives in a query string or CLI flag (no number coercion). */
export const DateParam = dateSchema();

/** A real day, `YYYY-MM-DD`. */
export const DayString = z.string().refine(isCalendarDay, 'expected a real day written YYYY-MM-DD');

export const DateQualifier = z.enum(['early', 'mid', 'late', 'about', 'before', 'after']);

/**
 * A date at its real precision, optionally qualified. In YAML either the plain string or
 * `{ value, qualifier, text, anchor }`.
 */
export const PartialDate = z.union([
  DateString,
  z
    .object({
      value: DateString,
      qualifier: DateQualifier.optional(),
      /** The expression in the source when the date was relative or vague ("الجمعة الماضية"). */
      text: z.string().optional(),
      /** The date the relative expression was resolved from (usually the publication date). */
      anchor: DateString.optional(),
    })
    .strict(),
]);

