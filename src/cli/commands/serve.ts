/**
 * `marsad serve [--port N] [--host H] [--token T] [--corpus DIR] [--no-ingest]`: the web app
 * and JSON API over the store, the case and the engine. Binds 127.0.0.1 by default because the
 * workbench holds unpublished analysis; any other address requires a token (generated and
 * printed when not given). Before serving, the case's source documents are ingested when the
 * corpus folder exists and some of its files are not in the store yet.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import type { Workbench } from '../../app/index.js';
import type { LoadedCase } from '../../case/load.js';
import { InputError, MarsadError } from '../../domain/errors.js';
import type { Store } from '../../store/index.js';
import { clockOf, resolveContext } from '../context.js';
import { newCliToken, removeServerNote, sameSecret, writeServerNote } from '../beside-server.js';
import type { CliIo } from '../io.js';
import type { CliRunRequest } from '../../domain/requests.js';
import type { RegisterCommand } from './index.js';

export interface ServeOptions {
  port: number;
  host: string;
  token?: string;
  /** Corpus folder to ingest first; default the case's `corpus:`, then `fallbackCorpus`. */
  corpus?: string;
  fallbackCorpus?: string;
  ingest: boolean;
  dataDir?: string;
  databaseUrl?: string;
  caseDir: string;
  /** Folder of the built web app; default dist/web next to this build. */
  staticDir?: string;
  maxBodyBytes?: number;
  /** Chromium that prints PDF briefings (from MARSAD_CHROMIUM); default /usr/bin/chromium. */
  chromiumPath?: string;
  /**
   * Listen as soon as the case is loaded, and open the store (and ingest the corpus) behind it:
   * `/api/health` answers "starting" meanwhile and every other API request waits. `marsad serve`
   * sets it; without it, startServer resolves once the store is open and the corpus ingested.
   */
  listenEarly?: boolean;
  /** "Today" for views that default to the current date (MARSAD_TODAY); default the system clock. */
  clock?: () => Date;
}

export interface RunningServer {
  url: string;
  /** The URL to open, carrying the token when there is one. */
  openUrl: string;
  token?: string;
  port: number;
  wb: Workbench;
  /** Settles when the store is open and the corpus ingested (already settled without listenEarly); rejects when either fails. */
  ready: Promise<void>;
  store(): Promise<Store>;
  caseData: LoadedCase;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The built web app: dist/web, found from this module in dist/cli/commands or src/cli/commands. */
export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../../dist/web/', import.meta.url));
}

/** The typed error for a failure to listen: what went wrong and what to do, no stack trace. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const code = error.code ?? '';
  if (code === 'EADDRINUSE') {
    return new InputError(`port ${port} on ${host} is already in use (another marsad serve or program); stop it or pick another port with --port (0 picks a free one)`, { field: '--port' }, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(`not allowed to listen on port ${port} (ports below 1024 need privileges); pick another with --port`, { field: '--port' }, { cause: error });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new InputError(`cannot resolve the host "${host}"; give an address of this machine such as 127.0.0.1 or 0.0.0.0`, { field: '--host' }, { cause: error });
  }
  if (code === 'EADDRNOTAVAIL') {
    return new InputError(`"${host}" is not an address of this machine; give one such as 127.0.0.1 or 0.0.0.0`, { field: '--host' }, { cause: error });
  }
  return new MarsadError(`cannot listen on ${host}:${port}: ${error.message}`, { cause: error });
}

/** Opens the store, loads the case, ingests the corpus if needed and starts listening. */
export async function startServer(opts: ServeOptions, io: Pick<CliIo, 'err'>): Promise<RunningServer> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new InputError(`expected a port in 0 … 65535, got ${opts.port}`, { field: '--port' });
  }
  let token = opts.token;
  if (token !== undefined && token.length < 16) {
    throw new InputError('expected a token of at least 16 characters', { field: '--token' });
  }
  if (!isLoopback(opts.host) && !token) token = randomBytes(24).toString('base64url');
  const unexpected = (error: unknown) => io.err(`marsad serve: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  // The server and the engine load when serving starts, not with the CLI.
  const [{ serve }, { createApp }, { DEFAULT_MAX_BODY_BYTES }, { openWorkbench }] = await Promise.all([
    import('@hono/node-server'),
    import('../../server/app.js'),
    import('../../server/deps.js'),
    import('../../app/workbench.js'),
  ]);
  const wb = openWorkbench({
    caseDir: opts.caseDir,
    store: { dataDir: opts.dataDir, databaseUrl: opts.databaseUrl },
    chromiumPath: opts.chromiumPath,
    clock: opts.clock,
    onUnexpected: unexpected,
    warmMonteCarlo: true,
    ...(opts.dataDir ? { snapshotPath: join(opts.dataDir, 'case-snapshot.json') } : {}),
  });
  // The case first: a broken case stops the server before any database is opened.
  const caseData = await wb.case();
  const corpus = opts.corpus ? resolve(opts.corpus) : (caseData.corpusDir ?? opts.fallbackCorpus);
  const ready = (async () => {
    await wb.store();
    if (opts.ingest && corpus && existsSync(corpus)) await ingestMissing(wb, corpus, io);
  })();
  // Whoever awaits `ready` sees its failure; this only keeps it from being reported as unhandled first.
  ready.catch(() => undefined);
  try {
    if (!opts.listenEarly) await ready;
    const staticDir = opts.staticDir ?? defaultStaticDir();
    if (!existsSync(join(staticDir, 'index.html'))) {
      io.err(`marsad serve: no web app build in ${staticDir} (run npm run build); serving the API only\n`);
    }
    const cliToken = newCliToken();
    const app = createApp({
      wb,
      options: {
        cli: {
          accepts: (secret) => sameSecret(secret, cliToken),
          run: (req) => runHere(wb, req),
        },
        token,
        maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        staticDir,
        loopbackOnly: isLoopback(opts.host),
        onUnexpected: unexpected,
        ready,
      },
    });
    const server = await new Promise<{ server: ServerType; port: number }>((done, fail) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => done({ server: s, port: info.port }));
      s.once('error', (error: NodeJS.ErrnoException) => fail(listenError(error, opts.host, opts.port)));
    });
    // Idle keep-alive connections are closed after a minute, not Node's 5 s: a client reusing a
    // connection the server has just closed sees "other side closed", and on a busy machine the
    // 1 s margin clients keep below the advertised timeout is not always enough.
    const http = server.server as import('node:http').Server;
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
    const hostForUrl = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
    const url = `http://${hostForUrl}:${server.port}/`;
    // The CLI beside it reaches it on loopback (a wildcard address also listens there).
    const local = isLoopback(opts.host) ? url : `http://127.0.0.1:${server.port}/`;
    // Jobs left queued (or given back) by an earlier run, or queued by workers' peers: run them.
    wb.jobsQueued();
    if (opts.dataDir) writeServerNote(opts.dataDir, { pid: process.pid, url: local, ...(token ? { token } : {}), cliToken });
    return {
      url,
      openUrl: token ? `${url}?token=${encodeURIComponent(token)}` : url,
      token,
      port: server.port,
      wb,
      ready,
      store: () => wb.store(),
      caseData,
      close: async () => {
        if (opts.dataDir) removeServerNote(opts.dataDir);
        await new Promise<void>((done) => server.server.close(() => done()));
        await wb.close();
      },
    };
  } catch (error) {
    await ready.catch(() => undefined);
    await wb.close();
    throw error;
  }
}

/** Runs a command line of the CLI beside the server, on the server's workbench. */
async function runHere(wb: Workbench, req: CliRunRequest): Promise<{ code: number; stdout: string; stderr: string }> {
  const [{ main }, { memoryIo }] = await Promise.all([import('../main.js'), import('../io.js')]);
  const env = Object.fromEntries(Object.entries(req.env).filter(([, v]) => v !== undefined));
  const io = Object.assign(memoryIo(env, req.cwd), { workbench: wb });
  const code = await main(['node', 'marsad', ...req.args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Ingests the corpus folder when some of its files are not in the store yet. */
async function ingestMissing(wb: Workbench, corpus: string, io: Pick<CliIo, 'err'>): Promise<void> {
  const { ingest, listDocuments } = await import('../../app/corpus.js');
  const stored = new Set((await listDocuments(wb)).map((d) => d.file));
  const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?)$/i.test(f));
  if (files.every((f) => stored.has(f))) return;
  const result = await ingest(wb, { paths: [corpus] });
  io.err(`marsad serve: ingested ${corpus}: ${result.added.length} added, ${result.unchanged.length} unchanged, ${result.rejected.length} rejected\n`);
  for (const r of result.rejected) io.err(`  rejected ${r.path}: ${r.reason}\n`);
}

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  program
    .command('serve')
    .description('serve the web app and the JSON API (127.0.0.1 by default: other hosts require a token)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8787')
    .option('--host <h>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--token <t>', 'access token (generated and printed when --host is not loopback)')
    .option('--corpus <dir>', "corpus folder ingested first when not yet ingested (default: the case's corpus)")
    .option('--no-ingest', 'do not ingest the corpus; serve what the store holds')
    .action(async (flags: { port: string; host: string; token?: string; corpus?: string; ingest: boolean }, cmd: Command) => {
      const ctx = resolveContext(cmd, io);
      const running = await startServer(
        {
          port: Number(flags.port),
          host: flags.host,
          token: flags.token ?? io.env.MARSAD_TOKEN,
          corpus: flags.corpus ?? (io.env.MARSAD_CORPUS ? ctx.corpusDir : undefined),
          fallbackCorpus: ctx.corpusDir,
          ingest: flags.ingest,
          dataDir: ctx.databaseUrl ? undefined : ctx.dataDir,
          databaseUrl: ctx.databaseUrl,
          caseDir: ctx.caseDir,
          chromiumPath: io.env.MARSAD_CHROMIUM,
          listenEarly: true,
          clock: clockOf(io.env),
        },
        io,
      );
      io.out(`Marsad: ${running.openUrl}\n`);
      if (running.token && !flags.token) io.out(`access token (generated): ${running.token}\n`);
      await new Promise<void>((done, fail) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(done, done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        // A store that cannot open (held by another process, damaged) stops the server with its error.
        running.ready.catch((error: unknown) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(
            () => fail(error),
            () => fail(error),
          );
        });
      });
    });
};
