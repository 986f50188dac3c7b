/**
 * The case in time: deadlines ahead of a date, every deadline in order, and what had happened
 * by a date. One implementation for the overview, the API and the briefing, comparing partial
 * dates through domain/dates.ts (a deadline falls due at the end of its period).
 */
import type { Commitment, Event } from '../domain/case.js';
import { asOfDay, compareDates, dueDay, startedBy } from '../domain/dates.js';

/** Commitments with a deadline not yet past on `asOf` (YYYY-MM-DD), soonest first (ties by id). */
export function upcomingDeadlines(c: { commitments: readonly Commitment[] }, asOf: string): Commitment[] {
  const day = asOfDay(asOf);
  return c.commitments
    .filter((m) => m.due !== undefined && dueDay(m.due) >= day)
    .sort((a, b) => dueDay(a.due!) - dueDay(b.due!) || a.id.localeCompare(b.id));
}

/** Every commitment with a deadline, soonest first (ties by id). */
export function deadlines(c: { commitments: readonly Commitment[] }): Commitment[] {
  return c.commitments.filter((m) => m.due !== undefined).sort((a, b) => dueDay(a.due!) - dueDay(b.due!) || a.id.localeCompare(b.id));
}

/**
 * Events that had begun by `asOf` (YYYY-MM-DD), newest first (ties by id). Deadlines written as events are
 * commitments' dates, not things that happened, so they are left out.
 */
export function latestEvents(c: { events: readonly Event[] }, asOf: string, limit?: number): Event[] {
  const day = asOfDay(asOf);
  const past = c.events.filter((e) => e.type !== 'deadline' && startedBy(e.date, day));
  const newest = past.sort((a, b) => compareDates(b.date, a.date) || a.id.localeCompare(b.id));
  return limit === undefined ? newest : newest.slice(0, limit);
}

