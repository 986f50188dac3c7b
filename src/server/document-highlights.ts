/**
 * What the reader highlights in a document: where known actors and places are named (the
 * extraction module's gazetteer), where dates are (linked to a case event on that date when
 * there is one), and where the case's facts cite it (each cited quote links to its fact).
 */
import type { LoadedCase } from '../case/load.js';
import { tagMentions } from '../extract/gazetteer.js';
import { findDates } from '../text/dates.js';
import { dateText } from './dates.js';
import type { Citation } from '../domain/case.js';
import { foldWithOffsets, resolveCitation } from '../case/citations.js';

export interface Mention {
  kind: 'actor' | 'place';
  id: string;
  start: number;
  end: number;
}

export interface CitedFact {
  kind: 'actor' | 'stance' | 'event' | 'commitment' | 'claim' | 'scenario' | 'edge' | 'place';
  id: string;
  start: number;
  end: number;
  quote: string;
}

/** Actors and places named in the text, by the extraction module's gazetteer (clitic-aware). */
export function findMentions(c: LoadedCase, text: string): Mention[] {
  return tagMentions(c, text).map((m) => ({ kind: m.kind, id: m.actor, start: m.start, end: m.end }));
}

export interface DateHighlight {
  start: number;
  end: number;
  /** ISO at its precision: 2024, 2024-01, 2024-01-27. */
  value: string;
  precision: string;
  /** A case event on that date, when there is one: the highlight links to it. */
  event?: string;
}

/** Dates in the text (relative ones resolved from the publication date when it is usable). */
export function findDateHighlights(c: LoadedCase, text: string, published: string | null | undefined): DateHighlight[] {
  const anchor = published && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(published) ? published : null;
  const { dates } = findDates(text, { published: anchor });
  return dates.map((d) => {
    const exact = c.events.find((e) => dateText(e.date) === d.value);
    const inside = exact ?? c.events.find((e) => (dateText(e.date) ?? '').startsWith(d.value));
    return { start: d.start, end: d.end, value: d.value, precision: d.precision, ...(inside ? { event: inside.id } : {}) };
  });
}

export function findCitedFacts(c: LoadedCase, file: string, text: string): CitedFact[] {
  const out: CitedFact[] = [];
  const folded = foldWithOffsets(text);
  const add = (kind: CitedFact['kind'], id: string, cites: Citation[] | undefined) => {
    for (const cite of cites ?? []) {
      if (cite.doc !== file) continue;
      const span = resolveCitation(cite, folded);
      if (span) out.push({ kind, id, start: span.start, end: span.end, quote: cite.quote });
    }
  };
  for (const x of c.stances) add('stance', x.id, x.cite);
  for (const x of c.events) add('event', x.id, x.cite);
  for (const x of c.commitments) add('commitment', x.id, x.cite);
  for (const x of c.claims) add('claim', x.id, x.cite);
  for (const x of c.edges) add('edge', `${x.from}>${x.to}`, x.cite);
  return out.sort((a, b) => a.start - b.start);
}
