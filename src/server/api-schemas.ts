/**
 * Request shapes of the HTTP API (query strings and bodies), parsed at the edge: a request that
 * does not fit is a 400 naming the field before any handler runs. Entity shapes are not defined
 * here — responses carry the domain objects of src/domain as they are.
 */
import { z } from 'zod';
import { Id } from '../domain/case.js';
import { InputError } from '../domain/errors.js';
import { TRANSFER_NAMES, UPDATE_RULE_NAMES } from '../simulate/index.js';

const IsoDay = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
const Count = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

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

export const EventsQuery = z
  .object({ actor: Id.optional(), type: z.string().max(40).optional() })
  .strict();
export const StancesQuery = z.object({ actor: Id.optional(), issue: Id.optional() }).strict();
export const EmptyQuery = z.object({}).strict();

export const CitationQuery = z
  .object({ doc: z.string().min(1).max(300), quote: z.string().min(1).max(400) })
  .strict();

export const SensitivityQuery = z.object({ scenario: Id, outcome: Id }).strict();

export const SimulateBody = z
  .object({
    scenario: Id,
    /** More than one run samples edge weights (Monte Carlo) and waits for the result. */
    runs: z.number().int().min(1).max(20_000).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    /** Names from the simulation registries. */
    rule: z.enum(UPDATE_RULE_NAMES).optional(),
    transfer: z.enum(TRANSFER_NAMES).optional(),
  })
  .strict();

export const MonteCarloBody = z
  .object({
    scenario: Id,
    runs: z.number().int().min(2).max(100_000).default(1000),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    rule: SimulateBody.shape.rule,
    transfer: SimulateBody.shape.transfer,
  })
  .strict();

/** Parses with a schema or throws the InputError naming the first offending field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length ? issue.path.join('.') : where;
  const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : path;
  throw new InputError(issue ? issue.message : 'invalid input', { field: `${where}.${field}` });
}
