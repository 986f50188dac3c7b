/**
 * Search over the stored passages, with the case's names: a query naming a known actor or
 * place also finds its other names (both languages), and `actor` keeps passages naming that
 * actor under any of its names. When the case cannot be loaded, search still answers without
 * name expansion and says why in `warnings` (a broken case must not stop a plain search).
 */
import { entityNames, expandEntityQuery } from '../case/entities.js';
import type { LoadedCase } from '../case/load.js';
import { CaseProblemsError } from '../case/problems.js';
import type { SearchQuery } from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import type { SearchRequest } from '../domain/requests.js';
import type { SearchResponse } from '../domain/responses.js';
import { unknownId } from './lookup.js';
import type { Workbench } from './workbench.js';
import { dueDay } from '../domain/dates.js';

export async function search(wb: Workbench, req: SearchRequest): Promise<SearchResponse> {
  const warnings: string[] = [];
  let c: LoadedCase | null = null;
  if (req.actor) c = await wb.case();
  else if (req.expand) {
    try {
      c = await wb.case();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const what = error instanceof CaseProblemsError ? `${error.total} problem${error.total === 1 ? '' : 's'}` : error.message;
      warnings.push(`case ${wb.caseDir} not loaded (${what}; run \`marsad case check\`); searching without name expansion`);
    }
  }
  const store = await wb.store();
  let file: string | undefined;
  if (req.doc) {
    const doc = await store.getDocument(req.doc);
    if (!doc) throw unknownDocument(req.doc);
    file = doc.file;
  }
  const expansion = c && req.expand ? expandEntityQuery(c, req.q) : { alternatives: [], entities: [] };
  let mentionAny: string[] | undefined;
  if (req.actor && c) {
    if (!c.actors.some((a) => a.id === req.actor)) throw unknownId('actor', req.actor, c.actors.map((a) => a.id));
    mentionAny = entityNames(c, req.actor);
  }
  const query: SearchQuery = {
    text: req.q,
    limit: req.limit,
    ...(expansion.alternatives.length ? { alternatives: expansion.alternatives } : {}),
    ...(mentionAny ? { mentionAny } : {}),
    ...(file ? { file } : {}),
    ...(req.lang ? { language: req.lang } : {}),
    ...(req.from ? { from: req.from } : {}),
    ...(req.to || req.asOf ? { to: req.to && (!req.asOf || dueDay(req.to) <= dueDay(req.asOf)) ? req.to : req.asOf! } : {}),
  };
  return { query: req, expansion, hits: await store.search(query), warnings };
}

function unknownDocument(doc: string) {
  return new InputError(`no document "${doc}" in the store (see marsad documents)`, { field: 'doc' });
}
