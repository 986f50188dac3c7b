/**
 * The Store, written once in SQL over a SqlClient. PGlite and PostgreSQL run the same statements;
 * only the connection differs.
 */
import { createHash } from 'node:crypto';
import { dayRange } from '../domain/dates.js';
import {
  SearchQuery,
  Workspace,
  type DocumentDraft,
  type DocumentInfo,
  type DocumentMeta,
  type DocumentRecord,
  type LanguageCode,
  type PageDraft,
  type PageRecord,
  type PassageRecord,
  type PutResult,
  type SearchHit,
  type StoreStats,
} from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import { indexTerms } from '../text/index.js';
import { schemaVersion } from './migrations.js';
import { compileSearch } from './search-query.js';
import { makeSnippet } from './snippet.js';
import { jobQueue, type JobQueue } from './job-queue.js';
import type { SqlClient } from './sql-client.js';
import type { ImportResult, Store, StoreKind } from './store.js';
import { caseCopyStore, type CaseCopyStore } from './case-copy.js';

export const DEFAULTS = {
  /** Hits returned when a query gives no limit. */
  limit: 20,
  /** Matching passages ranked at most (see SearchQuery.maxCandidates). */
  maxCandidates: 1000,
};

/** SHA-256 of the text, hex; the document id is its first 16 digits. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with sorted keys and undefined dropped, to compare metadata. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The columns derived from metadata, in the order of the SQL below. */
function metaColumns(meta: DocumentMeta, language: LanguageCode): unknown[] {
  const title =
    meta.title ?? (language === 'en' ? (meta.title_en ?? meta.title_ar) : (meta.title_ar ?? meta.title_en)) ?? null;
  const period = meta.published ? dayRange(meta.published) : null;
  return [
    title,
    meta.author ?? null,
    meta.outlet ?? null,
    meta.kind ?? null,
    meta.published ?? null,
    period?.from ?? null,
    period?.to ?? null,
    JSON.stringify(meta),
  ];
}

const DOCUMENT_COLUMNS = `d.id, d.file, d.path, d.title, d.language, d.published, d.author, d.outlet, d.kind,
  d.meta, d.content_hash, length(d.text)::int as length,
  (select count(*)::int from passages p where p.document_id = d.id) as passage_count,
  (select count(*)::int from document_pages g where g.document_id = d.id) as page_count`;

interface DocumentRow {
  id: string;
  file: string;
  path: string;
  title: string | null;
  language: LanguageCode;
  published: string | null;
  author: string | null;
  outlet: string | null;
  kind: string | null;
  meta: DocumentMeta | string;
  content_hash: string;
  length: number;
  passage_count: number;
  page_count: number;
  text?: string;
}

function toInfo(row: DocumentRow): DocumentInfo {
  return {
    id: row.id,
    file: row.file,
    path: row.path,
    title: row.title,
    language: row.language,
    published: row.published,
    author: row.author,
    outlet: row.outlet,
    kind: row.kind,
    meta: typeof row.meta === 'string' ? (JSON.parse(row.meta) as DocumentMeta) : row.meta,
    contentHash: row.content_hash,
    passageCount: row.passage_count,
    pageCount: row.page_count,
    length: row.length,
  };
}

interface PassageRow {
  id: string;
  document_id: string;
  file: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
  language: LanguageCode;
  page: number | null;
  footnote: boolean;
}

const PASSAGE_COLUMNS = `p.id, p.document_id, d.file, p.ordinal, p.start_offset, p.end_offset, p.text, p.language,
  p.page, p.footnote`;

function toPassage(row: PassageRow): PassageRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    file: row.file,
    ordinal: row.ordinal,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    language: row.language,
    page: row.page,
    footnote: row.footnote,
  };
}

/**
 * Every passage must be the slice of the text its offsets say; pages must be numbered in order
 * within the text, and a passage's page must be one of them and hold the passage.
 */
function checkPassages(doc: Pick<DocumentDraft, 'file' | 'text' | 'passages' | 'pages'>): void {
  const pages = new Map<number, PageDraft>();
  (doc.pages ?? []).forEach((g, i) => {
    const previous = doc.pages?.[i - 1];
    if (g.start > g.end || g.end > doc.text.length || (previous && (g.number <= previous.number || g.start < previous.end))) {
      throw new InputError(`page ${g.number} is out of order or outside the document text (${g.start}..${g.end})`, {
        file: doc.file,
        field: `pages[${i}]`,
      });
    }
    pages.set(g.number, g);
  });
  doc.passages.forEach((p, i) => {
    if (p.ordinal !== i || p.start < 0 || p.end > doc.text.length || doc.text.slice(p.start, p.end) !== p.text) {
      throw new InputError(`passage ${i} does not match the document text at its offsets ${p.start}..${p.end}`, {
        file: doc.file,
        field: `passages[${i}]`,
      });
    }
    if (p.page === undefined) return;
    const page = pages.get(p.page);
    if (!page || p.start < page.start || p.end > page.end) {
      throw new InputError(`passage ${i} names page ${p.page}, which does not hold it`, {
        file: doc.file,
        field: `passages[${i}].page`,
      });
    }
  });
}

export class SqlStore implements Store {
  readonly cases: CaseCopyStore;
  readonly jobs: JobQueue;

  constructor(
    readonly kind: StoreKind,
    private readonly db: SqlClient,
    private readonly onClose: () => Promise<void>,
  ) {
    this.cases = caseCopyStore(db);
    this.jobs = jobQueue(db);
  }

  async putDocument(doc: DocumentDraft): Promise<PutResult> {
    checkPassages(doc);
    const hash = contentHash(doc.text);
    const id = hash.slice(0, 16);
    const metaJson = canonical(doc.meta);
    return this.db.transaction(async (tx) => {
      const same = await tx.query<{ id: string; file: string; meta: DocumentMeta | string; passages: number }>(
        `select id, file, meta, (select count(*)::int from passages p where p.document_id = d.id) as passages
           from documents d where content_hash = $1`,
        [hash],
      );
      if (same.length > 0) {
        const row = same[0];
        const stored = typeof row.meta === 'string' ? (JSON.parse(row.meta) as unknown) : row.meta;
        if (row.file !== doc.file) {
          return { status: 'unchanged', documentId: row.id, passages: row.passages, sameAs: row.file };
        }
        if (canonical(stored) === metaJson) return { status: 'unchanged', documentId: row.id, passages: row.passages };
        await tx.query(
          `update documents set title = $2, author = $3, outlet = $4, kind = $5, published = $6,
             published_from = $7, published_to = $8, meta = $9::jsonb, path = $10 where id = $1`,
          [row.id, ...metaColumns(doc.meta, doc.language), doc.path],
        );
        return { status: 'updated', documentId: row.id, passages: row.passages };
      }
      const replaced = await tx.query(`delete from documents where file = $1 returning id`, [doc.file]);
      await tx.query(
        `insert into documents (id, file, path, content_hash, language, text,
           title, author, outlet, kind, published, published_from, published_to, meta)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)`,
        [id, doc.file, doc.path, hash, doc.language, doc.text, ...metaColumns(doc.meta, doc.language)],
      );
      if (doc.passages.length > 0) {
        // One statement for all passages: arrays unnested server-side.
        await tx.query(
          `insert into passages (id, document_id, ordinal, start_offset, end_offset, text, language, terms, page, footnote)
           select $1 || ':' || u.o, $1, u.o, u.s, u.e, u.t, u.l, to_tsvector('simple', u.tm), u.pg, u.fn
             from unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::int[], $9::boolean[])
               as u(o, s, e, t, l, tm, pg, fn)`,
          [
            id,
            doc.passages.map((p) => p.ordinal),
            doc.passages.map((p) => p.start),
            doc.passages.map((p) => p.end),
            doc.passages.map((p) => p.text),
            doc.passages.map((p) => p.language),
            doc.passages.map((p) => indexTerms(p.text).join(' ')),
            doc.passages.map((p) => p.page ?? null),
            doc.passages.map((p) => p.footnote === true),
          ],
        );
      }
      const pages = doc.pages ?? [];
      if (pages.length > 0) {
        await tx.query(
          `insert into document_pages (document_id, number, start_offset, end_offset, ocr_confidence)
           select $1, u.n, u.s, u.e, u.c from unnest($2::int[], $3::int[], $4::int[], $5::real[]) as u(n, s, e, c)`,
          [
            id,
            pages.map((g) => g.number),
            pages.map((g) => g.start),
            pages.map((g) => g.end),
            pages.map((g) => g.ocrConfidence ?? null),
          ],
        );
      }
      return { status: replaced.length > 0 ? 'replaced' : 'added', documentId: id, passages: doc.passages.length };
    });
  }

  async listDocuments(): Promise<DocumentInfo[]> {
    const rows = await this.db.query<DocumentRow>(`select ${DOCUMENT_COLUMNS} from documents d order by d.file`);
    return rows.map(toInfo);
  }

  async getDocument(idOrFile: string): Promise<DocumentRecord | null> {
    const rows = await this.db.query<DocumentRow>(
      `select ${DOCUMENT_COLUMNS}, d.text from documents d where d.id = $1 or d.file = $1 order by (d.id = $1) desc limit 1`,
      [idOrFile],
    );
    if (rows.length === 0) return null;
    return { ...toInfo(rows[0]), text: rows[0].text ?? '' };
  }

  async deleteDocument(idOrFile: string): Promise<boolean> {
    const rows = await this.db.query(`delete from documents where id = $1 or file = $1 returning id`, [idOrFile]);
    return rows.length > 0;
  }

  async listPassages(idOrFile: string): Promise<PassageRecord[]> {
    const rows = await this.db.query<PassageRow>(
      `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id
        where d.id = $1 or d.file = $1 order by d.file, p.ordinal`,
      [idOrFile],
    );
    return rows.map(toPassage);
  }

  async listPages(idOrFile: string): Promise<PageRecord[]> {
    const rows = await this.db.query<{
      document_id: string;
      number: number;
      start_offset: number;
      end_offset: number;
      ocr_confidence: number | null;
    }>(
      `select g.document_id, g.number, g.start_offset, g.end_offset, g.ocr_confidence
         from document_pages g join documents d on d.id = g.document_id
        where d.id = $1 or d.file = $1 order by d.file, g.number`,
      [idOrFile],
    );
    return rows.map((row) => ({
      documentId: row.document_id,
      number: row.number,
      start: row.start_offset,
      end: row.end_offset,
      ocrConfidence: row.ocr_confidence === null ? null : Number(row.ocr_confidence),
    }));
  }

  async getPassage(id: string): Promise<PassageRecord | null> {
    const rows = await this.db.query<PassageRow>(
      `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id where p.id = $1`,
      [id],
    );
    return rows.length ? toPassage(rows[0]) : null;
  }

  async search(input: SearchQuery): Promise<SearchHit[]> {
    const parsed = SearchQuery.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`bad search: ${issue.message}`, { field: issue.path.join('.') || 'query' }, {
        cause: parsed.error,
      });
    }
    const q = parsed.data;
    const compiled = compileSearch(q);
    const params: unknown[] = [compiled.match];
    const where: string[] = [`p.terms @@ to_tsquery('simple', $1)`];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (compiled.mention !== null) where.push(`p.terms @@ to_tsquery('simple', ${add(compiled.mention)})`);
    if (q.file !== undefined) {
      const ref = add(q.file);
      where.push(`(d.file = ${ref} or d.id = ${ref})`);
    }
    if (q.language !== undefined) where.push(`p.language = ${add(q.language)}`);
    if (q.from !== undefined) where.push(`d.published_to >= ${add(dayRange(q.from).from)}::date`);
    if (q.to !== undefined) where.push(`d.published_from <= ${add(dayRange(q.to).to)}::date`);
    const cap = add(q.maxCandidates ?? DEFAULTS.maxCandidates);
    const limit = add(q.limit ?? DEFAULTS.limit);
    // Matching is cheap (GIN index); ranking reads every candidate's vector. Capping the
    // candidates keeps a query that matches most of a large corpus within tens of milliseconds.
    const rows = await this.db.query<PassageRow & { score: number; published: string | null }>(
      `select c.id, c.document_id, c.file, c.ordinal, c.start_offset, c.end_offset, c.text, c.language, c.published,
              c.page, c.footnote, ts_rank_cd(c.terms, to_tsquery('simple', $1)) as score
         from (select p.id, p.document_id, d.file, p.ordinal, p.start_offset, p.end_offset, p.text, p.language,
                      p.page, p.footnote, p.terms, d.published
                 from passages p join documents d on d.id = p.document_id
                where ${where.join(' and ')}
                limit ${cap}) as c
        order by score desc, c.file, c.ordinal
        limit ${limit}`,
      params,
    );
    return rows.map((row) => ({
      file: row.file,
      documentId: row.document_id,
      passage: row.id,
      ordinal: row.ordinal,
      start: row.start_offset,
      end: row.end_offset,
      score: Number(row.score),
      snippet: makeSnippet(row.text, compiled.terms),
      text: row.text,
      language: row.language,
      published: row.published,
      page: row.page,
      footnote: row.footnote,
    }));
  }

  async stats(): Promise<StoreStats> {
    const rows = await this.db.query<{ documents: number; passages: number }>(
      `select (select count(*)::int from documents) as documents, (select count(*)::int from passages) as passages`,
    );
    return {
      kind: this.kind,
      schemaVersion: await schemaVersion(this.db),
      documents: rows[0].documents,
      passages: rows[0].passages,
    };
  }

  async exportWorkspace(): Promise<Workspace> {
    const docs = await this.db.query<{
      id: string;
      file: string;
      path: string;
      content_hash: string;
      language: LanguageCode;
      meta: DocumentMeta | string;
      text: string;
    }>(`select id, file, path, content_hash, language, meta, text from documents order by file`);
    const passages = await this.db.query<PassageRow>(
      `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id order by d.file, p.ordinal`,
    );
    const byDoc = new Map<string, PassageRow[]>();
    for (const p of passages) {
      const list = byDoc.get(p.document_id) ?? [];
      list.push(p);
      byDoc.set(p.document_id, list);
    }
    const pageRows = await this.db.query<{
      document_id: string;
      number: number;
      start_offset: number;
      end_offset: number;
      ocr_confidence: number | null;
    }>(`select document_id, number, start_offset, end_offset, ocr_confidence from document_pages order by document_id, number`);
    const pagesByDoc = new Map<string, PageDraft[]>();
    for (const g of pageRows) {
      const list = pagesByDoc.get(g.document_id) ?? [];
      list.push({
        number: g.number,
        start: g.start_offset,
        end: g.end_offset,
        ...(g.ocr_confidence === null ? {} : { ocrConfidence: Number(g.ocr_confidence) }),
      });
      pagesByDoc.set(g.document_id, list);
    }
    return {
      format: 'marsad-workspace',
      version: 1,
      documents: docs.map((d) => ({
        id: d.id,
        file: d.file,
        path: d.path,
        contentHash: d.content_hash,
        language: d.language,
        meta: typeof d.meta === 'string' ? (JSON.parse(d.meta) as DocumentMeta) : d.meta,
        text: d.text,
        // Page and footnote only where they apply, so exports of text corpora keep their shape.
        passages: (byDoc.get(d.id) ?? []).map((p) => ({
          ordinal: p.ordinal,
          start: p.start_offset,
          end: p.end_offset,
          text: p.text,
          language: p.language,
          ...(p.page === null ? {} : { page: p.page }),
          ...(p.footnote ? { footnote: true } : {}),
        })),
        ...(pagesByDoc.has(d.id) ? { pages: pagesByDoc.get(d.id) } : {}),
      })),
    };
  }

  async importWorkspace(input: unknown): Promise<ImportResult> {
    const parsed = Workspace.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`not a Marsad workspace: ${issue.message}`, { field: issue.path.join('.') }, {
        cause: parsed.error,
      });
    }
    // Check every document before writing any, so a corrupted file writes nothing.
    for (const [i, doc] of parsed.data.documents.entries()) {
      // Ingest stores bare file names; a name with folders in it ("../../etc/passwd") can only
      // come from an edited export, and would be shown and cited as if it were a real source.
      if (/[/\\]|^\.\.?$|[\u0000-\u001f\u007f]/.test(doc.file)) {
        throw new InputError(`file name "${doc.file}" has folders or control characters (expected a bare file name)`, {
          field: `documents[${i}].file`,
        });
      }
      if (contentHash(doc.text) !== doc.contentHash) {
        throw new InputError('the text does not match its content hash (edited or corrupted export)', {
          file: doc.file,
          field: `documents[${i}].text`,
        });
      }
      checkPassages(doc);
    }
    const result: ImportResult = { added: 0, unchanged: 0, updated: 0 };
    for (const doc of parsed.data.documents) {
      const put = await this.putDocument({
        file: doc.file,
        path: doc.path,
        text: doc.text,
        language: doc.language,
        meta: doc.meta,
        passages: doc.passages,
        ...(doc.pages ? { pages: doc.pages } : {}),
      });
      if (put.status === 'added') result.added++;
      else if (put.status === 'unchanged') result.unchanged++;
      else result.updated++;
    }
    return result;
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}
