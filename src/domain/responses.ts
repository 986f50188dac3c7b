/**
 * What each operation answers, one schema per response. The application layer returns these
 * types, the API sends them, the web app imports them (`import type`) and the OpenAPI
 * description is generated from the schemas, so a field renamed here breaks the server, the
 * web build and the description together.
 *
 * Case items are the authored shapes of case.ts. Over HTTP every `cite` entry also carries where
 * its quote was found (`documentId`, `passage`, `start`, `end`, see ResolvedCitation); the type
 * `Linked<T>` says so for the web app.
 */
import { z } from 'zod';
import { Evidence, Hypothesis } from './ach.js';
import {
  Actor,
  Bilingual,
  CaseMeta,
  Citation,
  Claim,
  Commitment,
  CommitmentStatusEntry,
  Event,
  Indicator,
  Issue,
  Place,
  Quantity,
  Relation,
  Scenario,
  Stance,
} from './case.js';
import { ClaimConflict, EntityExpansion, StanceConflict } from './case-analysis.js';
import { PartialDate } from './date-schemas.js';
import { DocumentRecord, IngestSummary, PassageRecord, SearchHit, StoreStats } from './corpus.js';
import { CausalEdge, Concept, Stake } from './model.js';
import { AchResult, LoopResult, ModelMetrics, MonteCarloSummary, SimulationResult } from './simulation.js';
import { SearchRequest } from './requests.js';
import { CandidateDecision, ChangeRecord, ItemKind } from './working-copy.js';
import { Ambiguity, Candidate } from './extract.js';

/** A citation with where its quote is: present when the document is stored and the quote found. */
export const ResolvedCitation = Citation.extend({
  documentId: z.string().optional(),
  title: z.string().optional(),
  published: z.string().nullable().optional(),
  passage: z.string().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  /** The page of a PDF passage ("p. 12"). */
  page: z.number().int().optional(),
});
export type ResolvedCitation = z.infer<typeof ResolvedCitation>;

/** `T` with every citation resolved (what the API sends). */
export type Linked<T> = T extends Citation
  ? ResolvedCitation
  : T extends ReadonlyArray<infer U>
    ? Array<Linked<U>>
    : T extends object
      ? { [K in keyof T]: Linked<T[K]> }
      : T;

export const CaseCounts = z
  .object({
    actors: z.number().int(),
    stances: z.number().int(),
    events: z.number().int(),
    commitments: z.number().int(),
    claims: z.number().int(),
    scenarios: z.number().int(),
    concepts: z.number().int(),
    edges: z.number().int(),
  })
  .strict();

/** `starting`: the server listens while the store opens and the corpus is ingested (every other request waits). */
export const HealthResponse = z.union([
  z.object({ ok: z.literal(true), state: z.literal('ready'), store: z.string(), case: z.string(), stats: StoreStats }).strict(),
  z.object({ ok: z.literal(true), state: z.literal('starting'), case: z.string() }).strict(),
]).describe('ready: the store is open; starting: the server listens while the store opens and the corpus is ingested');
export type HealthResponse = z.infer<typeof HealthResponse>;

export const CaseInfoResponse = z.object({ meta: CaseMeta, counts: CaseCounts, store: StoreStats }).strict();
export type CaseInfoResponse = z.infer<typeof CaseInfoResponse>;

export const Timeliness = z.enum(['not_yet_due', 'due_soon', 'overdue', 'completed_on_time', 'completed_late', 'abandoned']);

/**
 * A commitment with its latest status entry and its timeliness on the as-of date: `daysLate` for
 * overdue (to the as-of day) and completed late (to completion), `daysLeft` while it is open and
 * not yet due, `completed` the date of the entry that completed it.
 */
export const CommitmentWithStatus = Commitment.extend({
  current: CommitmentStatusEntry,
  timeliness: Timeliness,
  daysLate: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  completed: PartialDate.nullable(),
});
export type CommitmentWithStatus = z.infer<typeof CommitmentWithStatus>;

export const ScenarioSummary = z.object({ id: z.string(), title: Bilingual, description: Bilingual }).strict();

export const OverviewResponse = z
  .object({
    meta: CaseMeta,
    /** The day "now" is taken to be (`YYYY-MM-DD`). */
    asOf: z.string(),
    counts: CaseCounts.extend({ conflicts: z.number().int() }),
    store: StoreStats,
    /** Deadlines not yet past, soonest first (all deadlines when none is ahead). */
    deadlines: z.array(CommitmentWithStatus),
    /** Events up to `asOf`, newest first. */
    latestEvents: z.array(Event),
    /** Commitments past their deadline and still open on `asOf`, most late first. */
    overdue: z.array(CommitmentWithStatus),
    scenarios: z.array(ScenarioSummary),
  })
  .strict();
export type OverviewResponse = z.infer<typeof OverviewResponse>;

/** An actor with the number of its own stances and of the stances authors attribute to it. */
export const ActorListItem = Actor.extend({ stances: z.number().int(), attributed: z.number().int() });
export const ActorsResponse = z.object({ items: z.array(ActorListItem), issues: z.array(Issue) }).strict();
export type ActorsResponse = z.infer<typeof ActorsResponse>;

export const SourcedRelation = Relation.extend({ source: z.string() });
export const ActorResponse = z
  .object({
    actor: Actor,
    /** The actor's own positions (voice `declared`). */
    stances: z.array(Stance),
    /** Positions authors attribute to the actor (voice `attributed`), kept apart from its own. */
    attributed: z.array(Stance),
    relations: z.array(SourcedRelation),
    incoming: z.array(SourcedRelation),
    events: z.array(Event),
    commitments: z.array(Commitment),
    claims: z.array(Claim),
  })
  .strict();
export type ActorResponse = z.infer<typeof ActorResponse>;

export const StancesResponse = z.object({ items: z.array(Stance), issues: z.array(Issue) }).strict();
export type StancesResponse = z.infer<typeof StancesResponse>;

export const EventsResponse = z.object({ items: z.array(Event) }).strict();
export type EventsResponse = z.infer<typeof EventsResponse>;

/** Commitments as of a day (`YYYY-MM-DD`), overdue first, then due soon, then by deadline. */
export const CommitmentsResponse = z.object({ items: z.array(CommitmentWithStatus), asOf: z.string() }).strict();
export type CommitmentsResponse = z.infer<typeof CommitmentsResponse>;

export const ClaimsResponse = z.object({ items: z.array(Claim), quantities: z.array(Quantity) }).strict();
export type ClaimsResponse = z.infer<typeof ClaimsResponse>;

export const ConflictsResponse = z
  .object({ items: z.array(ClaimConflict), stances: z.array(StanceConflict), quantities: z.array(Quantity) })
  .strict();
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;

export const ScenariosResponse = z.object({ items: z.array(Scenario), indicators: z.array(Indicator), asOf: z.string() }).strict();

export const IndicatorState = z.enum(['not_triggered', 'triggered', 'reversed']);

/** An indicator with its state on the as-of date and the observations that led there, oldest first. */
export const IndicatorWithState = Indicator.extend({
  state: IndicatorState,
  /** The date of the observation that put it in its state (null when never observed to change). */
  since: z.string().nullable(),
  steps: z.array(z.object({ date: z.string(), value: z.number(), fired: z.boolean(), state: IndicatorState }).strict()),
});
export type IndicatorWithState = z.infer<typeof IndicatorWithState>;
export const IndicatorsResponse = z.object({ items: z.array(IndicatorWithState), asOf: z.string() }).strict();
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

/** One scenario or hypothesis in a back-test: the probability held on the date against what happened after. */
export const BacktestForecast = z
  .object({
    kind: z.enum(['scenario', 'hypothesis']),
    id: z.string(),
    title: Bilingual,
    /** The probability held on the as-of date (null: none held nor computable). */
    predicted: z.number().nullable(),
    /** Whose: the analyst's forecast, or computed from the ACH ranking of the rewound case. */
    source: z.enum(['analyst', 'ach', 'monte-carlo', 'indicators']).nullable(),
    forecastDate: z.string().nullable(),
    /** The outcome recorded after the as-of date (null: unresolved, or resolved before it). */
    observed: z.boolean().nullable(),
    resolved: z.string().nullable(),
    brier: z.number().nullable(),
    log: z.number().nullable(),
  })
  .strict();
/** One commitment in a back-test: its deadline and standing as known then, against its standing now. */
export const BacktestCommitment = z
  .object({
    id: z.string(),
    title: Bilingual,
    due: PartialDate.nullable(),
    /** Timeliness on the as-of date, with the case as known then. */
    then: Timeliness,
    /** Timeliness on the back-test's end date, with everything recorded since. */
    now: Timeliness,
    completed: PartialDate.nullable(),
    /** Days between the deadline's last day and completion (positive: late), or days overdue now; null when not due. */
    timingError: z.number().int().nullable(),
  })
  .strict();
export const BacktestIndicator = z
  .object({ id: z.string(), label: Bilingual, then: IndicatorState, now: IndicatorState, observations: z.number().int() })
  .strict();
export const BacktestResponse = z
  .object({
    /** The day the case is rewound to. */
    asOf: z.string(),
    /** The day it is compared with (today, or the request's `until`). */
    until: z.string(),
    forecasts: z.array(BacktestForecast),
    commitments: z.array(BacktestCommitment),
    indicators: z.array(BacktestIndicator),
    scores: z
      .object({
        /** Forecasts resolved after the as-of date and scored. */
        resolved: z.number().int(),
        /** Mean Brier score (0 best, 0.25 is always saying 50%); null when nothing resolved. */
        brier: z.number().nullable(),
        /** Mean log score (natural log of the probability given to what happened; 0 best). */
        log: z.number().nullable(),
        /** Commitments due by `until` that were completed on time / late / left overdue or abandoned. */
        onTime: z.number().int(),
        late: z.number().int(),
        missed: z.number().int(),
      })
      .strict(),
    /**
     * Calibration of the scored forecasts: in each band of predicted probability, how many, their
     * mean probability and the share that came true (a calibrated forecaster's are close).
     */
    calibration: z.array(z.object({ from: z.number(), to: z.number(), n: z.number().int(), meanP: z.number(), observed: z.number() }).strict()),
  })
  .strict();
export type BacktestResponse = z.infer<typeof BacktestResponse>;

/** A probability held from a day on: the analyst's latest forecast by then, else the ACH share. */
export const ProbabilityPoint = z
  .object({ date: z.string(), p: z.number(), source: z.enum(['analyst', 'ach', 'monte-carlo', 'indicators']) })
  .strict();
/** One scenario's or hypothesis's probability over time: a point where it changed, and how it resolved. */
export const ProbabilitySeries = z
  .object({
    kind: z.enum(['scenario', 'hypothesis']),
    id: z.string(),
    title: Bilingual,
    points: z.array(ProbabilityPoint),
    outcome: z.object({ value: z.boolean(), date: z.string() }).strict().nullable(),
  })
  .strict();
export type ProbabilitySeries = z.infer<typeof ProbabilitySeries>;
export const ProbabilitiesResponse = z
  .object({
    /** The first day tracked, and the last (today, or the request's `until`). */
    from: z.string(),
    until: z.string(),
    series: z.array(ProbabilitySeries),
  })
  .strict();
export type ProbabilitiesResponse = z.infer<typeof ProbabilitiesResponse>;
export type ScenariosResponse = z.infer<typeof ScenariosResponse>;

export const PlacesResponse = z.object({ items: z.array(Place) }).strict();
export type PlacesResponse = z.infer<typeof PlacesResponse>;

export const HypothesesResponse = z
  .object({ hypotheses: z.array(Hypothesis), evidence: z.array(Evidence), analysis: AchResult, asOf: z.string() })
  .strict();
export type HypothesesResponse = z.infer<typeof HypothesesResponse>;

export const ModelResponse = z
  .object({
    concepts: z.array(Concept),
    edges: z.array(CausalEdge),
    stakes: z.array(Stake),
    metrics: ModelMetrics.optional(),
    loops: LoopResult.optional(),
  })
  .strict();
export type ModelResponse = z.infer<typeof ModelResponse>;

export const SimulateResponse = SimulationResult;
export type SimulateResponse = SimulationResult;

export const CompareResponse = z
  .object({
    scenarios: z.array(z.string()),
    /** One row per concept: its baseline and each scenario's value and delta, in request order. */
    concepts: z.array(
      z
        .object({
          concept: z.string(),
          kind: z.string(),
          baseline: z.number(),
          values: z.array(z.number()),
          deltas: z.array(z.number()),
        })
        .strict(),
    ),
    runs: z.array(SimulationResult),
  })
  .strict();
export type CompareResponse = z.infer<typeof CompareResponse>;

/** A briefing rendered by a job: what it is (its bytes are at `GET /api/jobs/{id}/file`). */
export const BriefingFile = z
  .object({
    fileName: z.string(),
    mediaType: z.string(),
    /** Size in bytes. */
    size: z.number().int(),
    sections: z.number().int(),
    footnotes: z.number().int(),
    unresolved: z.number().int(),
  })
  .strict();
export type BriefingFile = z.infer<typeof BriefingFile>;

/** What an extraction job did over stored documents. */
export const ExtractionSummary = z
  .object({
    /** Documents extraction ran over (their candidates are kept, by id). */
    documents: z.number().int(),
    /** Candidates proposed in all, and by kind (event, figure, actor, stance, quote, commitment-status). */
    candidates: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    /** Documents deleted after the job was queued (nothing to propose). */
    missing: z.array(z.string()),
    warnings: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
    /** Warnings beyond those listed. */
    warningsLeftOut: z.number().int(),
  })
  .strict();
export type ExtractionSummary = z.infer<typeof ExtractionSummary>;

export const JobResponse = z
  .object({
    id: z.string(),
    kind: z.string(),
    /** queued → running → done | failed | cancelled (a job split in parts runs while its parts do). */
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    /** Units (Monte Carlo runs, files, documents extracted) finished so far and in total. */
    done: z.number().int(),
    total: z.number().int(),
    /** Parts it was split into (0: one piece), and of those finished. */
    parts: z.number().int(),
    partsDone: z.number().int(),
    /** Times it (or its most-tried part) was started; a part is retried when its worker's lease runs out. */
    attempts: z.number().int(),
    /** Workers that have held it or its parts. */
    workers: z.array(z.string()),
    created: z.string(),
    started: z.string().optional(),
    finished: z.string().optional(),
    result: z.union([MonteCarloSummary, IngestSummary, ExtractionSummary, BriefingFile]).optional(),
    error: z.string().optional(),
  })
  .strict();
export type JobResponse = z.infer<typeof JobResponse>;

export const JobsResponse = z.object({ items: z.array(JobResponse) }).strict();
export type JobsResponse = z.infer<typeof JobsResponse>;

/** A stored document as served: without the path it was read from on the ingesting machine. */
export const PublicDocument = DocumentRecord.omit({ path: true });
export type PublicDocument = z.infer<typeof PublicDocument>;
export const PublicDocumentInfo = DocumentRecord.omit({ path: true, text: true });
export type PublicDocumentInfo = z.infer<typeof PublicDocumentInfo>;

export const DocumentsResponse = z.object({ items: z.array(PublicDocumentInfo) }).strict();
export type DocumentsResponse = z.infer<typeof DocumentsResponse>;

/** Where the reader marks a known actor or place. */
export const MentionMark = z
  .object({
    kind: z.enum(['actor', 'place']),
    id: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    /** When the name fits several actors (or someone outside the case): every reading, best first. */
    ambiguity: z.array(Ambiguity).optional(),
  })
  .strict();
/** Where the reader marks a date (linked to a case event on that date when there is one). */
export const DateMark = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    value: z.string(),
    precision: z.string(),
    event: z.string().optional(),
  })
  .strict();
/** Where a fact of the case cites this document. */
export const CitedFactMark = z
  .object({
    kind: z.enum(['actor', 'stance', 'event', 'commitment', 'claim', 'scenario', 'edge', 'place']),
    id: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string(),
  })
  .strict();
export type MentionMark = z.infer<typeof MentionMark>;
export type DateMark = z.infer<typeof DateMark>;
export type CitedFactMark = z.infer<typeof CitedFactMark>;

export const DocumentResponse = z
  .object({
    document: PublicDocument,
    passages: z.array(PassageRecord),
    mentions: z.array(MentionMark),
    dates: z.array(DateMark),
    facts: z.array(CitedFactMark),
    /** Other stored documents with nearly the same text, or the same story in the other language. */
    related: z.array(z.lazy(() => RelatedDocument)),
  })
  .strict();
export type DocumentResponse = z.infer<typeof DocumentResponse>;

export const PassageResponse = z.object({ passage: PassageRecord, document: PublicDocumentInfo.nullable() }).strict();
export type PassageResponse = z.infer<typeof PassageResponse>;

export const SearchResponse = z
  .object({
    query: SearchRequest,
    expansion: EntityExpansion,
    /** What the query was read as: one unit per name, glossary concept or word, the forms searched and how many passages hold it. */
    units: z.array(z.object({ label: z.string(), forms: z.array(z.string()), passages: z.number().int() }).strict()),
    /** Spellings close to query words that match nothing (names of the case, words of the corpus), as whole corrected queries. */
    didYouMean: z.array(z.string()),
    /** Names in the query that several actors of the case share: searched as written, not as one actor's names. */
    ambiguous: z.array(z.object({ name: z.string(), actors: z.array(z.string()) }).strict()),
    hits: z.array(SearchHit),
    /** Why the answer may be less than asked (e.g. the case could not be loaded for name expansion). */
    warnings: z.array(z.string()),
  })
  .strict();
export type SearchResponse = z.infer<typeof SearchResponse>;

export const IngestResponse = IngestSummary;
export type IngestResponse = z.infer<typeof IngestSummary>;

export const ImportResponse = z
  .object({ added: z.number().int(), unchanged: z.number().int(), updated: z.number().int() })
  .strict();
export type ImportResponse = z.infer<typeof ImportResponse>;

/** A change just recorded, and the item as it now is (null when retired). */
export const ChangeResponse = z
  .object({ change: ChangeRecord, item: z.record(z.string(), z.unknown()).nullable() })
  .strict();
export type ChangeResponse = z.infer<typeof ChangeResponse>;

export const HistoryResponse = z
  .object({ caseId: z.string(), revision: z.number().int(), items: z.array(ChangeRecord) })
  .strict();
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const ItemResponse = z
  .object({
    kind: ItemKind,
    id: z.string(),
    item: z.record(z.string(), z.unknown()),
    retired: z.boolean(),
    revision: z.number().int(),
    history: z.array(ChangeRecord),
  })
  .strict();
export type ItemResponse = z.infer<typeof ItemResponse>;

export const CaseExportResponse = z
  .object({ dir: z.string(), files: z.array(z.string()), items: z.number().int(), revision: z.number().int() })
  .strict();
export type CaseExportResponse = z.infer<typeof CaseExportResponse>;

const DeadlineEntry = z.object({ commitment: Commitment, current: CommitmentStatusEntry, days: z.number().int(), timeliness: Timeliness }).strict();

const OverviewChange = z
  .object({
    kind: z.enum(['event', 'stance', 'status', 'claim']),
    id: z.string(),
    date: z.string(),
    title: Bilingual,
    detail: z.string().optional(),
    actor: z.string().optional(),
    cite: z.array(Citation),
  })
  .strict();

export const BottomLine = z
  .object({
    hypothesis: Hypothesis,
    support: z.array(
      z.object({ evidence: z.string(), title: Bilingual, rating: z.string(), rationale: Bilingual, cite: z.array(Citation) }).strict(),
    ),
    critical: z.array(z.object({ evidence: z.string(), title: Bilingual, leadingWithout: z.string().nullable() }).strict()),
    scenario: z.object({ id: z.string(), title: Bilingual }).strict().optional(),
    winners: z.array(z.object({ actor: z.string(), payoff: z.number() }).strict()),
    losers: z.array(z.object({ actor: z.string(), payoff: z.number() }).strict()),
    probability: z.object({ actor: z.string(), ahead: z.number(), runs: z.number().int() }).strict().optional(),
  })
  .strict();

/** The answer to the case's question, for the overview: the bottom line, deadlines, what changed. */
export const OverviewAnswerResponse = z
  .object({
    question: Bilingual,
    asOf: z.string(),
    since: z.string(),
    bottomLine: BottomLine.nullable(),
    overdue: z.array(DeadlineEntry),
    upcoming: z.array(DeadlineEntry),
    changes: z.array(OverviewChange),
  })
  .strict();
export type OverviewAnswerResponse = z.infer<typeof OverviewAnswerResponse>;

/** Places with coordinates, each with the events that happened there (the overview's map). */
export const PlacesMapResponse = z
  .object({
    places: z.array(
      z
        .object({
          id: z.string(),
          kind: Place.shape.kind,
          name: Bilingual,
          lat: z.number(),
          lon: z.number(),
          events: z.array(z.object({ id: z.string(), date: Event.shape.date, title: Bilingual }).strict()),
          claims: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();
export type PlacesMapResponse = z.infer<typeof PlacesMapResponse>;

/** A document related to another: nearly the same text, or the same story in the other language. */
export const RelatedDocument = z
  .object({
    documentId: z.string(),
    file: z.string(),
    kind: z.enum(['near-duplicate', 'same-story']),
    /** Jaccard similarity of the two documents' fingerprints, 0 … 1. */
    score: z.number(),
  })
  .strict();
export type RelatedDocument = z.infer<typeof RelatedDocument>;

export const AddDocumentResponse = z
  .object({
    document: PublicDocumentInfo,
    status: z.enum(['added', 'unchanged', 'updated', 'replaced']),
    passages: z.number().int(),
    warnings: z.array(z.string()),
    related: z.array(RelatedDocument),
  })
  .strict();
export type AddDocumentResponse = z.infer<typeof AddDocumentResponse>;

export const DeleteDocumentResponse = z
  .object({
    deleted: z.string(),
    /** Case items citing the document: their citations no longer reach a passage until it is ingested again. */
    citing: z.array(z.object({ kind: z.string(), id: z.string() }).strict()),
  })
  .strict();
export type DeleteDocumentResponse = z.infer<typeof DeleteDocumentResponse>;

/** A candidate of a stored document, with where it sits and what the analyst decided. */
export const DeskCandidate = z.intersection(
  Candidate,
  z.object({
    document: z.object({ id: z.string(), file: z.string() }).strict(),
    /** The passage holding the cited words. */
    passage: z.string().nullable(),
    decision: CandidateDecision.nullable(),
  }),
);
export type DeskCandidate = z.infer<typeof DeskCandidate>;

export const CandidatesResponse = z
  .object({ document: PublicDocumentInfo, candidates: z.array(DeskCandidate), warnings: z.array(z.string()) })
  .strict();
export type CandidatesResponse = z.infer<typeof CandidatesResponse>;

export const DecisionResponse = z.object({ decision: CandidateDecision }).strict();
export type DecisionResponse = z.infer<typeof DecisionResponse>;
