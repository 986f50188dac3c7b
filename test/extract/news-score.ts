/**
 * Scoring news extraction against hand-written gold files (test/fixtures/gold/news/): precision
 * and recall of dates, figures, new actors, headline events and quotes with their speakers.
 *
 * Matching is one-to-one and by overlapping spans, as in score.ts, plus:
 * - actors: a proposed actor whose name overlaps the gold name (its title agreeing is counted
 *   apart, as `attrOk`);
 * - events: a headline-event candidate whose citation overlaps the gold sentence and whose date
 *   has the gold value and precision;
 * - quotes: a quote candidate overlapping the gold quote whose speaker is right — the case actor
 *   for a case id; a name outside the case sharing the gold surname for `{ name }`; an unnamed
 *   source for `{ unnamed }`. A quote found with the wrong speaker counts as both a miss and an extra.
 */
import type { Candidate, CandidateOf, ExtractionResult } from '../../src/domain/extract.js';
import { normalizeArabic } from '../../src/text/index.js';
import { locate, score, scoreAll, type GoldItem, type Located, type Score } from './score.js';

export interface NewsGold {
  doc: string;
  published: string;
  dates: GoldItem[];
  figures: GoldItem[];
  actors: Array<{ text: string; type: string; title?: string }>;
  events: Array<{ text: string; date: string; precision: string }>;
  quotes: Array<{ text: string; speaker: string | { name: string } | { unnamed: string } }>;
}

export type NewsScores = Record<'dates' | 'figures' | 'actors' | 'events' | 'quotes', Score>;

const fold = (s: string) => normalizeArabic(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const surname = (s: string) => (fold(s).split(' ').pop() ?? '').replace(/^(?:al|el)(?=\p{L}{3})/u, '').replace(/^ال(?=.{3})/, '');

type Spanned<C> = C & { start: number; end: number; text: string };
const of = <K extends Candidate['kind']>(r: ExtractionResult, kind: K) => r.candidates.filter((c): c is CandidateOf<K> => c.kind === kind);

export function scoreNews(doc: string, gold: NewsGold, r: ExtractionResult): NewsScores {
  const { dates, figures } = scoreAll(doc, { ...gold, mentions: undefined }, r);

  const actorPred: Array<Spanned<CandidateOf<'actor'>>> = of(r, 'actor').map((c) => {
    const at = c.cite.quote.indexOf(c.fields.name);
    const start = c.cite.start + Math.max(0, at);
    return { ...c, start, end: start + c.fields.name.length, text: c.fields.name };
  });
  const actorGold = locate(doc, gold.actors as unknown as GoldItem[], 'actors') as Array<Located & { title?: string; type: string }>;
  const actors = score(
    actorGold,
    actorPred,
    () => true,
    (g, p) => !g.title || (p.fields.title !== undefined && (fold(p.fields.title).includes(fold(g.title)) || fold(g.title).includes(fold(p.fields.title)))),
  );

  const eventPred = of(r, 'event')
    .filter((c) => c.fields.headline)
    .map((c) => ({ ...c, start: c.cite.start, end: c.cite.end, text: `${c.fields.date.value} ${c.fields.title.slice(0, 40)}` }));
  const eventGold = locate(doc, gold.events as unknown as GoldItem[], 'events') as Array<Located & { date: string; precision: string }>;
  const events = score(eventGold, eventPred, (g, p) => g.date === p.fields.date.value && g.precision === p.fields.date.precision);

  const quotePred = of(r, 'quote').map((c) => ({ ...c, start: c.cite.start, end: c.cite.end, text: `${c.fields.speaker.name}: ${c.fields.text.slice(0, 30)}` }));
  const quoteGold = locate(doc, gold.quotes as unknown as GoldItem[], 'quotes') as Array<Located & { speaker: NewsGold['quotes'][number]['speaker'] }>;
  const quotes = score(quoteGold, quotePred, (g, p) => {
    const s = p.fields.speaker;
    if (typeof g.speaker === 'string') return s.actor === g.speaker;
    if ('name' in g.speaker) return s.actor === null && !s.unnamed && surname(s.name) === surname(g.speaker.name);
    return s.actor === null && (s.unnamed === true || /official|source|spokes|مصدر|مسؤول|متحدث/u.test(s.name));
  });
  return { dates, figures, actors, events, quotes };
}
