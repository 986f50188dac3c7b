/**
 * Operations on the stored corpus: ingest files and folders, list and read documents (with the
 * reader's marks), passages, citations, and the whole workspace out and in.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { collectCitations } from '../case/citations.js';
import { headlineOf, ingestPaths, prepareDocument, type IngestOptions } from '../corpus/index.js';
import type { Citation } from '../domain/case.js';
import type { DocumentInfo, IngestSummary, Workspace } from '../domain/corpus.js';
import { InputError, NotFoundError } from '../domain/errors.js';
import type { AddDocumentRequest } from '../domain/requests.js';
import type {
  AddDocumentResponse,
  DeleteDocumentResponse,
  DocumentResponse,
  DocumentsResponse,
  ImportResponse,
  Linked,
  PassageResponse,
  PublicDocumentInfo,
  ResolvedCitation,
} from '../domain/responses.js';
import { citedFactMarks, dateMarks, mentionMarks } from './reader-marks.js';
import { relatedDocuments } from './related-documents.js';
import type { Workbench } from './workbench.js';
import type { AsOfRequest } from '../domain/requests.js';
import { asOfDay, startedBy } from '../domain/dates.js';

export interface IngestRequest extends Pick<IngestOptions, 'maxBytes' | 'onProgress' | 'cwd' | 'ocr'> {
  paths: readonly string[];
}

export async function ingest(wb: Workbench, req: IngestRequest): Promise<IngestSummary> {
  const store = await wb.store();
  try {
    return await ingestPaths(store, req.paths, { maxBytes: req.maxBytes, cwd: req.cwd, ocr: req.ocr, onProgress: req.onProgress });
  } finally {
    wb.storeChanged();
  }
}

/** `path` is where the file was on the ingesting machine: kept in the store, never served. */
function publicInfo({ path: _path, ...info }: DocumentInfo): PublicDocumentInfo {
  return info;
}

/** Every stored document, by file name, with where it was read from. */
export async function listDocuments(wb: Workbench, req: AsOfRequest = {}): Promise<DocumentInfo[]> {
  const docs = await (await wb.store()).listDocuments();
  if (!req.asOf) return docs;
  // As of a date: the documents published by then (one without a date cannot be placed, and stays).
  const day = asOfDay(req.asOf);
  return docs.filter((d) => !d.published || startedBy(d.published, day));
}

/** The same listing without the ingesting machine's paths (what the API serves). */
export async function listPublicDocuments(wb: Workbench, req: AsOfRequest = {}): Promise<DocumentsResponse> {
  return { items: (await listDocuments(wb, req)).map(publicInfo) };
}

// Marks depend only on the document text and the case: computed once per document and case.
const marksCache = new WeakMap<object, Map<string, Pick<DocumentResponse, 'mentions' | 'dates' | 'facts'>>>();

/** A document with its text, passages and what the reader marks in it. */
export async function readDocument(wb: Workbench, id: string): Promise<DocumentResponse> {
  const store = await wb.store();
  const doc = await store.getDocument(id);
  if (!doc) throw new NotFoundError(`unknown document "${id}" (see marsad documents)`);
  const passages = await store.listPassages(doc.id);
  const { path: _path, ...document } = doc;
  const c = await wb.case();
  let cache = marksCache.get(c);
  if (!cache) marksCache.set(c, (cache = new Map()));
  const key = `${doc.id}:${doc.contentHash}`;
  let marks = cache.get(key);
  if (!marks) {
    marks = {
      mentions: mentionMarks(c, doc.text),
      dates: dateMarks(c, doc.text, doc.published),
      facts: citedFactMarks(c, doc.file, doc.text),
    };
    cache.set(key, marks);
  }
  return { document, passages, ...marks, related: await relatedDocuments(wb, doc) };
}

export async function getPassage(wb: Workbench, id: string): Promise<PassageResponse> {
  const store = await wb.store();
  const passage = await store.getPassage(id);
  if (!passage) throw new NotFoundError(`unknown passage "${id}"`);
  const doc = await store.getDocument(passage.documentId);
  if (!doc) return { passage, document: null };
  const { text: _text, ...info } = doc;
  return { passage, document: publicInfo(info) };
}

/** Where a citation's quote is: its document, passage and offsets. */
export async function resolveCitation(wb: Workbench, cite: Citation): Promise<ResolvedCitation> {
  const resolved = await (await wb.citations()).resolve(cite);
  if (!resolved.documentId) throw new NotFoundError(`document "${cite.doc}" is not ingested`);
  if (resolved.start === undefined) throw new NotFoundError(`quote not found in "${cite.doc}"`);
  return resolved;
}

/** Every citation in `value` resolved to its passage (what the API sends for case items). */
export async function withCitationLinks<T>(wb: Workbench, value: T): Promise<Linked<T>> {
  return (await wb.citations()).withCitations(value) as Promise<Linked<T>>;
}

export async function exportWorkspace(wb: Workbench): Promise<Workspace> {
  return (await wb.store()).exportWorkspace();
}

export async function importWorkspace(wb: Workbench, value: unknown): Promise<ImportResponse> {
  try {
    return await (await wb.store()).importWorkspace(value);
  } finally {
    wb.storeChanged();
  }
}

/** A safe file name for an added document: letters, digits, dots, dashes; the extension kept. */
export function documentFileName(req: Pick<AddDocumentRequest, 'file'>, meta: { title?: string | null; outlet?: string | null; published?: string | null }, text: string): string {
  const clean = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+/g, '-').replace(/^[-.]+|-+$/g, '');
  if (req.file) {
    const name = clean(basename(req.file)).slice(-150);
    if (!name || !/\.[a-z0-9]{1,5}$/i.test(name)) throw new InputError('expected a file name with its extension, such as report.pdf', { field: 'file' });
    return name;
  }
  // A pasted page: named after its title (or outlet and date) and its content, so two pastes never collide.
  const stem = clean(meta.title ?? [meta.outlet, meta.published].filter(Boolean).join('-')).slice(0, 60) || 'pasted';
  return `${stem}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.txt`;
}

/** A document added from the app: a pasted page or an uploaded file, stored and linked to its relatives. */
export async function addDocument(wb: Workbench, req: AddDocumentRequest): Promise<AddDocumentResponse> {
  const store = await wb.store();
  const bytes = req.text !== undefined ? new TextEncoder().encode(req.text) : Buffer.from(req.base64!, 'base64');
  const given = req.file ? documentFileName(req, req.meta, '') : 'pasted.txt';
  const prepared = await prepareDocument(bytes, { path: `upload:${given}`, file: given, meta: req.meta });
  // A pasted page is named after its title (given, or read from its header) once it is read.
  if (!req.file) {
    // A page copied from a browser carries no title field: its headline is its title.
    if (!prepared.draft.meta.title) {
      const headline = headlineOf(prepared.draft.text);
      if (headline) prepared.draft.meta = { ...prepared.draft.meta, title: headline };
    }
    prepared.draft.file = documentFileName(req, prepared.draft.meta, req.text ?? '');
    prepared.draft.path = `upload:${prepared.draft.file}`;
  }
  const put = await store.putDocument(prepared.draft);
  wb.storeChanged();
  const doc = (await store.getDocument(put.documentId))!;
  const { path: _path, text: _text, ...info } = doc;
  return {
    document: info,
    status: put.status,
    passages: put.passages,
    warnings: prepared.warnings,
    related: await relatedDocuments(wb, doc),
  };
}

/** Removes a document and its passages; the case items citing it are named, not silently broken. */
export async function deleteDocument(wb: Workbench, id: string): Promise<DeleteDocumentResponse> {
  const store = await wb.store();
  const doc = await store.getDocument(id);
  if (!doc) throw new NotFoundError(`unknown document "${id}" (see marsad documents)`);
  const c = await wb.case().catch(() => null);
  const citing = c ? collectCitations(c).filter((r) => r.cite.doc === doc.file).map((r) => ({ kind: r.section, id: r.item })) : [];
  await store.deleteDocument(doc.id);
  wb.storeChanged();
  const unique = [...new Map(citing.map((x) => [`${x.kind}:${x.id}`, x])).values()];
  return { deleted: doc.file, citing: unique };
}
