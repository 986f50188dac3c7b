/**
 * The JSON routes of the API, one table: each route names its request schema (query string and
 * path parameters for GET, the body for POST), its response schema and the application-layer
 * operation it calls. The router (app.ts) and the OpenAPI description (openapi.ts) are both
 * made from this table, so neither can drift from the other or from the operations. Adding a
 * route is one entry here.
 */
import type { z } from 'zod';
import * as ops from '../app/index.js';
import type { Workbench } from '../app/index.js';
import type { ApiGet, ApiPost } from '../domain/api-types.js';
import {
  ActorsRequest,
  AcceptRequest,
  AddDocumentRequest,
  CandidatesRequest,
  MergeRequest,
  RejectRequest,
  AddItemRequest,
  EditItemRequest,
  HistoryRequest,
  ItemRequest,
  RetireItemRequest,
  RevertRequest,
  CitationRequest,
  ClaimsRequest,
  CompareRequest,
  EventsRequest,
  IdRequest,
  JobsRequest,
  ReportRequest,
  ModelRequest,
  MonteCarloRequest,
  ExtractJobRequest,
  NoRequest,
  OverviewAnswerRequest,
  SearchRequest,
  SensitivityRequest,
  SimulateRequest,
  StancesRequest,
  AsOfRequest,
  BacktestRequest,
  CommitmentUpdateRequest,
  ForecastRequest,
  IndicatorsRequest,
  ObserveRequest,
  ResolveRequest,
} from '../domain/requests.js';
import {
  AddDocumentResponse,
  CandidatesResponse,
  DecisionResponse,
  ChangeResponse,
  DeleteDocumentResponse,
  HistoryResponse,
  ItemResponse,
  ActorResponse,
  ActorsResponse,
  CaseInfoResponse,
  ClaimsResponse,
  CommitmentsResponse,
  CompareResponse,
  ConflictsResponse,
  DocumentResponse,
  DocumentsResponse,
  EventsResponse,
  HealthResponse,
  HypothesesResponse,
  JobResponse,
  JobsResponse,
  ModelResponse,
  OverviewResponse,
  OverviewAnswerResponse,
  PlacesMapResponse,
  PassageResponse,
  PlacesResponse,
  ResolvedCitation,
  ScenariosResponse,
  SearchResponse,
  SimulateResponse,
  StancesResponse,
  BacktestResponse,
  IndicatorsResponse,
} from '../domain/responses.js';
import { SensitivityResult } from '../domain/simulation.js';

export interface JsonRoute<S extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** Hono path under /api, with `:id` parameters. */
  path: string;
  summary: string;
  /** For GET: query and path parameters together; for POST: the body (path parameters merged in). */
  request: S;
  response: z.ZodType;
  /** Success status (202 for a job started). */
  status?: 200 | 202;
  /** Resolve every `cite` in the answer to its passage (case items link to their sources). */
  links?: boolean;
  run(wb: Workbench, req: z.output<S>): Promise<unknown> | unknown;
}

type GetKey<P> = P extends `/${infer K}` ? (K extends keyof ApiGet ? K : never) : never;
type PostKey<P> = P extends `/${infer K}` ? (K extends keyof ApiPost ? K : never) : never;
/** What the route must answer, from the API's type surface (src/domain/api-types.ts). */
type Answer<M, P> = M extends 'get' ? ApiGet[GetKey<P>] : ApiPost[PostKey<P>]['response'];

/**
 * A table entry, checked when it compiles: its request type against its operation, and its
 * response schema and operation against the type surface the web app imports (a path missing
 * there, or a response of another shape, does not compile).
 */
function route<M extends 'get' | 'post', P extends string, S extends z.ZodType>(
  r: Omit<JsonRoute<S>, 'method' | 'path' | 'response' | 'run'> & {
    method: M;
    path: P;
    response: z.ZodType<Answer<M, P>>;
    run(wb: Workbench, req: z.output<S>): Promise<Answer<M, P>> | Answer<M, P>;
  },
): JsonRoute {
  return r as unknown as JsonRoute;
}

export const API_ROUTES: readonly JsonRoute[] = [
  route({
    method: 'get',
    path: '/health',
    summary: 'Health and store statistics',
    request: NoRequest,
    response: HealthResponse,
    run: async (wb) => {
      const [store, c] = await Promise.all([wb.store(), wb.case()]);
      return { ok: true as const, state: 'ready' as const, store: store.kind, case: c.meta.id, stats: await store.stats() };
    },
  }),
  route({ method: 'get', path: '/case', summary: 'Case metadata and counts', request: NoRequest, response: CaseInfoResponse, run: (wb) => ops.caseInfo(wb) }),
  route({
    method: 'get',
    path: '/overview',
    summary: 'Key figures, overdue and next deadlines, latest events and scenarios (as of a date)',
    request: AsOfRequest,
    response: OverviewResponse,
    links: true,
    run: (wb, r) => ops.overview(wb, r),
  }),
  route({
    method: 'get',
    path: '/overview/answer',
    summary: "The answer to the case's question: bottom line with its probability and evidence, overdue and next deadlines, what changed since a date",
    request: OverviewAnswerRequest,
    response: OverviewAnswerResponse,
    links: true,
    run: (wb, r) => ops.overviewAnswer(wb, r),
  }),
  route({
    method: 'get',
    path: '/overview/places',
    summary: 'Places with coordinates and the events that happened there',
    request: NoRequest,
    response: PlacesMapResponse,
    run: (wb) => ops.placesMap(wb),
  }),
  route({
    method: 'get',
    path: '/documents',
    summary: 'Ingested documents (metadata only); as of a date, those published by then',
    request: AsOfRequest,
    response: DocumentsResponse,
    run: (wb, r) => ops.listPublicDocuments(wb, r),
  }),
  route({
    method: 'get',
    path: '/documents/:id',
    summary: 'A document with its text, passages, actor/place mentions, dates and cited facts',
    request: IdRequest,
    response: DocumentResponse,
    run: (wb, r) => ops.readDocument(wb, r.id),
  }),
  route({
    method: 'post',
    path: '/documents/add',
    summary: 'Add a document: a pasted page (text) or an uploaded file (base64), with its URL, outlet, date and reliability',
    request: AddDocumentRequest,
    response: AddDocumentResponse,
    run: (wb, r) => ops.addDocument(wb, r),
  }),
  route({
    method: 'post',
    path: '/documents/upload-job',
    summary: 'Add a document as an ingest job (large files): its bytes wait in the database for a worker; poll /api/jobs/{id}, whose result names the document',
    request: AddDocumentRequest,
    response: JobResponse,
    status: 202,
    run: (wb, r) => ops.startUpload(wb, r),
  }),
  route({
    method: 'post',
    path: '/documents/delete',
    summary: 'Delete a document and its passages; answers the case items that cite it',
    request: IdRequest,
    response: DeleteDocumentResponse,
    run: (wb, r) => ops.deleteDocument(wb, r.id),
  }),
  route({
    method: 'get',
    path: '/documents/:doc/candidates',
    summary: "A stored document's extraction candidates (events, figures, actors, stances, quotes, commitment updates) with stable ids",
    request: CandidatesRequest,
    response: CandidatesResponse,
    run: (wb, r) => ops.documentCandidates(wb, r),
  }),
  route({
    method: 'post',
    path: '/candidates/accept',
    summary: 'Accept a candidate (after editing its fields): it becomes a case item, recorded in the history',
    request: AcceptRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.acceptCandidate(wb, r),
  }),
  route({
    method: 'post',
    path: '/candidates/reject',
    summary: 'Reject a candidate: it is not proposed again',
    request: RejectRequest,
    response: DecisionResponse,
    run: (wb, r) => ops.rejectCandidate(wb, r),
  }),
  route({
    method: 'post',
    path: '/candidates/merge',
    summary: "Merge a candidate into an existing item: its passage becomes one of the item's citations",
    request: MergeRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.mergeCandidate(wb, r),
  }),
  route({
    method: 'get',
    path: '/passages/:id',
    summary: 'One passage and its document metadata',
    request: IdRequest,
    response: PassageResponse,
    run: (wb, r) => ops.getPassage(wb, r.id),
  }),
  route({
    method: 'get',
    path: '/citations/resolve',
    summary: 'Resolve a citation (document file + quote) to passage id and offsets',
    request: CitationRequest,
    response: ResolvedCitation,
    run: (wb, r) => ops.resolveCitation(wb, r),
  }),
  route({
    method: 'get',
    path: '/search',
    summary: 'Ranked passages with snippets; bilingual names and glossary, did-you-mean, filters, date sort',
    request: SearchRequest,
    response: SearchResponse,
    run: (wb, r) => ops.search(wb, r),
  }),
  route({
    method: 'get',
    path: '/actors',
    summary: 'Actors with stance counts, and the issues',
    request: ActorsRequest,
    response: ActorsResponse,
    links: true,
    run: (wb, r) => ops.listActors(wb, r),
  }),
  route({
    method: 'get',
    path: '/actors/:id',
    summary: 'An actor with stances, relations, events, commitments and claims',
    request: IdRequest,
    response: ActorResponse,
    links: true,
    run: (wb, r) => ops.getActor(wb, r.id),
  }),
  route({
    method: 'get',
    path: '/stances',
    summary: 'Stances in date order',
    request: StancesRequest,
    response: StancesResponse,
    links: true,
    run: (wb, r) => ops.listStances(wb, r),
  }),
  route({
    method: 'get',
    path: '/events',
    summary: 'Events in date order',
    request: EventsRequest,
    response: EventsResponse,
    links: true,
    run: (wb, r) => ops.listEvents(wb, r),
  }),
  route({
    method: 'get',
    path: '/commitments',
    summary: 'Commitments with current status, history and timeliness as of a date (overdue first)',
    request: AsOfRequest,
    response: CommitmentsResponse,
    links: true,
    run: (wb, r) => ops.listCommitments(wb, r),
  }),
  route({
    method: 'post',
    path: '/commitments/update',
    summary: 'Record a status entry of a commitment (score 0-3 or abandoned, date, cited passage) through the history',
    request: CommitmentUpdateRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.updateCommitment(wb, r),
  }),
  route({
    method: 'get',
    path: '/indicators',
    summary: 'Indicators with their observations and state (not triggered, triggered, reversed) as of a date',
    request: IndicatorsRequest,
    response: IndicatorsResponse,
    links: true,
    run: (wb, r) => ops.listIndicators(wb, r),
  }),
  route({
    method: 'post',
    path: '/indicators/observe',
    summary: 'Record an observation of an indicator (date, value, cited passage)',
    request: ObserveRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.observeIndicator(wb, r),
  }),
  route({
    method: 'post',
    path: '/forecast',
    summary: "Record the analyst's probability for a scenario or hypothesis, held from a date",
    request: ForecastRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.recordForecast(wb, r),
  }),
  route({
    method: 'post',
    path: '/resolve',
    summary: 'Record how a scenario or hypothesis resolved (true or false), on a date, cited',
    request: ResolveRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.resolveTarget(wb, r),
  }),
  route({
    method: 'get',
    path: '/backtest',
    summary: 'Rewind the case to a date and score the forecasts, commitments and indicators it held then against what was recorded after',
    request: BacktestRequest,
    response: BacktestResponse,
    run: (wb, r) => ops.backtest(wb, r),
  }),
  route({
    method: 'get',
    path: '/claims',
    summary: 'Figures (claims) and the quantities they measure',
    request: ClaimsRequest,
    response: ClaimsResponse,
    links: true,
    run: (wb, r) => ops.listClaims(wb, r),
  }),
  route({
    method: 'get',
    path: '/claims/conflicts',
    summary: 'Computed conflicts between claims about the same quantity, and contested questions',
    request: ClaimsRequest,
    response: ConflictsResponse,
    links: true,
    run: (wb, r) => ops.listConflicts(wb, r),
  }),
  route({
    method: 'get',
    path: '/scenarios',
    summary: 'Scenarios and indicators (as of a date)',
    request: AsOfRequest,
    response: ScenariosResponse,
    links: true,
    run: (wb, r) => ops.listScenarios(wb, r),
  }),
  route({ method: 'get', path: '/places', summary: 'Places', request: NoRequest, response: PlacesResponse, links: true, run: (wb) => ops.listPlaces(wb) }),
  route({
    method: 'get',
    path: '/hypotheses',
    summary: 'Competing hypotheses: the matrix, scores, diagnosticity and robustness',
    request: AsOfRequest,
    response: HypothesesResponse,
    links: true,
    run: (wb, r) => ops.hypotheses(wb, r),
  }),
  route({
    method: 'get',
    path: '/model',
    summary: 'Causal map: concepts, edges, stakes, metrics and feedback loops',
    request: ModelRequest.extend({ maxLoops: ModelRequest.shape.maxLoops.default(200) }),
    response: ModelResponse,
    links: true,
    run: (wb, r) => ops.describeModel(wb, r),
  }),
  route({
    method: 'post',
    path: '/simulate',
    summary: 'Run one scenario (runs > 1 samples edge weights and waits)',
    request: SimulateRequest,
    response: SimulateResponse,
    run: (wb, r) => ops.simulate(wb, r),
  }),
  route({
    method: 'post',
    path: '/compare',
    summary: 'Several scenarios side by side: each concept under each scenario',
    request: CompareRequest,
    response: CompareResponse,
    run: (wb, r) => ops.compareScenarios(wb, r),
  }),
  route({
    method: 'post',
    path: '/montecarlo',
    summary: 'Start a Monte Carlo job; poll /api/jobs/{id} or follow /api/jobs/{id}/events',
    request: MonteCarloRequest,
    response: JobResponse,
    status: 202,
    run: (wb, r) => ops.startMonteCarlo(wb, r),
  }),
  route({
    method: 'post',
    path: '/extractions',
    summary: "Start an extraction job over stored documents (default: those whose candidates are not kept yet); their candidate ids can then be accepted, rejected or merged",
    request: ExtractJobRequest,
    response: JobResponse,
    status: 202,
    run: (wb, r) => ops.startExtraction(wb, r),
  }),
  route({
    method: 'post',
    path: '/briefings',
    summary: 'Start a briefing job (any format); poll /api/jobs/{id}, then download /api/jobs/{id}/file',
    request: ReportRequest,
    response: JobResponse,
    status: 202,
    run: (wb, r) => ops.startBriefing(wb, r),
  }),
  route({
    method: 'get',
    path: '/jobs',
    summary: 'Jobs newest first with their state and progress (any worker on the database runs them)',
    request: JobsRequest,
    response: JobsResponse,
    run: (wb, r) => ops.listJobs(wb, r),
  }),
  route({
    method: 'get',
    path: '/jobs/:id',
    summary: 'Job progress and, when done, its result',
    request: IdRequest,
    response: JobResponse,
    run: (wb, r) => ops.getJob(wb, r.id),
  }),
  route({
    method: 'post',
    path: '/jobs/cancel',
    summary: 'Cancel a job that has not finished (its workers stop within one unit of work)',
    request: IdRequest,
    response: JobResponse,
    run: (wb, r) => ops.cancelJob(wb, r.id),
  }),
  route({
    method: 'post',
    path: '/jobs/retry',
    summary: 'Queue a failed or cancelled job again (only its unfinished parts run)',
    request: IdRequest,
    response: JobResponse,
    run: (wb, r) => ops.retryJob(wb, r.id),
  }),
  route({
    method: 'get',
    path: '/history',
    summary: 'The change log of the case, newest first (one item with kind and item)',
    request: HistoryRequest,
    response: HistoryResponse,
    run: (wb, r) => ops.history(wb, r),
  }),
  route({
    method: 'get',
    path: '/items/:kind/:id',
    summary: 'One case item as it is now (retired or not), with its history',
    request: ItemRequest,
    response: ItemResponse,
    run: (wb, r) => ops.getItem(wb, r),
  }),
  route({
    method: 'post',
    path: '/items/add',
    summary: 'Add an item to the case (validated like the case files; citations must resolve)',
    request: AddItemRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.addItem(wb, r),
  }),
  route({
    method: 'post',
    path: '/items/edit',
    summary: 'Set fields of an item (dotted paths; null removes a field)',
    request: EditItemRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.editItem(wb, r),
  }),
  route({
    method: 'post',
    path: '/items/retire',
    summary: 'Retire an item (kept in the history, restorable; refused while others refer to it)',
    request: RetireItemRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.retireItem(wb, r),
  }),
  route({
    method: 'post',
    path: '/items/restore',
    summary: 'Restore a retired item',
    request: RetireItemRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.restoreItem(wb, r),
  }),
  route({
    method: 'post',
    path: '/history/revert',
    summary: 'Revert one change by recording its inverse',
    request: RevertRequest,
    response: ChangeResponse,
    run: (wb, r) => ops.revertChange(wb, r),
  }),
  route({
    // POST: a sweep costs seconds of CPU, so another site cannot start one with a link or an image.
    method: 'post',
    path: '/sensitivity',
    summary: 'Edges an outcome of a scenario is most sensitive to',
    request: SensitivityRequest,
    response: SensitivityResult,
    run: (wb, r) => ops.sensitivityOf(wb, r),
  }),
];
