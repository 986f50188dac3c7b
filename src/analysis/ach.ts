/**
 * Scoring of an Analysis of Competing Hypotheses matrix (Heuer). Pure functions: the matrix in,
 * scores, ranking, diagnosticity and sensitivity out.
 *
 * Heuer's method ranks hypotheses by the evidence *against* them, so the leading hypothesis is
 * the one with the lowest weighted inconsistency; the signed weighted score breaks ties.
 */
import type { Consistency, Evidence, Grade, Hypothesis } from '../domain/ach.js';
import type { AchResult, HypothesisScore } from '../domain/simulation.js';

/** Options of the scoring, with their defaults. */
export const DEFAULTS = {
  /** Weights of the credibility and relevance grades (multiplied together). */
  gradeWeights: { low: Math.SQRT1_2, medium: 1, high: Math.SQRT2 } as Record<Grade, number>,
  /** Signed value of each rating in the weighted score; NA items are left out of the row. */
  consistencyValues: { CC: 2, C: 1, N: 0, NA: 0, I: -1, II: -2 } as Record<Consistency, number>,
};

/** Heuer's inconsistency counts: I counts 1, II counts 2. */
const INCONSISTENCY: Record<Consistency, number> = { CC: 0, C: 0, N: 0, NA: 0, I: 1, II: 2 };

export type EvidenceDiagnosticity = AchResult['diagnosticity'][number];
export type { AchResult, HypothesisScore };

export function evidenceWeight(e: Evidence, weights = DEFAULTS.gradeWeights): number {
  return weights[e.credibility] * weights[e.relevance];
}

/** Scores and ranks the hypotheses over the given evidence. */
export function scoreHypotheses(hypotheses: Hypothesis[], evidence: Evidence[]): HypothesisScore[] {
  const rows = hypotheses.map((h) => {
    let inconsistency = 0;
    let weightedInconsistency = 0;
    let weightedScore = 0;
    for (const e of evidence) {
      const r = e.ratings.find((x) => x.hypothesis === h.id);
      if (!r || r.rating === 'NA') continue;
      const w = evidenceWeight(e);
      inconsistency += INCONSISTENCY[r.rating];
      weightedInconsistency += w * INCONSISTENCY[r.rating];
      weightedScore += w * DEFAULTS.consistencyValues[r.rating];
    }
    return { hypothesis: h.id, inconsistency, weightedInconsistency, weightedScore, rank: 0 };
  });
  // Stable order: by weighted inconsistency, then by weighted score, then by the matrix order.
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        round(a.row.weightedInconsistency) - round(b.row.weightedInconsistency) ||
        round(b.row.weightedScore) - round(a.row.weightedScore) ||
        a.index - b.index,
    );
  order.forEach(({ row }, i) => (row.rank = i + 1));
  return order.map(({ row }) => ({ ...row, weightedInconsistency: round(row.weightedInconsistency), weightedScore: round(row.weightedScore) }));
}

export function diagnosticity(hypotheses: Hypothesis[], evidence: Evidence[]): EvidenceDiagnosticity[] {
  const ids = new Set(hypotheses.map((h) => h.id));
  return evidence
    .map((e) => {
      const values = e.ratings
        .filter((r) => ids.has(r.hypothesis) && r.rating !== 'NA')
        .map((r) => DEFAULTS.consistencyValues[r.rating]);
      const spread = values.length > 1 ? Math.max(...values) - Math.min(...values) : 0;
      const weight = evidenceWeight(e);
      return { evidence: e.id, weight: round(weight), diagnosticity: round(spread * weight) };
    })
    .sort((a, b) => b.diagnosticity - a.diagnosticity || a.evidence.localeCompare(b.evidence));
}

export function analyzeAch(hypotheses: Hypothesis[], evidence: Evidence[]): AchResult {
  const scores = scoreHypotheses(hypotheses, evidence);
  const leading = scores[0]?.hypothesis ?? null;
  const critical: AchResult['critical'] = [];
  for (const e of evidence) {
    const without = scoreHypotheses(
      hypotheses,
      evidence.filter((x) => x !== e),
    );
    const leadingWithout = without[0]?.hypothesis ?? null;
    if (leadingWithout !== leading) critical.push({ evidence: e.id, leadingWithout });
  }
  const dropped = evidence.filter((e) => e.credibility === 'low').map((e) => e.id);
  const kept = evidence.filter((e) => e.credibility !== 'low');
  const reduced = scoreHypotheses(hypotheses, kept);
  return {
    scores,
    leading,
    diagnosticity: diagnosticity(hypotheses, evidence),
    critical,
    withoutLowCredibility: { dropped, scores: reduced, leading: reduced[0]?.hypothesis ?? null },
  };
}

/** Rounds away floating-point noise so equal sums compare equal and output is stable. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
