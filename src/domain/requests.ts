/**
 * What a user can ask of Marsad, one schema per operation. The application layer (src/app)
 * takes these; the CLI builds them from flags and the API from query strings and bodies, and
 * both parse them with the same schema, so a request that does not fit is refused the same way
 * (exit 2 / HTTP 400, naming the field) before any work starts.
 *
 * Defaults and limits live in LIMITS below, once. Query-string values arrive as strings, so
 * numbers and booleans are coerced.
 */
import { z } from 'zod';
import { ActorType, Id, StanceVoice } from './case.js';
import { DateParam } from './dates.js';
import { Distribution, ModelFormatName, ReportFormatName, TransferName, UpdateRuleName } from './simulation.js';

/** Every default and limit of a request, in one place. */
export const LIMITS = {
  search: { limit: 20, maxLimit: 1000, maxQueryChars: 1000 },
  simulate: {
    /** Runs of a plain simulation (1: the authored weights only). */
    runs: 1,
    /** Runs of a Monte Carlo job, and behind a briefing's probabilities. */
    monteCarloRuns: 2000,
    seed: 1,
    maxRuns: 1_000_000,
    maxThreads: 64,
    maxStepsPerMonth: 100,
  },
  report: { runs: 2000, seed: 1 },
  model: { maxLoops: 1_000_000, loops: 1000 },
  jobs: { kept: 16 },
} as const;

const Seed = z.coerce.number().int().min(0).max(2 ** 32 - 1);
const Lang = z.enum(['ar', 'en']);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM');
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const SearchRequest = z
  .object({
    q: z.string().trim().min(1, 'expected a non-empty query').max(LIMITS.search.maxQueryChars),
    limit: z.coerce.number().int().min(1).max(LIMITS.search.maxLimit).default(LIMITS.search.limit),
    /** Only this document (file name or id). */
    doc: z.string().min(1).max(300).optional(),
    lang: Lang.optional(),
    /** Documents published on or after / before (a partial date covers its whole period). */
    from: DateParam.optional(),
    to: DateParam.optional(),
    /** Only passages naming this actor under any of its names. */
    actor: Id.optional(),
    /** Add the other names of actors and places named in the query (default true). */
    expand: flag.default(true),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from.slice(0, Math.min(r.from.length, r.to.length)) <= r.to.slice(0, Math.min(r.from.length, r.to.length)), {
    message: 'expected the end of the range (to) on or after its start (from)',
    path: ['to'],
  });
export type SearchRequest = z.infer<typeof SearchRequest>;

export const NoRequest = z.object({}).strict();

export const ActorsRequest = z.object({ type: ActorType.optional() }).strict();
export type ActorsRequest = z.infer<typeof ActorsRequest>;

export const StancesRequest = z
  .object({
    actor: Id.optional(),
    issue: Id.optional(),
    /** Only the actors' own positions (`declared`) or only authors' readings of them (`attributed`). */
    voice: StanceVoice.optional(),
  })
  .strict();
export type StancesRequest = z.infer<typeof StancesRequest>;

export const EventsRequest = z
  .object({
    actor: Id.optional(),
    type: z.string().max(40).optional(),
    /** Events that may overlap this period. */
    from: DateParam.optional(),
    to: DateParam.optional(),
  })
  .strict();
export type EventsRequest = z.infer<typeof EventsRequest>;

export const ClaimsRequest = z.object({ quantity: Id.optional() }).strict();
export type ClaimsRequest = z.infer<typeof ClaimsRequest>;

export const IdRequest = z.object({ id: z.string().min(1).max(300) }).strict();

export const CitationRequest = z.object({ doc: z.string().min(1).max(300), quote: z.string().min(1).max(400) }).strict();
export type CitationRequest = z.infer<typeof CitationRequest>;

/** The engine's settings a request may override; unset ones take the engine's defaults. */
const EngineSettings = {
  rule: UpdateRuleName.optional(),
  transfer: TransferName.optional(),
  /** Steepness of sigmoid and tanh, > 0. */
  lambda: z.coerce.number().positive().max(1000).optional(),
};

export const SimulateRequest = z
  .object({
    scenario: Id,
    /** More than 1 samples the edge weights within their ranges (Monte Carlo). */
    runs: z.coerce.number().int().min(1).max(LIMITS.simulate.maxRuns).default(LIMITS.simulate.runs),
    seed: Seed.default(LIMITS.simulate.seed),
    threads: z.coerce.number().int().min(1).max(LIMITS.simulate.maxThreads).optional(),
    distribution: Distribution.optional(),
    ...EngineSettings,
    /** Also rank the edges by how much they move this outcome. */
    sensitivity: Id.optional(),
    /** Window of the monthly trajectory (YYYY-MM); both given run one for any scenario. */
    from: Month.optional(),
    to: Month.optional(),
    stepsPerMonth: z.coerce.number().int().min(1).max(LIMITS.simulate.maxStepsPerMonth).optional(),
  })
  .strict();
export type SimulateRequest = z.infer<typeof SimulateRequest>;
export type SimulateInput = z.input<typeof SimulateRequest>;

export const MonteCarloRequest = z
  .object({
    scenario: Id,
    runs: z.coerce.number().int().min(2).max(LIMITS.simulate.maxRuns).default(LIMITS.simulate.monteCarloRuns),
    seed: Seed.default(LIMITS.simulate.seed),
    threads: z.coerce.number().int().min(1).max(LIMITS.simulate.maxThreads).optional(),
    distribution: Distribution.optional(),
    ...EngineSettings,
  })
  .strict();
export type MonteCarloRequest = z.infer<typeof MonteCarloRequest>;

export const SensitivityRequest = z.object({ scenario: Id, outcome: Id, ...EngineSettings }).strict();
export type SensitivityRequest = z.infer<typeof SensitivityRequest>;

export const CompareRequest = z
  .object({ scenarios: z.array(Id).min(2).max(8), ...EngineSettings })
  .strict();
export type CompareRequest = z.infer<typeof CompareRequest>;

export const ModelRequest = z
  .object({
    metrics: flag.default(true),
    loops: flag.default(true),
    maxLoops: z.coerce.number().int().min(1).max(LIMITS.model.maxLoops).default(LIMITS.model.loops),
  })
  .strict();
export type ModelRequest = z.infer<typeof ModelRequest>;

export const ModelExportRequest = z.object({ format: ModelFormatName }).strict();

export const ReportRequest = z
  .object({
    scenario: Id,
    lang: Lang.default('ar'),
    format: ReportFormatName.default('md'),
    runs: z.coerce.number().int().min(0).max(LIMITS.simulate.maxRuns).default(LIMITS.report.runs),
    seed: Seed.default(LIMITS.report.seed),
    threads: z.coerce.number().int().min(1).max(LIMITS.simulate.maxThreads).optional(),
    /** The briefing's "now" (a partial date means its last day); default the case's `as_of`. */
    asOf: DateParam.optional(),
  })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;
export type ReportInput = z.input<typeof ReportRequest>;

export const AchRequest = NoRequest;
