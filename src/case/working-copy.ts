/**
 * The case as rows of a working copy and back, and the checks a change must pass: pure
 * functions, so seeding, loading and every write agree on what an item's key is, in which order
 * a section lists its items, and what makes a case valid.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CaseMeta } from '../domain/case.js';
import { InputError } from '../domain/errors.js';
import { describeIssue } from '../domain/issues.js';
import type { CaseItemRow, ItemKind } from '../domain/working-copy.js';
import type { LoadedCase } from './load.js';
import { checkNames } from './names.js';
import { checkReferences } from './references.js';
import { SECTION_NAMES, SECTIONS, type CaseSectionName, type SectionItems } from './sections.js';

/** The key of an item within its section: its id; `from>to` for an edge; the actor for stakes. */
export function itemKey(kind: ItemKind, data: Record<string, unknown>): string {
  if (kind === 'meta') return 'case';
  if (kind === 'edges') return `${String(data.from)}>${String(data.to)}`;
  if (kind === 'stakes') return String(data.actor);
  return String(data.id);
}

/** Every item of a loaded case as a row of the working copy, in section order. */
export function caseRows(c: LoadedCase): CaseItemRow[] {
  const rows: CaseItemRow[] = [{ kind: 'meta', id: 'case', ordinal: 0, data: c.meta as Record<string, unknown>, retired: false }];
  for (const section of SECTION_NAMES) {
    (c[section] as Array<Record<string, unknown>>).forEach((data, ordinal) => {
      rows.push({ kind: section, id: itemKey(section, data), ordinal, data, retired: false });
    });
  }
  return rows;
}

/** The sections of a working copy's live (not retired) rows, each in its order. */
export function sectionsOf(rows: readonly CaseItemRow[]): { meta: CaseMeta | undefined; sections: SectionItems } {
  const sections = Object.fromEntries(SECTION_NAMES.map((n) => [n, []])) as unknown as SectionItems;
  let meta: CaseMeta | undefined;
  const live = rows.filter((r) => !r.retired).sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
  for (const r of live) {
    if (r.kind === 'meta') meta = r.data as CaseMeta;
    else (sections[r.kind] as unknown[]).push(r.data);
  }
  return { meta, sections };
}

/**
 * A loaded case from a working copy's rows. `dir` is the seed folder (for the corpus folder and
 * messages). Each item goes through its section's schema again: the database keeps JSON in its
 * own key order, the schema gives back the authored one (and a row that no longer fits a newer
 * schema is named instead of half-read).
 */
/** The rows with each live item parsed by its section's schema (defaults applied, authored key order). */
export function typedRows(rows: readonly CaseItemRow[]): CaseItemRow[] {
  return rows.map((r) => (r.retired ? r : { ...r, data: parseStoredItem(r) }));
}

export function caseFromRows(rows: readonly CaseItemRow[], dir: string, corpusDir?: string, opts: { trusted?: boolean } = {}): LoadedCase {
  const typed = opts.trusted ? rows : typedRows(rows);
  const { meta, sections } = sectionsOf(typed);
  if (!meta) throw new InputError(`the working copy of the case seeded from ${dir} has no metadata`, { field: 'case' });
  return { ...sections, dir, meta, files: [], corpusDir, locate: () => ({}) };
}

/**
 * Parses one item with its section's schema (defaults applied), or throws the InputError naming
 * the field: the same rules as the YAML loader.
 */
export function parseItem(kind: ItemKind, value: unknown): Record<string, unknown> {
  const schema = kind === 'meta' ? CaseMeta : SECTIONS[kind as CaseSectionName];
  const result = schema.safeParse(value);
  if (!result.success) {
    const text = describeIssue(result.error.issues[0]!);
    throw new InputError(text.message, { field: text.path.map(String).join('.') || kind });
  }
  return result.data as Record<string, unknown>;
}

function parseStoredItem(r: CaseItemRow): Record<string, unknown> {
  try {
    return parseItem(r.kind, r.data);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`stored ${r.kind} "${r.id}" does not fit the case schema: ${error.message}`, { field: `${r.kind}.${r.id}.${error.field ?? ''}` }, { cause: error });
  }
}

/**
 * The cross-reference problems of a whole case (unknown ids with a "did you mean", duplicates,
 * invisible characters in names), each named by section, index and field. Empty when valid.
 */
export function caseProblems(sections: SectionItems): InputError[] {
  const problems: InputError[] = [];
  const where = new Map<object, string>();
  // Items are named by id (`events[us-strikes-2024-01].actors[3]`): indices mean nothing to an analyst.
  for (const name of SECTION_NAMES) (sections[name] as Array<Record<string, unknown>>).forEach((item) => where.set(item, `${name}[${itemKey(name, item)}]`));
  const report = (owner: object, path: ReadonlyArray<string | number>, message: string) => {
    const base = where.get(owner) ?? '';
    const field = [base, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))].join('').replace(/\.\[/g, '[');
    problems.push(new InputError(message, { field }));
  };
  checkNames(sections, report);
  checkReferences(sections, report);
  return problems;
}

/**
 * SHA-256 of a case folder's YAML files (names and bytes, in name order): the same content gives
 * the same hash, so a working copy knows whether its seed folder changed since it was seeded.
 */
export async function folderHash(dir: string): Promise<string> {
  const root = resolve(dir);
  let names: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw new InputError('not a folder; --case expects a case folder', { file: dir });
    names = (await readdir(root)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(missing ? 'case folder not found' : 'case folder cannot be read', { file: dir }, { cause: error });
  }
  const hash = createHash('sha256');
  for (const name of names) {
    const info = await stat(join(root, name));
    // Only regular files of a plausible size are hashed; the loader refuses the others with its own message.
    if (!info.isFile() || info.size > 16 * 1024 * 1024) {
      hash.update(`${name}\0${info.size}\0`);
      continue;
    }
    hash.update(`${name}\0`);
    hash.update(await readFile(join(root, name)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
