/**
 * Jobs shared by worker processes on the test PostgreSQL server: a 10,000-run Monte Carlo queued
 * once, cut in parts, run by two `marsad worker` processes (the built CLI), gives byte for byte
 * the result of one process with the same seed; and a worker killed with SIGKILL in the middle
 * of a part loses nothing: its lease runs out and the other worker runs that part again.
 * Workers are slowed down (MARSAD_WORKER_PAUSE_MS) so that the kill lands inside a part.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelJob, getJob, monteCarloOf, openWorkbench, retryJob, runWorker, startIngest, startMonteCarlo, type Workbench } from '../src/app/index.js';
import { builtInCaseDir } from '../src/case/case-dir.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { MonteCarloRequest } from '../src/domain/requests.js';
import type { JobResponse } from '../src/domain/responses.js';
import type { JobRow } from '../src/store/index.js';
import { freshSchema } from './support/database.js';
import { binPath, corpusDir, repoRoot } from './support/paths.js';

const RUNS = 10_000;
const LEASE_SECONDS = 2;

let schema: Awaited<ReturnType<typeof freshSchema>>;
let url: string;
let wb: Workbench;
let sql: pg.Client;
const children: ChildProcess[] = [];

beforeAll(async () => {
  schema = await freshSchema('jobs');
  sql = new pg.Client({ connectionString: schema.databaseUrl });
  await sql.connect();
  await sql.query(`create schema ${schema.schema}`);
  await sql.query(`set search_path = ${schema.schema}`);
  // The workers reach the same schema through the URL, as any client of the server would.
  const u = new URL(schema.databaseUrl);
  u.searchParams.set('options', `-c search_path=${schema.schema}`);
  url = u.toString();
  // This process only queues: the workers run the jobs.
  wb = openWorkbench({ caseDir: builtInCaseDir(), store: { databaseUrl: schema.databaseUrl, schema: schema.schema }, runJobs: false });
  await wb.case();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await wb?.close();
  await sql?.end();
  await schema?.drop();
});

function startWorker(pauseMs: number): ChildProcess {
  const child = spawn(process.execPath, [binPath, 'worker', '--lease', String(LEASE_SECONDS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MARSAD_DATABASE_URL: url, MARSAD_WORKER_PAUSE_MS: String(pauseMs), MARSAD_CASE: '' },
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`worker ${child.pid} exited ${code}:\n${log}`);
  });
  children.push(child);
  return child;
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    child.on('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function parts(jobId: string): Promise<JobRow[]> {
  return (await wb.store()).jobs.parts(jobId);
}

const finished = (id: string) => async () => {
  const job = await getJob(wb, id);
  return job.status === 'queued' || job.status === 'running' ? undefined : job;
};

/** What one process computes for the same request and seed. */
async function oneProcess(req: MonteCarloRequest): Promise<string> {
  return JSON.stringify(await monteCarloOf(await wb.case(), { ...req, threads: 1 }));
}

function request(seed: number): MonteCarloRequest {
  return MonteCarloRequest.parse({ scenario: 'negotiated-transition', runs: RUNS, seed });
}

describe('marsad worker without a server', () => {
  it('refuses the embedded store with exit code 2, naming MARSAD_DATABASE_URL', async () => {
    const io = memoryIo({ MARSAD_DATA: '/nonexistent/marsad-data' }, repoRoot);
    expect(await main(['node', 'marsad', 'worker'], io)).toBe(2);
    expect(io.stderr).toMatch(/MARSAD_DATABASE_URL/);
  });
});

describe('marsad worker × 2 on one PostgreSQL database', () => {
  it('splits a 10,000-run Monte Carlo between two workers with the result of one process', async () => {
    const req = request(11);
    const queued = await startMonteCarlo(wb, req);
    expect(queued.parts).toBe(10);
    expect(queued.status).toBe('queued');
    const a = startWorker(30);
    const b = startWorker(30);
    const job: JobResponse = await until('the job to finish', finished(queued.id));
    await Promise.all([stopWorker(a), stopWorker(b)]);

    expect(job.status).toBe('done');
    expect(job.done).toBe(RUNS);
    expect(JSON.stringify(job.result)).toBe(await oneProcess(req));
    // Both processes took parts.
    const rows = await parts(queued.id);
    const tookParts = (pid: number) => rows.some((p) => p.workers.some((w) => w.endsWith(`/${pid}`)));
    expect(tookParts(a.pid!)).toBe(true);
    expect(tookParts(b.pid!)).toBe(true);
    expect(rows.every((p) => p.attempts === 1)).toBe(true);
  });

  it('loses nothing when a worker is killed (SIGKILL) in the middle of a part: the part runs again once its lease runs out', async () => {
    const req = request(12);
    const queued = await startMonteCarlo(wb, req);
    const victim = startWorker(60);
    const survivor = startWorker(60);
    // Wait until the victim is inside a part (some of its runs reported, not finished).
    const inside = await until('the victim to be inside a part', async () => {
      const { rows } = await sql.query<{ id: string; done: number; total: number }>(
        `select id, done, total from jobs where parent_id = $1 and state = 'running' and worker like $2 and done > 0 and done < total`,
        [queued.id, `%/${victim.pid}`],
      );
      return rows[0];
    });
    victim.kill('SIGKILL');
    const job = await until('the job to finish', finished(queued.id));
    await stopWorker(survivor);

    expect(job.status).toBe('done');
    expect(JSON.stringify(job.result)).toBe(await oneProcess(req));
    const killedPart = (await parts(queued.id)).find((p) => p.id === inside.id)!;
    expect(killedPart.state).toBe('done');
    expect(killedPart.attempts).toBe(2);
    expect(killedPart.workers).toEqual([expect.stringMatching(new RegExp(`/${victim.pid}$`)), expect.stringMatching(new RegExp(`/${survivor.pid}$`))]);
    expect(killedPart.worker).toMatch(new RegExp(`/${survivor.pid}$`));
  });

  it('cancelJob stops a job and its parts; retryJob queues it again and a worker finishes it with the same result', async () => {
    const req = request(13);
    const queued = await startMonteCarlo(wb, req);
    const cancelled = await cancelJob(wb, queued.id);
    expect(cancelled.status).toBe('cancelled');
    expect((await parts(queued.id)).every((p) => p.state === 'cancelled')).toBe(true);
    // A cancelled job is not claimed.
    await runWorker(wb, { untilIdle: true, name: 'test/cancelled' });
    expect((await getJob(wb, queued.id)).status).toBe('cancelled');

    expect((await retryJob(wb, queued.id)).status).toBe('queued');
    await runWorker(wb, { untilIdle: true, name: 'test/retried', concurrency: 2 });
    const job = await getJob(wb, queued.id);
    expect(job.status).toBe('done');
    expect(JSON.stringify(job.result)).toBe(await oneProcess(req));
  });

  it('cancelJob while a worker runs a part: the worker lets go within a chunk and writes nothing', async () => {
    const queued = await startMonteCarlo(wb, request(14));
    const controller = new AbortController();
    const working = runWorker(wb, { name: 'test/paced', pauseMs: 100, untilIdle: true, signal: controller.signal });
    await until('a part under way', async () => {
      const rows = await parts(queued.id);
      return rows.some((p) => p.state === 'running' && p.done > 0) ? true : undefined;
    });
    await cancelJob(wb, queued.id);
    await working;
    const rows = await parts(queued.id);
    expect(rows.every((p) => p.state === 'cancelled' || p.state === 'done')).toBe(true);
    expect(rows.some((p) => p.state === 'cancelled' && p.workers.includes('test/paced'))).toBe(true);
    expect(rows.filter((p) => p.state === 'cancelled').every((p) => p.result === null)).toBe(true);
    const job = await getJob(wb, queued.id);
    expect(job.status).toBe('cancelled');
    expect(job.result).toBeUndefined();
  });

  it('startIngest queues a folder; a worker stores every document and the job sums what it did', async () => {
    const queued = await startIngest(wb, { paths: [corpusDir()] });
    expect(queued.kind).toBe('ingest');
    await runWorker(wb, { untilIdle: true, name: 'test/ingest' });
    const job = await getJob(wb, queued.id);
    expect(job.status).toBe('done');
    const result = job.result as { added: Array<{ file: string }>; rejected: unknown[] };
    const stored = await (await wb.store()).listDocuments();
    expect(result.added.length).toBe(job.total);
    expect(stored.map((d) => d.file).sort()).toEqual(result.added.map((a) => a.file).sort());
    // Run again as a job: every file is found unchanged, nothing is stored twice.
    const again = await startIngest(wb, { paths: [corpusDir()] });
    await runWorker(wb, { untilIdle: true, name: 'test/ingest' });
    const second = (await getJob(wb, again.id)).result as { added: unknown[]; unchanged: unknown[] };
    expect(second.added).toEqual([]);
    expect(second.unchanged.length).toBe(job.total);
    expect((await (await wb.store()).listDocuments()).length).toBe(stored.length);
  });
});
