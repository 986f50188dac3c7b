/** `marsad serve` as a real server on a free port: loopback by default, token elsewhere. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { isLoopback, startServer, type RunningServer } from '../../src/cli/commands/serve.js';
import { corpusDir } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('marsad-serve-');
const running: RunningServer[] = [];
afterAll(async () => {
  for (const r of running) await r.close();
  temp.remove();
});
const quiet = { err: () => undefined };

describe('startServer', () => {
  it('isLoopback knows the loopback names', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::', 'example.org'].some(isLoopback)).toBe(false);
  });

  it('ingests the case corpus on first start and serves the API on loopback without a token', async () => {
    const messages: string[] = [];
    const r = await startServer(
      { port: 0, host: '127.0.0.1', ingest: true, dataDir: join(temp.dir, 'data'), caseDir: builtInCaseDir(), corpus: corpusDir() },
      { err: (s) => void messages.push(s) },
    );
    running.push(r);
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(r.token).toBeUndefined();
    expect(messages.join('')).toMatch(/5 added/);
    const health = (await (await fetch(`${r.url}api/health`)).json()) as { stats: { documents: number } };
    expect(health.stats.documents).toBe(5);
    await r.close();
    running.pop();
  });

  it('requires and generates a token when bound to a non-loopback address', async () => {
    const r = await startServer(
      { port: 0, host: '0.0.0.0', ingest: false, dataDir: join(temp.dir, 'data2'), caseDir: builtInCaseDir() },
      quiet,
    );
    running.push(r);
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.openUrl).toContain(`?token=${r.token}`);
    const base = `http://127.0.0.1:${r.port}/`;
    expect((await fetch(`${base}api/health`)).status).toBe(401);
    expect((await fetch(`${base}api/health`, { headers: { Authorization: `Bearer ${r.token}` } })).status).toBe(200);
  });

  it('listening early: health says "starting" until the store is open and the corpus ingested; other requests wait for it', async () => {
    const r = await startServer(
      { port: 0, host: '127.0.0.1', ingest: true, listenEarly: true, dataDir: join(temp.dir, 'data3'), caseDir: builtInCaseDir(), corpus: corpusDir() },
      quiet,
    );
    running.push(r);
    // Sent before the store is open (a new data folder: the template is unpacked, then 5 documents ingested).
    const [first, documents] = await Promise.all([fetch(`${r.url}api/health`).then((x) => x.json()), fetch(`${r.url}api/documents`).then((x) => x.json())]);
    expect(first).toEqual({ ok: true, state: 'starting', case: 'iraq-withdrawal' });
    expect((documents as { items: unknown[] }).items).toHaveLength(5);
    await r.ready;
    expect(await (await fetch(`${r.url}api/health`)).json()).toMatchObject({ ok: true, state: 'ready', store: 'pglite', stats: { documents: 5 } });
  });

  it('listening early: a store that cannot open rejects ready with its error, and requests get it, not a hang', async () => {
    const data = join(temp.dir, 'data4');
    await (await startServer({ port: 0, host: '127.0.0.1', ingest: false, dataDir: data, caseDir: builtInCaseDir() }, quiet)).close();
    // The case is served from its snapshot, but the store is held by another live process (pid 1).
    writeFileSync(join(data, 'marsad.lock'), '1');
    const r = await startServer({ port: 0, host: '127.0.0.1', ingest: false, listenEarly: true, dataDir: data, caseDir: builtInCaseDir() }, quiet);
    running.push(r);
    await expect(r.ready).rejects.toThrow(/in use|another process/);
    const res = await fetch(`${r.url}api/documents`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/in use|another process/);
    await r.close();
    running.pop();
  });

  it('refuses a short token and a bad port as input errors', async () => {
    await expect(startServer({ port: 0, host: '127.0.0.1', token: 'short', ingest: false, caseDir: builtInCaseDir() }, quiet)).rejects.toMatchObject({ name: 'InputError' });
    await expect(startServer({ port: 70000, host: '127.0.0.1', ingest: false, caseDir: builtInCaseDir() }, quiet)).rejects.toMatchObject({ name: 'InputError' });
  });
});
