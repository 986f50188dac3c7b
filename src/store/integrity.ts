/**
 * The embedded store checks itself on open, so a damaged folder is refused with what is wrong and
 * how to recover instead of answering "0 documents" or an empty search.
 *
 * - **Files.** `pglite/` must hold PostgreSQL's own files (PG_VERSION, global/pg_control, base/);
 *   a folder that has some files but not these is never initialised over.
 * - **Manifest.** `marsad-store.json` beside `pglite/` marks the folder as a Marsad store (format,
 *   version) and, after a clean close, the row counts it left. Opening compares them with the
 *   tables (a table file truncated or lost shows as fewer rows), then marks the store open; a
 *   store that was not closed cleanly (killed) is checked without counts, since every write is a
 *   transaction and the counts may be ahead of the manifest, never behind.
 * - **Passages.** Every document has passages (ingest refuses documents without text).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarsadError } from '../domain/errors.js';
import type { SqlClient } from './sql-client.js';

export const MANIFEST_FILE = 'marsad-store.json';
export const STORE_FORMAT = 'marsad-store';
/** Version of the data folder's layout (not the SQL schema, which migrations.ts versions). */
export const STORE_VERSION = 1;

export interface StoreManifest {
  format: typeof STORE_FORMAT;
  version: number;
  /** True after a clean close: the counts are exact. */
  closed: boolean;
  documents: number;
  passages: number;
}

/** What a check of the store found; `problems` empty means sound. */
export interface StoreCheck {
  documents: number;
  passages: number;
  /** Documents stored without a single passage (file names). */
  documentsWithoutPassages: string[];
  /** The manifest's counts after the last clean close, when there was one. */
  manifest: StoreManifest | null;
  problems: string[];
}

/** A data folder that must not be opened as it is. Exit code 1 with the way to recover. */
export class DamagedStoreError extends MarsadError {
  override readonly name: string = 'DamagedStoreError';
}

const REQUIRED = ['PG_VERSION', join('global', 'pg_control'), 'base'];

/**
 * Whether `pglite/` in `dataDir` may be opened (true), must be created (false), or is damaged
 * (throws with the missing files named).
 */
export function checkStoreFiles(dataDir: string): boolean {
  const folder = join(dataDir, 'pglite');
  const manifest = readManifest(dataDir);
  if (!existsSync(folder)) {
    if (manifest) {
      throw new DamagedStoreError(
        `the data folder ${dataDir} held a Marsad store, but its database folder pglite/ is missing; ` +
          `restore it from a backup, or move ${MANIFEST_FILE} away to start an empty store (then marsad ingest or marsad import)`,
      );
    }
    return false;
  }
  if (!lstatSync(folder).isDirectory()) throw new DamagedStoreError(`${folder} is not a folder; move it away and try again`);
  const entries = readdirSync(folder);
  if (entries.length === 0) return false;
  const missing = REQUIRED.filter((name) => !existsSync(join(folder, name)));
  if (missing.length > 0) {
    throw new DamagedStoreError(
      `the database in ${folder} is damaged: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing ` +
        `(the folder has ${entries.length} other entries, so no new store is created over it); ` +
        `restore the folder from a backup, or move it away and rebuild with marsad ingest or marsad import; ` +
        `marsad doctor --data ${dataDir} reports what is wrong`,
    );
  }
  return true;
}

export function readManifest(dataDir: string): StoreManifest | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DamagedStoreError(`cannot read ${join(dataDir, MANIFEST_FILE)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const value = JSON.parse(text) as Partial<StoreManifest>;
    if (value.format === STORE_FORMAT && typeof value.version === 'number') {
      return {
        format: STORE_FORMAT,
        version: value.version,
        closed: value.closed === true,
        documents: Number(value.documents ?? 0),
        passages: Number(value.passages ?? 0),
      };
    }
  } catch (error) {
    throw new DamagedStoreError(`${join(dataDir, MANIFEST_FILE)} is not valid JSON; marsad doctor --repair rewrites it`, { cause: error });
  }
  throw new DamagedStoreError(`${join(dataDir, MANIFEST_FILE)} is not a Marsad store manifest; marsad doctor --repair rewrites it`);
}

/** Writes the manifest whole (temporary file, then rename). */
export function writeManifest(dataDir: string, manifest: Omit<StoreManifest, 'format' | 'version'>): void {
  const path = join(dataDir, MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION, ...manifest }, null, 2)}\n`);
  renameSync(temp, path);
}

/** Counts the tables and finds documents without passages; compares with `manifest`. */
export async function checkStoreRows(db: SqlClient, manifest: StoreManifest | null): Promise<StoreCheck> {
  const [counts] = await db.query<{ documents: number; passages: number }>(
    `select (select count(*)::int from documents) as documents, (select count(*)::int from passages) as passages`,
  );
  const bare = await db.query<{ file: string }>(
    `select d.file from documents d left join (select distinct document_id from passages) p on p.document_id = d.id
      where p.document_id is null order by d.file`,
  );
  const problems: string[] = [];
  if (manifest && manifest.version > STORE_VERSION) {
    problems.push(`the store was written by a newer Marsad (store version ${manifest.version}; this one reads ${STORE_VERSION})`);
  }
  if (manifest?.closed) {
    if (counts.documents < manifest.documents) {
      problems.push(`${manifest.documents - counts.documents} of ${manifest.documents} documents are missing`);
    }
    if (counts.passages < manifest.passages) {
      problems.push(`${manifest.passages - counts.passages} of ${manifest.passages} passages are missing`);
    }
  }
  if (bare.length > 0) {
    const names = bare.slice(0, 5).map((r) => r.file).join(', ');
    problems.push(`${bare.length} document${bare.length === 1 ? ' has' : 's have'} no passages (${names}${bare.length > 5 ? ', …' : ''})`);
  }
  return { ...counts, documentsWithoutPassages: bare.map((r) => r.file), manifest, problems };
}

/** The message for a store that failed its check: what is wrong and how to recover. */
export function damagedMessage(dataDir: string, check: StoreCheck): string {
  return (
    `the store in ${dataDir} is damaged: ${check.problems.join('; ')}. ` +
    `Run marsad doctor --data ${dataDir} for details; marsad doctor --repair re-reads the documents from their source files, ` +
    `or re-ingest the folder (marsad ingest) or re-import an export (marsad import)`
  );
}
