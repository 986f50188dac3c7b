/**
 * The answer to a case's question in one place, as the overview and the briefing state it: the
 * hypothesis the evidence contradicts least, the evidence it rests on and the items it hangs on,
 * the scenario that plays it out with its winners, losers and the Monte Carlo probability of its
 * main conclusion; what is overdue and due next; and what changed since a date. Pure functions
 * of the case and the computed results; the caller runs the simulation.
 */
import type { Evidence, Hypothesis, Rating } from '../domain/ach.js';
import type { Bilingual, Citation, Claim, Commitment, Event, Place, Stance } from '../domain/case.js';
import { asOfDay, compareDates, dateSortKey, dayOf, daySpan, dueDay, type PartialDate } from '../domain/dates.js';

type Cite = Citation[];
import type { AchResult } from './ach.js';
import { commitmentTiming, type Timeliness } from './tracking.js';
import type { ActorPayoff } from './payoffs.js';

export const DEFAULTS = {
  /** Supporting evidence items named with the bottom line. */
  support: 3,
  /** Deadlines listed as due next. */
  upcoming: 5,
  /** Winners and losers named. */
  actors: 3,
};

/**
 * The ratings that carry the leading hypothesis: consistent (C or CC) with it, from the evidence
 * that separates the hypotheses most (the ACH result lists evidence by diagnosticity).
 */
export function leadingSupport(ach: AchResult, evidence: readonly Evidence[], hypothesis: string, limit = DEFAULTS.support): Array<{ evidence: Evidence; rating: Rating }> {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return ach.diagnosticity
    .map((d) => byId.get(d.evidence))
    .filter((e): e is Evidence => e !== undefined)
    .flatMap((e) => e.ratings.filter((r) => r.hypothesis === hypothesis && (r.rating === 'C' || r.rating === 'CC')).map((rating) => ({ evidence: e, rating })))
    .slice(0, limit);
}

export interface DeadlineEntry {
  commitment: Commitment;
  /** The latest status entry by the as-of date. */
  current: Commitment['history'][number];
  /** Days past the last day the deadline allows (overdue) or left until that day (upcoming). */
  days: number;
  /** Overdue, due soon or not yet due (tracking.ts). */
  timeliness: Timeliness;
}

/**
 * Commitments against `asOf`, by their timeliness (analysis/tracking.ts): overdue (past the last
 * day the deadline allows, neither complete nor abandoned; most late first) and upcoming (still
 * open, soonest first). Completed and abandoned ones are in neither.
 */
export function deadlineStatus(commitments: readonly Commitment[], asOf: string): { overdue: DeadlineEntry[]; upcoming: DeadlineEntry[] } {
  const overdue: DeadlineEntry[] = [];
  const upcoming: DeadlineEntry[] = [];
  for (const m of commitments) {
    if (!m.due) continue;
    const t = commitmentTiming(m, asOf);
    const current = t.current ?? m.history[0]!;
    if (t.timeliness === 'overdue') overdue.push({ commitment: m, current, days: t.daysLate ?? 0, timeliness: t.timeliness });
    else if (t.timeliness === 'due_soon' || t.timeliness === 'not_yet_due') upcoming.push({ commitment: m, current, days: t.daysLeft ?? 0, timeliness: t.timeliness });
  }
  const byDue = (a: DeadlineEntry, b: DeadlineEntry) => dueDay(a.commitment.due!) - dueDay(b.commitment.due!) || a.commitment.id.localeCompare(b.commitment.id);
  overdue.sort((a, b) => b.days - a.days || a.commitment.id.localeCompare(b.commitment.id));
  upcoming.sort(byDue);
  return { overdue, upcoming };
}

export interface Change {
  kind: 'event' | 'stance' | 'status' | 'claim';
  /** The item's id (for a status change, the commitment's). */
  id: string;
  /** The day the change is dated (the first day of a partial date). */
  date: string;
  title: Bilingual;
  /** For a status change, the new score (0–3); for a stance, its position. */
  detail?: string;
  actor?: string;
  cite: Cite;
}

/**
 * What the case records as happening after `since` and up to `asOf`: events, stances taken,
 * commitment status changes and figures stated, newest first. A partial date counts by its
 * first day.
 */
/** The first day a partial date may denote, as `YYYY-MM-DD` (the day "before X" ends for an open start). */
function firstDay(d: PartialDate): string {
  return dayOf(dateSortKey(d));
}

export function changesSince(
  c: { events: readonly Event[]; stances: readonly Stance[]; commitments: readonly Commitment[]; claims: readonly Claim[]; quantities: ReadonlyArray<{ id: string; label: Bilingual }> },
  since: string,
  asOf: string,
): Change[] {
  const from = asOfDay(since);
  const to = asOfDay(asOf);
  const within = (d: string) => daySpan(d).lo > from && daySpan(d).lo <= to;
  const out: Change[] = [];
  for (const e of c.events) {
    const d = firstDay(e.date);
    if (within(d)) out.push({ kind: 'event', id: e.id, date: d, title: e.title, cite: e.cite });
  }
  for (const s of c.stances) {
    const d = firstDay(s.date);
    if (within(d)) out.push({ kind: 'stance', id: s.id, date: d, title: s.summary, detail: s.position, actor: s.actor, cite: s.cite });
  }
  for (const m of c.commitments) {
    for (const h of m.history) {
      const d = firstDay(h.date);
      if (within(d)) out.push({ kind: 'status', id: m.id, date: d, title: m.title, detail: String(h.score), cite: h.cite ?? m.cite });
    }
  }
  const quantity = new Map(c.quantities.map((q) => [q.id, q.label]));
  for (const k of c.claims) {
    const d = k.stated ? firstDay(k.stated) : '';
    if (d && within(d)) out.push({ kind: 'claim', id: k.id, date: d, title: quantity.get(k.quantity) ?? { ar: k.quantity, en: k.quantity }, actor: k.reported_by[0], cite: k.cite });
  }
  const order = { event: 0, status: 1, stance: 2, claim: 3 };
  return out.sort((a, b) => compareDates(b.date, a.date) || order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}

export interface MappedPlace {
  id: string;
  kind: Place['kind'];
  name: Bilingual;
  lat: number;
  lon: number;
  /** Events at this place, oldest first. */
  events: Array<{ id: string; date: Event['date']; title: Bilingual }>;
  /** Figures reported for this place. */
  claims: string[];
}

/** The places that have coordinates, each with the events that happened there. */
export function mappedPlaces(places: readonly Place[], events: readonly Event[], claims: readonly Claim[]): MappedPlace[] {
  return places
    .filter((p): p is Place & { lat: number; lon: number } => p.lat !== undefined && p.lon !== undefined)
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      events: events
        .filter((e) => e.places.includes(p.id))
        .sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id))
        .map((e) => ({ id: e.id, date: e.date, title: e.title })),
      claims: claims.filter((k) => k.place === p.id).map((k) => k.id),
    }));
}

/** What a Monte Carlo run contributes: the share of runs each actor comes out ahead. */
export interface AheadShares {
  runs: number;
  actors: ReadonlyArray<{ actor: string; ahead: number }>;
}

export interface BottomLine {
  hypothesis: Hypothesis;
  /** The ratings the answer rests on, with the evidence item each belongs to. */
  support: Array<{ evidence: string; title: Bilingual; rating: Rating['rating']; rationale: Bilingual; cite: Cite }>;
  /** Evidence whose removal alone would change the answer, and what would lead instead. */
  critical: Array<{ evidence: string; title: Bilingual; leadingWithout: string | null }>;
  /** The scenario that plays the hypothesis out, when the case names one. */
  scenario?: { id: string; title: Bilingual };
  winners: ActorPayoff[];
  losers: ActorPayoff[];
  /** The probability that the scenario's first winner comes out ahead, over plausible weights. */
  probability?: { actor: string; ahead: number; runs: number };
}

/**
 * The bottom line: null when the case has no ACH matrix (nothing to answer with). `run` is the
 * scenario of the leading hypothesis, simulated by the caller, when the hypothesis names one.
 */
export function bottomLine(
  ach: AchResult | undefined,
  hypotheses: readonly Hypothesis[],
  evidence: readonly Evidence[],
  run?: { scenario: { id: string; title: Bilingual }; winners: ActorPayoff[]; losers: ActorPayoff[]; monteCarlo?: AheadShares },
): BottomLine | null {
  const hypothesis = ach?.leading ? hypotheses.find((x) => x.id === ach.leading) : undefined;
  if (!ach || !hypothesis) return null;
  const titles = new Map(evidence.map((e) => [e.id, e.title]));
  const first = run?.winners[0];
  const ahead = first && run?.monteCarlo?.actors.find((a) => a.actor === first.actor);
  return {
    hypothesis,
    support: leadingSupport(ach, evidence, hypothesis.id).map(({ evidence: e, rating }) => ({
      evidence: e.id,
      title: e.title,
      rating: rating.rating,
      rationale: rating.rationale,
      cite: rating.cite,
    })),
    critical: ach.critical.map((k) => ({ evidence: k.evidence, title: titles.get(k.evidence) ?? { ar: k.evidence, en: k.evidence }, leadingWithout: k.leadingWithout })),
    scenario: run?.scenario,
    winners: run?.winners.slice(0, DEFAULTS.actors) ?? [],
    losers: run?.losers.slice(0, DEFAULTS.actors) ?? [],
    probability: ahead && run?.monteCarlo ? { actor: ahead.actor, ahead: ahead.ahead, runs: run.monteCarlo.runs } : undefined,
  };
}
