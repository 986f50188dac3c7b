/**
 * Loading a case folder: every `*.yaml` / `*.yml` file in it (sorted by name, not recursive),
 * each a mapping of section name → list of items (`case` → the metadata mapping). Sections may
 * be split over several files; they are concatenated in file order.
 *
 * Everything is checked before anything is returned: YAML limits (size, aliases, depth), the
 * zod schema of each item, names free of invisible controls, cross-references, duplicate ids
 * and edges, and (when the case's corpus folder is present) that each citation names a document
 * of the corpus. All problems are collected and thrown together (see problems.ts); nothing is
 * half loaded. Warnings (things that are allowed but worth knowing) are returned as data.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { readRegularFile } from '../corpus/read-file.js';
import { basename, join, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { CaseMeta } from '../domain/case.js';
import { InputError, TooLargeError } from '../domain/errors.js';
import { collectCitations } from './citations.js';
import { fieldName, lineOf, type FieldPath } from './locate.js';
import { readSources } from '../corpus/sources-file.js';
import { checkNames } from './names.js';
import { ProblemList } from './problems.js';
import { checkReferences } from './references.js';
import { META_KEY, SECTION_NAMES, SECTIONS, type CaseSectionName, type SectionItems } from './sections.js';
import { describeIssue } from '../domain/issues.js';
import { DEFAULTS as YAML_DEFAULTS, parseYamlSafely } from '../corpus/yaml-safe.js';

export const DEFAULTS = {
  /** Largest case file, in bytes. */
  maxFileBytes: YAML_DEFAULTS.maxFileBytes,
  /** Most YAML files read from one case folder. */
  maxFiles: 200,
} as const;

export interface Where {
  file?: string;
  line?: number;
  field?: string;
}

export interface CaseWarning extends Where {
  message: string;
}

export type LoadedCase = SectionItems & {
  /** The case folder, absolute. */
  dir: string;
  meta: CaseMeta;
  /** The YAML file names read, in order. */
  files: string[];
  /** The corpus folder (absolute) when `case.corpus` names one that exists. */
  corpusDir?: string;
  /** Where an item (or a field inside it) was written: file, line and dotted field name. */
  locate(item: object, path?: FieldPath): Where;
};

interface Origin {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  path: FieldPath;
}

export async function loadCase(dir: string): Promise<LoadedCase> {
  return (await loadCaseWithWarnings(dir)).case;
}

export async function loadCaseWithWarnings(dir: string): Promise<{ case: LoadedCase; warnings: CaseWarning[] }> {
  const root = resolve(dir);
  const files = await listYamlFiles(root, dir);
  const problems = new ProblemList();
  const warnings: CaseWarning[] = [];
  const origins = new WeakMap<object, Origin>();
  const sections = Object.fromEntries(SECTION_NAMES.map((name) => [name, []])) as unknown as SectionItems;
  const invalidIds = new Map<string, Set<string>>();
  let meta: CaseMeta | undefined;
  let metaFile: string | undefined;

  const where = (origin: Origin, path: FieldPath = []): Where => {
    const full = [...origin.path, ...path];
    return { file: origin.file, line: lineOf(origin.doc, origin.lines, full), field: fieldName(full) || undefined };
  };

  for (const file of files) {
    const parsed = await readYaml(root, file, problems);
    if (!parsed) continue;
    const { doc, lines, value } = parsed;
    const origin = (path: FieldPath): Origin => ({ file, doc, lines, path });
    for (const w of doc.warnings) {
      // e.g. an unknown tag (`!python/object`): the value is kept as plain data
      warnings.push({ file, line: w.pos ? lines.linePos(w.pos[0]).line : undefined, message: w.message.split('\n')[0] });
    }
    if (value === null || value === undefined) {
      warnings.push({ file, message: 'empty file' });
      continue;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.add(new InputError('expected a mapping of section names (actors:, events:, …) at the top level', { file, line: 1 }));
      continue;
    }
    for (const [key, items] of Object.entries(value as Record<string, unknown>)) {
      if (key === META_KEY) {
        if (meta) {
          problems.add(new InputError(`"case" metadata is given twice (also in ${metaFile})`, where(origin([key]))));
          continue;
        }
        const result = CaseMeta.safeParse(items);
        if (result.success) {
          meta = result.data;
          metaFile = file;
        } else {
          for (const issue of result.error.issues) {
            const text = describeIssue(issue);
            problems.add(new InputError(text.message, where(origin([key, ...text.path]))));
          }
        }
        continue;
      }
      if (!(SECTION_NAMES as string[]).includes(key)) {
        problems.add(
          new InputError(`unknown section "${key}"; expected one of: case, ${SECTION_NAMES.join(', ')}`, where(origin([key]))),
        );
        continue;
      }
      const section = key as CaseSectionName;
      if (items === null) continue; // `actors:` with nothing under it yet
      if (!Array.isArray(items)) {
        problems.add(new InputError('expected a list of items (each starting with "- ")', where(origin([key]))));
        continue;
      }
      const schema = SECTIONS[section];
      items.forEach((raw, index) => {
        const result = schema.safeParse(raw);
        if (!result.success) {
          const id = (raw as { id?: unknown } | null)?.id;
          if (typeof id === 'string') invalidIds.set(section, (invalidIds.get(section) ?? new Set()).add(id));
          for (const issue of result.error.issues) {
            const text = describeIssue(issue);
            problems.add(new InputError(text.message, where(origin([key, index, ...text.path]))));
          }
          return;
        }
        const item = result.data as object;
        origins.set(item, origin([key, index]));
        (sections[section] as object[]).push(item);
      });
    }
  }

  if (!meta) {
    problems.add(new InputError('no "case:" metadata (id, title, question) in any file of the folder', { file: basename(root) }));
    problems.throwIfAny(dir);
  }

  const report = (owner: object, path: FieldPath, message: string) => {
    const origin = origins.get(owner);
    problems.add(new InputError(message, origin ? where(origin, path) : {}));
  };
  checkNames(sections, report);
  checkReferences(sections, report, invalidIds);
  const units = new Map(sections.quantities.map((q) => [q.id, q.unit]));
  for (const claim of sections.claims) {
    const unit = units.get(claim.quantity);
    if (unit !== undefined && unit.trim().toLowerCase() !== claim.unit.trim().toLowerCase()) {
      const origin = origins.get(claim);
      warnings.push({
        ...(origin ? where(origin, ['unit']) : {}),
        message: `unit "${claim.unit}" differs from its quantity's unit "${unit}"; conflicts are only computed between claims in the same unit`,
      });
    }
  }

  let corpusDir: string | undefined;
  if (meta!.corpus) {
    const candidate = resolve(root, meta!.corpus);
    const docs = await corpusDocuments(candidate);
    if (docs) {
      corpusDir = candidate;
      for (const ref of collectCitations(sections)) {
        if (!docs.has(ref.cite.doc)) {
          report(ref.owner, [...ref.path, 'doc'], `document "${ref.cite.doc}" is not in the corpus (${meta!.corpus})`);
        }
      }
    } else {
      warnings.push({ file: metaFile, message: `corpus folder ${meta!.corpus} not found; citation documents not checked` });
    }
  }

  problems.throwIfAny(dir);
  const loaded: LoadedCase = {
    ...sections,
    dir: root,
    meta: meta!,
    files,
    corpusDir,
    locate: (item, path = []) => {
      const origin = origins.get(item);
      return origin ? where(origin, path) : {};
    },
  };
  return { case: loaded, warnings };
}

async function listYamlFiles(root: string, shown: string): Promise<string[]> {
  let names: string[];
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new InputError('not a folder; --case expects a case folder', { file: shown });
    names = await readdir(root);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(missing ? 'case folder not found' : 'case folder cannot be read', { file: shown }, { cause: error });
  }
  const files = names.filter((n) => /\.ya?ml$/i.test(n)).sort();
  if (files.length === 0) throw new InputError('case folder has no .yaml files', { file: shown });
  if (files.length > DEFAULTS.maxFiles) {
    throw new TooLargeError(`case folder ${shown} has ${files.length} YAML files; at most ${DEFAULTS.maxFiles}`, { file: shown });
  }
  return files;
}

async function readYaml(root: string, file: string, problems: ProblemList) {
  try {
    // A regular file within the limit, checked on the open handle (a symlink to /dev/zero is refused).
    const bytes = await readRegularFile(join(root, file), DEFAULTS.maxFileBytes, file);
    let text: string;
    try {
      // fatal: a file in a legacy encoding is an error to fix, not text to guess at
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch (error) {
      throw new InputError('not valid UTF-8; save the file as UTF-8', { file }, { cause: error });
    }
    return parseYamlSafely(text, file, { maxFileBytes: DEFAULTS.maxFileBytes });
  } catch (error) {
    if (error instanceof InputError) problems.add(error, { root: true });
    else problems.add(new InputError(`cannot read file`, { file }, { cause: error }), { root: true });
    return undefined;
  }
}

/** File names of the corpus: its files plus those `sources.yaml` lists; null if no folder. */
async function corpusDocuments(folder: string): Promise<Set<string> | null> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new InputError(`corpus folder ${folder} cannot be read`, { file: folder }, { cause: error });
  }
  const docs = new Set(names.filter((n) => !/^sources\.ya?ml$/i.test(n)));
  for (const file of (await readSources(folder)).byFile.keys()) docs.add(file);
  return docs;
}
