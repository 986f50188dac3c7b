/**
 * Shapes of the Analysis of Competing Hypotheses (ACH) matrix kept in a case folder, usually
 * `ach.yaml` with the top-level keys `hypotheses` and `evidence`.
 */
import { z } from 'zod';
import { Bilingual, Cite, DateValue, Forecast, Id, Outcome } from './case.js';

export const Hypothesis = z
  .object({
    id: Id,
    title: Bilingual,
    description: Bilingual.optional(),
    /** The case scenario that plays this hypothesis out, if any: its Monte Carlo run gives the hypothesis's bottom line a probability. */
    scenario: Id.optional(),
    /** Probabilities that the hypothesis is true, as held over time (oldest first). */
    forecasts: z.array(Forecast).optional(),
    /** How it resolved, once it has. */
    outcome: Outcome.optional(),
  })
  .strict();
export type Hypothesis = z.infer<typeof Hypothesis>;

/** Heuer's ratings: very consistent, consistent, neutral, not applicable, inconsistent, very inconsistent. */
export const Consistency = z.enum(['CC', 'C', 'N', 'NA', 'I', 'II']);
export type Consistency = z.infer<typeof Consistency>;
export const Grade = z.enum(['low', 'medium', 'high']);
export type Grade = z.infer<typeof Grade>;

/** The case item an evidence item rests on. */
export const EvidenceRef = z
  .object({ kind: z.enum(['claim', 'event', 'stance', 'commitment']), id: Id })
  .strict();
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const Rating = z
  .object({
    hypothesis: Id,
    rating: Consistency,
    /** One line saying why, in both languages. */
    rationale: Bilingual,
    cite: Cite,
  })
  .strict();
export type Rating = z.infer<typeof Rating>;

export const Evidence = z
  .object({
    id: Id,
    title: Bilingual,
    refs: z.array(EvidenceRef).min(1),
    credibility: Grade,
    relevance: Grade,
    /** When the evidence became known; the case rewound to an earlier date leaves it out, so the ranking can be read over time. */
    date: DateValue.optional(),
    ratings: z.array(Rating).min(1),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;
