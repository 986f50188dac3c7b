/**
 * Figure candidates: every figure of the article with who states it, when, and which quantity
 * of the case it most likely measures.
 *
 * A figure is left out only when the case already holds it from this very document (a claim
 * citing this file with the same value and unit) — never because an unrelated claim happens to
 * have the same value. Claims of other documents with the same value and unit are listed as
 * `similar` (the same figure reported again, or a merge). Figures in page chrome are left out,
 * and a figure the report repeats (headline and body) is proposed once, where the article states it.
 */
import type { Claim, Quantity } from '../domain/case.js';
import type { CandidateDate, DateMention, FigureFields, FigureMention, Mention } from '../domain/extract.js';
import { idsIn } from './events.js';
import { inChrome, inHeadline, pastDateline, type Layout } from './layout.js';
import type { QuoteFind, Speakers } from './quotes.js';
import { speakerOf } from './quotes.js';
import { sentenceAt } from './sentences.js';
import { dateWithin } from './spans.js';
import { stems as terms } from './words.js';

export interface FigureFind {
  fields: FigureFields;
  cite: { start: number; end: number };
  confidence: number;
  reason: string;
}

export interface FigureInput {
  text: string;
  layout: Layout;
  figures: readonly FigureMention[];
  dates: readonly DateMention[];
  mentions: readonly Mention[];
  quotes: readonly QuoteFind[];
  speakers: Speakers;
  claims: readonly Claim[];
  quantities: readonly Quantity[];
  file: string | null;
  published: string | null;
}

function sameValue(a: FigureMention['value'], b: Claim['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'object' && typeof b === 'object') return a.low === b.low && a.high === b.high;
  return false;
}


export function findFigureCandidates(inp: FigureInput): FigureFind[] {
  const quantityTerms = inp.quantities.map((q) => ({ q, terms: terms(`${q.label.ar} ${q.label.en} ${q.description?.ar ?? ''} ${q.description?.en ?? ''}`) }));
  const out: FigureFind[] = [];
  const seen = new Set<string>();
  const body = inp.figures.filter((f) => !inChrome(inp.layout, f.start));
  // the body's statement of a figure comes before the headline's
  const ordered = [...body.filter((f) => !inHeadline(inp.layout, f.start)), ...body.filter((f) => inHeadline(inp.layout, f.start))];
  for (const f of ordered) {
    const key = `${JSON.stringify(f.value)}|${f.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = inp.claims.filter((k) => sameValue(f.value, k.value) && (f.unit === null || k.unit === f.unit));
    if (inp.file && same.some((k) => k.cite.some((c) => c.doc === inp.file))) continue;
    const sentence = pastDateline(inp.layout, sentenceAt(inp.text, f.start));
    const quote = inp.quotes.find((q) => q.start <= f.start && f.end <= q.end);
    const reported = quote?.speaker ?? speakerOf(inp.speakers, sentence.start, sentence.end);
    const stated: CandidateDate | undefined = dateWithin(inp.dates, sentence.start, sentence.end, inp.published);
    const sentenceTerms = terms(sentence.text);
    let quantity: string | undefined;
    let bestOverlap = 1;
    for (const { q, terms: qt } of quantityTerms) {
      if (f.unit !== null && q.unit !== f.unit) continue;
      const n = [...qt].filter((t) => sentenceTerms.has(t)).length;
      if (n > bestOverlap) {
        bestOverlap = n;
        quantity = q.id;
      }
    }
    const similar = same.filter((k) => !quantity || k.quantity === quantity).map((k) => k.id);
    const { kind: _kind, ...speaker } = reported ?? { kind: undefined };
    out.push({
      fields: {
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        text: f.text,
        actors: idsIn(inp.mentions, sentence.start, sentence.end, 'actor'),
        places: idsIn(inp.mentions, sentence.start, sentence.end, 'place'),
        ...(reported ? { reported_by: speaker as FigureFields['reported_by'] } : {}),
        ...(stated ? { stated } : {}),
        ...(quantity ? { quantity } : {}),
        similar,
      },
      cite: sentence,
      confidence: f.unit === null ? 0.4 : quantity ? 0.8 : 0.6,
      reason: [
        f.unit === null ? 'a figure without its unit' : `a figure of ${f.unit}`,
        quantity ? `likely ${quantity}` : null,
        similar.length ? `same value as ${similar.join(', ')} in another document` : null,
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  return out.sort((a, b) => a.cite.start - b.cite.start);
}
