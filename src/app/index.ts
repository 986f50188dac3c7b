/**
 * The application layer: every operation a user can ask for, once. The CLI (src/cli) and the
 * HTTP API (src/server) are adapters that parse a request, call one of these and format the
 * answer; the briefing is built here from the same operations. Requests and responses are the
 * shapes of src/domain/requests.ts and src/domain/responses.ts.
 */
export { openWorkbench, causalMapOf, type Workbench, type WorkbenchOptions } from './workbench.js';
export { unknownId, findById } from './lookup.js';
export {
  caseAsOf,
  caseInfo,
  overview,
  listActors,
  getActor,
  listStances,
  listEvents,
  listCommitments,
  listClaims,
  listConflicts,
  listScenarios,
  listPlaces,
  hypotheses,
} from './case-queries.js';
export { upcomingDeadlines, latestEvents, deadlines } from '../case/timeline.js';
export {
  ingest,
  listDocuments,
  listPublicDocuments,
  readDocument,
  getPassage,
  resolveCitation,
  withCitationLinks,
  exportWorkspace,
  importWorkspace,
  addDocument,
  deleteDocument,
  type IngestRequest,
} from './corpus.js';
export { search } from './search.js';
export {
  startMonteCarlo,
  startIngest,
  startUpload,
  startExtraction,
  startBriefing,
  jobFile,
  enqueueJob,
  getJob,
  listJobs,
  cancelJob,
  retryJob,
  jobView,
  runWorker,
  localWorker,
  JOB_KINDS,
  WORKER_DEFAULTS,
  type WorkerOptions,
} from './jobs.js';
export {
  simulate,
  simulateCase,
  monteCarloOf,
  monteCarloInputs,
  sensitivityOf,
  compareScenarios,
  describeModel,
  exportModel,
  findScenario,
  type Progress,
} from './simulation.js';
export { briefingInput, renderBriefing, reportFileName, MEDIA_TYPES, type RenderedBriefing } from './briefing.js';
export { extractFile, type ExtractFileRequest, type ExtractFileResult } from './extraction.js';
export { checkCase, type CaseCheckReport } from './case-check.js';
export { addItem, editItem, retireItem, restoreItem, revertChange, history, getItem, DEFAULT_AUTHOR } from './changes.js';
export { exportCaseFolder, importCaseFolder, CASE_FILES } from './case-folder.js';
export { SYSTEM_AUTHOR } from './case-source.js';
export { overviewAnswer, placesMap, OVERVIEW_DEFAULTS } from './overview.js';
export { documentCandidates, acceptCandidate, rejectCandidate, mergeCandidate, proposedItem } from './desk.js';
export { caseAt, asOfFor } from './as-of.js';
export { updateCommitment, observeIndicator, recordForecast, resolveTarget, listIndicators, backtest, probabilities, achShares } from './tracking.js';
