/**
 * What the reader marks in a document: where known actors and places are named (the case's one
 * name matcher), where dates are (linked to a case event on that date when there is one), and
 * where the case's facts cite it (each cited quote links to its fact).
 */
import { foldWithOffsets, resolveCitation } from '../case/citations.js';
import type { LoadedCase } from '../case/load.js';
import type { Citation } from '../domain/case.js';
import { dateValueOf, isPartialDate } from '../domain/dates.js';
import type { CitedFactMark, DateMark, MentionMark } from '../domain/responses.js';
import { tagMentions } from '../case/gazetteer.js';
import { findDates } from '../text/dates.js';

/** Actors and places named in the text (clitic-aware), with the readings of names that fit several. */
export function mentionMarks(c: LoadedCase, text: string): MentionMark[] {
  return tagMentions(c, text).map((m) => ({ kind: m.kind, id: m.actor, start: m.start, end: m.end, ...(m.ambiguity ? { ambiguity: m.ambiguity } : {}) }));
}

/** Dates in the text (relative ones resolved from the publication date when it is usable). */
export function dateMarks(c: LoadedCase, text: string, published: string | null | undefined): DateMark[] {
  const anchor = published && isPartialDate(published) ? published : null;
  const { dates } = findDates(text, { published: anchor });
  return dates.map((d) => {
    const exact = c.events.find((e) => dateValueOf(e.date) === d.value);
    const inside = exact ?? c.events.find((e) => dateValueOf(e.date).startsWith(d.value));
    return { start: d.start, end: d.end, value: d.value, precision: d.precision, ...(inside ? { event: inside.id } : {}) };
  });
}

/** Where the case's facts quote this document. */
export function citedFactMarks(c: LoadedCase, file: string, text: string): CitedFactMark[] {
  const out: CitedFactMark[] = [];
  const folded = foldWithOffsets(text);
  const add = (kind: CitedFactMark['kind'], id: string, cites: Citation[] | undefined) => {
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
