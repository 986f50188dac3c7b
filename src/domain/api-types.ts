/**
 * The API's type surface, route by route: what each GET answers and what each POST takes and
 * answers. The web app imports these (`import type`) and its client is typed by them; the
 * server's route table (src/server/api-routes.ts) is checked against them when it compiles, so
 * a renamed field or route breaks both the server and the web build. Over HTTP, citations in
 * case items carry where their quote is (`Linked<T>`).
 */
import type { z } from 'zod';
import type {
  AcceptRequest,
  MergeRequest,
  RejectRequest,
  AddDocumentRequest,
  AddItemRequest,
  IdRequest,
  ReportRequest,
  CompareRequest,
  EditItemRequest,
  MonteCarloRequest,
  ExtractJobRequest,
  RetireItemRequest,
  RevertRequest,
  SensitivityRequest,
  SimulateRequest,
  CommitmentUpdateRequest,
  ObserveRequest,
  ForecastRequest,
  ResolveRequest,
} from './requests.js';
import type {
  CandidatesResponse,
  DecisionResponse,
  AddDocumentResponse,
  DeleteDocumentResponse,
  ActorResponse,
  ActorsResponse,
  CaseInfoResponse,
  ChangeResponse,
  ClaimsResponse,
  CommitmentsResponse,
  CompareResponse,
  ConflictsResponse,
  DocumentResponse,
  DocumentsResponse,
  EventsResponse,
  HealthResponse,
  HistoryResponse,
  HypothesesResponse,
  ItemResponse,
  JobResponse,
  JobsResponse,
  Linked,
  ModelResponse,
  OverviewAnswerResponse,
  OverviewResponse,
  PassageResponse,
  PlacesMapResponse,
  PlacesResponse,
  ResolvedCitation,
  ScenariosResponse,
  SearchResponse,
  SimulateResponse,
  StancesResponse,
  IndicatorsResponse,
  BacktestResponse,
  ProbabilitiesResponse,
} from './responses.js';
import type { SensitivityResult } from './simulation.js';

/** GET routes (under /api/), with `:id`-style parameters, and what each answers. */
export interface ApiGet {
  health: HealthResponse;
  case: CaseInfoResponse;
  overview: OverviewResponse;
  'overview/answer': OverviewAnswerResponse;
  'overview/places': PlacesMapResponse;
  documents: DocumentsResponse;
  'documents/:id': DocumentResponse;
  'passages/:id': PassageResponse;
  'documents/:doc/candidates': CandidatesResponse;
  'citations/resolve': ResolvedCitation;
  search: SearchResponse;
  actors: ActorsResponse;
  'actors/:id': ActorResponse;
  stances: StancesResponse;
  events: EventsResponse;
  commitments: CommitmentsResponse;
  claims: ClaimsResponse;
  'claims/conflicts': ConflictsResponse;
  scenarios: ScenariosResponse;
  places: PlacesResponse;
  hypotheses: HypothesesResponse;
  model: ModelResponse;
  jobs: JobsResponse;
  'jobs/:id': JobResponse;
  history: HistoryResponse;
  'items/:kind/:id': ItemResponse;
  indicators: IndicatorsResponse;
  backtest: BacktestResponse;
  probabilities: ProbabilitiesResponse;
}

/** POST routes (under /api/): the body they take (as sent, defaults optional) and what they answer. */
export interface ApiPost {
  simulate: { body: z.input<typeof SimulateRequest>; response: SimulateResponse };
  compare: { body: z.input<typeof CompareRequest>; response: CompareResponse };
  sensitivity: { body: z.input<typeof SensitivityRequest>; response: SensitivityResult };
  montecarlo: { body: z.input<typeof MonteCarloRequest>; response: JobResponse };
  briefings: { body: z.input<typeof ReportRequest>; response: JobResponse };
  'jobs/cancel': { body: z.input<typeof IdRequest>; response: JobResponse };
  'jobs/retry': { body: z.input<typeof IdRequest>; response: JobResponse };
  'items/add': { body: z.input<typeof AddItemRequest>; response: ChangeResponse };
  'items/edit': { body: z.input<typeof EditItemRequest>; response: ChangeResponse };
  'items/retire': { body: z.input<typeof RetireItemRequest>; response: ChangeResponse };
  'items/restore': { body: z.input<typeof RetireItemRequest>; response: ChangeResponse };
  'history/revert': { body: z.input<typeof RevertRequest>; response: ChangeResponse };
  'documents/add': { body: z.input<typeof AddDocumentRequest>; response: AddDocumentResponse };
  'documents/upload-job': { body: z.input<typeof AddDocumentRequest>; response: JobResponse };
  extractions: { body: z.input<typeof ExtractJobRequest>; response: JobResponse };
  'documents/delete': { body: z.input<typeof IdRequest>; response: DeleteDocumentResponse };
  'candidates/accept': { body: z.input<typeof AcceptRequest>; response: ChangeResponse };
  'candidates/reject': { body: z.input<typeof RejectRequest>; response: DecisionResponse };
  'candidates/merge': { body: z.input<typeof MergeRequest>; response: ChangeResponse };
  'commitments/update': { body: z.input<typeof CommitmentUpdateRequest>; response: ChangeResponse };
  'indicators/observe': { body: z.input<typeof ObserveRequest>; response: ChangeResponse };
  forecast: { body: z.input<typeof ForecastRequest>; response: ChangeResponse };
  resolve: { body: z.input<typeof ResolveRequest>; response: ChangeResponse };
}

/** What a GET route answers over HTTP (citations linked to their passages). */
export type ApiGetResponse<K extends keyof ApiGet> = Linked<ApiGet[K]>;
