/**
 * Checks of a dated lever schedule, shared by scenario.ts (which applies every step) and
 * schedule.ts (which applies them month by month): dates parse as YYYY, YYYY-MM or
 * YYYY-MM-DD, lie within 1900–2100, and come in order (equal dates allowed).
 */
import type { Scenario } from '../domain/case.js';
import { InputError } from '../domain/errors.js';

export const SCHEDULE_YEARS = { min: 1900, max: 2100 } as const;

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  /** year·12 + month − 1: consecutive months differ by 1. */
  monthIndex: number;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD (a missing month or day counts as the first). */
export function parseScheduleDate(value: unknown, field: string): ParsedDate {
  const m = typeof value === 'string' ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!m) throw new InputError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`, { field });
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (year < SCHEDULE_YEARS.min || year > SCHEDULE_YEARS.max) {
    throw new InputError(`date ${value} is outside ${SCHEDULE_YEARS.min}–${SCHEDULE_YEARS.max}`, { field });
  }
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysIn) throw new InputError(`no such date ${value}`, { field });
  return { year, month, day, monthIndex: year * 12 + month - 1 };
}

export function checkSchedule(schedule: Scenario['schedule'], field: string): ParsedDate[] {
  const dates: ParsedDate[] = [];
  schedule.forEach((step, k) => {
    const d = parseScheduleDate(step.date, `${field}[${k}].date`);
    const prev = dates[k - 1];
    if (prev && (d.monthIndex < prev.monthIndex || (d.monthIndex === prev.monthIndex && d.day < prev.day))) {
      throw new InputError(`schedule dates out of order: ${step.date} comes after ${schedule[k - 1].date}`, {
        field: `${field}[${k}].date`,
      });
    }
    dates.push(d);
  });
  return dates;
}

export function monthLabel(monthIndex: number): string {
  const y = Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
