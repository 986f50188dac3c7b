/**
 * Conflicts are computed from the data, never written by hand.
 *
 * Claims: two claims about the same quantity, in the same place (or one or both without a
 * place), in the same unit, are compared. Each claim's figure becomes the interval of true values
 * it allows (an exact figure allows a small relative tolerance, "about" a larger one, "more than
 * 150" everything above 150), each period an interval of days (a date at month precision covers
 * the month; "early" the first third; a missing side is open; a claim without a period is taken
 * at its `stated` date, or as unbounded when it has none). Pairs whose stated figures are the
 * same (within the exact tolerance) give nothing. Otherwise:
 * - periods overlap and the value intervals do not → `conflict`;
 * - periods overlap and the value intervals do (bounds, approximations) → `discrepancy`;
 * - periods do not overlap → `different-periods` (side by side, marked).
 * Claims in different units are not compared (no unit conversion is attempted).
 *
 * Stances: a question (`claim.question`) that different actors answer differently gives one
 * conflict listing each answer with the stances that give it. The actors' own words and the
 * readings authors attribute to them are never mixed: declared stances are compared with
 * declared ones, attributed with attributed (a study placing a party in a camp is not that
 * party contradicting another).
 */
import type { Claim, PartialDate, Stance } from '../domain/case.js';
import type { ClaimConflict, ClaimSide, StanceConflict, StanceSide } from '../domain/case-analysis.js';
import { compareDates, daySpan } from '../domain/dates.js';

export const DEFAULTS = {
  /**
   * Relative tolerance of an exact figure: 0.1%, so float noise and rounding of large figures
   * pass but 86 vs 87 member states is a disagreement.
   */
  exactTolerance: 0.001,
  /** Relative tolerance of a figure qualified as "about" (نحو، حوالي): 10%. */
  aboutTolerance: 0.1,
} as const;

export interface ConflictOptions {
  exactTolerance?: number;
  aboutTolerance?: number;
}

interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export function findClaimConflicts(c: { claims: readonly Claim[] }, options: ConflictOptions = {}): ClaimConflict[] {
  const opts = { ...DEFAULTS, ...options };
  const byQuantity = new Map<string, Claim[]>();
  for (const claim of c.claims) {
    const list = byQuantity.get(claim.quantity) ?? [];
    list.push(claim);
    byQuantity.set(claim.quantity, list);
  }
  const out: ClaimConflict[] = [];
  for (const [quantity, claims] of byQuantity) {
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const a = claims[i];
        const b = claims[j];
        if (a.place && b.place && a.place !== b.place) continue;
        if (a.unit.trim().toLowerCase() !== b.unit.trim().toLowerCase()) continue;
        const asStated = (k: Claim) => valueInterval({ value: k.value, qualifier: 'exact' }, opts);
        if (intersects(asStated(a), asStated(b))) continue; // the same figure
        const compatible = intersects(valueInterval(a, opts), valueInterval(b, opts));
        const pa = claimPeriod(a);
        const pb = claimPeriod(b);
        const periods = pa.lo === pb.lo && pa.hi === pb.hi ? 'same' : intersects(pa, pb) ? 'overlapping' : 'disjoint';
        out.push({
          kind: periods === 'disjoint' ? 'different-periods' : compatible ? 'discrepancy' : 'conflict',
          quantity,
          periods,
          a: claimSide(a),
          b: claimSide(b),
        });
      }
    }
  }
  return out;
}

export function findStanceConflicts(c: { stances: readonly Stance[] }): StanceConflict[] {
  const byQuestion = new Map<string, Stance[]>();
  for (const s of c.stances) {
    if (!s.claim) continue;
    const key = `${s.voice}|${s.claim.question}`;
    const list = byQuestion.get(key) ?? [];
    list.push(s);
    byQuestion.set(key, list);
  }
  const out: StanceConflict[] = [];
  for (const all of byQuestion.values()) {
    // Two answers of one actor at different dates are a change of stance, not a contradiction:
    // each actor answers with its latest statement (as of the case's date, when it is rewound).
    const latest = new Map<string, Stance>();
    for (const s of all) {
      const prev = latest.get(s.actor);
      if (!prev || compareDates(s.date, prev.date) > 0) latest.set(s.actor, s);
    }
    const stances = all.filter((s) => compareDates(s.date, latest.get(s.actor)!.date) === 0);
    if (new Set(stances.map((s) => s.actor)).size < 2) continue;
    const answers = new Map<string, Stance[]>();
    for (const s of stances) {
      const key = normalizeAnswer(s.claim!.answer);
      answers.set(key, [...(answers.get(key) ?? []), s]);
    }
    if (answers.size < 2) continue;
    out.push({
      question: stances[0].claim!.question,
      voice: stances[0].voice,
      answers: [...answers.values()].map((group) => ({ answer: group[0].claim!.answer, stances: group.map(stanceSide) })),
    });
  }
  return out;
}

function normalizeAnswer(answer: string): string {
  return answer.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The true values a claim allows. */
export function valueInterval(claim: Pick<Claim, 'value' | 'qualifier'>, opts: Required<ConflictOptions> = DEFAULTS): Interval {
  const [low, high] = typeof claim.value === 'number' ? [claim.value, claim.value] : [claim.value.low, claim.value.high];
  const closed = (lo: number, hi: number): Interval => ({ lo, hi, loOpen: false, hiOpen: false });
  const widen = (t: number) => closed(low - t * Math.abs(low), high + t * Math.abs(high));
  switch (claim.qualifier) {
    case 'about':
      return widen(opts.aboutTolerance);
    case 'more-than':
      return { lo: low, hi: Infinity, loOpen: true, hiOpen: true };
    case 'at-least':
      return { lo: low, hi: Infinity, loOpen: false, hiOpen: true };
    case 'less-than':
      return { lo: -Infinity, hi: high, loOpen: true, hiOpen: true };
    case 'at-most':
    case 'up-to':
      return { lo: -Infinity, hi: high, loOpen: true, hiOpen: false };
    default:
      return widen(opts.exactTolerance);
  }
}

function intersects(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return true;
  if (lo > hi) return false;
  // touching at one point: both must include it
  return contains(a, lo) && contains(b, lo);
}

function contains(i: Interval, p: number): boolean {
  const above = i.lo < p || (i.lo === p && !i.loOpen);
  const below = p < i.hi || (p === i.hi && !i.hiOpen);
  return above && below;
}

/** The days a claim's period covers (day numbers since 1970; open sides are infinite). */
export function claimPeriod(claim: Pick<Claim, 'period' | 'stated'>): Interval {
  const period = claim.period ?? (claim.stated ? { from: claim.stated, to: claim.stated } : {});
  const lo = period.from ? daySpan(period.from).lo : -Infinity;
  const hi = period.to ? daySpan(period.to).hi : Infinity;
  return { lo, hi, loOpen: false, hiOpen: false };
}

function claimSide(c: Claim): ClaimSide {
  return {
    claim: c.id,
    value: c.value,
    qualifier: c.qualifier,
    unit: c.unit,
    period: c.period,
    place: c.place,
    reported_by: c.reported_by,
    docs: [...new Set(c.cite.map((x) => x.doc))],
    cite: c.cite,
  };
}

function stanceSide(s: Stance): StanceSide {
  return {
    stance: s.id,
    actor: s.actor,
    answer: s.claim!.answer,
    voice: s.voice,
    ...(s.attributed_by ? { attributed_by: s.attributed_by } : {}),
    date: s.date,
    docs: [...new Set(s.cite.map((x) => x.doc))],
    cite: s.cite,
  };
}
