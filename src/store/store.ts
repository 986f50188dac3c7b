/**
 * The one storage interface of Marsad. Two implementations share its SQL (sql-store.ts):
 * PGlite in a data folder or in memory (pglite.ts), and a PostgreSQL server (postgres.ts).
 * Nothing outside src/store imports a database driver.
 */
import type {
  DocumentDraft,
  DocumentInfo,
  DocumentRecord,
  DocumentSink,
  PageRecord,
  PassageRecord,
  PutResult,
  SearchHit,
  SearchQuery,
  StoreStats,
  Workspace,
} from '../domain/corpus.js';
import type { CaseCopyStore } from './case-copy.js';
import type { StoreCheck } from './integrity.js';
import type { JobQueue } from './job-queue.js';

export type StoreKind = 'pglite' | 'postgres';

export interface ImportResult {
  added: number;
  unchanged: number;
  updated: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  units: { label: string; passages: number }[];
  /** Passages scored to find the hits (the exact top hits need not score them all). */
  scored: number;
}

export interface Store extends DocumentSink {
  /** Which implementation this is. */
  readonly kind: StoreKind;

  /** The case's working copy, its history and the decisions on extraction candidates. */
  readonly cases: CaseCopyStore;

  /** Background work shared by every process on this database (job-queue.ts). */
  readonly jobs: JobQueue;

  /**
   * Stores a document and its passages in one transaction; index terms are computed here.
   * Deduplicates by content hash (SHA-256 of `text`):
   * - same text already stored → `unchanged` (metadata updated → `updated`), nothing else written;
   * - same file name with new text → the old version and its passages are `replaced`;
   * - otherwise `added`.
   * Throws InputError when a passage's offsets do not slice its text out of the document, or a
   * passage's page is not among the document's pages or does not hold it.
   */
  putDocument(doc: DocumentDraft): Promise<PutResult>;

  /** All documents without their text, ordered by file name. */
  listDocuments(): Promise<DocumentInfo[]>;

  /** A document by id or file name, with its text; null when there is none. */
  getDocument(idOrFile: string): Promise<DocumentRecord | null>;

  /** Removes a document and its passages; false when there was none. */
  deleteDocument(idOrFile: string): Promise<boolean>;

  /** A document's passages (by document id or file name) in order; [] when there is none. */
  listPassages(idOrFile: string): Promise<PassageRecord[]>;

  /** A paged document's pages (by document id or file name) in order; [] for others or none. */
  listPages(idOrFile: string): Promise<PageRecord[]>;

  /** A passage by id (`<documentId>:<ordinal>`); null when there is none. */
  getPassage(id: string): Promise<PassageRecord | null>;

  /**
   * Ranked passages (BM25 over the query's units, all units and proximity first), filtered by
   * file, language, outlet, publication period and `mentionAny`; exact top hits (no candidate
   * cap). Validates `q` (InputError on bad fields or a query without search terms). Default limit 20.
   */
  search(q: SearchQuery): Promise<SearchHit[]>;

  /** `search` with how many passages hold each unit (0: nothing in the store matches it). */
  searchRanked(q: SearchQuery): Promise<SearchOutcome>;

  /** Index terms of the store within `maxDistance` edits of `term`, most frequent first (for "did you mean"). */
  similarTerms(term: string, maxDistance: number, limit?: number): Promise<{ term: string; passages: number }[]>;

  /** Counts and schema version. */
  stats(): Promise<StoreStats>;

  /** Every document with its text, metadata and passages. */
  exportWorkspace(): Promise<Workspace>;

  /** Writes every document of `ws` (validated first) through putDocument. */
  importWorkspace(ws: unknown): Promise<ImportResult>;

  /**
   * Checks the stored rows: every document has passages and, for an embedded store closed
   * cleanly before, no fewer rows than its manifest recorded. `problems` empty means sound.
   */
  check(): Promise<StoreCheck>;

  /**
   * Rebuilds the indexes of the document tables from the rows (after damage, an index may still
   * list rows its table lost, and refuse them when they are written again).
   */
  reindex(): Promise<void>;

  /** Releases the database (and the data folder's lock). */
  close(): Promise<void>;
}
