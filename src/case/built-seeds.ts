/**
 * The case folders shipped with Marsad, read and validated once at build time
 * (scripts/build-case-seeds.js): a new data folder seeds its working copy of the built-in case
 * from these rows instead of parsing half a megabyte of YAML on its very first start. A seed is
 * found only by the hash of the folder's content (file names and bytes), so a folder edited
 * since the build is read from its files as usual.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CaseItemRow } from '../domain/working-copy.js';

export const SEEDS_FILE = 'case-seeds.json';
/** Bumped when the rows' shape or meaning changes, so an older build's file is not used. */
export const SEEDS_FORMAT = 1;

export interface BuiltSeed {
  /** folderHash of the case folder the rows were read from. */
  hash: string;
  caseId: string;
  rows: CaseItemRow[];
}

export interface BuiltSeeds {
  format: number;
  seeds: BuiltSeed[];
}

/** The rows of the shipped case folder whose content hashes to `hash`, or null. */
export async function builtSeed(hash: string): Promise<BuiltSeed | null> {
  // dist/case/ → dist/; under vitest (src/case/) the built file is in dist/ too.
  for (const rel of [`../${SEEDS_FILE}`, `../../dist/${SEEDS_FILE}`]) {
    let text: string;
    try {
      text = await readFile(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const built = JSON.parse(text) as BuiltSeeds;
    if (built.format !== SEEDS_FORMAT) return null;
    return built.seeds.find((s) => s.hash === hash) ?? null;
  }
  return null;
}
