/**
 * What the reader highlights in a document: where known actors and places are named (by the
 * case gazetteer: names and aliases in both languages, matched as written, longest first) and
 * where the case's facts cite it (each cited quote links to the event, stance, claim… it backs).
 */
import type { LoadedCase } from '../case/load.js';
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

/** Names shorter than this match too much inside other words. */
const MIN_NAME = 3;

export function findMentions(c: LoadedCase, text: string): Mention[] {
  const names: Array<{ name: string; kind: Mention['kind']; id: string }> = [];
  for (const a of c.actors) {
    for (const n of new Set([a.name.ar, a.name.en, ...a.aliases])) names.push({ name: n, kind: 'actor', id: a.id });
  }
  for (const p of c.places) {
    for (const n of new Set([p.name.ar, p.name.en, ...p.aliases])) names.push({ name: n, kind: 'place', id: p.id });
  }
  names.sort((x, y) => y.name.length - x.name.length);
  const taken = new Uint8Array(text.length);
  const out: Mention[] = [];
  for (const { name, kind, id } of names) {
    if (name.length < MIN_NAME) continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (!isWordEdge(text, at - 1) && /[A-Za-z]/.test(name[0])) continue;
      if (!isWordEdge(text, end) && /[A-Za-z]/.test(name[name.length - 1])) continue;
      if (taken.subarray(at, end).some((v) => v === 1)) continue;
      taken.fill(1, at, end);
      out.push({ kind, id, start: at, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Latin names must stand alone ("Iran" not inside "Iranian"); Arabic ones take clitics. */
function isWordEdge(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text[i]);
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
