/**
 * The case folder as the exchange format of the working copy: `exportCaseFolder` writes the
 * current state as YAML files that load back to the same state; `importCaseFolder` takes a
 * folder's content into the copy as one recorded change.
 */
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadCase } from '../case/load.js';
import { caseRows, folderHash } from '../case/working-copy.js';
import type { CaseSectionName } from '../case/sections.js';
import { InputError, MarsadError } from '../domain/errors.js';
import type { CaseExportResponse, ChangeResponse } from '../domain/responses.js';
import { DEFAULT_AUTHOR } from './changes.js';
import type { Workbench } from './workbench.js';

/** Which file each section is written to (the layout of the built-in case). */
export const CASE_FILES: ReadonlyArray<[file: string, sections: readonly CaseSectionName[]]> = [
  ['actors.yaml', ['actors']],
  ['places.yaml', ['places']],
  ['issues.yaml', ['issues']],
  ['stances.yaml', ['stances']],
  ['events.yaml', ['events']],
  ['commitments.yaml', ['commitments']],
  ['figures.yaml', ['quantities', 'claims']],
  ['scenarios.yaml', ['scenarios']],
  ['indicators.yaml', ['indicators']],
  ['model.yaml', ['concepts', 'edges', 'stakes']],
  ['ach.yaml', ['hypotheses', 'evidence']],
];

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new InputError('exists and is not a folder', { file: dir });
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Writes the working copy as a case folder (a new or empty folder), all files or none. */
export async function exportCaseFolder(wb: Workbench, dir: string): Promise<CaseExportResponse> {
  const target = resolve(dir);
  if (!(await isEmptyOrMissing(target))) throw new InputError('the folder is not empty; export into a new or empty folder', { file: dir });
  const c = await wb.case();
  const state = await wb.caseState();
  const meta = { ...c.meta };
  // The corpus is named relative to the case folder: point the new folder at the same corpus.
  if (c.corpusDir) meta.corpus = relative(target, c.corpusDir) || '.';
  const files: Array<[string, string]> = [['case.yaml', stringify({ case: meta }, { lineWidth: 0 })]];
  for (const [file, sections] of CASE_FILES) {
    const present = sections.filter((s) => c[s].length > 0);
    if (present.length === 0) continue;
    files.push([file, stringify(Object.fromEntries(present.map((s) => [s, c[s]])), { lineWidth: 0 })]);
  }
  await mkdir(dirname(target), { recursive: true });
  // Written into a sibling folder and renamed, so an interrupted export leaves no half case.
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    for (const [file, text] of files) await writeFile(join(temp, file), text, 'utf8');
    await rmdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof MarsadError) throw error;
    throw new InputError(`cannot write the case folder: ${(error as Error).message}`, { file: dir }, { cause: error });
  }
  const items = 1 + CASE_FILES.flatMap(([, s]) => s).reduce((n, s) => n + c[s].length, 0);
  return { dir: target, files: files.map(([f]) => f), items, revision: state.revision };
}

/** Takes a case folder's content into the working copy of the same case, as one change. */
export async function importCaseFolder(
  wb: Workbench,
  req: { dir: string; reason?: string; author?: string },
): Promise<ChangeResponse> {
  const dir = resolve(req.dir);
  const incoming = await loadCase(dir);
  const state = await wb.caseState();
  if (incoming.meta.id !== state.caseId) {
    throw new InputError(`the folder holds case "${incoming.meta.id}", the working copy is "${state.caseId}"`, { file: req.dir });
  }
  const store = await wb.store();
  await wb.caseWillChange();
  const change = await store.cases.seedCopy({
    caseId: state.caseId,
    seedHash: await folderHash(dir),
    seedDir: dir,
    rows: caseRows(incoming),
    author: req.author ?? DEFAULT_AUTHOR,
    at: wb.clock().toISOString(),
    action: 'import',
    reason: req.reason ?? `imported from ${dir}`,
  });
  return { change, item: null };
}
