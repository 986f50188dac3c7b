/**
 * Routes over the stored corpus: documents with their passages and highlights, single
 * passages, citation resolution and search with bilingual entity expansion.
 */
import { Hono } from 'hono';
import { entityNames, expandEntityQuery } from '../../case/entities.js';
import { NotFoundError } from '../../domain/errors.js';
import { CitationQuery, EmptyQuery, SearchQuery, parseInput } from '../parse-input.js';
import type { CitationIndex } from '../../case/citation-index.js';
import type { AppDeps } from '../deps.js';
import { findCitedFacts, findDateHighlights, findMentions } from '../document-highlights.js';
import { stripToken } from './case-routes.js';

export function documentRoutes(deps: AppDeps, citations: CitationIndex): Hono {
  const { store, caseData } = deps;
  const app = new Hono();
  // Highlights depend only on the document text and the case: computed once per document.
  const highlights = new Map<string, { mentions: unknown; dates: unknown; facts: unknown }>();

  app.get('/documents', async (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    const docs = await store.listDocuments();
    // `path` is where the file was on the ingesting machine: not the client's business.
    return c.json({ items: docs.map(({ path: _path, ...meta }) => meta) });
  });

  app.get('/documents/:id', async (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    const id = c.req.param('id');
    const doc = await store.getDocument(id);
    if (!doc) throw new NotFoundError(`no document "${id}"`);
    const passages = await store.listPassages(doc.id);
    const { path: _path, ...document } = doc;
    const key = `${doc.id}:${doc.contentHash}`;
    let marks = highlights.get(key);
    if (!marks) {
      marks = {
        mentions: findMentions(caseData, doc.text),
        dates: findDateHighlights(caseData, doc.text, doc.published),
        facts: findCitedFacts(caseData, doc.file, doc.text),
      };
      highlights.set(key, marks);
    }
    return c.json({ document, passages, ...marks });
  });

  app.get('/passages/:id', async (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    const id = c.req.param('id');
    const passage = await store.getPassage(id);
    if (!passage) throw new NotFoundError(`no passage "${id}"`);
    const doc = await store.getDocument(passage.documentId);
    if (!doc) return c.json({ passage, document: null });
    const { text: _text, path: _path, ...document } = doc;
    return c.json({ passage, document });
  });

  app.get('/citations/resolve', async (c) => {
    const q = parseInput(CitationQuery, stripToken(c.req.query()), 'query');
    const resolved = await citations.resolve({ doc: q.doc, quote: q.quote });
    if (!resolved.documentId) throw new NotFoundError(`document "${q.doc}" is not ingested`);
    if (resolved.start === undefined) throw new NotFoundError(`quote not found in "${q.doc}"`);
    return c.json(resolved);
  });

  app.get('/search', async (c) => {
    const q = parseInput(SearchQuery, stripToken(c.req.query()), 'query');
    const expansion = expandEntityQuery(caseData, q.q);
    let file: string | undefined;
    if (q.doc) {
      const doc = await store.getDocument(q.doc);
      if (!doc) throw new NotFoundError(`no document "${q.doc}"`);
      file = doc.file;
    }
    let mentionAny: string[] | undefined;
    if (q.actor) {
      mentionAny = entityNames(caseData, q.actor);
      if (!mentionAny.length) throw new NotFoundError(`no actor with id "${q.actor}"`);
    }
    const hits = await store.search({
      text: q.q,
      alternatives: expansion.alternatives,
      mentionAny,
      limit: q.limit,
      file,
      language: q.lang,
      from: q.from,
      to: q.to,
    });
    return c.json({ query: q, expansion, hits });
  });

  return app;
}
