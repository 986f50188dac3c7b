/**
 * Where the case an operation sees comes from: the working copy in the store. The first time a
 * case folder is used with a store, its validated content seeds the copy (one history entry);
 * afterwards the copy is read from the store, and every change goes through the history.
 *
 * When the seed folder's content changes (a new version of the built-in case, an analyst
 * editing YAML by hand): a copy without analyst changes is re-seeded from it silently; a copy
 * with changes is kept, and a notice says how to merge the folder (`marsad case import`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtSeed } from '../case/built-seeds.js';
import { loadCase, type LoadedCase } from '../case/load.js';
import { caseFromRows, caseRows, folderHash, typedRows } from '../case/working-copy.js';
import type { CaseCopyState, CaseItemRow } from '../domain/working-copy.js';
import type { Store } from '../store/index.js';

export const SYSTEM_AUTHOR = 'marsad';

export interface WorkingCase {
  case: LoadedCase;
  state: CaseCopyState;
  /** The copy's rows as read (for the snapshot). */
  rows: CaseItemRow[];
  /** Things the analyst should know (the folder changed under a copy with changes). */
  notices: string[];
}

function corpusOf(dir: string, corpus: string | undefined): string | undefined {
  if (!corpus) return undefined;
  const path = resolve(dir, corpus);
  return existsSync(path) ? path : undefined;
}

/** A loaded case from the copy's rows (`trusted`: rows this process wrote, in schema order already). */
export function caseOfRows(rows: readonly CaseItemRow[], state: CaseCopyState, trusted = false): LoadedCase {
  const dir = state.seedDir;
  const meta = rows.find((r) => r.kind === 'meta')?.data as { corpus?: string } | undefined;
  return caseFromRows(rows, dir, corpusOf(dir, meta?.corpus), { trusted });
}

/** Reads the copy's rows into a loaded case. */
export async function readWorkingCase(store: Store, state: CaseCopyState): Promise<{ case: LoadedCase; rows: CaseItemRow[] }> {
  // Parsed once here: the snapshot keeps them as parsed, so reading it back needs no schema.
  const rows = typedRows(await store.cases.copyItems(state.caseId));
  return { case: caseOfRows(rows, state, true), rows };
}

/** The working copy of the case seeded from `caseDir`, seeding or re-seeding it as needed. */
export async function openWorkingCase(store: Store, caseDir: string, now: () => Date): Promise<WorkingCase> {
  const dir = resolve(caseDir);
  const hash = await folderHash(dir);
  const known = await store.cases.copyBySeedHash(hash, dir);
  if (known) return { ...(await readWorkingCase(store, known)), state: known, notices: [] };

  // The folder is new to this store, or changed: it must be read (and validated) in full,
  // unless it is a case folder as shipped, read and validated when Marsad was built.
  const seed: { caseId: string; rows: CaseItemRow[] } = (await builtSeed(hash)) ?? (await readSeed(dir));
  const existing = await store.cases.copyState(seed.caseId);
  if (existing && existing.edits > 0) {
    return {
      ...(await readWorkingCase(store, existing)),
      state: existing,
      notices: [
        `the case folder ${dir} changed since the working copy of "${seed.caseId}" was seeded, and the copy holds ` +
          `${existing.edits} change${existing.edits === 1 ? '' : 's'} made since; the copy is kept (run \`marsad case import ${dir}\` to take the folder's content, recorded in the history)`,
      ],
    };
  }
  await store.cases.seedCopy({
    caseId: seed.caseId,
    seedHash: hash,
    seedDir: dir,
    rows: seed.rows,
    author: SYSTEM_AUTHOR,
    at: now().toISOString(),
    action: existing ? 'reseed' : 'seed',
    reason: existing ? 'the case folder changed and the copy held no changes' : null,
  });
  const state = (await store.cases.copyState(seed.caseId))!;
  return { ...(await readWorkingCase(store, state)), state, notices: [] };
}

/** The rows of the case folder `dir`, read and validated from its files. */
async function readSeed(dir: string): Promise<{ caseId: string; rows: CaseItemRow[] }> {
  const loaded = await loadCase(dir);
  return { caseId: loaded.meta.id, rows: caseRows(loaded) };
}
