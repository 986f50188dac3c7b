/**
 * Tracking over time: how a commitment stands against its deadline on a date, what state an
 * indicator is in after its observations, which forecast was held on a date, and how resolved
 * forecasts score. Pure functions of case items and an "as of" day; every date goes through the
 * partial-date comparisons of domain/dates.ts (a deadline falls due at the end of its period; a
 * dated entry counts from the first day it may denote).
 */
import type { Commitment, Forecast, Indicator, Observation } from '../domain/case.js';
import { asOfDay, dateSortKey, dueDay, sortByDate, startedBy, type PartialDate } from '../domain/dates.js';

export const DEFAULTS = {
  /** An open commitment due within this many days of the as-of date is "due soon". */
  dueSoonDays: 90,
  /** Probabilities are kept within [clamp, 1 − clamp] for the log score (no infinite penalty). */
  clamp: 0.01,
};

export const TIMELINESS = ['not_yet_due', 'due_soon', 'overdue', 'completed_on_time', 'completed_late', 'abandoned'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export interface CommitmentTiming {
  timeliness: Timeliness;
  /** Days past the deadline: for overdue (to the as-of day) and completed late (to completion); else null. */
  daysLate: number | null;
  /** Days left until the deadline's last day, for an open commitment not yet due; else null. */
  daysLeft: number | null;
  /** The status entry that completed it (score 3), when it is complete by the as-of date. */
  completed: PartialDate | null;
  /** The latest status entry dated by the as-of date (undefined when none is). */
  current: Commitment['history'][number] | undefined;
}

/** Status entries dated by `asOf` (YYYY-MM-DD or a partial date meaning its last day), oldest first. */
export function historyAsOf(m: Commitment, asOf: string): Commitment['history'] {
  const day = asOfDay(asOf);
  return sortByDate(
    m.history.filter((h) => startedBy(h.date, day)),
    (h) => h.date,
  );
}

/**
 * A commitment's timeliness on `asOf`: abandoned when its latest entry says so; completed (on
 * time or late by the days between the deadline's last day and the first day the completing
 * entry may denote) once an entry reaches score 3; otherwise overdue once the deadline's last
 * day has passed, due soon within `dueSoonDays`, else not yet due (also when it has no deadline).
 */
export function commitmentTiming(m: Commitment, asOf: string, opts: { dueSoonDays?: number } = {}): CommitmentTiming {
  const now = asOfDay(asOf);
  const entries = historyAsOf(m, asOf);
  const current = entries[entries.length - 1];
  const done = entries.find((h) => h.score === 3 && !h.abandoned);
  const base = { current, completed: null, daysLate: null, daysLeft: null };
  if (current?.abandoned) return { ...base, timeliness: 'abandoned' };
  if (done) {
    const late = m.due === undefined ? 0 : dateSortKey(done.date) - dueDay(m.due);
    return late > 0
      ? { ...base, completed: done.date, timeliness: 'completed_late', daysLate: late }
      : { ...base, completed: done.date, timeliness: 'completed_on_time' };
  }
  if (m.due === undefined) return { ...base, timeliness: 'not_yet_due' };
  const last = dueDay(m.due);
  if (now > last) return { ...base, timeliness: 'overdue', daysLate: now - last };
  const left = last - now;
  return { ...base, timeliness: left <= (opts.dueSoonDays ?? DEFAULTS.dueSoonDays) ? 'due_soon' : 'not_yet_due', daysLeft: left };
}

/** Order for leading with what needs attention: overdue (most late first), due soon, then the rest by deadline. */
export function attentionOrder(a: { timing: CommitmentTiming; commitment: Commitment }, b: { timing: CommitmentTiming; commitment: Commitment }): number {
  const rank: Record<Timeliness, number> = { overdue: 0, due_soon: 1, not_yet_due: 2, completed_late: 3, completed_on_time: 4, abandoned: 5 };
  const r = rank[a.timing.timeliness] - rank[b.timing.timeliness];
  if (r !== 0) return r;
  if (a.timing.timeliness === 'overdue') return (b.timing.daysLate ?? 0) - (a.timing.daysLate ?? 0) || a.commitment.id.localeCompare(b.commitment.id);
  const due = (m: Commitment) => (m.due === undefined ? Number.MAX_SAFE_INTEGER : dueDay(m.due));
  return due(a.commitment) - due(b.commitment) || a.commitment.id.localeCompare(b.commitment.id);
}

export const INDICATOR_STATES = ['not_triggered', 'triggered', 'reversed'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

export interface IndicatorStep {
  date: string;
  value: number;
  /** Whether this observation meets the threshold in the watched direction. */
  fired: boolean;
  /** The indicator's state after this observation. */
  state: IndicatorState;
}

/** True when `value` meets the indicator's threshold in its direction (no definition: never). */
export function fires(ind: Pick<Indicator, 'observe'>, value: number): boolean {
  const o = ind.observe;
  if (!o) return false;
  return o.direction === 'above' ? value >= o.threshold : value <= o.threshold;
}

/**
 * The indicator's observations by `asOf`, oldest first, each with the state it leaves: an
 * observation that fires makes it triggered; one that does not, after it was triggered, makes it
 * reversed; a reversed indicator that fires again is triggered again.
 */
export function indicatorTrack(ind: Pick<Indicator, 'observe' | 'observations'>, asOf: string): { state: IndicatorState; steps: IndicatorStep[]; since: string | null } {
  const day = asOfDay(asOf);
  const seen = sortByDate((ind.observations ?? []).filter((o: Observation) => startedBy(o.date, day)), (o) => o.date);
  let state: IndicatorState = 'not_triggered';
  let since: string | null = null;
  const steps: IndicatorStep[] = [];
  for (const o of seen) {
    const fired = fires(ind, o.value);
    const next: IndicatorState = fired ? 'triggered' : state === 'not_triggered' ? 'not_triggered' : 'reversed';
    if (next !== state) since = o.date;
    state = next;
    steps.push({ date: o.date, value: o.value, fired, state });
  }
  return { state, steps, since };
}

/** The forecast held on `asOf`: the latest one dated by then (ties: the later in the list). */
export function forecastAt(forecasts: readonly Forecast[] | undefined, asOf: string): Forecast | undefined {
  const day = asOfDay(asOf);
  const held = sortByDate(
    (forecasts ?? []).filter((f) => startedBy(f.date, day)),
    (f) => f.date,
  );
  return held[held.length - 1];
}

/** Brier score of one probability against what happened: (p − o)², 0 best, 1 worst. */
export function brier(p: number, outcome: boolean): number {
  const o = outcome ? 1 : 0;
  return (p - o) ** 2;
}

/**
 * Log score: the natural log of the probability given to what happened (0 best, more negative
 * worse), with p kept within [clamp, 1 − clamp] so a confident miss costs ln(0.01) ≈ −4.6, not −∞.
 */
export function logScore(p: number, outcome: boolean, clamp = DEFAULTS.clamp): number {
  const q = Math.min(1 - clamp, Math.max(clamp, p));
  return Math.log(outcome ? q : 1 - q);
}

/** Mean of a list (null when empty). */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}
