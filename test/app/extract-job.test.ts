/**
 * Extraction over stored documents as a job, in the application layer over the embedded store:
 * the job proposes for every document not extracted yet exactly the candidates the desk computes
 * on demand (same ids, same data), cut in parts with progress and a result; a part that fails
 * fails the job, and a retry runs only the unfinished parts; a cancelled job stops between
 * documents and keeps nothing more. An ingest job asked to extract queues the extraction of the
 * documents it added.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../src/app/index.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { MarsadError } from '../../src/domain/errors.js';
import { LIMITS } from '../../src/domain/names.js';
import { CandidatesRequest, ExtractJobRequest } from '../../src/domain/requests.js';
import type { ExtractionSummary, IngestSummary, JobResponse } from '../../src/domain/responses.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir, repoRoot } from '../support/paths.js';

const newsDir = join(repoRoot, 'test', 'fixtures', 'news');

interface Bench {
  store: Store;
  wb: ops.Workbench;
}

async function bench(paths: string[]): Promise<Bench> {
  const store = await openStore({ memory: true });
  // This process queues; the tests run the worker themselves (runWorker), step by step.
  const wb = ops.openWorkbench({ caseDir: builtInCaseDir(), store, runJobs: false, clock: () => new Date('2026-03-01T12:00:00Z') });
  if (paths.length) await ops.ingest(wb, { paths });
  return { store, wb };
}

/** The candidates kept for the case in `b`'s store, by document file. */
async function kept(b: Bench): Promise<Set<string>> {
  const state = await b.wb.caseState();
  return new Set(await b.store.cases.documentsWithCandidates(state.caseId));
}

const extraction = (req: Partial<ExtractJobRequest> = {}) => ExtractJobRequest.parse(req);

/** Every part run by one worker in this process until the queue is empty. */
const work = (wb: ops.Workbench, name = 'test/extract', more: Partial<ops.WorkerOptions> = {}) => ops.runWorker(wb, { untilIdle: true, name, ...more });

/** A workbench whose case cannot be read after `ok` reads: extraction fails from then on. */
function failingAfter(wb: ops.Workbench, ok: number): ops.Workbench {
  let reads = 0;
  return new Proxy(wb, {
    get(target, prop) {
      if (prop === 'case') {
        return () => (++reads > ok ? Promise.reject(new MarsadError('the case cannot be read (test)')) : target.case());
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let a: Bench;
let b: Bench;
/** What a job over every document found (the second test), for the retried job to equal. */
let allResult: ExtractionSummary | undefined;
/** What the first job found over every document but one. */
let firstResult: ExtractionSummary | undefined;

beforeAll(async () => {
  a = await bench([corpusDir(), newsDir]);
  b = await bench([corpusDir(), newsDir]);
});

afterAll(async () => {
  for (const x of [a, b]) {
    await x?.wb.close();
    await x?.store.close();
  }
});

describe('extraction as a job', () => {
  it('proposes for every document not extracted yet the candidates the desk computes on demand, same ids and data', async () => {
    const docs = await a.store.listDocuments();
    expect(docs.length).toBeGreaterThan(LIMITS.jobs.extractPartDocuments);
    // One document already looked at on the desk: the job leaves it out.
    const seen = docs.find((d) => d.file === 'heldout-a.txt')!;
    expect((await ops.documentCandidates(a.wb, CandidatesRequest.parse({ doc: seen.id }))).candidates.length).toBeGreaterThan(0);

    const queued = await ops.startExtraction(a.wb, extraction());
    expect(queued).toMatchObject({ kind: 'extract', status: 'queued', total: docs.length - 1, done: 0 });
    expect(queued.parts).toBe(Math.ceil((docs.length - 1) / LIMITS.jobs.extractPartDocuments));
    await work(a.wb);
    const job = await ops.getJob(a.wb, queued.id);
    expect(job).toMatchObject({ status: 'done', done: docs.length - 1, partsDone: queued.parts });
    const result = job.result as ExtractionSummary;
    expect(result.documents).toBe(docs.length - 1);
    expect(result.missing).toEqual([]);

    // The other store computes each document's candidates on demand, on the desk.
    const state = await a.wb.caseState();
    let total = 0;
    const byKind: Record<string, number> = {};
    for (const doc of docs) {
      if (doc.id === seen.id) continue;
      const other = (await b.store.getDocument(doc.file))!;
      const onDemand = (await ops.documentCandidates(b.wb, CandidatesRequest.parse({ doc: other.id }))).candidates;
      total += onDemand.length;
      for (const k of onDemand) {
        byKind[k.kind] = (byKind[k.kind] ?? 0) + 1;
        const keptByJob = await a.store.cases.candidate(state.caseId, k.id);
        expect(keptByJob?.documentId, `${doc.file} ${k.id}`).toBe(doc.id);
        const { document: _d, passage: _p, decision: _x, ...candidate } = k;
        expect(keptByJob!.data).toEqual(candidate);
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(result.candidates).toBe(total);
    expect(result.byKind).toEqual(Object.fromEntries(Object.entries(byKind).sort(([x], [y]) => x.localeCompare(y))));
    firstResult = result;
    // Every document now has its candidates kept (those with any), as on the desk.
    await ops.documentCandidates(b.wb, CandidatesRequest.parse({ doc: seen.file }));
    expect(await kept(a)).toEqual(await kept(b));
  });

  it('refuses a job with nothing new to extract; named documents or all run again with the same result', async () => {
    await expect(ops.startExtraction(a.wb, extraction())).rejects.toThrow(/nothing to extract/);
    const named = await ops.startExtraction(a.wb, extraction({ documents: ['heldout-a.txt', 'news-01.txt'] }));
    expect(named.total).toBe(2);
    await expect(ops.startExtraction(a.wb, extraction({ documents: ['no-such-document.txt'] }))).rejects.toThrow(/unknown document "no-such-document.txt"/);
    const all = await ops.startExtraction(a.wb, extraction({ all: true }));
    await work(a.wb);
    const again = (await ops.getJob(a.wb, all.id)).result as ExtractionSummary;
    allResult = again;
    const heldout = (await ops.documentCandidates(a.wb, CandidatesRequest.parse({ doc: 'heldout-a.txt', all: true }))).candidates.length;
    expect(again.documents).toBe(all.total);
    expect(again.candidates).toBe(firstResult!.candidates + heldout);
    expect((await ops.getJob(a.wb, named.id)).result).toMatchObject({ documents: 2 });
  });

  it('a part that fails fails the job; a retry runs only the unfinished parts and ends with the full result', async () => {
    const c = await bench([corpusDir(), newsDir]);
    try {
      const queued = await ops.startExtraction(c.wb, extraction());
      expect(queued.parts).toBeGreaterThan(1);
      // The first part's documents go through; the second part cannot read the case.
      await work(failingAfter(c.wb, LIMITS.jobs.extractPartDocuments), 'test/failing');
      const failed = await ops.getJob(c.wb, queued.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/the case cannot be read/);
      const parts = await c.store.jobs.parts(queued.id);
      expect(parts[0]!.state).toBe('done');
      expect(parts.slice(1).every((p) => p.state === 'failed' || p.state === 'cancelled')).toBe(true);
      expect((await kept(c)).size).toBeLessThan(queued.total);

      // Queued again; it shows as running, one of its parts being done.
      expect((await ops.retryJob(c.wb, queued.id)).status).toBe('running');
      await work(c.wb, 'test/retried');
      const job = await ops.getJob(c.wb, queued.id);
      expect(job.status).toBe('done');
      const after = await c.store.jobs.parts(queued.id);
      // The finished part did not run again.
      expect(after[0]!.attempts).toBe(1);
      expect(after[0]!.workers).toEqual(['test/failing']);
      expect(after.slice(1).every((p) => p.state === 'done' && p.workers.includes('test/retried'))).toBe(true);
      // The same result as a job over every document that ran without a failure.
      expect(job.result).toEqual(allResult);
      expect(await kept(c)).toEqual(await kept(a));
    } finally {
      await c.wb.close();
      await c.store.close();
    }
  });

  it('cancelled before it runs, nothing is extracted; cancelled while it runs, it stops between documents', async () => {
    const c = await bench([corpusDir(), newsDir]);
    try {
      const first = await ops.startExtraction(c.wb, extraction());
      expect((await ops.cancelJob(c.wb, first.id)).status).toBe('cancelled');
      await work(c.wb);
      expect((await ops.getJob(c.wb, first.id)).status).toBe('cancelled');
      expect((await kept(c)).size).toBe(0);

      const second = await ops.startExtraction(c.wb, extraction());
      const controller = new AbortController();
      const working = work(c.wb, 'test/paced', { pauseMs: 150, signal: controller.signal });
      // Progress shows while the first part runs.
      let seen: JobResponse | undefined;
      for (let i = 0; i < 400 && !seen; i++) {
        const j = await ops.getJob(c.wb, second.id);
        if (j.done > 0) seen = j;
        else await new Promise((r) => setTimeout(r, 25));
      }
      expect(seen?.status).toBe('running');
      expect(seen!.done).toBeLessThan(seen!.total);
      await ops.cancelJob(c.wb, second.id);
      await working;
      const job = await ops.getJob(c.wb, second.id);
      expect(job.status).toBe('cancelled');
      expect(job.result).toBeUndefined();
      const parts = await c.store.jobs.parts(second.id);
      expect(parts.some((p) => p.state === 'cancelled' && p.workers.includes('test/paced'))).toBe(true);
      expect((await kept(c)).size).toBeLessThan(second.total);
    } finally {
      await c.wb.close();
      await c.store.close();
    }
  });

  it('an ingest job asked to extract queues the extraction of the documents it added', async () => {
    const c = await bench([corpusDir()]);
    try {
      const ingest = await ops.startIngest(c.wb, { paths: [newsDir], extract: true });
      await work(c.wb);
      const done = await ops.getJob(c.wb, ingest.id);
      const summary = done.result as IngestSummary;
      expect(summary.added.length).toBe(9);
      expect(summary.extractJob).toBeDefined();
      const extractJob = await ops.getJob(c.wb, summary.extractJob!);
      expect(extractJob).toMatchObject({ kind: 'extract', status: 'done', total: 9 });
      // The added documents, not the corpus ingested before.
      const withCandidates = await kept(c);
      expect(summary.added.some((f) => withCandidates.has(f.documentId))).toBe(true);
      const corpusIds = (await c.store.listDocuments()).filter((d) => !summary.added.some((f) => f.documentId === d.id)).map((d) => d.id);
      expect(corpusIds.length).toBe(5);
      expect(corpusIds.some((id) => withCandidates.has(id))).toBe(false);
    } finally {
      await c.wb.close();
      await c.store.close();
    }
  });
});
