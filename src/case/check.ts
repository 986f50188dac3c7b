/**
 * Checking a loaded case against its documents: every citation's quote must be in the text of
 * the document it names. The texts come from a function (the corpus folder on disk, or the
 * store), so the same check serves `marsad case check` and the tests.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { conditionFindings } from '../model/conditions.js';
import { modalityFindings } from '../model/modality.js';
import { checkCitations, collectCitations, type UnresolvedCitation } from './citations.js';
import type { CaseWarning, LoadedCase } from './load.js';

/** Reads document texts from the case's corpus folder; null for a file that is not there. */
export function corpusTextReader(c: Pick<LoadedCase, 'corpusDir'>): (file: string) => Promise<string | null> {
  return async (file) => {
    if (!c.corpusDir || /[/\\]/.test(file)) return null;
    try {
      return await readFile(join(c.corpusDir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new InputError(`cannot read document ${file}`, { file }, { cause: error });
    }
  };
}

/** Every citation of the case that does not resolve, as an InputError naming file, line, field. */
export async function citationProblems(
  c: LoadedCase,
  getText: (file: string) => Promise<string | null>,
): Promise<{ total: number; problems: InputError[]; unresolved: UnresolvedCitation[] }> {
  const refs = collectCitations(c);
  const unresolved = await checkCitations(refs, getText);
  const problems = unresolved.map((u) => {
    const where = c.locate(u.owner, [...u.path, u.reason === 'document-missing' ? 'doc' : 'quote']);
    const message =
      u.reason === 'document-missing'
        ? `document "${u.cite.doc}" not found`
        : `quote not found in ${u.cite.doc}: "${u.cite.quote.length > 60 ? `${u.cite.quote.slice(0, 60)}…` : u.cite.quote}"`;
    return new InputError(message, where);
  });
  return { total: refs.length, problems, unresolved };
}

/**
 * Warnings about the causal model that do not stop it from running: an edge whose coded
 * strength disagrees with the modal words of its quotes or with the weight rubric
 * (model/modality.ts), and a conditional edge that does not start from its condition
 * (model/conditions.ts). Each names the file, line and field of the edge.
 */
export function modelWarnings(c: Pick<LoadedCase, 'edges' | 'locate'>): CaseWarning[] {
  const modality = modalityFindings(c.edges).map((f) => ({ ...c.locate(c.edges[f.edge], [f.field]), message: `${f.from} → ${f.to}: ${f.message}` }));
  const conditions = conditionFindings(c.edges).map((f) => ({ ...c.locate(c.edges[f.edge], ['condition']), message: `${f.from} → ${f.to}: ${f.message}` }));
  return [...modality, ...conditions];
}
