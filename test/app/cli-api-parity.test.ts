/**
 * Same question, same answer: every operation the CLI and the API both offer is asked of both,
 * over one PostgreSQL database and the built-in case, and the answers must be equal — same hits
 * in the same order, same listings in the same order, same numbers for the same scenario, runs
 * and seed, same briefing bytes. The API adds where each citation's quote is (links for the web
 * app) and leaves out the ingesting machine's file paths; those are set aside before comparing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../src/app/index.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { freshSchema } from '../support/database.js';
import { unlinked } from '../support/citation-links.js';
import { corpusDir } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

let db: Awaited<ReturnType<typeof freshSchema>>;
let store: Store;
let wb: Workbench;
let app: ReturnType<typeof createApp>;
let env: Record<string, string>;
const tmp = makeTempDir('marsad-parity-');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo(env, tmp.dir);
  const code = await main(['node', 'marsad', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function cliJson(...args: string[]): Promise<unknown> {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function api(path: string, body?: unknown): Promise<any> {
  const res = await app.request(
    `/api/${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  db = await freshSchema('parity');
  store = await openStore({ databaseUrl: db.databaseUrl, schema: db.schema });
  const url = new URL(db.databaseUrl);
  url.searchParams.set('options', `-c search_path=${db.schema}`);
  env = { MARSAD_DATABASE_URL: url.toString(), MARSAD_CASE: builtInCaseDir() };
  const ingested = await cli('ingest', corpusDir());
  expect(ingested.code, ingested.stderr).toBe(0);
  wb = openWorkbench({ caseDir: builtInCaseDir(), store });
  app = createApp({ wb, options: { maxBodyBytes: 64 * 1024 } });
});

afterAll(async () => {
  await wb?.close();
  await store?.close();
  await db?.drop();
  tmp.remove();
});

describe('the CLI and the API give the same answers', () => {
  it.each([
    ['actors', ['actors'], 'actors', 'items'],
    ['actors of one type', ['actors', '--type', 'militia'], 'actors?type=militia', 'items'],
    ['stances of one actor', ['stances', '--actor', 'kataib-hezbollah'], 'stances?actor=kataib-hezbollah', 'items'],
    ['events in a period', ['events', '--from', '2024-01', '--to', '2024-06'], 'events?from=2024-01&to=2024-06', 'items'],
    ['events of one actor', ['events', '--actor', 'us'], 'events?actor=us', 'items'],
    ['commitments', ['commitments'], 'commitments', 'items'],
    ['claims', ['claims'], 'claims', 'items'],
    ['scenarios', ['scenarios'], 'scenarios', 'items'],
    ['commitments as of a date', ['commitments', '--as-of', '2025-10'], 'commitments?asOf=2025-10', 'items'],
    ['events as of a date', ['events', '--as-of', '2024-06'], 'events?asOf=2024-06', 'items'],
    ['indicators', ['indicators'], 'indicators', 'items'],
  ])('%s: same items in the same order', async (_name, args, path, key) => {
    const fromCli = await cliJson(...args);
    const fromApi = await api(path);
    expect((fromCli as unknown[]).length).toBeGreaterThan(0);
    expect(unlinked(fromApi[key])).toEqual(fromCli);
  });

  it('claims --conflicts: the same computed conflicts between figures and between stances', async () => {
    const fromCli = (await cliJson('claims', '--conflicts')) as { claims: unknown[]; stances: unknown[] };
    const fromApi = await api('claims/conflicts');
    expect(fromCli.claims.length).toBeGreaterThan(0);
    expect(unlinked(fromApi.items)).toEqual(fromCli.claims);
    expect(unlinked(fromApi.stances)).toEqual(fromCli.stances);
  });

  it('backtest: the same forecasts, commitments, indicators and scores', async () => {
    const fromCli = (await cliJson('backtest', '--as-of', '2024-10-31')) as { commitments: unknown[] };
    const fromApi = await api('backtest?asOf=2024-10-31');
    expect(fromCli.commitments.length).toBeGreaterThan(0);
    expect(unlinked(fromApi)).toEqual(fromCli);
  });

  it('probabilities: the same track of every scenario and hypothesis', async () => {
    const fromCli = (await cliJson('probabilities', '--from', '2024-01-01', '--until', '2025-12-31')) as { series: Array<{ points: unknown[] }> };
    const fromApi = await api('probabilities?from=2024-01-01&until=2025-12-31');
    expect(fromCli.series.some((x) => x.points.length > 1)).toBe(true);
    expect(unlinked(fromApi)).toEqual(fromCli);
  });

  it('documents: the same documents, the API without the ingesting machine paths', async () => {
    const fromCli = (await cliJson('documents')) as Array<Record<string, unknown>>;
    const fromApi = await api('documents');
    expect(fromApi.items).toEqual(fromCli.map(({ path: _path, ...rest }) => rest));
  });

  it.each([
    ['an Arabic name', 'عين الأسد', 20],
    ['a common Arabic word, fifty hits', 'الانسحاب', 50],
    ['an English name found in Arabic', 'Ain al-Asad', 10],
  ])('search for %s: the same hits in the same order', async (_name, q, limit) => {
    const fromCli = (await cliJson('search', q, '--limit', String(limit))) as unknown[];
    const fromApi = await api(`search?q=${encodeURIComponent(q)}&limit=${limit}`);
    expect(fromCli.length).toBeGreaterThan(0);
    expect(fromApi.hits).toEqual(fromCli);
  });

  it('jobs: the same jobs with the same state and progress', async () => {
    const res = await app.request('/api/montecarlo', { method: 'POST', body: JSON.stringify({ scenario: 'status-quo', runs: 1500, seed: 4 }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(202);
    const started = (await res.json()) as { id: string; status: string };
    let job = started;
    for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await api(`jobs/${started.id}`);
    }
    expect(job.status).toBe('done');
    const fromCli = (await cliJson('jobs')) as { items: Array<{ id: string }> };
    const fromApi = await api('jobs');
    expect(fromCli.items.map((j) => j.id)).toContain(started.id);
    expect(fromApi).toEqual(fromCli);
  });

  it('an extraction job: the same documents and candidates by kind from the CLI and the API', async () => {
    const docs = ((await cliJson('documents')) as Array<{ file: string }>).slice(0, 2).map((d) => d.file);
    type Job = { id: string; kind: string; status: string; result?: { documents: number; candidates: number } };
    const finished = async (started: Job) => {
      let job = started;
      for (let i = 0; i < 1200 && (job.status === 'queued' || job.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = await api(`jobs/${job.id}`);
      }
      return job;
    };
    // With a database URL the CLI only queues the job (a worker runs it: here the app's own).
    const queued = (await cliJson('candidates', '--job', ...docs)) as Job;
    expect(queued.kind).toBe('extract');
    const res = await app.request('/api/extractions', { method: 'POST', body: JSON.stringify({ documents: docs }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status, await res.clone().text()).toBe(202);
    const [fromCli, fromApi] = [await finished(queued), await finished((await res.json()) as Job)];
    expect(fromCli.status).toBe('done');
    expect(fromApi.status).toBe('done');
    expect(fromCli.result!.documents).toBe(2);
    expect(fromCli.result!.candidates).toBeGreaterThan(0);
    expect(fromApi.result).toEqual(fromCli.result);
  });

  it.each([
    ['an English question over Arabic text, by date', 'why are US advisers staying at Ain al-Asad', ['--sort', 'date'], 'sort=date'],
    ['a glossary word with an outlet filter', 'withdrawal', ['--outlet', 'araby'], 'outlet=araby'],
  ])('search for %s: the same hits in the same order', async (_name, q, flags, params) => {
    const fromCli = (await cliJson('search', q, '--limit', '10', ...flags)) as unknown[];
    const fromApi = await api(`search?q=${encodeURIComponent(q)}&limit=10&${params}`);
    expect(fromCli.length).toBeGreaterThan(0);
    expect(fromApi.hits).toEqual(fromCli);
  });

  it.each([
    ['full-withdrawal', 1, 1],
    ['status-quo', 400, 9],
  ])('simulate %s with %i runs and seed %i: the same numbers', async (scenario, runs, seed) => {
    const fromCli = await cliJson('simulate', '--scenario', scenario, '--runs', String(runs), '--seed', String(seed));
    const fromApi = await api('simulate', { scenario, runs, seed });
    expect(fromApi).toEqual(fromCli);
    if (runs > 1) expect((fromApi as { probabilities: { runs: number } }).probabilities.runs).toBe(runs);
  });

  it('sensitivity of an outcome: the same ranking of edges', async () => {
    const scenario = 'full-withdrawal';
    const c = await wb.case();
    const outcome = c.concepts.find((k) => k.kind === 'outcome')!.id;
    const fromCli = (await cliJson('simulate', '--scenario', scenario, '--sensitivity', outcome)) as { sensitivity: unknown };
    const fromApi = await api('sensitivity', { scenario, outcome });
    expect(fromApi).toEqual(fromCli.sensitivity);
  });

  it('model: the same metrics and feedback loops', async () => {
    const fromCli = (await cliJson('model', '--max-loops', '200')) as { metrics: unknown; loops: unknown };
    const fromApi = await api('model?maxLoops=200');
    expect(fromApi.metrics).toEqual(fromCli.metrics);
    expect(fromApi.loops).toEqual(fromCli.loops);
  });

  it('ach: the same scores, leader and diagnosticity', async () => {
    const fromCli = (await cliJson('ach')) as Record<string, unknown>;
    const fromApi = await api('hypotheses');
    for (const key of ['scores', 'leading', 'diagnosticity', 'critical', 'withoutLowCredibility']) {
      expect(fromApi.analysis[key], key).toEqual(fromCli[key]);
    }
  });

  it('report: the same briefing bytes for the same scenario, language, runs and seed', async () => {
    const out = `${tmp.dir}/b.md`;
    const r = await cli('report', '--scenario', 'status-quo', '--lang', 'en', '--format', 'md', '--runs', '300', '--seed', '4', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const res = await app.request('/api/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'status-quo', lang: 'en', format: 'md', runs: 300, seed: 4 }),
    });
    expect(res.status).toBe(200);
    const { readFileSync } = await import('node:fs');
    expect(await res.text()).toBe(readFileSync(out, 'utf8'));
  });

  it('an unknown id: the same refusal in both', async () => {
    const r = await cli('simulate', '--scenario', 'no-such-scenario');
    expect(r.code).toBe(2);
    const res = await app.request('/api/simulate', { method: 'POST', body: JSON.stringify({ scenario: 'no-such-scenario' }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string };
    expect(r.stderr).toContain(body.error);
  });
});
