/**
 * Background work as jobs in the store (store/job-queue.ts): Monte Carlo batches, ingests of
 * folders and briefings are queued, cut in parts, run by workers — `marsad worker` processes sharing one
 * PostgreSQL database, or the app's own process (the embedded store's only way) — and followed
 * by id with their progress, cancelled, retried, and read back with their result. The API is the
 * same in both modes: a job queued by `serve` over the embedded store is run by `serve` itself.
 *
 * Each kind of job is an entry of JOB_KINDS: `plan` checks the request and cuts it in parts when
 * it is queued; `runPart` computes one part anywhere; `finish` merges the parts' results once
 * they are all in. Parts and merge are pure functions of the payload (and the stored case, whose
 * revision the payload pins), so a part computed twice — its first worker killed — gives the
 * same result, and a job split over workers gives one process's result.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { findFiles } from '../corpus/walk.js';
import { ingestPaths } from '../corpus/ingest.js';
import type { IngestSummary } from '../domain/corpus.js';
import { ConflictError, InputError, MarsadError, NotFoundError, describeWhere } from '../domain/errors.js';
import { LIMITS } from '../domain/names.js';
import type { AddDocumentRequest, ExtractJobRequest, JobsRequest, MonteCarloRequest, ReportRequest } from '../domain/requests.js';
import type { BriefingFile, ExtractionSummary, JobResponse, JobsResponse } from '../domain/responses.js';
import type { MonteCarloSummary } from '../domain/simulation.js';
import { CHUNK_RUNS, mergeMonteCarlo, monteCarloChunks, runMonteCarloPart } from '../simulate/monte-carlo.js';
import type { ChunkSummary } from '../simulate/monte-carlo-chunk.js';
import type { JobQueue, JobRow, JobSummaryRow } from '../store/job-queue.js';
import { renderBriefing } from './briefing.js';
import { addDocument, documentFileName } from './corpus.js';
import { proposeCandidates } from './desk.js';
import { findScenario, monteCarloInputs } from './simulation.js';
import type { Workbench } from './workbench.js';

/** What a part is given while it runs. */
export interface PartContext {
  /** Units of this part done so far (renews the worker's lease). */
  progress(done: number): void;
  /** Aborted when the job is cancelled or taken over by another worker. */
  signal: AbortSignal;
  /** Awaited between units of work: lets cancellation in (and slows a paced worker down). */
  pause(): Promise<void>;
}

export interface JobKind<Payload, Part, PartResult, Result> {
  /** Checks the request and cuts it in parts, each with its units of work. */
  plan(wb: Workbench, payload: Payload): Promise<{ payload: Payload; total: number; parts: Array<{ payload: Part; total: number }> }>;
  runPart(wb: Workbench, part: Part, ctx: PartContext): Promise<PartResult>;
  finish(wb: Workbench, payload: Payload, parts: PartResult[]): Promise<Result>;
}

// ---- Monte Carlo ------------------------------------------------------------------------------

interface MonteCarloPayload {
  request: MonteCarloRequest;
  /** The case's revision when queued: the parts and the merge refuse a case changed since. */
  revision: number;
}

async function pinnedCase(wb: Workbench, revision: number) {
  const state = await wb.caseState();
  if (state.revision !== revision) {
    throw new ConflictError(`the case changed while the job waited (revision ${revision} → ${state.revision}); start it again`);
  }
  return wb.case();
}

const montecarlo: JobKind<MonteCarloPayload, MonteCarloPayload & { from: number; to: number }, ChunkSummary[], MonteCarloSummary> = {
  async plan(wb, payload) {
    const c = await wb.case();
    findScenario(c, payload.request.scenario);
    const revision = (await wb.caseState()).revision;
    const chunks = monteCarloChunks(payload.request.runs);
    const per = Math.max(1, Math.floor(LIMITS.jobs.monteCarloPartRuns / CHUNK_RUNS));
    const parts = [];
    for (let from = 0; from < chunks; from += per) {
      const to = Math.min(chunks, from + per);
      parts.push({
        payload: { request: payload.request, revision, from, to },
        total: Math.min(payload.request.runs, to * CHUNK_RUNS) - from * CHUNK_RUNS,
      });
    }
    return { payload: { request: payload.request, revision }, total: payload.request.runs, parts };
  },
  async runPart(wb, part, ctx) {
    const c = await pinnedCase(wb, part.revision);
    const { map, scenario, options } = monteCarloInputs(c, part.request);
    const pool = wb.monteCarloPool();
    const summaries: ChunkSummary[] = [];
    let done = 0;
    // Chunk by chunk, so that a cancelled or taken-over part stops within one chunk.
    for (let chunk = part.from; chunk < part.to; chunk++) {
      const [s] = await runMonteCarloPart(map, scenario, { ...options, ...(pool ? { pool } : { threads: 1 }), signal: ctx.signal }, chunk, chunk + 1);
      summaries.push(s);
      done += s.runs;
      ctx.progress(done);
      await ctx.pause();
    }
    return summaries;
  },
  async finish(wb, payload, parts) {
    const c = await pinnedCase(wb, payload.revision);
    const { map, scenario, options } = monteCarloInputs(c, payload.request);
    return mergeMonteCarlo(map, scenario, options, parts.flat());
  },
};

// ---- Ingest -----------------------------------------------------------------------------------

/** An uploaded file as a job keeps it until it runs: its bytes in the part's payload, in the database. */
type Upload = AddDocumentRequest;

interface IngestPayload {
  paths: string[];
  cwd?: string;
  /** Found when queued: what the walk refused or warned of. */
  walk?: Pick<IngestSummary, 'rejected' | 'warnings'>;
  /** An uploaded file instead of paths; the job's own payload keeps only its name and size. */
  upload?: Upload | { file: string; size: number };
  /** Once the files are stored, queue an extraction job over those added or changed. */
  extract?: boolean;
}

type IngestPart = { files: string[] } | { upload: Upload };

const uploadPath = (file: string) => `upload:${file}`;

/** An uploaded file stored as addDocument stores it, told as an ingest's summary. */
async function ingestUpload(wb: Workbench, upload: Upload): Promise<IngestSummary> {
  const summary: IngestSummary = { added: [], unchanged: [], updated: [], rejected: [], warnings: [] };
  const name = upload.file ?? 'pasted.txt';
  try {
    const r = await addDocument(wb, upload);
    const path = uploadPath(r.document.file);
    const entry = { path, file: r.document.file, documentId: r.document.id, passages: r.passages };
    if (r.status === 'added') summary.added.push(entry);
    else if (r.status === 'unchanged') summary.unchanged.push(entry);
    else summary.updated.push(entry);
    for (const w of r.warnings) summary.warnings.push({ path, reason: w });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    summary.rejected.push({ path: uploadPath(name), reason: error.message });
  }
  return summary;
}

const ingest: JobKind<IngestPayload, IngestPart, IngestSummary, IngestSummary & { extractJob?: string }> = {
  async plan(_wb, payload) {
    if (payload.upload && 'size' in payload.upload) throw new InputError('expected the uploaded file itself', { field: 'upload' });
    if (payload.upload) {
      const upload = payload.upload;
      // The name is checked now: a bad one is refused before the bytes are kept.
      if (upload.file) documentFileName(upload, upload.meta, '');
      const size = upload.text !== undefined ? Buffer.byteLength(upload.text) : Buffer.byteLength(upload.base64!, 'base64');
      const { base64: _bytes, text: _text, ...rest } = upload;
      return {
        payload: { paths: [], upload: { file: rest.file ?? 'pasted.txt', size }, ...(payload.extract ? { extract: true } : {}) },
        total: 1,
        parts: [{ payload: { upload }, total: 1 }],
      };
    }
    if (payload.paths.length === 0) throw new InputError('expected at least one file or folder to ingest', { field: 'paths' });
    const found = await findFiles(payload.paths, payload.cwd);
    const per = LIMITS.jobs.ingestPartFiles;
    const parts = [];
    for (let i = 0; i < found.files.length; i += per) {
      const files = found.files.slice(i, i + per).map((f) => f.path);
      parts.push({ payload: { files }, total: files.length });
    }
    return { payload: { ...payload, walk: { rejected: found.rejected, warnings: found.warnings } }, total: found.files.length, parts };
  },
  async runPart(wb, part, ctx) {
    if ('upload' in part) {
      const summary = await ingestUpload(wb, part.upload);
      ctx.progress(1);
      return summary;
    }
    const store = await wb.store();
    // A part's files are stored one by one, each in its own transaction: a part started again
    // finds the files its first worker stored unchanged, so nothing is stored twice.
    try {
      return await ingestPaths(store, part.files, {
        onProgress: (p) => {
          ctx.progress(p.done);
          // Cancelled or taken over: stop between files (each file is its own transaction).
          if (ctx.signal.aborted) throw ctx.signal.reason;
        },
      });
    } finally {
      wb.storeChanged();
    }
  },
  async finish(wb, payload, parts) {
    const summary: IngestSummary & { extractJob?: string } = {
      added: parts.flatMap((p) => p.added),
      unchanged: parts.flatMap((p) => p.unchanged),
      updated: parts.flatMap((p) => p.updated),
      rejected: [...(payload.walk?.rejected ?? []), ...parts.flatMap((p) => p.rejected)],
      warnings: [...(payload.walk?.warnings ?? []), ...parts.flatMap((p) => p.warnings)],
    };
    const changed = [...summary.added, ...summary.updated].map((f) => f.documentId);
    if (payload.extract && changed.length > 0) {
      // News that arrives is proposed on the desk without a manual step. The ingest stands even
      // when the extraction cannot be queued (a document deleted meanwhile): the reason is told.
      try {
        summary.extractJob = (await enqueueJob(wb, 'extract', { documents: [...new Set(changed)], all: false })).id;
      } catch (error) {
        if (!(error instanceof MarsadError)) throw error;
        summary.warnings.push({ path: payload.paths.join(', ') || uploadPath(payload.upload?.file ?? ''), reason: `extraction not queued: ${error.message}` });
      }
    }
    return summary;
  },
};

// ---- Extraction over stored documents ----------------------------------------------------------

interface ExtractPayload {
  /** Ids or file names; empty: every stored document extraction has not been run over yet. */
  documents: string[];
  /** With no documents named: every stored document, even those already extracted. */
  all: boolean;
}

/** Warnings kept in a result at most (the rest are counted). */
const MAX_RESULT_WARNINGS = 200;

type ExtractPartResult = Omit<ExtractionSummary, 'warningsLeftOut'>;

const extract: JobKind<ExtractPayload, { documents: string[] }, ExtractPartResult, ExtractionSummary> = {
  async plan(wb, payload) {
    const store = await wb.store();
    let ids: string[];
    if (payload.documents.length > 0) {
      // Named by id or file name, looked up in the listing (metadata only, not the texts).
      const stored = await store.listDocuments();
      const byName = new Map([...stored.map((d) => [d.file, d.id] as const), ...stored.map((d) => [d.id, d.id] as const)]);
      ids = [];
      for (const name of payload.documents) {
        const id = byName.get(name);
        if (!id) throw new NotFoundError(`unknown document "${name}" (see marsad documents)`);
        ids.push(id);
      }
      ids = [...new Set(ids)];
    } else {
      await wb.case();
      const state = await wb.caseState();
      const done = payload.all ? new Set<string>() : new Set(await store.cases.documentsWithCandidates(state.caseId));
      ids = (await store.listDocuments()).map((d) => d.id).filter((id) => !done.has(id));
      if (ids.length === 0) {
        throw new InputError(
          'nothing to extract: every stored document has its candidates kept (name documents, or ask for all, to run extraction over them again)',
          { field: 'documents' },
        );
      }
    }
    const per = LIMITS.jobs.extractPartDocuments;
    const parts = [];
    for (let i = 0; i < ids.length; i += per) {
      const documents = ids.slice(i, i + per);
      parts.push({ payload: { documents }, total: documents.length });
    }
    return { payload, total: ids.length, parts };
  },
  async runPart(wb, part, ctx) {
    const store = await wb.store();
    const out: ExtractPartResult = { documents: 0, candidates: 0, byKind: {}, missing: [], warnings: [] };
    for (const id of part.documents) {
      const doc = await store.getDocument(id);
      if (!doc) {
        // Deleted since the job was queued: nothing to propose.
        out.missing.push(id);
      } else {
        const r = await proposeCandidates(wb, doc);
        out.documents++;
        out.candidates += r.candidates.length;
        for (const k of r.candidates) out.byKind[k.kind] = (out.byKind[k.kind] ?? 0) + 1;
        for (const w of r.warnings) out.warnings.push({ file: doc.file, reason: w });
      }
      ctx.progress(out.documents + out.missing.length);
      await ctx.pause();
    }
    return out;
  },
  async finish(_wb, _payload, parts) {
    const byKind: Record<string, number> = {};
    for (const p of parts) for (const [kind, n] of Object.entries(p.byKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
    const warnings = parts.flatMap((p) => p.warnings);
    return {
      documents: parts.reduce((sum, p) => sum + p.documents, 0),
      candidates: parts.reduce((sum, p) => sum + p.candidates, 0),
      byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))),
      missing: parts.flatMap((p) => p.missing),
      warnings: warnings.slice(0, MAX_RESULT_WARNINGS),
      warningsLeftOut: Math.max(0, warnings.length - MAX_RESULT_WARNINGS),
    };
  },
};

// ---- Briefings --------------------------------------------------------------------------------

interface BriefingPayload {
  request: ReportRequest;
  revision: number;
}

/** A rendered briefing as a job keeps it: its description and its bytes (base64). */
interface StoredBriefing extends BriefingFile {
  base64: string;
}

const briefing: JobKind<BriefingPayload, BriefingPayload, StoredBriefing, StoredBriefing> = {
  async plan(wb, payload) {
    const c = await wb.case();
    findScenario(c, payload.request.scenario);
    const revision = (await wb.caseState()).revision;
    const total = Math.max(1, payload.request.runs);
    return { payload: { request: payload.request, revision }, total, parts: [{ payload: { request: payload.request, revision }, total }] };
  },
  async runPart(wb, part, ctx) {
    await pinnedCase(wb, part.revision);
    const rendered = await renderBriefing(wb, part.request, { onProgress: (done) => ctx.progress(done) });
    return {
      fileName: rendered.fileName,
      mediaType: rendered.mediaType,
      size: rendered.bytes.length,
      sections: rendered.sections,
      footnotes: rendered.footnotes,
      unresolved: rendered.unresolved,
      base64: rendered.bytes.toString('base64'),
    };
  },
  async finish(_wb, _payload, parts) {
    return parts[0]!;
  },
};

/** Every kind of job: adding one means adding an entry here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const JOB_KINDS: Record<string, JobKind<any, any, any, any>> = { montecarlo, ingest, extract, briefing };

export type JobKindName = 'montecarlo' | 'ingest' | 'extract' | 'briefing';

// ---- Queue, follow, cancel, retry -------------------------------------------------------------

/** Queues a job of `kind` (checked and cut in parts now); the local worker is told. */
export async function enqueueJob(wb: Workbench, kind: JobKindName, payload: unknown): Promise<JobResponse> {
  const def = JOB_KINDS[kind];
  const planned = await def.plan(wb, payload);
  if (planned.parts.length === 0) throw new InputError(`nothing to do: the ${kind} job has no work`, { field: 'paths' });
  const store = await wb.store();
  const id = randomUUID();
  await store.jobs.enqueue({
    id,
    kind,
    payload: planned.payload,
    total: planned.total,
    maxAttempts: LIMITS.jobs.maxAttempts,
    parts: planned.parts.map((p, i) => ({ id: `${id}.${i + 1}`, payload: p.payload, total: p.total })),
  });
  wb.jobsQueued();
  return getJob(wb, id);
}

/** Starts Monte Carlo as a job; its id is polled (/api/jobs/{id}) or followed (events). */
export function startMonteCarlo(wb: Workbench, req: MonteCarloRequest): Promise<JobResponse> {
  return enqueueJob(wb, 'montecarlo', { request: req, revision: 0 });
}

/** Renders a briefing as a job; its file is read back with jobFile. */
export function startBriefing(wb: Workbench, req: ReportRequest): Promise<JobResponse> {
  return enqueueJob(wb, 'briefing', { request: req, revision: 0 });
}

/** The file a finished job made (a briefing): its bytes, type and name. */
export async function jobFile(wb: Workbench, id: string): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const row = await (await wb.store()).jobs.get(id);
  if (!row) throw new NotFoundError(`no job "${id}" (see marsad jobs)`);
  const result = row.result as Partial<StoredBriefing> | null;
  if (row.state !== 'done' || row.parentId !== null || typeof result?.base64 !== 'string') {
    throw new NotFoundError(`job "${id}" has no file${row.state === 'done' ? '' : ` (it is ${row.state === 'waiting' ? 'running' : row.state})`}`);
  }
  return { bytes: Buffer.from(result.base64, 'base64'), mediaType: result.mediaType!, fileName: result.fileName! };
}

/**
 * Ingests files and folders as a job, cut in parts several workers share; with `extract`, the
 * documents it adds or changes are then proposed on the desk by an extraction job.
 */
export function startIngest(wb: Workbench, req: { paths: string[]; cwd?: string; extract?: boolean }): Promise<JobResponse> {
  return enqueueJob(wb, 'ingest', { paths: req.paths, ...(req.cwd ? { cwd: req.cwd } : {}), ...(req.extract ? { extract: true } : {}) });
}

/**
 * Stores an uploaded file (or a pasted page) as an ingest job: its bytes wait in the job's part
 * in the database, so any worker on it can store them; the result names the document.
 */
export function startUpload(wb: Workbench, req: AddDocumentRequest): Promise<JobResponse> {
  return enqueueJob(wb, 'ingest', { paths: [], upload: req });
}

/**
 * Runs extraction over stored documents as a job, cut in parts of documents: the named ones, or
 * every document whose candidates are not kept yet (`all`: every document). The candidates are
 * those the desk computes on demand, kept so that their ids can be accepted, rejected or merged.
 */
export function startExtraction(wb: Workbench, req: ExtractJobRequest): Promise<JobResponse> {
  return enqueueJob(wb, 'extract', { documents: req.documents, all: req.all });
}

/** A job's result as served: a briefing without its bytes (they are a download of their own). */
function publicResult(result: unknown): JobResponse['result'] {
  if (result && typeof result === 'object' && 'base64' in result) {
    const { base64: _bytes, ...file } = result as StoredBriefing;
    return file;
  }
  return result as JobResponse['result'];
}

export function jobView(row: JobSummaryRow): JobResponse {
  // A job waiting for its parts runs once one of them has started.
  const status = row.state !== 'waiting' ? row.state : row.partsRunning + row.partsDone > 0 ? 'running' : 'queued';
  return {
    id: row.id,
    kind: row.kind,
    status,
    done: row.done,
    total: row.total,
    parts: row.parts,
    partsDone: row.partsDone,
    attempts: row.attempts,
    workers: row.workers,
    created: row.created,
    ...(row.started ? { started: row.started } : {}),
    ...(row.finished ? { finished: row.finished } : {}),
    ...(row.state === 'done' && row.parentId === null && row.result !== null ? { result: publicResult(row.result) } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

export async function getJob(wb: Workbench, id: string): Promise<JobResponse> {
  const row = await (await wb.store()).jobs.get(id);
  if (!row) throw new NotFoundError(`no job "${id}" (see marsad jobs)`);
  return jobView(row);
}

/** Jobs newest first, with their progress (results left out: ask for one job). */
export async function listJobs(wb: Workbench, req: JobsRequest): Promise<JobsResponse> {
  const rows = await (await wb.store()).jobs.list({ limit: req.limit, ...(req.status ? { state: req.status } : {}) });
  return { items: rows.map(jobView) };
}

/** Cancels a job that has not finished; its workers stop within one unit of work. */
export async function cancelJob(wb: Workbench, id: string): Promise<JobResponse> {
  const row = await (await wb.store()).jobs.cancel(id);
  if (!row) throw new NotFoundError(`no job "${id}" (see marsad jobs)`);
  return getJob(wb, id);
}

/** Queues a failed or cancelled job again: only its unfinished parts run. */
export async function retryJob(wb: Workbench, id: string): Promise<JobResponse> {
  const row = await (await wb.store()).jobs.retry(id);
  if (!row) throw new NotFoundError(`no job "${id}" (see marsad jobs)`);
  if (row.state !== 'queued' && row.state !== 'waiting') {
    throw new ConflictError(`job "${id}" is ${row.state}: only a failed or cancelled job is retried`);
  }
  wb.jobsQueued();
  return getJob(wb, id);
}

// ---- Workers ----------------------------------------------------------------------------------

export const WORKER_DEFAULTS = {
  /** Jobs (parts) run at once by one worker process. */
  concurrency: 1,
  /** Seconds a claim lasts without a progress report (LIMITS.jobs.leaseSeconds). */
  leaseSeconds: LIMITS.jobs.leaseSeconds as number,
  /** Milliseconds between looks at the queue when it is empty. */
  pollMs: 500,
  /** Milliseconds waited after each unit of work (0: none); slows a worker for demonstrations and fault tests. */
  pauseMs: 0,
};

export interface WorkerOptions {
  concurrency?: number;
  leaseSeconds?: number;
  pollMs?: number;
  pauseMs?: number;
  /** This worker's name in the jobs table; default host/pid. */
  name?: string;
  /** Stops the worker: no new claims; running parts are let go (another worker takes them). */
  signal?: AbortSignal;
  /** Return once the queue is empty instead of waiting for more. */
  untilIdle?: boolean;
  /** Told about each part claimed and finished, for a log. */
  onEvent?: (line: string) => void;
  /** Told about failures that are not Marsad's typed errors. */
  onUnexpected?: (error: unknown, job?: JobRow) => void;
  /** Resolves a wait for new work early (the local worker is told when its process queues a job). */
  wake?: () => Promise<void>;
}

class LostJob extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

/** Runs claimed jobs until `signal` is aborted (or, with `untilIdle`, until none is left). */
export async function runWorker(wb: Workbench, options: WorkerOptions = {}): Promise<void> {
  const o = { ...WORKER_DEFAULTS, ...options };
  if (!Number.isInteger(o.concurrency) || o.concurrency < 1 || o.concurrency > 64) {
    throw new InputError(`expected concurrency an integer in 1 … 64, got ${o.concurrency}`, { field: '--concurrency' });
  }
  if (!(o.leaseSeconds >= 1)) throw new InputError(`expected a lease of at least 1 second, got ${o.leaseSeconds}`, { field: '--lease' });
  const store = await wb.store();
  const base = o.name ?? `${hostname()}/${process.pid}`;
  const sleep = (ms: number) =>
    new Promise<void>((resolveSleep) => {
      const done = () => {
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', done);
        resolveSleep();
      };
      const timer = setTimeout(done, ms);
      o.signal?.addEventListener('abort', done, { once: true });
      void o.wake?.().then(done);
    });

  const slot = async (n: number) => {
    const name = o.concurrency > 1 ? `${base}/${n}` : base;
    while (!o.signal?.aborted) {
      const job = await store.jobs.claim(name, o.leaseSeconds);
      if (!job) {
        if (o.untilIdle) return;
        await sleep(o.pollMs);
        continue;
      }
      await runClaimed(wb, store.jobs, job, name, o);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, i) => slot(i + 1)));
}

async function runClaimed(
  wb: Workbench,
  queue: JobQueue,
  job: JobRow,
  name: string,
  o: typeof WORKER_DEFAULTS & WorkerOptions,
): Promise<void> {
  const def = JOB_KINDS[job.kind];
  const label = job.parentId ? `${job.kind} ${job.parentId} part ${job.part + 1}` : `${job.kind} ${job.id}`;
  o.onEvent?.(`${name}: started ${label} (attempt ${job.attempts})\n`);
  const controller = new AbortController();
  const stop = () => controller.abort(new LostJob('the worker is stopping'));
  o.signal?.addEventListener('abort', stop, { once: true });
  // The lease is renewed with progress, and at least every third of it meanwhile.
  let done = 0;
  let beat: Promise<void> = Promise.resolve();
  let lastBeat = Date.now();
  const renew = () => {
    lastBeat = Date.now();
    beat = beat
      .then(() => queue.heartbeat(job.id, name, done, o.leaseSeconds))
      .then(
        (mine) => {
          if (!mine) controller.abort(new LostJob('cancelled or taken over'));
        },
        (error: unknown) => controller.abort(new LostJob(`cannot reach the store: ${(error as Error).message}`)),
      );
  };
  const timer = setInterval(renew, (o.leaseSeconds * 1000) / 3);
  const ctx: PartContext = {
    progress(n) {
      // The first report at once (the listing shows the part under way), then at most every 100 ms.
      const first = done === 0;
      done = n;
      if (first || Date.now() - lastBeat >= 100) renew();
    },
    signal: controller.signal,
    pause: () =>
      new Promise((resolvePause) => setTimeout(resolvePause, o.pauseMs)).then(() => {
        if (controller.signal.aborted) throw controller.signal.reason;
      }),
  };
  try {
    if (!def) throw new MarsadError(`unknown kind of job "${job.kind}" (a newer Marsad queued it?)`);
    const result = job.parentId
      ? await def.runPart(wb, job.payload, ctx)
      : await def.finish(wb, job.payload, (await queue.parts(job.id)).map((p) => p.result));
    clearInterval(timer);
    await beat;
    if (controller.signal.aborted) throw controller.signal.reason;
    const kept = await queue.complete(job.id, name, result);
    o.onEvent?.(`${name}: ${kept ? 'finished' : 'dropped (no longer ours)'} ${label}\n`);
  } catch (error) {
    if (error instanceof LostJob || controller.signal.reason instanceof LostJob) {
      // Stopping: the part goes back to the queue now rather than when its lease runs out.
      if (o.signal?.aborted) await queue.release(job.id, name);
      o.onEvent?.(`${name}: let go of ${label}: ${(controller.signal.reason as LostJob | undefined)?.why ?? (error as LostJob).why}\n`);
      return;
    }
    const known = error instanceof MarsadError;
    if (!known) o.onUnexpected?.(error, job);
    const message = error instanceof InputError ? `${describeWhere(error)}${error.message}` : known ? error.message : 'internal failure';
    await queue.fail(job.id, name, message);
    o.onEvent?.(`${name}: failed ${label}: ${message}\n`);
  } finally {
    clearInterval(timer);
    o.signal?.removeEventListener('abort', stop);
  }
}

/** Milliseconds between looks at the queue by a process's own worker when nothing woke it. */
export const LOCAL_POLL_MS = 5000;

/**
 * The process's own worker, started when it first queues a job (embedded store: the only one;
 * PostgreSQL: beside any `marsad worker`), stopped by the workbench's close().
 */
export function localWorker(wb: Workbench, options: Pick<WorkerOptions, 'onUnexpected'> = {}): { wake(): void; stop(): Promise<void> } {
  const controller = new AbortController();
  // A wake-up that comes while the worker is not waiting is kept for its next wait.
  let pending = false;
  let wakeUp: (() => void) | undefined;
  const wake = () =>
    new Promise<void>((resolveWake) => {
      wakeUp = () => {
        pending = false;
        resolveWake();
      };
      if (pending) wakeUp();
    });
  const running = runWorker(wb, {
    name: `${hostname()}/${process.pid}/app`,
    signal: controller.signal,
    // Jobs of this process wake it; the queue is looked at now and then for jobs left by others.
    pollMs: LOCAL_POLL_MS,
    wake,
    onUnexpected: options.onUnexpected,
  }).catch((error: unknown) => {
    // Stopped on purpose, the store may close under it: only a failure while running is news.
    if (!controller.signal.aborted) options.onUnexpected?.(error);
  });
  return {
    wake: () => {
      pending = true;
      wakeUp?.();
    },
    async stop() {
      controller.abort();
      await running;
    },
  };
}
