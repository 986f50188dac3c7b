/**
 * Markdown front matter: YAML between a first line `---` and the next line `---` (or `...`).
 * The body after it becomes the document text. Broken front matter does not cost the document:
 * the body is kept, the metadata dropped, and a warning names the file and the field.
 */
import { FrontMatter, type DocumentMeta } from '../domain/corpus.js';
import { describeWhere, InputError } from '../domain/errors.js';
import { parseMetadataYaml } from './metadata-yaml.js';

export interface FrontMatterResult {
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  meta: DocumentMeta;
  warnings: string[];
}

export function splitFrontMatter(text: string, file: string): FrontMatterResult {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { body: text, meta: {}, warnings: [] };
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) {
    return {
      body: text,
      meta: {},
      warnings: [`${file}: front matter is not closed by a "---" line; metadata ignored, whole file kept as text`],
    };
  }
  const yamlText = rest.slice(0, m.index);
  const body = rest.slice(m.index + m[0].length);
  let value: unknown;
  try {
    value = parseMetadataYaml(yamlText, file, 1);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { body, meta: {}, warnings: [`${describeWhere(error)}front matter rejected: ${error.message}`] };
  }
  if (value === null || value === undefined) return { body, meta: {}, warnings: [] };
  const parsed = FrontMatter.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `field ${i.path.join('.') || '(root)'}: ${i.message}`);
    return { body, meta: {}, warnings: [`${file}: front matter rejected: ${issues.join('; ')}`] };
  }
  return { body, meta: parsed.data, warnings: [] };
}
