/**
 * One process at a time per data folder. PGlite does not lock its files, and two processes
 * writing one folder corrupt it, so Marsad keeps a lock file naming its owner.
 *
 * Correctness rests on three rules:
 * - **Atomic create.** The owner's identity (pid and process start time) is written to a private
 *   temporary file first, which is then hard-linked to `marsad.lock`. `link` fails when the name
 *   exists, so the lock appears complete or not at all: nobody ever reads a half-written lock.
 * - **Stale only when the owner is gone.** A lock is stale when its pid no longer runs, or runs
 *   with another start time (the pid was reused). A live owner's lock is never removed.
 * - **One reaper per stale lock.** Removing a stale lock is itself claimed, by creating
 *   `marsad.lock.reap-<owner>` the same atomic way; the reaper re-reads the lock under that claim
 *   and removes it only if it still names the dead owner. Two processes that both saw the stale
 *   lock cannot both remove it, and neither can remove the lock a third process has just taken.
 *   A reaper that itself died leaves a stale claim, reaped by the same rule one level down.
 */
import { closeSync, linkSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, MarsadError } from '../domain/errors.js';

export const LOCK_FILE = 'marsad.lock';

/** Who holds a lock: pid and, on Linux, the process start time in clock ticks since boot. */
export interface LockOwner {
  pid: number;
  start: string | null;
}

/** Start time of `pid` (field 22 of /proc/<pid>/stat), or null where /proc is unavailable. */
export function processStart(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // No /proc (macOS, Windows) or no such process: the caller falls back to the pid alone.
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // fields[0] is field 3, so field 22 is fields[19]
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the process that wrote `owner` still runs (same pid, same start time). */
export function ownerAlive(owner: LockOwner): boolean {
  if (!alive(owner.pid)) return false;
  if (owner.start === null) return true;
  const now = processStart(owner.pid);
  return now === null || now === owner.start;
}

/** Parses a lock file's text: `{"pid":…,"start":…}`, or a bare pid from older versions. */
export function parseOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; start?: unknown };
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, start: typeof value.start === 'string' ? value.start : null };
    }
  } catch {
    // Not JSON: reported as unreadable below.
  }
  return null;
}

/** Blocks this thread for `ms` (the lock is taken synchronously, before anything else runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const self = (): LockOwner => ({ pid: process.pid, start: processStart(process.pid) });
let tempCounter = 0;

/** Creates `path` holding `content`, atomically; false when it already exists. */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${++tempCounter}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** The lock's text, or null when it vanished; a directory or other non-file is refused. */
function readLock(path: string, dataDir: string): string | null {
  try {
    const info = lstatSync(path);
    if (!info.isFile()) {
      throw new MarsadError(
        `cannot lock the data folder ${dataDir}: ${path} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; ` +
          'no marsad process makes it so: remove it (after checking that no marsad command or server uses the folder) and try again',
      );
    }
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const ownerKey = (text: string) => text.trim().replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '') || 'empty';

/**
 * Takes `path` for this process, reaping it first when its owner is gone. Returns null when a
 * live process holds it (with that owner), or throws for a lock that cannot be read.
 */
function claim(path: string, dataDir: string, depth: number): { taken: true } | { taken: false; owner: LockOwner } {
  const me = JSON.stringify(self());
  for (let attempt = 0; attempt < 400; attempt++) {
    if (createExclusive(path, me)) return { taken: true };
    const text = readLock(path, dataDir);
    if (text === null) continue; // released meanwhile: try again
    const owner = parseOwner(text);
    if (owner && ownerAlive(owner)) return { taken: false, owner };
    // Stale (or unreadable, which no marsad writes since the lock is created whole): reap it,
    // one reaper per dead owner.
    if (depth > 8) throw new MarsadError(`cannot lock the data folder ${dataDir}: too many abandoned ${LOCK_FILE}.reap-* files; remove them`);
    const reap = `${path}.reap-${ownerKey(text)}`;
    const reaper = claim(reap, dataDir, depth + 1);
    if (!reaper.taken) {
      pause(5); // another process is reaping it: look again shortly
      continue;
    }
    try {
      if (readLock(path, dataDir) === text) unlinkSync(path);
    } finally {
      unlinkSync(reap);
    }
  }
  throw new MarsadError(`cannot lock the data folder ${dataDir}: another process keeps taking it`);
}

/** Takes the lock of `dataDir`; returns the function that releases it. */
export function acquireDataLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  let result: ReturnType<typeof claim>;
  try {
    result = claim(path, dataDir, 0);
  } catch (error) {
    if (error instanceof MarsadError) throw error;
    throw new MarsadError(`cannot lock the data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  if (!result.taken) {
    const { owner } = result;
    if (owner.pid === process.pid) throw new ConflictError(`the data folder ${dataDir} is already open in this process`);
    throw new ConflictError(
      `the data folder ${dataDir} is in use by process ${owner.pid} (another marsad command or server); ` +
        'wait for it to finish or use another --data folder',
    );
  }
  const mine = JSON.stringify(self());
  return () => {
    // Remove the lock only while it is still ours.
    try {
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
}
