/**
 * The case rewound to a date: only what was known then. An item is known on a date when one of
 * the documents it cites was published by then (a document without a publication date counts as
 * known: nothing says otherwise; an item without citations, such as the analyst's own scenario,
 * is kept), and dated records inside items count only once their date has begun: stances,
 * events that had begun (a deadline written as an event is a plan, known with its source),
 * commitment status entries, figures stated, indicator observations, forecasts and outcomes.
 * Actors, places and scenarios are the frame of the question and are kept whole (their
 * forecasts and outcomes are rewound).
 * A commitment none of whose status entries had been written yet was not known. Pure: the
 * caller gives the documents' publication dates.
 */
import type { Citation } from '../domain/case.js';
import { asOfDay, daySpan, startedBy, type PartialDate } from '../domain/dates.js';
import type { LoadedCase } from './load.js';

/** Document file name → its publication date (null or absent: unknown). */
export type PublishedDates = ReadonlyMap<string, string | null>;

export function rewindCase(c: LoadedCase, asOf: string, published: PublishedDates = new Map()): LoadedCase {
  const day = asOfDay(asOf);
  const dated = (d: PartialDate | undefined) => d === undefined || startedBy(d, day);
  const docKnown = (doc: string) => {
    const p = published.get(doc);
    return !p || startedBy(p, day);
  };
  const known = (cite: readonly Citation[] | undefined) => !cite || cite.length === 0 || cite.some((x) => docKnown(x.doc));
  const knownCites = (cite: readonly Citation[]) => cite.filter((x) => docKnown(x.doc));
  const withCites = <T extends { cite: Citation[] }>(x: T): T => ({ ...x, cite: knownCites(x.cite).length ? knownCites(x.cite) : x.cite });

  const commitments = c.commitments.flatMap((m) => {
    if (!known(m.cite) || !dated(m.made)) return [];
    const history = m.history.filter((h) => dated(h.date) && known(h.cite));
    return history.length ? [{ ...withCites(m), history }] : [];
  });
  const commitmentIds = new Set(commitments.map((m) => m.id));
  const events = c.events.filter((e) => known(e.cite) && (e.type === 'deadline' || dated(e.date))).map(withCites);
  const claims = c.claims.filter((k) => known(k.cite) && dated(k.stated)).map(withCites);
  const stances = c.stances.filter((s) => known(s.cite) && dated(s.date)).map(withCites);
  const eventIds = new Set(events.map((e) => e.id));
  const claimIds = new Set(claims.map((k) => k.id));
  const stanceIds = new Set(stances.map((s) => s.id));
  const refKnown = (r: { kind: string; id: string }) =>
    r.kind === 'event' ? eventIds.has(r.id) : r.kind === 'claim' ? claimIds.has(r.id) : r.kind === 'stance' ? stanceIds.has(r.id) : commitmentIds.has(r.id);
  const resolved = <T extends { forecasts?: Array<{ date: string }>; outcome?: { date: string; cite: Citation[] } }>(x: T): T => {
    const out = { ...x };
    if (x.forecasts) out.forecasts = x.forecasts.filter((f) => dated(f.date));
    if (x.outcome && !(dated(x.outcome.date) && known(x.outcome.cite))) delete out.outcome;
    return out;
  };
  return {
    ...c,
    stances,
    events,
    commitments,
    claims,
    scenarios: c.scenarios.map(resolved),
    hypotheses: c.hypotheses.map(resolved),
    evidence: c.evidence
      .filter((e) => e.refs.every(refKnown) && dated(e.date))
      .map((e) => ({ ...e, ratings: e.ratings.filter((r) => known(r.cite)) }))
      .filter((e) => e.ratings.length > 0),
    indicators: c.indicators
      .filter((i) => known(i.cite))
      .map((i) => (i.observations ? { ...i, observations: i.observations.filter((o) => dated(o.date) && known(o.cite)) } : i)),
  };
}

/**
 * The days on which the ACH analysis and the forecasts of `c` can change as the case is rewound:
 * the first day of every dated record rewindCase weighs for them (the evidence, the items it
 * refers to, the documents those and the ratings cite, forecasts and outcomes with their
 * documents). Between two consecutive days, rewindCase keeps the same evidence, ratings, forecasts
 * and outcomes, so a track of probabilities need only be computed on these. Sorted, distinct.
 */
export function trackedDays(c: LoadedCase, published: PublishedDates = new Map()): number[] {
  const days = new Set<number>();
  const on = (d: PartialDate | undefined | null) => {
    if (d === undefined || d === null) return;
    const lo = daySpan(d).lo;
    if (Number.isFinite(lo)) days.add(lo);
  };
  const cited = (cite: readonly Citation[] | undefined) => {
    for (const x of cite ?? []) on(published.get(x.doc));
  };
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
  const events = byId(c.events);
  const stances = byId(c.stances);
  const claims = byId(c.claims);
  const commitments = byId(c.commitments);
  for (const e of c.evidence) {
    on(e.date);
    for (const r of e.ratings) cited(r.cite);
    for (const ref of e.refs) {
      if (ref.kind === 'event') {
        const ev = events.get(ref.id);
        if (ev && ev.type !== 'deadline') on(ev.date);
        cited(ev?.cite);
      } else if (ref.kind === 'stance') {
        on(stances.get(ref.id)?.date);
        cited(stances.get(ref.id)?.cite);
      } else if (ref.kind === 'claim') {
        on(claims.get(ref.id)?.stated);
        cited(claims.get(ref.id)?.cite);
      } else {
        const m = commitments.get(ref.id);
        on(m?.made);
        cited(m?.cite);
        for (const h of m?.history ?? []) {
          on(h.date);
          cited(h.cite);
        }
      }
    }
  }
  for (const x of [...c.scenarios, ...c.hypotheses]) {
    for (const f of x.forecasts ?? []) on(f.date);
    on(x.outcome?.date);
    cited(x.outcome?.cite);
  }
  return [...days].sort((a, b) => a - b);
}
