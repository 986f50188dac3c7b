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
import { LIMITS } from './names.js';
import { ActorType, Citation, Id, StanceVoice } from './case.js';
import { DateParam } from './date-schemas.js';
import { Distribution, ModelFormatName, ReportFormatName, TransferName, UpdateRuleName, WeightNormalizationName } from './simulation.js';
import { ItemKind } from './working-copy.js';

export { LIMITS };

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
    /** Add the other names of actors and places named in the query, and glossary forms in both languages (default true). */
    expand: flag.default(true),
    /** Only documents of this outlet (part of its name, any case). */
    outlet: z.string().trim().min(1).max(200).optional(),
    /** `relevance` (default) or `date` (newest first among the best-covered relevant hits). */
    sort: z.enum(['relevance', 'date']).default('relevance'),
    /** As of a date: only documents published by then (with `to`, the earlier of the two). */
    asOf: DateParam.optional(),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from.slice(0, Math.min(r.from.length, r.to.length)) <= r.to.slice(0, Math.min(r.from.length, r.to.length)), {
    message: 'expected the end of the range (to) on or after its start (from)',
    path: ['to'],
  });
export type SearchRequest = z.infer<typeof SearchRequest>;

export const NoRequest = z.object({}).strict();

/**
 * "As of" a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, meaning the last day of its period): the
 * case rewound to what was known then. Default: today (or the case's own `as_of`, when it pins one).
 */
const AsOf = { asOf: DateParam.optional() };
export const AsOfRequest = z.object(AsOf).strict();
export type AsOfRequest = z.infer<typeof AsOfRequest>;

export const ActorsRequest = z.object({ type: ActorType.optional(), ...AsOf }).strict();
export type ActorsRequest = z.infer<typeof ActorsRequest>;

export const StancesRequest = z
  .object({
    actor: Id.optional(),
    issue: Id.optional(),
    /** Only the actors' own positions (`declared`) or only authors' readings of them (`attributed`). */
    voice: StanceVoice.optional(),
    ...AsOf,
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
    ...AsOf,
  })
  .strict();
export type EventsRequest = z.infer<typeof EventsRequest>;

export const ClaimsRequest = z.object({ quantity: Id.optional(), ...AsOf }).strict();
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
  /** How each concept's incoming weights are scaled before inference. */
  normalize: WeightNormalizationName.optional(),
};

/** Lever settings of an unsaved scenario: concept id → value in [-1, 1]. */
const Levers = z.record(Id, z.number().min(-1).max(1));

/**
 * An edge tried with another weight (and range) for one run, without changing the case: the
 * analyst sees the effect, then keeps it (an edit of the edge) or discards it.
 */
export const EdgeTrial = z
  .object({
    from: Id,
    to: Id,
    weight: z.number().min(-1).max(1),
    /** Plausible range for Monte Carlo; default the edge's own, widened to hold the weight. */
    range: z.tuple([z.number().min(-1).max(1), z.number().min(-1).max(1)]).optional(),
  })
  .strict()
  .refine((e) => !e.range || (e.range[0] <= e.weight && e.weight <= e.range[1]), { message: 'expected range [low, high] with low <= weight <= high', path: ['range'] });
export type EdgeTrial = z.infer<typeof EdgeTrial>;

/** Dated lever changes of an unsaved scenario (replacing the base scenario's schedule). */
const TrialSchedule = z.array(z.object({ date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'), levers: Levers }).strict()).max(100);

export const SimulateRequest = z
  .object({
    /** A saved scenario; with `levers`, the base they are set on top of. */
    scenario: Id.optional(),
    /** Levers to set (an unsaved scenario, on top of `scenario` when given). */
    levers: Levers.optional(),
    /** Dated lever changes for the monthly trajectory of an unsaved scenario. */
    schedule: TrialSchedule.optional(),
    /** Edges tried with other weights for this run only. */
    edges: z.array(EdgeTrial).max(200).optional(),
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
  .strict()
  .refine((r) => r.scenario !== undefined || (r.levers !== undefined && Object.keys(r.levers).length > 0) || (r.schedule?.length ?? 0) > 0, {
    message: 'expected a scenario, or levers to set',
    path: ['scenario'],
  });
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

export const JobsRequest = z
  .object({
    /** Newest first; at most this many. */
    limit: z.coerce.number().int().min(1).max(LIMITS.jobs.maxList).default(LIMITS.jobs.list),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).optional(),
  })
  .strict();
export type JobsRequest = z.infer<typeof JobsRequest>;

/** Extraction over stored documents as a job. */
export const ExtractJobRequest = z
  .object({
    /** Documents by id or file name; none: every stored document whose candidates are not kept yet. */
    documents: z.array(z.string().min(1).max(300)).max(100_000).default([]),
    /** With no documents named: every stored document, those already extracted too. */
    all: flag.default(false),
  })
  .strict();
export type ExtractJobRequest = z.infer<typeof ExtractJobRequest>;

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
    /** The briefing's "now" (a partial date means its last day), the case rewound to it; default today. */
    asOf: DateParam.optional(),
  })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;
export type ReportInput = z.input<typeof ReportRequest>;

export const AchRequest = NoRequest;

/** The sections a change may write (the metadata is edited as kind `meta`, id `case`). */
const WritableKind = ItemKind;
/** Who made a change: a name, an e-mail, a handle. */
const Author = z.string().trim().min(1).max(120);
const Reason = z.string().trim().min(1).max(2000);

export const AddItemRequest = z
  .object({
    kind: WritableKind.exclude(['meta']),
    /** The item as the case folder's YAML writes it; validated like the loader validates. */
    item: z.record(z.string(), z.unknown()),
    reason: Reason.optional(),
    /** The passages the change rests on (default: the item's own citations). */
    cite: z.array(Citation).max(50).optional(),
    author: Author.optional(),
  })
  .strict();
export type AddItemRequest = z.infer<typeof AddItemRequest>;

export const EditItemRequest = z
  .object({
    kind: WritableKind,
    id: z.string().min(1).max(300),
    /** Fields to set, by dotted path (`title.en`, `history`); a value of null removes the field. */
    set: z.record(z.string(), z.unknown()),
    reason: Reason.optional(),
    cite: z.array(Citation).max(50).optional(),
    author: Author.optional(),
    /** The revision the edit was prepared against; a later change to the same item refuses it (409). */
    revision: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type EditItemRequest = z.infer<typeof EditItemRequest>;

export const RetireItemRequest = z
  .object({ kind: WritableKind.exclude(['meta']), id: z.string().min(1).max(300), reason: Reason.optional(), author: Author.optional() })
  .strict();
export type RetireItemRequest = z.infer<typeof RetireItemRequest>;

export const RevertRequest = z
  .object({ seq: z.coerce.number().int().min(1), reason: Reason.optional(), author: Author.optional() })
  .strict();
export type RevertRequest = z.infer<typeof RevertRequest>;

export const HistoryRequest = z
  .object({
    kind: ItemKind.optional(),
    /** An item's id (any section when `kind` is not given). */
    item: z.string().min(1).max(300).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** Entries older than this one (paging). */
    before: z.coerce.number().int().min(1).optional(),
    /** Only changes made by the end of this date (the log as it stood then). */
    asOf: DateParam.optional(),
  })
  .strict();
export type HistoryRequest = z.infer<typeof HistoryRequest>;

export const ItemRequest = z.object({ kind: ItemKind, id: z.string().min(1).max(300) }).strict();
export type ItemRequest = z.infer<typeof ItemRequest>;

export const OverviewAnswerRequest = z
  .object({
    /** "What changed" covers the time after this date (default: 30 days before the case's "now"). */
    since: DateParam.optional(),
    ...AsOf,
  })
  .strict();
export type OverviewAnswerRequest = z.infer<typeof OverviewAnswerRequest>;

/** A command line run by `marsad serve` for a CLI beside it (its arguments, folder and environment). */
export const CliRunRequest = z
  .object({
    args: z.array(z.string().max(100_000)).max(1000),
    cwd: z.string().min(1).max(4096),
    env: z.record(z.string(), z.string().max(4096).optional()),
  })
  .strict();
export type CliRunRequest = z.infer<typeof CliRunRequest>;

/** Metadata an analyst gives a document they add (a pasted page, an uploaded file). */
const GivenMeta = z
  .object({
    title: z.string().trim().min(1).max(2000).optional(),
    source_url: z.string().url().max(2000).optional(),
    outlet: z.string().trim().min(1).max(500).optional(),
    published: DateParam.optional(),
    author: z.string().trim().min(1).max(500).optional(),
    language: z.enum(['ar', 'en']).optional(),
    reliability: z.enum(['high', 'medium', 'low', 'unknown']).optional(),
  })
  .strict();

/**
 * A document added from the app: a pasted page (`text`) or an uploaded file (`base64` with its
 * `file` name, whose extension chooses the reader: .txt, .md, .html, .pdf, .docx).
 */
export const AddDocumentRequest = z
  .object({
    file: z.string().trim().min(1).max(200).optional(),
    text: z.string().min(1).max(5_000_000).optional(),
    base64: z.string().min(1).max(30_000_000).optional(),
    meta: GivenMeta.default({}),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.base64 === undefined), { message: 'expected the text of a page or a file (base64), one of them', path: ['text'] })
  .refine((r) => r.base64 === undefined || r.file !== undefined, { message: 'an uploaded file needs its name (the extension chooses the reader)', path: ['file'] });
export type AddDocumentRequest = z.infer<typeof AddDocumentRequest>;

export const CandidatesRequest = z
  .object({
    /** A stored document's file name or id. */
    doc: z.string().min(1).max(300),
    /** Include the candidates already accepted, rejected or merged (with their decision). */
    all: flag.default(false),
  })
  .strict();
export type CandidatesRequest = z.infer<typeof CandidatesRequest>;

export const AcceptRequest = z
  .object({
    /** A candidate's id, as `marsad candidates` lists it. */
    id: z.string().regex(/^c-[0-9a-f]{16}$/, 'expected a candidate id such as c-0123456789abcdef'),
    /** Fields of the item to set before it is saved (dotted paths; values as the case files write them). */
    set: z.record(z.string(), z.unknown()).default({}),
    reason: Reason.optional(),
    author: Author.optional(),
  })
  .strict();
export type AcceptRequest = z.infer<typeof AcceptRequest>;

export const RejectRequest = z
  .object({ id: AcceptRequest.shape.id, reason: Reason.optional(), author: Author.optional() })
  .strict();
export type RejectRequest = z.infer<typeof RejectRequest>;

export const MergeRequest = z
  .object({
    id: AcceptRequest.shape.id,
    /** The case item the candidate's passage is added to, as a citation. */
    into: z.object({ kind: ItemKind, id: z.string().min(1).max(300) }).strict(),
    reason: Reason.optional(),
    author: Author.optional(),
  })
  .strict();
export type MergeRequest = z.infer<typeof MergeRequest>;

/** A citation given as `FILE::QUOTE` or as a stored passage's id (its opening words are quoted). */
const CiteRef = z.union([Citation, z.string().min(1).max(500)]);
const Text = z.string().trim().min(1).max(2000);

/** A status entry of a commitment: score 0–3 (or abandoned) on a date, with the passage that says so. */
export const CommitmentUpdateRequest = z
  .object({
    id: Id,
    status: z.coerce.number().int().min(0).max(3),
    date: DateParam,
    cite: CiteRef,
    note: Text.optional(),
    /** The owner gave it up: the commitment is abandoned from this entry on. */
    abandoned: flag.default(false),
    author: Author.optional(),
  })
  .strict();
export type CommitmentUpdateRequest = z.infer<typeof CommitmentUpdateRequest>;

export const IndicatorsRequest = z.object({ ...AsOf }).strict();
export type IndicatorsRequest = z.infer<typeof IndicatorsRequest>;

/** An observation of an indicator: a value (a number; yes/no as 1/0) on a date, cited. */
export const ObserveRequest = z
  .object({
    indicator: Id,
    date: DateParam,
    value: z.preprocess((v) => (v === 'yes' || v === 'true' ? 1 : v === 'no' || v === 'false' ? 0 : v), z.coerce.number().finite()),
    cite: CiteRef,
    note: Text.optional(),
    author: Author.optional(),
  })
  .strict();
export type ObserveRequest = z.infer<typeof ObserveRequest>;

/** A scenario or hypothesis id; `scenario:ID` or `hypothesis:ID` when both sections hold the id. */
const Target = z.string().regex(/^(?:scenario:|hypothesis:)?[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a scenario or hypothesis id (scenario:ID or hypothesis:ID when both hold it)');

/** The analyst's probability that a scenario plays out or a hypothesis is true, held from a date. */
export const ForecastRequest = z
  .object({ target: Target, p: z.coerce.number().min(0).max(1), date: DateParam, note: Text.optional(), author: Author.optional() })
  .strict();
export type ForecastRequest = z.infer<typeof ForecastRequest>;

/** How a scenario or hypothesis resolved, on a date, cited. */
export const ResolveRequest = z
  .object({ target: Target, outcome: flag, date: DateParam, cite: CiteRef, note: Text.optional(), author: Author.optional() })
  .strict();
export type ResolveRequest = z.infer<typeof ResolveRequest>;

/** Rewind the case to `asOf` and score what it held then against what was recorded up to `until` (default today). */
export const BacktestRequest = z.object({ asOf: DateParam, until: DateParam.optional() }).strict();
export type BacktestRequest = z.infer<typeof BacktestRequest>;

/** The probabilities of the scenarios and hypotheses over time, from `from` (default: the first change) to `until` (default today). */
export const ProbabilitiesRequest = z.object({ from: DateParam.optional(), until: DateParam.optional() }).strict();
export type ProbabilitiesRequest = z.infer<typeof ProbabilitiesRequest>;
