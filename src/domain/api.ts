/**
 * Request shapes of the HTTP API (query strings and bodies), parsed at the server's edge: a
 * request that does not fit is a 400 naming the field before any handler runs. Responses carry
 * the domain objects of this folder as they are.
 *
 * Names that belong to registries of higher layers (update rules, transfer functions, report
 * formats) are passed in: the shapes live here, the lists stay with the code they name.
 */
import { z } from 'zod';
import { Id } from './case.js';

const IsoDay = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
const Count = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const Seed = z.number().int().min(0).max(2 ** 32 - 1);

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1, 'expected a non-empty query').max(500),
    limit: Count(100, 20),
    doc: z.string().max(300).optional(),
    lang: z.enum(['ar', 'en']).optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    actor: Id.optional(),
  })
  .strict();

export const EventsQuery = z.object({ actor: Id.optional(), type: z.string().max(40).optional() }).strict();
export const StancesQuery = z.object({ actor: Id.optional(), issue: Id.optional() }).strict();
export const EmptyQuery = z.object({}).strict();

export const CitationQuery = z
  .object({ doc: z.string().min(1).max(300), quote: z.string().min(1).max(400) })
  .strict();

export const SensitivityQuery = z.object({ scenario: Id, outcome: Id }).strict();

/** Bodies of `POST /api/simulate` and `POST /api/montecarlo`, over the engine's registries. */
export function simulationBodies<R extends string, T extends string>(rules: readonly R[], transfers: readonly T[]) {
  const rule = z.enum(rules as readonly R[] as [R, ...R[]]).optional();
  const transfer = z.enum(transfers as readonly T[] as [T, ...T[]]).optional();
  const SimulateBody = z
    .object({
      scenario: Id,
      /** More than one run samples edge weights (Monte Carlo) and waits for the result. */
      runs: z.number().int().min(1).max(20_000).optional(),
      seed: Seed.optional(),
      rule,
      transfer,
    })
    .strict();
  const MonteCarloBody = z
    .object({
      scenario: Id,
      runs: z.number().int().min(2).max(100_000).default(1000),
      seed: Seed.default(1),
      rule,
      transfer,
    })
    .strict();
  return { SimulateBody, MonteCarloBody };
}

/**
 * `GET /api/report`: the briefing of one scenario as a file. `runs` Monte Carlo runs feed the
 * probabilities (0 leaves them out; default 2000, as the CLI), `seed` makes them repeatable.
 */
export function reportQuery<F extends string>(formats: readonly F[]) {
  return z
    .object({
      scenario: Id,
      lang: z.enum(['ar', 'en']).default('ar'),
      format: z.enum(formats as readonly F[] as [F, ...F[]]).default(formats[0] as F),
      runs: z.coerce.number().int().min(0).max(20_000).default(2000),
      seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
    })
    .strict();
}

/** `GET /api/overview/answer`: what changed is listed from `since` (default 30 days before "now"). */
export const OverviewAnswerQuery = z.object({ since: IsoDay.optional() }).strict();
