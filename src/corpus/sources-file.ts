/**
 * `sources.yaml` beside the documents: a list of metadata entries, each naming its file. Invalid
 * entries are dropped with a warning naming the entry and field; the rest still apply.
 */
import { readRegularFile } from './read-file.js';
import { join } from 'node:path';
import { SourceMeta, type DocumentMeta } from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import { parseMetadataYaml } from './metadata-yaml.js';

export const SOURCES_FILE = 'sources.yaml';

export interface SourcesResult {
  byFile: Map<string, DocumentMeta>;
  warnings: string[];
}

/** Parses the text of a sources.yaml. */
export function parseSources(text: string, file = SOURCES_FILE): SourcesResult {
  const value = parseMetadataYaml(text, file);
  const warnings: string[] = [];
  const byFile = new Map<string, DocumentMeta>();
  if (value === null || value === undefined) return { byFile, warnings };
  if (!Array.isArray(value)) {
    throw new InputError('expected a list of entries, each with a "file" field', { file });
  }
  value.forEach((entry: unknown, i) => {
    const parsed = SourceMeta.safeParse(entry);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `field ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      warnings.push(`${file}: entry ${i + 1} ignored: ${issues.join('; ')}`);
      return;
    }
    const { file: name, ...meta } = parsed.data;
    if (byFile.has(name)) warnings.push(`${file}: entry ${i + 1} repeats "${name}"; the later one wins`);
    byFile.set(name, meta);
  });
  return { byFile, warnings };
}

/** Reads `dir/sources.yaml` when it exists; an empty result otherwise. */
export async function readSources(dir: string): Promise<SourcesResult> {
  const path = join(dir, SOURCES_FILE);
  let text: string;
  try {
    text = (await readRegularFile(path, 4 * 1024 * 1024, path)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { byFile: new Map(), warnings: [] };
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read: ${(error as Error).message}`, { file: path }, { cause: error });
  }
  return parseSources(text, path);
}

