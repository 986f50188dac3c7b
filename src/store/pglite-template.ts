/**
 * A new embedded store starts from a template: an empty database with Marsad's schema, dumped
 * once at build time (scripts/build-pglite-template.js), instead of running PostgreSQL's initdb
 * and the migrations on first use. The template records the schema version it was built at
 * (its `schema_version` table); opening migrates from there as usual, so a template older than
 * the code is still correct, only slower.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TEMPLATE_FILE = 'pglite-template.tar.gz';

/** The template as PGlite loads it, or undefined when the build has none (then initdb runs). */
export function pgliteTemplate(): Blob | undefined {
  // dist/store/ → dist/; under vitest (src/store/) the built template is in dist/ too.
  for (const rel of [`../${TEMPLATE_FILE}`, `../../dist/${TEMPLATE_FILE}`]) {
    try {
      return new Blob([readFileSync(fileURLToPath(new URL(rel, import.meta.url)))]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}
