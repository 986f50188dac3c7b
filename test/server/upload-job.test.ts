/**
 * An upload as a job through the API: the file's bytes wait in the job's part in the database,
 * the app's own worker stores them as the instant route would (same document), the job's result
 * names the document whose candidates the desk then lists, and the bytes are not kept once
 * stored. A file that cannot be read ends the job with the reason; a bad name is refused at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary, JobResponse } from '../../src/domain/responses.js';
import { repoRoot } from '../support/paths.js';
import { jsonPost, openFixture, type Fixture } from './app-fixture.js';

let fx: Fixture;
let app: ReturnType<Fixture['app']>;

beforeAll(async () => {
  fx = await openFixture();
  // Other routes take 4 KB bodies here: the upload routes take files (40 MB by default).
  app = fx.app();
});

afterAll(async () => {
  await fx?.wb.close();
  await fx?.close();
});

async function finished(id: string): Promise<JobResponse> {
  for (let i = 0; i < 1200; i++) {
    const job = (await (await app.request(`/api/jobs/${id}`)).json()) as JobResponse;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

/** A long news report (about 110 KB): the heldout report followed by numbered paragraphs. */
function longReport(): Buffer {
  const head = readFileSync(join(repoRoot, 'test', 'fixtures', 'news', 'heldout-a.txt'), 'utf8');
  const body = Array.from({ length: 1200 }, (_, i) => `Paragraph ${i + 1}: the analysts kept reading the long report about the advisers in Erbil.`).join('\n\n');
  return Buffer.from(`${head}\n\n${body}\n`);
}

describe('POST /api/documents/upload-job', () => {
  it('queues the upload; the job stores the document the instant route stores, and the desk lists its candidates', async () => {
    const bytes = longReport();
    const upload = { file: 'long-report.txt', base64: bytes.toString('base64'), meta: { outlet: 'Example News', published: '2026-02-13', reliability: 'medium' } };
    const res = await app.request('/api/documents/upload-job', jsonPost(upload));
    expect(res.status, await res.clone().text()).toBe(202);
    const queued = (await res.json()) as JobResponse;
    expect(queued).toMatchObject({ kind: 'ingest', total: 1, parts: 1 });
    // The job's own row keeps the name and size; the bytes are in its part until stored.
    const row = (await fx.store.jobs.get(queued.id))!;
    expect(row.payload).toMatchObject({ upload: { file: 'long-report.txt', size: bytes.length } });
    expect(JSON.stringify(row.payload)).not.toContain(upload.base64.slice(0, 64));

    const job = await finished(queued.id);
    expect(job.status, job.error).toBe('done');
    const result = job.result as IngestSummary;
    expect(result.rejected).toEqual([]);
    expect(result.added).toHaveLength(1);
    const added = result.added[0]!;
    expect(added).toMatchObject({ file: 'long-report.txt', path: 'upload:long-report.txt' });
    expect(added.passages).toBeGreaterThan(10);
    // Stored, the bytes are not kept with the job.
    const parts = await fx.store.jobs.parts(queued.id);
    expect(parts[0]!.payload).toEqual({});

    // The instant route finds the very same document already stored.
    const again = await app.request('/api/documents/add', jsonPost(upload));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged', document: { id: added.documentId, file: 'long-report.txt' } });

    const candidates = await app.request(`/api/documents/${added.documentId}/candidates`);
    expect(candidates.status).toBe(200);
    const desk = (await candidates.json()) as { candidates: Array<{ id: string; document: { id: string } }> };
    expect(desk.candidates.length).toBeGreaterThan(0);
    expect(desk.candidates.every((k) => k.document.id === added.documentId)).toBe(true);
  });

  it('a file that cannot be read ends the job with the reason, and nothing is stored', async () => {
    const before = (await fx.store.listDocuments()).length;
    const res = await app.request('/api/documents/upload-job', jsonPost({ file: 'broken.pdf', base64: Buffer.from('not a PDF at all').toString('base64') }));
    expect(res.status).toBe(202);
    const job = await finished(((await res.json()) as JobResponse).id);
    expect(job.status).toBe('done');
    const result = job.result as IngestSummary;
    expect(result.added).toEqual([]);
    expect(result.rejected).toEqual([{ path: 'upload:broken.pdf', reason: expect.stringMatching(/\S/) }]);
    expect((await fx.store.listDocuments()).length).toBe(before);
  });

  it('a file without a name, or with a name without extension, is refused before anything is queued', async () => {
    const jobsBefore = (await fx.store.jobs.list({ limit: 500 })).length;
    const base64 = Buffer.from('some text').toString('base64');
    for (const body of [{ base64 }, { file: 'no-extension', base64 }]) {
      const res = await app.request('/api/documents/upload-job', jsonPost(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/name|extension/);
    }
    expect((await fx.store.jobs.list({ limit: 500 })).length).toBe(jobsBefore);
  });
});
