/**
 * Readable robustness: for each conclusion of a scenario (an outcome rises or falls, an actor
 * comes out ahead or behind), the share of Monte Carlo runs over the edges' plausible ranges in
 * which it holds, and the three edges it hangs on most, in a sentence an analyst can check:
 * "Iran comes out ahead in 94% of plausible weightings; it hangs mostly on …".
 *
 * Conclusions are read at the authored weights (the scenario's deltas and payoffs). An edge's
 * hold on a conclusion is its swing: how far the conclusion's quantity (the outcome's delta, or
 * the actor's payoff Σ stake × delta) moves between the low and the high end of the edge's
 * range, everything else at its authored weight (sensitivityTable). When one end alone reverses
 * the conclusion, the sentence says so.
 */
import type { Bilingual } from '../domain/case.js';
import type { Stake } from '../domain/model.js';
import type { MonteCarloResult } from '../simulate/monte-carlo.js';
import { flips, type SensitivityTable } from '../simulate/sensitivity.js';
import { PAYOFF_DEFAULTS } from './payoffs.js';

export const ROBUSTNESS_DEFAULTS = {
  /** Edges named per conclusion. */
  top: 3,
  /** Deltas and payoffs within ±threshold are no conclusion (as in payoffs and Monte Carlo). */
  threshold: PAYOFF_DEFAULTS.epsilon,
} as const;

export type Claim = 'rises' | 'falls' | 'ahead' | 'behind';

export interface EdgeHold {
  from: string;
  to: string;
  low: number;
  high: number;
  /** The conclusion's quantity with the edge at the low / high end of its range. */
  atLow: number;
  atHigh: number;
  swing: number;
  /** Which end, if either, reverses the conclusion on its own. */
  reverses?: 'low' | 'high';
}

export interface Conclusion {
  kind: 'effect' | 'actor';
  /** Concept id (effect) or actor id. */
  subject: string;
  claim: Claim;
  /** Delta (effect) or payoff (actor) at the authored weights. */
  value: number;
  /** Share of Monte Carlo runs in which the conclusion holds. */
  probability: number;
  hangsOn: EdgeHold[];
  sentence: Bilingual;
}

export interface RobustnessInput {
  mc: Pick<MonteCarloResult, 'outcomes' | 'actors'>;
  table: SensitivityTable;
  stakes: ReadonlyArray<Pick<Stake, 'actor' | 'weights'>>;
  /** Names for the sentences; ids are used when absent. */
  conceptLabel?: (id: string) => Bilingual | undefined;
  actorName?: (id: string) => Bilingual | undefined;
  top?: number;
  threshold?: number;
}

/** Actors first (winners, then losers, largest payoff first), then outcomes by size of delta. */
export function robustness(input: RobustnessInput): Conclusion[] {
  const top = input.top ?? ROBUSTNESS_DEFAULTS.top;
  const th = input.threshold ?? ROBUSTNESS_DEFAULTS.threshold;
  const { table } = input;
  const index = new Map(table.concepts.map((id, i) => [id, i]));
  const concept = (id: string) => input.conceptLabel?.(id) ?? { ar: id, en: id };
  const actor = (id: string) => input.actorName?.(id) ?? { ar: id, en: id };

  const holds = (q: (d: Float64Array) => number, claimSign: number): EdgeHold[] =>
    table.edges
      .map((e) => {
        const atLow = q(e.deltaLow);
        const atHigh = q(e.deltaHigh);
        const hold: EdgeHold = { from: e.from, to: e.to, low: e.low, high: e.high, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
        if (flips(atLow, claimSign)) hold.reverses = 'low';
        else if (flips(atHigh, claimSign)) hold.reverses = 'high';
        return hold;
      })
      .sort((a, b) => b.swing - a.swing || (a.from + a.to < b.from + b.to ? -1 : 1))
      .slice(0, top);

  const out: Conclusion[] = [];
  const actorTerms = new Map<string, Array<[number, number]>>();
  for (const s of input.stakes) {
    const terms = actorTerms.get(s.actor) ?? [];
    for (const [id, w] of Object.entries(s.weights)) if (index.has(id)) terms.push([index.get(id)!, w]);
    actorTerms.set(s.actor, terms);
  }
  const actorRows: Conclusion[] = [];
  for (const a of input.mc.actors) {
    const terms = actorTerms.get(a.actor) ?? [];
    const payoff = (d: Float64Array) => terms.reduce((sum, [i, w]) => sum + w * d[i], 0);
    const value = payoff(table.delta);
    if (Math.abs(value) <= th) continue;
    const claim: Claim = value > 0 ? 'ahead' : 'behind';
    const probability = claim === 'ahead' ? a.ahead : a.behind;
    const hangsOn = holds(payoff, Math.sign(value));
    actorRows.push({ kind: 'actor', subject: a.actor, claim, value, probability, hangsOn, sentence: sentence('actor', actor(a.actor), claim, probability, hangsOn, concept) });
  }
  actorRows.sort((x, y) => (x.claim === y.claim ? Math.abs(y.value) - Math.abs(x.value) : x.claim === 'ahead' ? -1 : 1));
  out.push(...actorRows);

  const effectRows: Conclusion[] = [];
  for (const o of input.mc.outcomes) {
    const i = index.get(o.concept);
    if (i === undefined) continue;
    const value = table.delta[i];
    if (Math.abs(value) <= th) continue;
    const claim: Claim = value > 0 ? 'rises' : 'falls';
    const probability = claim === 'rises' ? o.rise : o.fall;
    const hangsOn = holds((d) => d[i], Math.sign(value));
    effectRows.push({ kind: 'effect', subject: o.concept, claim, value, probability, hangsOn, sentence: sentence('effect', concept(o.concept), claim, probability, hangsOn, concept) });
  }
  effectRows.sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
  out.push(...effectRows);
  return out;
}

/** 94%, never "100%" or "0%" unless every run or none agrees. */
export function percent(p: number): string {
  if (p >= 1) return '100%';
  if (p <= 0) return '0%';
  return `${Math.min(99, Math.max(1, Math.round(p * 100)))}%`;
}

function sentence(
  kind: 'effect' | 'actor',
  name: Bilingual,
  claim: Claim,
  p: number,
  hangsOn: EdgeHold[],
  concept: (id: string) => Bilingual,
): Bilingual {
  const edgeEn = (h: EdgeHold) => `«${concept(h.from).en} → ${concept(h.to).en}»`;
  // In Arabic the cause comes first and the arrow points the way the text reads (right to left).
  const edgeAr = (h: EdgeHold) => `«${concept(h.from).ar} ← ${concept(h.to).ar}»`;
  const listEn = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const listAr = (xs: string[]) => xs.join(' و');
  const pct = percent(p);
  const en =
    kind === 'actor'
      ? `${name.en} comes out ${claim} in ${pct} of plausible weightings`
      : `${name.en} ${claim} in ${pct} of plausible weightings`;
  const ar =
    kind === 'actor'
      ? `يخرج الطرف «${name.ar}» ${claim === 'ahead' ? 'رابحًا' : 'خاسرًا'} في ${pct} من الأوزان المعقولة`
      : `${claim === 'rises' ? 'يرتفع' : 'ينخفض'} «${name.ar}» في ${pct} من الأوزان المعقولة`;
  if (hangsOn.length === 0) return { en: `${en}.`, ar: `${ar}.` };
  let tailEn = `; it hangs mostly on ${listEn(hangsOn.map(edgeEn))}.`;
  let tailAr = `؛ ويتوقف ذلك أساسًا على ${listAr(hangsOn.map(edgeAr))}.`;
  const rev = hangsOn.find((h) => h.reverses);
  if (rev) {
    tailEn += ` At the ${rev.reverses} end of its range, ${edgeEn(rev)} alone reverses it.`;
    tailAr += ` وعند الطرف ${rev.reverses === 'low' ? 'الأدنى' : 'الأعلى'} من مدى ${edgeAr(rev)} وحده ينقلب هذا الاستنتاج.`;
  }
  return { en: en + tailEn, ar: ar + tailAr };
}
