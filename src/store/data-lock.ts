/**
 * One process at a time per data folder. PGlite does not lock its files, and two processes
 * writing one folder corrupt it, so Marsad keeps a lock file holding the owner's pid. A lock
 * left by a killed process (pid no longer running) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, MarsadError } from '../domain/errors.js';

export const LOCK_FILE = 'marsad.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dataDir`; returns the function that releases it. */
export function acquireDataLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new MarsadError(`cannot lock the data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new ConflictError(
          `the data folder ${dataDir} is in use by process ${owner} (another marsad command or server); ` +
            'wait for it to finish or use another --data folder',
        );
      }
      if (owner === process.pid) {
        throw new ConflictError(`the data folder ${dataDir} is already open in this process`);
      }
      // Stale lock from a process that died: remove it and try once more.
      unlinkSync(path);
    }
  }
  throw new MarsadError(`cannot lock the data folder ${dataDir}: another process keeps taking it`);
}
