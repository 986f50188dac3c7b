/**
 * Commands beside a running app. The embedded store admits one process at a time, and `marsad
 * serve` holds it; so while it runs, it leaves a note in the data folder (`serve.json`, readable
 * by the user only: where it listens and a secret for the command line), and every other command
 * on that folder is run by the server itself: the CLI sends its arguments, the server runs the
 * same command in process on its own workbench and sends back the output and the exit code.
 * The answer is what the command would have printed, and the running app sees the change at once.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { MarsadError } from '../domain/errors.js';
import type { CliIo } from './io.js';

export const SERVER_FILE = 'serve.json';

export interface ServerNote {
  pid: number;
  /** Where the CLI reaches it (a loopback address). */
  url: string;
  /** The server's access token, when it has one. */
  token?: string;
  /** The secret the CLI sends with each command. */
  cliToken: string;
}

export function newCliToken(): string {
  return randomBytes(32).toString('hex');
}

export function writeServerNote(dataDir: string, note: ServerNote): void {
  writeFileSync(join(dataDir, SERVER_FILE), JSON.stringify(note), { mode: 0o600 });
}

export function removeServerNote(dataDir: string): void {
  try {
    unlinkSync(join(dataDir, SERVER_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The note of a server running on `dataDir`, or null (none, or one that is gone). */
export function runningServer(dataDir: string): ServerNote | null {
  let note: ServerNote;
  try {
    note = JSON.parse(readFileSync(join(dataDir, SERVER_FILE), 'utf8')) as ServerNote;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || error instanceof SyntaxError) return null;
    throw error;
  }
  if (!Number.isInteger(note.pid) || typeof note.url !== 'string' || typeof note.cliToken !== 'string') return null;
  return note.pid !== process.pid && alive(note.pid) ? note : null;
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Commands that never go through a server: serving itself, and help. */
const LOCAL = new Set(['serve', 'help', '--help', '-h', '--version', '-V']);

/**
 * The data folder a command line would use, read from its arguments and the environment the
 * way resolveContext does, without parsing the whole command (it is decided before commander
 * runs). Null when the command uses a PostgreSQL server or must run here.
 */
export function dataDirOf(args: readonly string[], io: Pick<CliIo, 'env' | 'cwd'>): string | null {
  if (io.env.MARSAD_DATABASE_URL) return null;
  let data: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data') data = args[++i];
    else if (a.startsWith('--data=')) data = a.slice('--data='.length);
    else if (a === '--case') i++;
    else if (!a.startsWith('-')) {
      if (LOCAL.has(a)) return null;
      break;
    } else if (LOCAL.has(a)) return null;
  }
  if (args.length === 0) return null;
  return resolve(io.cwd, data || io.env.MARSAD_DATA || join(homedir(), '.marsad', 'data'));
}

/** Runs the command on the server; resolves to its exit code, its output written to `io`. */
export async function runOnServer(note: ServerNote, args: readonly string[], io: CliIo): Promise<number> {
  let res: Response;
  try {
    res = await fetch(new URL('api/cli', note.url), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Marsad-Cli': note.cliToken,
        ...(note.token ? { Authorization: `Bearer ${note.token}` } : {}),
      },
      body: JSON.stringify({ args, cwd: io.cwd, env: { MARSAD_AUTHOR: io.env.MARSAD_AUTHOR, USER: io.env.USER, MARSAD_CHROMIUM: io.env.MARSAD_CHROMIUM } }),
    });
  } catch (error) {
    throw new MarsadError(
      `a Marsad server (process ${note.pid}) holds this data folder but does not answer at ${note.url}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const body = (await res.json()) as { code?: number; stdout?: string; stderr?: string; error?: string };
  if (!res.ok || typeof body.code !== 'number') {
    throw new MarsadError(`the Marsad server at ${note.url} refused the command: ${body.error ?? res.statusText}`);
  }
  if (body.stdout) io.out(body.stdout);
  if (body.stderr) io.err(body.stderr);
  return body.code;
}
