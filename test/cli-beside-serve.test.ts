/**
 * Commands beside a running app: while `marsad serve` holds the embedded store of a data folder,
 * `marsad ingest`, listings and changes on that folder succeed (the server runs them) and the
 * running app shows their effect without a restart. Real processes: the server and each command
 * are `node bin/marsad.js` children.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, corpusDir } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const temp = makeTempDir('marsad-beside-');
const data = join(temp.dir, 'data');
let server: ChildProcess;
let url = '';

function marsad(...args: string[]) {
  const r = spawnSync(process.execPath, [binPath, '--data', data, ...args], { encoding: 'utf8', env: { ...process.env, MARSAD_DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  server = spawn(process.execPath, [binPath, '--data', data, 'serve', '--port', '0', '--no-ingest'], {
    env: { ...process.env, MARSAD_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((done, fail) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Marsad: (http:\/\/\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    server.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
  });
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  temp.remove();
});

describe('marsad beside a running marsad serve', () => {
  it('ingest succeeds while the app holds the data folder, and the running app lists the new documents', async () => {
    const before = (await (await fetch(`${url}api/documents`)).json()) as { items: unknown[] };
    expect(before.items).toHaveLength(0);
    const r = marsad('ingest', corpusDir());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/added 5 documents/);
    const after = (await (await fetch(`${url}api/documents`)).json()) as { items: Array<{ file: string }> };
    expect(after.items.map((d) => d.file)).toHaveLength(5);
  });

  it('a change made on the command line shows in the running app, and its history in both', async () => {
    const r = marsad(
      'case',
      'add',
      'events',
      '--set',
      'id=beside-serve-event',
      '--set',
      'date=2024-01-24',
      '--set',
      'type=statement',
      '--set',
      'title={ar: حدث, en: Added beside the app}',
      '--set',
      'actors=[us]',
      '--set',
      'cite=[{doc: 003_8d2508c71f933932.txt, quote: "جرى تسلم رسالة مهمة"}]',
      '--reason',
      'added while serving',
    );
    expect(r.code, r.stderr).toBe(0);
    const events = (await (await fetch(`${url}api/events`)).json()) as { items: Array<{ id: string }> };
    expect(events.items.map((e) => e.id)).toContain('beside-serve-event');
    const history = marsad('history', 'beside-serve-event', '--json');
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as Array<{ action: string; reason: string }>)[0]).toMatchObject({ action: 'add', reason: 'added while serving' });
  });

  it('failures keep their exit code and message through the server', () => {
    const r = marsad('simulate', '--scenario', 'no-such-scenario');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown scenario "no-such-scenario"/);
  });

  it('the command route refuses a request without the data folder secret, which only the user can read', async () => {
    const res = await fetch(`${url}api/cli`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: ['actors'], cwd: '/', env: {} }) });
    expect(res.status).toBe(403);
    expect(statSync(join(data, 'serve.json')).mode & 0o077).toBe(0);
  });
});
