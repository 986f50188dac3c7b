/**
 * Shapes computed from a loaded case (never authored): conflicts between claims and between
 * stances, and the entity expansion of a search query. Served by the CLI and the API as JSON.
 */
import type { Citation, Claim, PartialDate } from './case.js';

/** One side of a claim comparison, with what an analyst needs to judge it. */
export interface ClaimSide {
  claim: string;
  value: Claim['value'];
  qualifier: Claim['qualifier'];
  unit: string;
  period?: { from?: PartialDate; to?: PartialDate };
  place?: string;
  reported_by: string[];
  /** Document file names the claim cites. */
  docs: string[];
  cite: Citation[];
}

/**
 * `conflict`: periods overlap and the values cannot both be true (150 vs 170; about 1,200 vs
 * more than 3,000).
 * `discrepancy`: periods overlap and the sources give different figures that can both be true
 * as qualified (more than 130 vs more than 150; about 1,000 vs 1,080).
 * `different-periods`: the figures differ but the periods do not overlap, so they may both hold;
 * shown side by side, marked.
 */
export interface ClaimConflict {
  kind: 'conflict' | 'discrepancy' | 'different-periods';
  quantity: string;
  /** How the two periods relate: identical, overlapping, or disjoint. */
  periods: 'same' | 'overlapping' | 'disjoint';
  a: ClaimSide;
  b: ClaimSide;
}

export interface StanceSide {
  stance: string;
  actor: string;
  answer: string;
  date: PartialDate;
  docs: string[];
  cite: Citation[];
}

/** Different actors giving different answers to the same question: each answer and who gives it. */
export interface StanceConflict {
  question: string;
  /** In order of first appearance; at least two. */
  answers: Array<{ answer: string; stances: StanceSide[] }>;
}

/** A search query's known names, for bilingual and alias-aware search. */
export interface EntityExpansion {
  /**
   * Phrases that may match instead of the query: the query with each matched name replaced by
   * each other name of the same entity. Search ORs them with the query.
   */
  alternatives: string[];
  /** Ids of the actors and places named in the query, in order of appearance. */
  entities: string[];
}
