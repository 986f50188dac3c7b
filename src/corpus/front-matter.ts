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

/** Header keys of a pasted or saved page, in English and Arabic, to the metadata field each fills. */
const HEADER_KEYS: Record<string, keyof DocumentMeta> = {
  title: 'title',
  headline: 'title',
  'العنوان': 'title',
  source_url: 'source_url',
  url: 'source_url',
  link: 'source_url',
  'الرابط': 'source_url',
  outlet: 'outlet',
  source: 'outlet',
  publisher: 'outlet',
  'المصدر': 'outlet',
  'الناشر': 'outlet',
  published: 'published',
  date: 'published',
  'التاريخ': 'published',
  'تاريخ النشر': 'published',
  author: 'author',
  by: 'author',
  'الكاتب': 'author',
  language: 'language',
  'اللغة': 'language',
  reliability: 'reliability',
};

/**
 * A header block of `key: value` lines (title, source_url, outlet, published… in English or
 * Arabic) ended by a `---` line, as a page saved or pasted as text often starts. Null when the
 * text does not start with one; a value that does not fit its field is left out with a warning.
 */
export function splitHeaderBlock(text: string, file: string): FrontMatterResult | null {
  const lines = text.split('\n');
  const meta: Record<string, unknown> = {};
  const warnings: string[] = [];
  let offset = 0;
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const line = lines[i]!.replace(/\r$/, '');
    offset += lines[i]!.length + 1;
    if (/^\s*$/.test(line) && i === 0) continue;
    if (/^-{3,}\s*$/.test(line)) {
      if (Object.keys(meta).length === 0) return null;
      const parsed = FrontMatter.safeParse(meta);
      if (parsed.success) return { body: text.slice(offset), meta: parsed.data, warnings };
      const kept: Record<string, unknown> = { ...meta };
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        warnings.push(`${file}: header "${key}" ignored: ${issue.message}`);
        delete kept[key];
      }
      const again = FrontMatter.safeParse(kept);
      return { body: text.slice(offset), meta: again.success ? again.data : {}, warnings };
    }
    const m = /^\s*([\p{L}_ ]{2,20}?)\s*[:：]\s*(.+?)\s*$/u.exec(line);
    const field = m ? HEADER_KEYS[m[1]!.trim().toLowerCase()] : undefined;
    if (!m || !field) return null;
    meta[field] = m[2];
  }
  return null;
}
