/**
 * `marsad doctor`: checks a store (its files, its manifest, its rows) and, with `repair`, brings
 * it back to a sound state: indexes rebuilt from the rows, lost passages restored from each
 * document's source file (when it is still there with the same text) or else re-split from the
 * stored text, the manifest rewritten. What cannot be restored (documents whose rows are gone)
 * is reported: re-ingest the folder or re-import an export to bring it back.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDocument, splitPassages } from '../corpus/index.js';
import type { DocumentDraft, DocumentRecord, PassageDraft } from '../domain/corpus.js';
import { MarsadError, StorageFullError } from '../domain/errors.js';
import {
  DamagedStoreError,
  MANIFEST_FILE,
  openStore,
  readManifest,
  writeManifest,
  type OpenStoreOptions,
  type Store,
  type StoreCheck,
} from '../store/index.js';

export interface DoctorRequest {
  /** Where the store is: a data folder or a PostgreSQL URL, or a store already open. */
  store: Pick<OpenStoreOptions, 'dataDir' | 'databaseUrl' | 'schema'> | Store;
  /** Repair what can be repaired (default: only check). */
  repair?: boolean;
}

export interface DoctorReport {
  /** True when the store is sound (after repairs, with `repair`). */
  ok: boolean;
  documents: number;
  passages: number;
  /** What is wrong (before repairs). */
  problems: string[];
  /** What was done, one line each. */
  repairs: string[];
  /** What is still wrong after repairs. */
  remaining: string[];
}

const isStore = (value: DoctorRequest['store']): value is Store => typeof (value as Store).check === 'function';

export async function doctor(req: DoctorRequest): Promise<DoctorReport> {
  const repairs: string[] = [];
  const problems: string[] = [];
  if (isStore(req.store)) return checkOpen(req.store, !!req.repair, problems, repairs);
  const dataDir = req.store.databaseUrl ? undefined : req.store.dataDir;
  if (dataDir) {
    try {
      readManifest(dataDir);
    } catch (error) {
      if (!(error instanceof DamagedStoreError)) throw error;
      problems.push(error.message);
      if (!req.repair) return { ok: false, documents: 0, passages: 0, problems, repairs, remaining: problems };
      const aside = join(dataDir, `${MANIFEST_FILE}.damaged`);
      renameSync(join(dataDir, MANIFEST_FILE), aside);
      repairs.push(`moved the unreadable manifest to ${aside}; a new one is written from the rows`);
    }
  }
  let store: Store;
  try {
    store = await openStore({ ...req.store, allowDamaged: true });
  } catch (error) {
    // The database itself cannot be opened: nothing here can repair that. A full disk is not
    // damage, and no repair must be suggested for it: the error goes to the user as it is.
    if (!(error instanceof MarsadError) || error instanceof StorageFullError) throw error;
    problems.push(error.message);
    return { ok: false, documents: 0, passages: 0, problems, repairs, remaining: problems };
  }
  let report: DoctorReport;
  try {
    report = await checkOpen(store, !!req.repair, problems, repairs);
  } finally {
    await store.close();
  }
  if (dataDir && req.repair && report.remaining.length > 0 && report.remaining.every((p) => / of \d+ (documents|passages) are missing/.test(p))) {
    // Rows gone for good: accept the store as it now is, after saying so.
    writeManifest(dataDir, { closed: true, documents: report.documents, passages: report.passages });
    repairs.push(`accepted the store as it now is (${report.remaining.join('; ')}); re-ingest or re-import to bring back what was lost`);
    report.remaining = [];
    report.ok = true;
  }
  return report;
}

async function checkOpen(store: Store, repair: boolean, problems: string[], repairs: string[]): Promise<DoctorReport> {
  const before = await store.check();
  problems.push(...before.problems);
  if (!repair || before.problems.length === 0) return summary(before, problems, repairs, before);
  await store.reindex();
  repairs.push('rebuilt the indexes of the documents, passages and pages tables');
  for (const info of await store.listDocuments()) {
    const doc = await store.getDocument(info.id);
    if (!doc) continue;
    const stored = (await store.listPassages(doc.id)).length;
    const draft = await redraft(store, doc);
    if (draft.passages.length <= stored) continue;
    const result = await store.putDocument(draft.draft);
    repairs.push(`${doc.file}: ${result.passages - stored} passages restored from ${draft.from}`);
  }
  const after = await store.check();
  return summary(after, problems, repairs, after);
}

function summary(check: StoreCheck, problems: string[], repairs: string[], last: StoreCheck): DoctorReport {
  return { ok: last.problems.length === 0, documents: check.documents, passages: check.passages, problems, repairs, remaining: last.problems };
}

/** The document as ingest would store it: from its source file when unchanged, else from its stored text. */
async function redraft(store: Store, doc: DocumentRecord): Promise<{ draft: DocumentDraft; from: string; passages: PassageDraft[] }> {
  const { id: _id, contentHash: _h, passageCount: _p, pageCount: _g, length: _l, title: _t, published: _pub, author: _a, outlet: _o, kind: _k, ...rest } = doc;
  if (existsSync(doc.path)) {
    try {
      const prepared = await prepareDocument(readFileSync(doc.path), { path: doc.path, file: doc.file, meta: doc.meta });
      if (prepared.draft.text === doc.text) return { draft: prepared.draft, from: 'its source file', passages: prepared.draft.passages };
    } catch (error) {
      // A source that no longer reads: fall back to the stored text below.
      if (!(error instanceof MarsadError)) throw error;
    }
  }
  const pages = await store.listPages(doc.id);
  const passages: PassageDraft[] = splitPassages(doc.text).map((p) => {
    const page = pages.find((g) => p.start >= g.start && p.start < g.end);
    return { ...p, ...(page ? { page: page.number } : {}) };
  });
  const draft: DocumentDraft = {
    ...rest,
    passages,
    ...(pages.length > 0 ? { pages: pages.map((g) => ({ number: g.number, start: g.start, end: g.end })) } : {}),
  };
  return { draft, from: 'the stored text', passages };
}
