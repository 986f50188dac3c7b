/**
 * Scoring extraction output against a hand-written gold file: precision and recall per type.
 * A prediction matches a gold item when their spans overlap and the value agrees (dates: ISO
 * value and precision; figures: value or range; mentions: entity id). Matching is one-to-one.
 */
import type { ExtractionResult } from '../../src/domain/extract.js';

export interface GoldItem {
  text: string;
  value?: unknown;
  precision?: string;
  entity?: string;
  unit?: string;
  qualifier?: string;
}
export interface GoldFile {
  doc: string;
  published: string;
  dates: GoldItem[];
  figures: GoldItem[];
  /** Absent when the gold file annotates dates and figures only. */
  mentions?: GoldItem[];
}
export interface Located extends GoldItem {
  start: number;
  end: number;
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
  extras: string[];
  /** Among matched pairs: how many also agree on the secondary attributes (qualifier, unit). */
  attrOk: number;
}

/** Finds each gold item's `text` in the document, after the previous item of the same list. */
export function locate(doc: string, items: GoldItem[], label: string): Located[] {
  let from = 0;
  return items.map((g) => {
    const at = doc.indexOf(g.text, from);
    if (at < 0) throw new Error(`gold ${label}: "${g.text}" not found after offset ${from}`);
    from = at + g.text.length;
    return { ...g, start: at, end: at + g.text.length };
  });
}

type Pred = { start: number; end: number; text: string };

export function score<P extends Pred>(
  gold: Located[],
  pred: P[],
  same: (g: Located, p: P) => boolean,
  attrs: (g: Located, p: P) => boolean = () => true,
): Score {
  const used = new Set<number>();
  const misses: string[] = [];
  let attrOk = 0;
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && p.start < g.end && g.start < p.end && same(g, p));
    if (k >= 0) {
      used.add(k);
      if (attrs(g, pred[k])) attrOk++;
    } else misses.push(`${g.text} @${g.start}`);
  }
  const tp = used.size;
  const extras = pred.filter((_, i) => !used.has(i)).map((p) => `${p.text} @${p.start}`);
  const fp = pred.length - tp;
  const fn = gold.length - tp;
  return { tp, fp, fn, precision: pred.length ? tp / pred.length : 1, recall: gold.length ? tp / gold.length : 1, misses, extras, attrOk };
}

const sameFigure = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function scoreAll(doc: string, gold: GoldFile, r: ExtractionResult): { dates: Score; figures: Score; mentions?: Score } {
  return {
    dates: score(
      locate(doc, gold.dates, 'dates'),
      r.dates,
      (g, p) => g.value === p.value && g.precision === p.precision,
      (g, p) => (g.qualifier ?? null) === (p.qualifier ?? null),
    ),
    figures: score(
      locate(doc, gold.figures, 'figures'),
      r.figures,
      (g, p) => sameFigure(g.value, typeof p.value === 'number' ? p.value : { low: p.value.low, high: p.value.high }),
      (g, p) => (g.qualifier ?? 'exact') === p.qualifier && (g.unit ?? null) === p.unit,
    ),
    ...(gold.mentions ? { mentions: score(locate(doc, gold.mentions, 'mentions'), r.mentions, (g, p) => g.entity === p.actor) } : {}),
  };
}

export function sumScores(scores: Score[]): Score {
  const tp = scores.reduce((s, x) => s + x.tp, 0);
  const fp = scores.reduce((s, x) => s + x.fp, 0);
  const fn = scores.reduce((s, x) => s + x.fn, 0);
  return {
    tp, fp, fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    misses: scores.flatMap((s) => s.misses),
    extras: scores.flatMap((s) => s.extras),
    attrOk: scores.reduce((s, x) => s + x.attrOk, 0),
  };
}

export function formatScore(label: string, s: Score): string {
  return `${label.padEnd(22)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; qualifier/unit agree on ${s.attrOk}/${s.tp})`;
}
