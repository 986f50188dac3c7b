/**
 * Shapes computed from a loaded case (never authored): conflicts between claims and between
 * stances, and the entity expansion of a search query. Served by the CLI and the API as JSON.
 */
import { z } from 'zod';
import { Citation, Claim, ClaimValue, StanceVoice } from './case.js';
import { PartialDate } from './date-schemas.js';

/** One side of a claim comparison, with what an analyst needs to judge it. */
export const ClaimSide = z
  .object({
    claim: z.string(),
    value: ClaimValue,
    qualifier: Claim.shape.qualifier,
    unit: z.string(),
    period: z.object({ from: PartialDate.optional(), to: PartialDate.optional() }).strict().optional(),
    place: z.string().optional(),
    reported_by: z.array(z.string()),
    /** Document file names the claim cites. */
    docs: z.array(z.string()),
    cite: z.array(Citation),
  })
  .strict();
export type ClaimSide = z.infer<typeof ClaimSide>;

/**
 * `conflict`: periods overlap and the values cannot both be true (150 vs 170; about 1,200 vs
 * more than 3,000).
 * `discrepancy`: periods overlap and the sources give different figures that can both be true
 * as qualified (more than 130 vs more than 150; about 1,000 vs 1,080).
 * `different-periods`: the figures differ but the periods do not overlap, so they may both hold;
 * shown side by side, marked.
 */
export const ClaimConflict = z
  .object({
    kind: z.enum(['conflict', 'discrepancy', 'different-periods']),
    quantity: z.string(),
    /** How the two periods relate: identical, overlapping, or disjoint. */
    periods: z.enum(['same', 'overlapping', 'disjoint']),
    a: ClaimSide,
    b: ClaimSide,
  })
  .strict();
export type ClaimConflict = z.infer<typeof ClaimConflict>;

export const StanceSide = z
  .object({
    stance: z.string(),
    actor: z.string(),
    answer: z.string(),
    voice: StanceVoice,
    /** Who places the actor there, for an attributed reading. */
    attributed_by: z.string().optional(),
    date: PartialDate,
    docs: z.array(z.string()),
    cite: z.array(Citation),
  })
  .strict();
export type StanceSide = z.infer<typeof StanceSide>;

/**
 * Different actors giving different answers to the same question: each answer and who gives it.
 * Declared positions and authors' readings are compared apart: `declared` sets the actors' own
 * answers against each other, `attributed` the answers authors attribute to them.
 */
export const StanceConflict = z
  .object({
    question: z.string(),
    voice: StanceVoice,
    /** In order of first appearance; at least two. */
    answers: z.array(z.object({ answer: z.string(), stances: z.array(StanceSide) }).strict()),
  })
  .strict();
export type StanceConflict = z.infer<typeof StanceConflict>;

/** A search query's known names, for bilingual and alias-aware search. */
export const EntityExpansion = z
  .object({
    /**
     * Phrases that may match instead of the query: the query with each matched name replaced by
     * each other name of the same entity. Search ORs them with the query.
     */
    alternatives: z.array(z.string()),
    /** Ids of the actors and places named in the query, in order of appearance. */
    entities: z.array(z.string()),
  })
  .strict();
export type EntityExpansion = z.infer<typeof EntityExpansion>;
