/**
 * Shapes of the causal model (a fuzzy cognitive map) kept in a case folder, usually `model.yaml`
 * with the top-level keys `concepts`, `edges` and `stakes`.
 */
import { z } from 'zod';
import { Basis, Bilingual, Cite, Id } from './case.js';

export const ConceptKind = z.enum(['lever', 'intermediate', 'outcome']);

/** Where an item's framing comes from (defined with the case's shapes; scenarios have it too). */
export { Basis } from './case.js';
/** An outside source: publication, date and, where useful, what it says (our words). */
export const Reference = z.string().min(10).max(600);

const analystNeedsReference = (x: { basis?: string; reference?: string }) => (x.basis === 'analyst') === (x.reference !== undefined);
const referenceMessage = {
  message: 'expected a reference (the outside source) exactly when basis is analyst',
  path: ['reference'],
};

export const Concept = z
  .object({
    id: Id,
    kind: ConceptKind,
    label: Bilingual,
    description: Bilingual.optional(),
    /** Starting activation in the baseline, in [-1, 1] (default 0; levers take scenario values). */
    initial: z.number().min(-1).max(1).optional(),
    /** `analyst` when the concept's framing is not stated in the documents (default cited). */
    basis: Basis.optional(),
    reference: Reference.optional(),
  })
  .strict()
  .refine(analystNeedsReference, referenceMessage);
export type Concept = z.infer<typeof Concept>;

/**
 * The modality of the source's words, which sets the weight (src/model/modality.ts holds the
 * rubric: certain 0.80, will 0.65, likely 0.50, may 0.35, could 0.25).
 */
export const Strength = z.enum(['certain', 'will', 'likely', 'may', 'could']);

export const CausalEdge = z
  .object({
    from: Id,
    to: Id,
    /** Signed influence in [-1, 1]. */
    weight: z.number().min(-1).max(1),
    /** Plausible range [low, high], containing the weight, sampled by Monte Carlo. */
    range: z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)]),
    /** The modality of the cited words; absent for definitional edges (one concept built from its parts). */
    strength: Strength.optional(),
    /**
     * The source states this link only under a condition, named by a concept of the model (e.g.
     * `unplanned-exit`) and cited to the passage that sets it. The link must start at that
     * concept or at one it drives (checked by conditionFindings), so the condition gates it.
     */
    condition: z.object({ concept: Id, cite: Cite }).strict().optional(),
    /** `analyst` when the link or its framing is not stated in the documents (default cited). */
    basis: Basis.optional(),
    reference: Reference.optional(),
    note: Bilingual.optional(),
    cite: Cite,
  })
  .strict()
  .refine((e) => e.range[0] <= e.weight && e.weight <= e.range[1], {
    message: 'expected range [low, high] with low <= weight <= high',
    path: ['range'],
  })
  .refine(analystNeedsReference, referenceMessage);
export type CausalEdge = z.infer<typeof CausalEdge>;

/** How much an actor gains per unit rise of each outcome concept (negative: it loses). */
export const Stake = z
  .object({
    actor: Id,
    weights: z.record(Id, z.number().min(-1).max(1)),
    note: Bilingual.optional(),
    cite: Cite.optional(),
  })
  .strict();
export type Stake = z.infer<typeof Stake>;

export const ModelFile = z
  .object({
    concepts: z.array(Concept).default([]),
    edges: z.array(CausalEdge).default([]),
    stakes: z.array(Stake).default([]),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFile>;
