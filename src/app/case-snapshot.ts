/**
 * A snapshot of the working copy beside the embedded store (`case-snapshot.json` in the data
 * folder), so that a command that only reads the case does not boot the database: `marsad
 * actors` reads one JSON file. It is only a cache of the store, kept honest by one rule: a
 * process deletes it before it changes the copy, and writes it again after reading the copy
 * from the store. The embedded store admits one process at a time (and commands beside a
 * running app go through it), so no reader can see a snapshot older than the store.
 */
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CaseCopyState, CaseItemRow } from '../domain/working-copy.js';

/** Bumped when the snapshot's shape or the meaning of its rows changes: older ones are ignored. */
export const SNAPSHOT_FORMAT = 1;

export interface CaseSnapshot {
  format: number;
  state: CaseCopyState;
  rows: CaseItemRow[];
}

/** The snapshot at `path` when it belongs to the copy seeded from `caseDir` with content `seedHash`. */
export async function readSnapshot(path: string, caseDir: string, seedHash: string): Promise<CaseSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let snapshot: CaseSnapshot;
  try {
    snapshot = JSON.parse(text) as CaseSnapshot;
  } catch {
    // A damaged cache is no cache: the store answers instead, and writes a new one.
    return null;
  }
  const fits = snapshot.format === SNAPSHOT_FORMAT && snapshot.state?.seedDir === resolve(caseDir) && snapshot.state.seedHash === seedHash;
  return fits && Array.isArray(snapshot.rows) ? snapshot : null;
}

export async function writeSnapshot(path: string, state: CaseCopyState, rows: readonly CaseItemRow[]): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ format: SNAPSHOT_FORMAT, state, rows: [...rows] } satisfies CaseSnapshot), 'utf8');
  await rename(temp, path);
}

export async function dropSnapshot(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
