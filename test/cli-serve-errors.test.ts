/**
 * `marsad serve` failing to listen says why and what to do, exit 2, no stack trace: a port in use,
 * a host name that does not resolve.
 */
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-serve-errors-');
let busy: Server;
let port = 0;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  port = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((done) => busy.close(done));
  tmp.remove();
});

async function serve(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', join(tmp.dir, 'data'), 'serve', ...args], io);
  return { code, stderr: io.stderr };
}

describe('marsad serve cannot listen', () => {
  it('serve on a port in use exits 2 naming the port and --port', async () => {
    const r = await serve('--port', String(port));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(new RegExp(`^marsad: field --port: port ${port} on 127\\.0\\.0\\.1 is already in use.*--port \\(0 picks a free one\\)$`, 'm'));
  }, 60_000);

  it('serve on a host that does not resolve exits 2 naming --host', async () => {
    const r = await serve('--port', '0', '--host', 'no-such-host.invalid');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marsad: field --host: cannot resolve the host "no-such-host\.invalid"/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
