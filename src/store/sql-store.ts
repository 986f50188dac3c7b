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
import { indexTerms, normalizeArabic } from '../text/index.js';
import { lengthKey, lengthTerms, schemaVersion } from './migrations.js';
import { compileSearch, type CompiledUnit } from './search-query.js';
import { makeSnippet } from './snippet.js';
import { jobQueue, type JobQueue } from './job-queue.js';
import type { SqlClient } from './sql-client.js';
import type { ImportResult, SearchOutcome, Store, StoreKind } from './store.js';
import { caseCopyStore, type CaseCopyStore } from './case-copy.js';
import { checkStoreRows, type StoreCheck, type StoreManifest } from './integrity.js';

/** Longest passage stored: PostgreSQL's index of one passage holds at most 1 MB. */
export const MAX_PASSAGE_CHARS = 100_000;

export const DEFAULTS = {
  /** Hits returned when a query gives no limit. */
  limit: 20,
  /**
   * Candidates a search scores in its first block of passages (the shortest); each further block
   * of longer passages is about twice as large, until no longer passage can reach the top hits.
   */
  blockCandidates: 300,
  /** The most length keys a block read through the full-text index may span. */
  lengthTerms: 256,
  /** How much larger the server's blocks start, and grow while they find few candidates… */
  serverBlocks: 4,
  /** …when the posting lists its index walks for every block hold at least this many passages. */
  longPostings: 200_000,
  /** Extra hits read beyond the limit, so near-duplicates folded together still fill it. */
  duplicateSlack: 10,
  /** Hits read before ordering by date (the best-covered of them are kept). */
  dateWindow: 200,
};

/**
 * BM25 constants (k1 the usual; b lower than the usual 0.75, since passages range from a
 * reference line to a page), the weight of the share of units held (coordination), and the most
 * the proximity of the units adds (ts_rank_cd's cover density, capped: one tight cover of all
 * units gives 0.1, so a passage repeating the query gains no more than one holding it once; the
 * cap bounds every score by its length norm, which lets search stop early).
 */
const BM25 = { k1: 1.2, b: 0.5, coord: 0.8, proximity: 0.1 };

/** One scored passage, as ranked. */
interface RankedRow {
  id: string;
  file: string;
  ordinal: number;
  published: string | null;
  score: number;
  cnt: number;
  matched: boolean[];
}

/** Code point order, as PostgreSQL's "C" collation orders UTF-8 text. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

/** The ranking order, as the SQL of rankUnits orders: score, then file (code points) and passage order. */
function byRank(a: RankedRow, b: RankedRow): number {
  return b.score - a.score || compareCodePoints(a.file, b.file) || a.ordinal - b.ordinal;
}

/** tsquery of a passage holding any of the units. */
function anyOf(units: readonly CompiledUnit[]): string {
  return units.map((u) => `(${u.tsquery})`).join(' | ');
}

/** tsquery of a passage holding every unit. */
function allOf(units: readonly CompiledUnit[]): string {
  return units.map((u) => `(${u.tsquery})`).join(' & ');
}

/** Levenshtein distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Text of a passage as compared for near-duplicates: letters only, folded, numbers dropped (page headers). */
function duplicateKey(text: string): string {
  return normalizeArabic(text).toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
}

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
function checkPassages(doc: Pick<DocumentDraft, 'file' | 'text' | 'passages' | 'pages'> & { meta?: unknown; path?: string }): void {
  // PostgreSQL text cannot hold NUL: refused here by name rather than failing mid-write.
  for (const [field, value] of [['text', doc.text], ['file', doc.file], ['path', doc.path ?? ''], ['meta', JSON.stringify(doc.meta ?? null)]] as const) {
    const at = value.indexOf(field === 'meta' ? '\\u0000' : '\u0000');
    if (at >= 0) {
      throw new InputError(`the document's ${field} holds a NUL character (at ${at}); a text document cannot contain one`, { file: doc.file, field });
    }
  }
  doc.passages.forEach((p, i) => {
    if (p.text.length > MAX_PASSAGE_CHARS) {
      throw new InputError(
        `passage ${i} is ${p.text.length.toLocaleString('en')} characters long; the limit is ${MAX_PASSAGE_CHARS.toLocaleString('en')} (ingest splits paragraphs into passages of at most 1,200)`,
        { file: doc.file, field: `passages[${i}].text` },
      );
    }
  });
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

type Tx = Pick<SqlClient, 'query'>;

/**
 * Version of the analyzer (`indexTerms`) the stored terms are made with. Raise it when stems
 * change: opening a store made with another version re-analyzes every passage once, so old
 * data folders and new queries agree (version 1: stems keep three letters).
 */
export const ANALYZER_VERSION = 1;

/** Re-analyzes every passage and rebuilds the search statistics when the analyzer changed. */
export async function reindexSearch(db: SqlClient): Promise<boolean> {
  const current = async (tx: Tx) =>
    Number((await tx.query<{ analyzer: number }>(`select analyzer from search_totals where id = 1`))[0]?.analyzer ?? -1);
  if ((await current(db)) === ANALYZER_VERSION) return false;
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(7316002)`);
    if ((await current(tx)) === ANALYZER_VERSION) return false;
    const docs = await tx.query<{ id: string }>(`select id from documents order by id`);
    for (const { id } of docs) {
      const passages = await tx.query<{ id: string; text: string }>(`select id, text from passages where document_id = $1`, [id]);
      if (passages.length === 0) continue;
      await tx.query(
        `update passages p set terms = to_tsvector('simple', u.tm) from unnest($1::text[], $2::text[]) as u(id, tm) where p.id = u.id`,
        [passages.map((p) => p.id), passages.map((p) => indexTerms(p.text).join(' '))],
      );
    }
    await recountSearchStats(tx);
    return true;
  });
}

/** The search statistics (document frequencies, totals) counted again from the passages. */
async function recountSearchStats(tx: Tx): Promise<void> {
  await tx.query(`delete from term_stats`);
  await tx.query(`insert into term_stats (term, df) select u.lexeme, count(*)::int from passages p, unnest(p.terms) u group by u.lexeme`);
  await tx.query(`delete from length_stats`);
  await tx.query(`insert into length_stats (len, passages) select len, count(*)::int from passages group by len`);
  await tx.query(
    `insert into search_totals (id, passages, lexemes, analyzer)
       select 1, count(*), coalesce(sum(length(terms)), 0), $1 from passages
     on conflict (id) do update set passages = excluded.passages, lexemes = excluded.lexemes, analyzer = excluded.analyzer`,
    [ANALYZER_VERSION],
  );
}

/** Adds the index terms of a document's passages to the search statistics. */
async function countTerms(tx: Tx, documentId: string): Promise<void> {
  await tx.query(
    `insert into term_stats (term, df)
       select u.lexeme, count(*)::int from passages p, unnest(p.terms) u where p.document_id = $1 group by u.lexeme
     on conflict (term) do update set df = term_stats.df + excluded.df`,
    [documentId],
  );
  await tx.query(
    `insert into length_stats (len, passages)
       select len, count(*)::int from passages where document_id = $1 group by len
     on conflict (len) do update set passages = length_stats.passages + excluded.passages`,
    [documentId],
  );
  await tx.query(
    `update search_totals set passages = passages + s.n, lexemes = lexemes + s.l
       from (select count(*) as n, coalesce(sum(length(terms)), 0) as l from passages where document_id = $1) s`,
    [documentId],
  );
}

/** Takes the passages of the documents matching `where` (over `d`) out of the search statistics. */
async function forgetTerms(tx: Tx, where: string, params: unknown[]): Promise<void> {
  const gone = await tx.query<{ term: string }>(
    `update term_stats t set df = t.df - s.n
       from (select u.lexeme, count(*)::int as n
               from passages p join documents d on d.id = p.document_id, unnest(p.terms) u
              where ${where} group by u.lexeme) s
      where t.term = s.lexeme
      returning t.term, t.df`,
    params,
  );
  const empty = (gone as { term: string; df?: number }[]).filter((r) => Number(r.df) <= 0).map((r) => r.term);
  if (empty.length > 0) await tx.query(`delete from term_stats where term = any($1::text[])`, [empty]);
  await tx.query(
    `update length_stats t set passages = t.passages - s.n
       from (select p.len, count(*)::int as n from passages p join documents d on d.id = p.document_id
              where ${where} group by p.len) s
      where t.len = s.len`,
    params,
  );
  await tx.query(`delete from length_stats where passages <= 0`);
  await tx.query(
    `update search_totals set passages = passages - s.n, lexemes = lexemes - s.l
       from (select count(*) as n, coalesce(sum(length(p.terms)), 0) as l
               from passages p join documents d on d.id = p.document_id where ${where}) s`,
    params,
  );
}

export class SqlStore implements Store {
  readonly cases: CaseCopyStore;
  readonly jobs: JobQueue;
  /** Passages per length as last read (see lengthStats). */
  private lengths: { key: string; lens: number[]; counts: number[] } | null = null;

  constructor(
    readonly kind: StoreKind,
    private readonly db: SqlClient,
    private readonly onClose: () => Promise<void>,
    /** The data folder's manifest as found on open (embedded store), compared by check(). */
    private readonly manifest: StoreManifest | null = null,
  ) {
    this.cases = caseCopyStore(db);
    this.jobs = jobQueue(db);
  }

  async putDocument(doc: DocumentDraft): Promise<PutResult> {
    checkPassages(doc);
    return this.db.transaction((tx) => this.putIn(tx, doc));
  }

  /** putDocument inside the transaction `tx` (checked by the caller). */
  private async putIn(tx: SqlClient, doc: DocumentDraft): Promise<PutResult> {
    const hash = contentHash(doc.text);
    const id = hash.slice(0, 16);
    const metaJson = canonical(doc.meta);
    const same = await tx.query<{ id: string; file: string; meta: DocumentMeta | string; passages: number }>(
      `select id, file, meta, (select count(*)::int from passages p where p.document_id = d.id) as passages
         from documents d where content_hash = $1`,
      [hash],
    );
    // A stored copy missing passages (a damaged store) is rewritten whole, not called unchanged.
    if (same.length > 0 && same[0].passages < doc.passages.length) {
      await forgetTerms(tx, `d.id = $1`, [same[0].id]);
      await tx.query(`delete from documents where id = $1`, [same[0].id]);
    } else if (same.length > 0) {
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
    await forgetTerms(tx, `d.file = $1`, [doc.file]);
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
      await countTerms(tx, id);
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
    const repaired = same.length > 0;
    return { status: replaced.length > 0 || repaired ? 'replaced' : 'added', documentId: id, passages: doc.passages.length };
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
    return this.db.transaction(async (tx) => {
      await forgetTerms(tx, `(d.id = $1 or d.file = $1)`, [idOrFile]);
      const rows = await tx.query(`delete from documents where id = $1 or file = $1 returning id`, [idOrFile]);
      return rows.length > 0;
    });
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
    return (await this.searchRanked(input)).hits;
  }

  async searchRanked(input: SearchQuery): Promise<SearchOutcome> {
    const parsed = SearchQuery.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`bad search: ${issue.message}`, { field: issue.path.join('.') || 'query' }, {
        cause: parsed.error,
      });
    }
    const q = parsed.data;
    const compiled = compileSearch(q);
    const lexemes = [...new Set(compiled.units.flatMap((u) => u.phrases.flat(2)))];
    const [statRows, totalRows] = await Promise.all([
      this.db.query<{ term: string; df: number }>(`select term, df from term_stats where term = any($1::text[])`, [lexemes]),
      this.db.query<{ passages: string | number; lexemes: string | number }>(`select passages, lexemes from search_totals`),
    ]);
    const total = Number(totalRows[0]?.passages ?? 0);
    const avgLength = total > 0 ? Number(totalRows[0].lexemes) / total : 1;
    const dfOf = new Map(statRows.map((r) => [r.term, Number(r.df)]));
    // A unit's passages, estimated from its terms: a phrase at most its rarest word's, a unit the sum of its phrases'.
    const unitDf = (u: CompiledUnit): number =>
      Math.min(
        total,
        u.phrases.reduce(
          (sum, groups) => sum + Math.min(...groups.map((g) => g.reduce((n, t) => n + (dfOf.get(t) ?? 0), 0))),
          0,
        ),
      );
    const units = compiled.units.map((u) => {
      const df = unitDf(u);
      return { ...u, df, weight: Math.log(1 + (total - df + 0.5) / (df + 0.5)) * (BM25.k1 + 1) };
    });
    const outcomeUnits = units.map((u) => ({ label: u.label, passages: u.df }));
    const live = units.filter((u) => u.df > 0);
    if (live.length === 0) return { hits: [], units: outcomeUnits, scored: 0 };

    const limit = q.limit ?? DEFAULTS.limit;
    const fetch = q.sort === 'date' ? Math.max(limit, DEFAULTS.dateWindow) : limit + DEFAULTS.duplicateSlack;
    const { rows, scored } = q.exhaustive
      ? await this.rankUnits(live, anyOf(live), compiled.mention, q, fetch, avgLength, null)
      : await this.topByLength(live, compiled.mention, q, fetch, avgLength, total, `${totalRows[0]?.passages ?? 0}:${totalRows[0]?.lexemes ?? 0}`);
    let ranked = rows;
    if (q.sort === 'date') {
      const best = Math.max(...ranked.map((r) => r.cnt));
      ranked = ranked
        .filter((r) => r.cnt === best)
        .sort(
          (a, b) =>
            (b.published ?? '').localeCompare(a.published ?? '') ||
            b.score - a.score ||
            (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ordinal - b.ordinal),
        );
    }
    const texts = await this.db.query<PassageRow>(
      `select ${PASSAGE_COLUMNS} from passages p join documents d on d.id = p.document_id where p.id = any($1::text[])`,
      [ranked.map((r) => r.id)],
    );
    const byId = new Map(texts.map((t) => [t.id, t]));
    const hits: SearchHit[] = [];
    const byKey = new Map<string, SearchHit>();
    for (const r of ranked) {
      const row = byId.get(r.id);
      if (!row) continue;
      const key = duplicateKey(row.text);
      const same = key.length > 0 ? byKey.get(key) : undefined;
      if (same) {
        same.alsoIn.push({ file: row.file, passage: row.id });
        continue;
      }
      if (hits.length >= limit) continue;
      const hit: SearchHit = {
        file: row.file,
        documentId: row.document_id,
        passage: row.id,
        ordinal: row.ordinal,
        start: row.start_offset,
        end: row.end_offset,
        score: r.score,
        snippet: makeSnippet(row.text, compiled.terms),
        text: row.text,
        language: row.language,
        published: r.published,
        page: row.page,
        footnote: row.footnote,
        matched: live.filter((_, i) => r.matched[i]).map((u) => u.label),
        alsoIn: [],
      };
      hits.push(hit);
      if (key.length > 0) byKey.set(key, hit);
    }
    return { hits, units: outcomeUnits, scored };
  }

  /**
   * The exact top `fetch` passages, without scoring every passage that holds a query word. A
   * score is the passage's length norm times a factor that depends only on which units it holds
   * and how close together (the proximity bonus is capped), so a passage of `len` at least L
   * scores at most norm(L) × the largest factor. Passages are visited in blocks of increasing
   * length (the `len` column's index, with the full-text index): first those holding every unit,
   * then those holding some but not all, each scan stopping once the k-th score found is above
   * what any longer passage could reach. The second scan leaves out the units whose passages
   * cannot reach the k-th score by themselves (MaxScore), so a rare unit's passages are the only
   * candidates when the common ones cannot lift a passage into the top hits.
   */
  private async topByLength(
    units: readonly (CompiledUnit & { weight: number; df: number })[],
    mention: string | null,
    q: SearchQuery,
    fetch: number,
    avgLength: number,
    total: number,
    /** The search totals as read with `total`, which say when the passages per length changed. */
    totalsKey: string,
  ): Promise<{ rows: RankedRow[]; scored: number }> {
    const n = units.length;
    const weight = units.reduce((sum, u) => sum + u.weight, 0);
    const lightest = Math.min(...units.map((u) => u.weight));
    const avg = Number(avgLength.toFixed(6));
    const norm = (len: number) => 1 / (1 + BM25.k1 * (1 - BM25.b + (BM25.b * len) / avg));
    const coordOf = (held: number) => 1 - BM25.coord + (BM25.coord * held) / n;
    // A little slack for the rounding of the scores in SQL: a bound must not fall below a score.
    const above = (score: number, bound: number) => score > bound * (1 + 1e-9);
    let top: RankedRow[] = [];
    let scored = 0;
    const threshold = () => (top.length >= fetch ? top[fetch - 1].score : 0);
    const { lens, counts } = await this.lengthStats(totalsKey);
    /**
     * Visits blocks of passages by length until none left can score above `factor` × norm(len).
     * `walked` is the length of the posting lists of the units read, which the server's index walks
     * for every block read through its length keys, whatever the block's size: when they are long,
     * the blocks are fewer and larger (the first `serverBlocks` times as large, growing that much
     * while a block turns up fewer candidates than the hits wanted; short passages seldom hold
     * every word).
     */
    const scan = async (
      factor: number,
      dfEstimate: number,
      walked: number,
      candidates: () => { query: string; postings: number } | null,
      exclude: string | null,
    ) => {
      const wide = this.kind !== 'pglite' && walked >= DEFAULTS.longPostings;
      let lo = 0;
      let next = 0;
      // Passages per block (of all lengths), so that about `blockCandidates` of them are candidates.
      let span = Math.ceil((DEFAULTS.blockCandidates * (wide ? DEFAULTS.serverBlocks : 1) * total) / Math.max(1, dfEstimate));
      for (;;) {
        if (above(threshold(), norm(lo) * factor)) return;
        const candidate = candidates();
        if (candidate === null) return;
        let rows = 0;
        let end = next;
        while (end < lens.length && rows < span) rows += counts[end++];
        let hi = end >= lens.length ? null : lens[end - 1];
        // No need to read past the longest length that could still reach the k-th score (the
        // check above, not this, is what proves the rest cannot).
        const theta = threshold();
        const reach = theta > 0 ? ((factor / theta - 1 - BM25.k1 * (1 - BM25.b)) * avg) / (BM25.k1 * BM25.b) : Infinity;
        if (Number.isFinite(reach) && reach >= lo && (hi === null || reach < hi)) hi = Math.floor(reach);
        rows = 0;
        while (next < lens.length && (hi === null || lens[next] <= hi)) rows += counts[next++];
        // Read the block by length when it holds fewer passages than the candidates' posting lists.
        // Only through the index on len: always in the embedded store (in memory, no planner
        // statistics); on the server when the candidates' posting lists are long against the block
        // (an index intersection would read them whole), else the planner intersects both indexes.
        const byLength = hi !== null && rows < dfEstimate && (this.kind === 'pglite' || candidate.postings > 50 * rows);
        // On the server, a bounded block is read through the full-text index alone: its lengths are
        // index keys beside the terms, so the index skips to the block's passages instead of
        // intersecting whole posting lists (a common word's can hold most of the corpus).
        const byLengthTerms = this.kind !== 'pglite' && hi !== null && lengthKey(hi) - lengthKey(lo) < DEFAULTS.lengthTerms;
        const block = await this.rankUnits(units, candidate.query, mention, q, fetch, avgLength, {
          lo,
          hi,
          exclude,
          via: byLengthTerms ? 'length-terms' : byLength ? 'length' : 'terms',
        });
        scored += block.scored;
        const seen = new Set(top.map((r) => r.id));
        top = [...top, ...block.rows.filter((r) => !seen.has(r.id))].sort(byRank).slice(0, fetch);
        if (hi === null) return;
        lo = hi + 1;
        span *= wide && block.rows.length < fetch ? DEFAULTS.serverBlocks : 2;
      }
    };
    // Passages holding every unit: BM25 of all × 1 (coordination), plus the bonus for holding them all.
    const all = allOf(units);
    // An intersection is led by its rarest list; a union reads all of them.
    const every = { query: all, postings: Math.min(...units.map((u) => u.df)) };
    const dfs = (some: typeof units) => some.reduce((sum, u) => sum + u.df, 0);
    await scan(n > 1 ? weight * (2 + BM25.proximity) : weight, Math.min(...units.map((u) => u.df)), dfs(units), () => every, null);
    if (n === 1) return { rows: top, scored };
    // Passages holding some units: at most all but the lightest, with their coordination factor.
    const maxNorm = norm(0);
    const essential = (): typeof units => {
      const skippable = new Set<(typeof units)[number]>();
      let raw = 0;
      for (const u of [...units].sort((a, b) => a.weight - b.weight)) {
        const bound = maxNorm * Math.min(raw + u.weight, weight - lightest) * coordOf(Math.min(skippable.size + 1, n - 1));
        if (above(threshold(), bound)) {
          raw += u.weight;
          skippable.add(u);
        } else break;
      }
      return units.filter((u) => !skippable.has(u));
    };
    const first = essential();
    await scan(
      (weight - lightest) * coordOf(n - 1),
      Math.min(total, dfs(first)),
      dfs(first),
      () => {
        const needed = essential();
        return needed.length > 0 ? { query: anyOf(needed), postings: dfs(needed) } : null;
      },
      all,
    );
    return { rows: top, scored };
  }

  /**
   * Passages per length, in order of length, to cut blocks of about the size wanted. Kept while
   * the search totals stay the same: the counts only size the blocks (a block is a range of
   * `len`, so a passage they miss is still visited), a stale copy cannot change an answer.
   */
  private async lengthStats(key: string): Promise<{ lens: number[]; counts: number[] }> {
    if (this.lengths?.key !== key) {
      const rows = await this.db.query<{ len: number; passages: number }>(`select len, passages from length_stats order by len`);
      this.lengths = { key, lens: rows.map((r) => Number(r.len)), counts: rows.map((r) => Number(r.passages)) };
    }
    return this.lengths;
  }

  /**
   * Top `fetch` passages matching the tsquery `candidate` (and, with `lengths`, of `len` in
   * lo..hi and not matching `exclude`), scored on every unit of `units`: BM25 with a term count of
   * one per unit (passages are short), times a coordination factor, plus, in a query of several
   * units, a bonus for holding them all, larger when they stand close together (ts_rank_cd's cover
   * density, capped at BM25.proximity; a one-unit query needs none, every hit holds its unit).
   */
  private async rankUnits(
    units: readonly (CompiledUnit & { weight: number })[],
    candidate: string,
    mention: string | null,
    q: SearchQuery,
    fetch: number,
    avgLength: number,
    lengths: { lo: number; hi: number | null; exclude: string | null; via: 'length' | 'length-terms' | 'terms' } | null,
  ): Promise<{ rows: RankedRow[]; scored: number }> {
    const params: unknown[] = [];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const unitParams = units.map((u) => add(u.tsquery));
    // Only a query of several units gets the bonus for holding them all (a bound parameter must be used).
    const all = units.length > 1 ? add(allOf(units)) : '';
    // A block read only through the index on len matches with the operator's function, which the
    // full-text index cannot serve (without statistics, as in PGlite, the planner would otherwise
    // read every passage holding a common word through that index, then keep the block's).
    const viaLength = lengths?.via === 'length';
    const matches = (query: string) => (viaLength ? `ts_match_vq(p.terms, ${add(query)}::tsquery)` : `p.terms @@ ${add(query)}::tsquery`);
    const where: string[] = [matches(candidate)];
    if (lengths !== null && lengths.via === 'length-terms' && lengths.hi !== null) {
      // The key of every length of the range (not only those in length_stats, which may be stale),
      // written as the index expression of migration 9. A key shared by longer lengths may reach
      // past the range, so len is a filter too, as `+ 0`: a condition the index on len could serve
      // would tempt the planner to intersect with it.
      const first = lengthKey(lengths.lo);
      const keys = Array.from({ length: lengthKey(lengths.hi) - first + 1 }, (_, i) => String(first + i));
      where.push(`${lengthTerms('p.len')} @@ ${add(keys.join(' | '))}::tsquery`);
      where.push(`(p.len + 0) between ${add(lengths.lo)} and ${add(lengths.hi)}`);
    } else if (lengths !== null) {
      // Read through the full-text index: in the embedded store, whose planner has no statistics,
      // the length is only a filter (`+ 0` keeps the index on len out of it, which it would
      // otherwise pick for a range that holds most passages); the server's planner weighs both.
      const len = lengths.via === 'terms' && this.kind === 'pglite' ? '(p.len + 0)' : 'p.len';
      where.push(`${len} >= ${add(lengths.lo)}`);
      if (lengths.hi !== null) where.push(`${len} <= ${add(lengths.hi)}`);
    }
    if (lengths?.exclude) where.push(`not ts_match_vq(p.terms, ${add(lengths.exclude)}::tsquery)`);
    if (mention !== null) where.push(matches(mention));
    if (q.file !== undefined) {
      const ref = add(q.file);
      where.push(`(d.file = ${ref} or d.id = ${ref})`);
    }
    if (q.language !== undefined) where.push(`p.language = ${add(q.language)}`);
    if (q.outlet !== undefined) where.push(`strpos(lower(coalesce(d.outlet, '')), lower(${add(q.outlet)})) > 0`);
    if (q.from !== undefined) where.push(`d.published_to >= ${add(dayRange(q.from).from)}::date`);
    if (q.to !== undefined) where.push(`d.published_from <= ${add(dayRange(q.to).to)}::date`);
    const n = units.length;
    const m = unitParams.map((ref, i) => `(p.terms @@ ${ref}::tsquery)::int as m${i}`).join(', ');
    // Double precision throughout (numeric arithmetic costs several times more per passage).
    const raw = units.map((u, i) => `${u.weight.toFixed(12)}::float8 * m${i}`).join(' + ');
    const cnt = units.map((_, i) => `m${i}`).join(' + ');
    const totalWeight = units.reduce((s, u) => s + u.weight, 0).toFixed(12);
    const norm = `1 / (1 + ${BM25.k1}::float8 * (${1 - BM25.b}::float8 + ${BM25.b}::float8 * p.len / ${avgLength.toFixed(6)}::float8)) as nm`;
    const proximity = `least(ts_rank_cd(c.terms, ${all}::tsquery)::float8, ${BM25.proximity})`;
    const rows = await this.db.query<{ id: string; file: string; ordinal: number; published: string | null; score: number; cnt: number; matched: string; scored: number }>(
      `with c as (
         select p.id, p.ordinal, p.terms, ${norm}, d.file, d.published, ${m}
           from passages p join documents d on d.id = p.document_id
          where ${where.join(' and ')}
       ), s as (
         select c.id, c.ordinal, c.file, c.published, (${cnt}) as cnt, ${units.map((_, i) => `m${i}`).join(', ')},
                c.nm * (${raw}) * (${1 - BM25.coord}::float8 + ${BM25.coord}::float8 * (${cnt}) / ${n}::float8)
                ${n > 1 ? `+ case when (${cnt}) = ${n} then c.nm * ${totalWeight}::float8 * (1 + ${proximity}) else 0 end` : ''} as score
           from c
       )
       select s.id, s.file, s.ordinal, s.published, s.score, s.cnt,
              concat(${units.map((_, i) => `s.m${i}`).join(", ',', ")}) as matched, count(*) over () as scored
         from s
        order by s.score desc, s.file collate "C", s.ordinal
        limit ${add(fetch)}`,
      params,
    );
    return {
      rows: rows.map((r) => ({
        id: r.id,
        file: r.file,
        ordinal: r.ordinal,
        published: r.published,
        score: Number(r.score),
        cnt: Number(r.cnt),
        matched: String(r.matched).split(',').map((x) => x === '1'),
      })),
      scored: rows.length ? Number(rows[0].scored) : 0,
    };
  }

  async similarTerms(term: string, maxDistance: number, limit = 5): Promise<{ term: string; passages: number }[]> {
    if (term.length < 3) return [];
    const rows = await this.db.query<{ term: string; df: number }>(
      `select term, df from term_stats
        where left(term, 1) = left($1, 1) and length(term) between $2 and $3 and term <> $1 and df > 0`,
      [term, term.length - maxDistance, term.length + maxDistance],
    );
    return rows
      .map((r) => ({ term: r.term, passages: Number(r.df), d: editDistance(term, r.term, maxDistance) }))
      .filter((r) => r.d <= maxDistance)
      .sort((a, b) => a.d - b.d || b.passages - a.passages || (a.term < b.term ? -1 : 1))
      .slice(0, limit)
      .map(({ term: t, passages }) => ({ term: t, passages }));
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
    // One transaction: a failure or a kill part-way leaves the store as it was.
    return this.db.transaction(async (tx) => {
      const result: ImportResult = { added: 0, unchanged: 0, updated: 0 };
      for (const doc of parsed.data.documents) {
        const put = await this.putIn(tx, {
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
    });
  }

  async reindex(): Promise<void> {
    for (const table of ['documents', 'passages', 'document_pages']) await this.db.query(`reindex table ${table}`);
    // Passages lost to damage took their terms with them: the ranking's statistics follow the rows.
    await this.db.transaction((tx) => recountSearchStats(tx));
  }

  async check(): Promise<StoreCheck> {
    return checkStoreRows(this.db, this.manifest);
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}
