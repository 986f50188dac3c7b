/** Paths tests share: the repository root, the corpus, the hostile fixtures, the built CLI. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The five-document corpus of the built-in case (../shared/corpus/iraq-withdrawal). */
export function corpusDir(): string {
  return join(repoRoot, '..', 'shared', 'corpus', 'iraq-withdrawal');
}

/** Hostile inputs (../shared/fixtures/hostile). */
export function hostileDir(): string {
  return join(repoRoot, '..', 'shared', 'fixtures', 'hostile');
}

/** The compiled CLI entry (bin/marsad.js needs dist/ built by `npx tsc -p tsconfig.json`). */
export const binPath = join(repoRoot, 'bin', 'marsad.js');
export const distMain = join(repoRoot, 'dist', 'cli', 'main.js');
