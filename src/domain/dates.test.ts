import { describe, expect, it } from 'vitest';
import { PartialDate } from './date-schemas.js';
import { asOfDay, compareDates, dayNumber, dayOf, dayRange, daySpan, dueDay, isPartialDate, sortByDate } from './dates.js';

describe('isPartialDate', () => {
  it('isPartialDate accepts the three precisions and refuses days that do not exist', () => {
    expect(['2024', '2024-09', '2024-02-29'].map(isPartialDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '2024-13', '2024-9', '0000', 'late 2024'].map(isPartialDate)).toEqual([false, false, false, false, false]);
  });

  it('PartialDate reads a bare YAML year and a qualified mapping', () => {
    expect(PartialDate.parse(2024)).toBe('2024');
    expect(PartialDate.parse({ value: '2026-09', qualifier: 'late' })).toEqual({ value: '2026-09', qualifier: 'late' });
    expect(PartialDate.safeParse({ value: '2026-09', qualifier: 'soon' }).success).toBe(false);
  });
});

describe('daySpan', () => {
  it('daySpan ends "before" a date the day before it starts, and is open to the past', () => {
    const before = daySpan({ value: '2024', qualifier: 'before' });
    expect(before.hi).toBe(dayNumber('2023-12-31'));
    expect(before.lo).toBe(-Infinity);
  });

  it('daySpan covers a month, and its first third for "early"', () => {
    const jan = daySpan('2024-01');
    expect(jan.hi - jan.lo).toBe(30);
    const early = daySpan({ value: '2024-01', qualifier: 'early' });
    expect([early.lo, early.hi - early.lo]).toEqual([jan.lo, 10]);
  });

  it('dayRange gives the first and last day of a month in a leap year', () => {
    expect(dayRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(dayOf(dayNumber('2026-09-30'))).toBe('2026-09-30');
  });
});

describe('compareDates and deadlines', () => {
  it('dueDay puts "September 2026" before "late 2026" (string order says the opposite)', () => {
    expect(dueDay('2026-09')).toBeLessThan(dueDay({ value: '2026', qualifier: 'late' }));
    expect('2026' < '2026-09').toBe(true); // the trap: as text, the year sorts first
  });

  it('asOfDay takes a month at its last day, not the 28th', () => {
    expect(dayOf(asOfDay('2024-10'))).toBe('2024-10-31');
    expect(dayOf(asOfDay('2024'))).toBe('2024-12-31');
  });

  it('sortByDate puts "before X" next to X, a year before the days in it, and keeps ties in order', () => {
    const items = [
      { id: 'd', date: '2024-01-26' },
      { id: 'b', date: { value: '2024-01-26', qualifier: 'before' as const } },
      { id: 'y', date: '2024' },
      { id: 'old', date: '2003-05-28' },
      { id: 'd2', date: '2024-01-26' },
    ];
    expect(sortByDate(items, (x) => x.date).map((x) => x.id)).toEqual(['old', 'y', 'b', 'd', 'd2']);
    expect(compareDates('2024', '2024-01-01')).toBeGreaterThan(0); // same first day: the longer span after
  });
});
