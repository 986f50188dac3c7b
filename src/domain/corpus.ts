/**
 * Shapes of the corpus: source metadata (sources.yaml, front matter), stored documents and
 * passages, search queries and hits, ingest summaries and the exported workspace.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into the document's `text`, which is the
 * text its reader produced (decoded text; for HTML, PDF and Word files the extracted text, one
 * paragraph per line): `document.text.slice(start, end) === passage.text`. PDF documents also
 * have pages, offsets into the same text, and each of their passages lies on one page.
 */
import { z } from 'zod';
import { DateParam } from './date-schemas.js';

/** Passage and document language as detected (or declared in metadata). */
export const LanguageCode = z.enum(['ar', 'en', 'und']);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** A publication date at its real precision: `2024`, `2024-04` or `2024-10-04` (see dates.ts). */
const PublishedDate = DateParam;

const optionalText = z.string().min(1).max(2000).nullable().optional();

/**
 * Metadata of one document, as authored in sources.yaml or front matter. Every field is
 * optional; `null` means "known to be absent" (e.g. an unsigned news report has `author: null`).
 */
export const DocumentMeta = z.object({
  language: LanguageCode.nullable().optional(),
  kind: optionalText,
  title: optionalText,
  title_ar: optionalText,
  title_en: optionalText,
  author: optionalText,
  outlet: optionalText,
  published: PublishedDate.nullable().optional(),
  /** Where the document was published online. */
  source_url: z.string().url().max(2000).nullable().optional(),
  /**
   * How far the outlet is trusted, as the analyst judges it: from `high` (a record of accuracy)
   * to `low`; `unknown` until judged.
   */
  reliability: z.enum(['high', 'medium', 'low', 'unknown']).nullable().optional(),
  /** How a field was inferred when the text does not state it directly. */
  inferred: optionalText,
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** One entry of a `sources.yaml` list: the metadata of the file it names (beside the YAML). */
export const SourceMeta = DocumentMeta.extend({
  file: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'expected a file name without folders'),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

/** Markdown front matter: the same fields as sources.yaml, without `file`. */
export const FrontMatter = DocumentMeta;
export type FrontMatter = z.infer<typeof FrontMatter>;

/** A passage as cut by the corpus splitter, before it is stored. */
export const PassageDraft = z.object({
  ordinal: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().min(1),
  language: LanguageCode,
  /** Page (1-based) of a paged document (PDF) the passage is on; passages never cross pages. */
  page: z.number().int().min(1).optional(),
  /** True for a footnote or endnote (kept as its own passage, after the page's text). */
  footnote: z.boolean().optional(),
});
export type PassageDraft = z.infer<typeof PassageDraft>;

/** One page of a paged document: where its text sits in the document text. */
export const PageDraft = z.object({
  /** 1-based page number, as a reader counts it (the PDF's page order). */
  number: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /**
   * Mean word confidence (0–100) Tesseract gave the page's text when the page had no text layer
   * and was read by OCR; absent (or null) for pages whose text was in the file.
   */
  ocrConfidence: z.number().min(0).max(100).nullable().optional(),
});
export type PageDraft = z.infer<typeof PageDraft>;

/** A document ready to be stored: its text, metadata and passages. */
export const DocumentDraft = z.object({
  /** File name (no folders), the name users and citations know the document by. */
  file: z.string().min(1),
  /** Path it was read from, for the record. */
  path: z.string(),
  text: z.string(),
  language: LanguageCode,
  meta: DocumentMeta,
  passages: z.array(PassageDraft),
  /** Pages of a paged document (PDF), in order; absent for text, Markdown, HTML and DOCX. */
  pages: z.array(PageDraft).optional(),
});
export type DocumentDraft = z.infer<typeof DocumentDraft>;

/** What storing a document did. `replaced`: same file name, new text; `updated`: metadata only. */
export const PutStatus = z.enum(['added', 'unchanged', 'updated', 'replaced']);
export type PutStatus = z.infer<typeof PutStatus>;

export interface PutResult {
  status: PutStatus;
  documentId: string;
  passages: number;
  /** For `unchanged` because another file holds the same text: that file. */
  sameAs?: string;
}

/**
 * Where documents go. The corpus layer writes through this narrow interface so that it never
 * depends on the store; `Store` (src/store) implements it.
 */
export interface DocumentSink {
  putDocument(doc: DocumentDraft): Promise<PutResult>;
}

/** A stored document, without its text (listings). */
export const DocumentInfo = z
  .object({
    /** First 16 hex digits of the SHA-256 of `text`. */
    id: z.string(),
    file: z.string(),
    /** Where the file was read from on the ingesting machine (not served over HTTP). */
    path: z.string(),
    title: z.string().nullable(),
    language: LanguageCode,
    published: z.string().nullable(),
    author: z.string().nullable(),
    outlet: z.string().nullable(),
    kind: z.string().nullable(),
    meta: DocumentMeta,
    /** SHA-256 of `text`, hex. */
    contentHash: z.string(),
    passageCount: z.number().int(),
    /** Pages of a paged document (PDF); 0 for others. */
    pageCount: z.number().int(),
    /** Characters in `text`. */
    length: z.number().int(),
  })
  .strict();
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** A stored document with its text. */
export const DocumentRecord = DocumentInfo.extend({ text: z.string() });
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** A stored passage. `id` is `<documentId>:<ordinal>`, stable for the same text. */
export const PassageRecord = z
  .object({
    id: z.string(),
    documentId: z.string(),
    file: z.string(),
    ordinal: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    language: LanguageCode,
    /** Page of a PDF passage (cite it as "p. 12"); null for documents without pages. */
    page: z.number().int().nullable(),
    /** A footnote or endnote rather than body text. */
    footnote: z.boolean(),
  })
  .strict();
export type PassageRecord = z.infer<typeof PassageRecord>;

/** A stored page of a paged document. */
export const PageRecord = z
  .object({
    documentId: z.string(),
    number: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    /** Tesseract's mean word confidence (0–100) when the page was read by OCR; null otherwise. */
    ocrConfidence: z.number().nullable(),
  })
  .strict();
export type PageRecord = z.infer<typeof PageRecord>;

/** A search over passages. */
export const SearchUnit = z
  .object({
    /** What the analyst typed for it (shown as why a hit matched). */
    label: z.string().min(1).max(300),
    /** Any of these phrases matches (a name and its other names, a concept in both languages). */
    phrases: z.array(z.string().min(1).max(1000)).min(1).max(100),
  })
  .strict();
export type SearchUnit = z.infer<typeof SearchUnit>;

export const SearchQuery = z.object({
  text: z.string().min(1).max(1000),
  /**
   * The query's units, when the caller has expanded it (names, glossary); default one unit per
   * meaningful word of `text`. Passages are ranked by the units they hold and how rare those are
   * (BM25); a passage holding every unit, close together, ranks first.
   */
  units: z.array(SearchUnit).min(1).max(64).optional(),
  /** The passage must contain at least one of these phrases (actor filter). */
  mentionAny: z.array(z.string().min(1).max(1000)).max(100).optional(),
  /** Maximum hits, 1..1000; default 20. */
  limit: z.number().int().min(1).max(1000).optional(),
  /** Only this document (file name or id). */
  file: z.string().min(1).optional(),
  language: z.enum(['ar', 'en']).optional(),
  /** Only documents of this outlet (case-insensitive, part of the name is enough). */
  outlet: z.string().min(1).max(200).optional(),
  /** Documents published on or after this date (a partial date covers its whole period). */
  from: DateParam.optional(),
  /** Documents published on or before this date. */
  to: DateParam.optional(),
  /**
   * `relevance` (default) or `date`: the best-covered relevant hits, newest first.
   */
  sort: z.enum(['relevance', 'date']).optional(),
  /** Score every passage that holds any unit instead of skipping those that cannot reach the top (benchmarks). */
  exhaustive: z.boolean().optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** One ranked passage. `snippet` is about 200 characters around the best match, matches in `[[`…`]]`. */
export const SearchHit = z
  .object({
    file: z.string(),
    documentId: z.string(),
    passage: z.string(),
    ordinal: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    score: z.number(),
    snippet: z.string(),
    text: z.string(),
    language: LanguageCode,
    published: z.string().nullable(),
    /** Page of a PDF passage; null for documents without pages. */
    page: z.number().int().nullable(),
    /** The passage is a footnote or endnote. */
    footnote: z.boolean(),
    /** Labels of the query units the passage holds (why it matched). */
    matched: z.array(z.string()),
    /** The same text elsewhere (a sentence in two reports, a repeated page header), folded into this hit. */
    alsoIn: z.array(z.object({ file: z.string(), passage: z.string() }).strict()),
  })
  .strict();
export type SearchHit = z.infer<typeof SearchHit>;

export const IngestedFile = z
  .object({
    path: z.string(),
    file: z.string(),
    documentId: z.string(),
    passages: z.number().int(),
    /** For unchanged files whose text is already stored under another name. */
    sameAs: z.string().optional(),
  })
  .strict();
export type IngestedFile = z.infer<typeof IngestedFile>;

export const IngestProblem = z.object({ path: z.string(), reason: z.string() }).strict();
export type IngestProblem = z.infer<typeof IngestProblem>;

/** What an ingest did, file by file. Rejected files were not written; warnings did not stop a file. */
export const IngestSummary = z
  .object({
    added: z.array(IngestedFile),
    unchanged: z.array(IngestedFile),
    /** Metadata changed (`updated`) or the same file name now has new text (`replaced`). */
    updated: z.array(IngestedFile),
    rejected: z.array(IngestProblem),
    warnings: z.array(IngestProblem),
    /** An ingest job asked to extract: the extraction job queued over the documents added or updated. */
    extractJob: z.string().optional(),
  })
  .strict();
export type IngestSummary = z.infer<typeof IngestSummary>;

export interface IngestProgress {
  done: number;
  total: number;
  path: string;
  /** Within a large text file read in parts: the bytes stored so far and the file's size. */
  bytes?: { done: number; total: number };
}

/** Counts of what a store holds. */
export const StoreStats = z
  .object({
    kind: z.enum(['pglite', 'postgres']),
    schemaVersion: z.number().int(),
    documents: z.number().int(),
    passages: z.number().int(),
  })
  .strict();
export type StoreStats = z.infer<typeof StoreStats>;

/** The whole workspace as one JSON value (`marsad export` / `marsad import`). */
export const WorkspaceDocument = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  file: z.string().min(1),
  path: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  language: LanguageCode,
  meta: DocumentMeta,
  text: z.string(),
  passages: z.array(PassageDraft),
  pages: z.array(PageDraft).optional(),
});
export type WorkspaceDocument = z.infer<typeof WorkspaceDocument>;

export const Workspace = z.object({
  format: z.literal('marsad-workspace'),
  version: z.literal(1),
  documents: z.array(WorkspaceDocument),
});
export type Workspace = z.infer<typeof Workspace>;
