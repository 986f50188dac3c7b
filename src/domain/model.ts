/**
 * Shapes of the causal model (a fuzzy cognitive map) kept in a case folder, usually `model.yaml`
 * with the top-level keys `concepts`, `edges` and `stakes`.
 */
import { z } from 'zod';
import { Bilingual, Cite, Id } from './case.js';

export const ConceptKind = z.enum(['lever', 'intermediate', 'outcome']);
export const Concept = z
  .object({
    id: Id,
    kind: ConceptKind,
    label: Bilingual,
    description: Bilingual.optional(),
    /** Starting activation in the baseline, in [-1, 1] (default 0; levers take scenario values). */
    initial: z.number().min(-1).max(1).optional(),
  })
  .strict();
export type Concept = z.infer<typeof Concept>;

/** The words of the source that set the weight: see the README's mapping from words to numbers. */
export const Strength = z.enum(['certain', 'will', 'likely', 'may', 'could']);

export const CausalEdge = z
  .object({
    from: Id,
    to: Id,
    /** Signed influence in [-1, 1]. */
    weight: z.number().min(-1).max(1),
    /** Plausible range [low, high], containing the weight, sampled by Monte Carlo. */
    range: z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)]),
    strength: Strength.optional(),
    note: Bilingual.optional(),
    cite: Cite,
  })
  .strict()
  .refine((e) => e.range[0] <= e.weight && e.weight <= e.range[1], {
    message: 'expected range [low, high] with low <= weight <= high',
    path: ['range'],
  });
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
