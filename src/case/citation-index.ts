/**
 * Turns a case citation (document file + short quote) into what a reader needs to reach it:
 * the document id, the passage holding the quote and the quote's offsets in the document text.
 * Results are cached per quote; documents not ingested resolve to metadata-free citations, so
 * the web app and the briefing show the quote instead of a link. Used by the API (every `cite`
 * it returns) and by the briefing (footnotes).
 */
import { foldWithOffsets, resolveCitation, type FoldedText } from './citations.js';
import type { Citation } from '../domain/case.js';
import type { Store } from '../store/index.js';

export interface ResolvedCitation extends Citation {
  /** Present when the document is in the store. */
  documentId?: string;
  title?: string;
  published?: string | null;
  /** Present when the quote was found in the document text. */
  passage?: string;
  start?: number;
  end?: number;
  /** The page of a PDF passage ("p. 12"); absent for documents without pages. */
  page?: number;
}

/** Where a citation's quote sits: the shape the briefing's footnotes take. */
export interface CitationLocation {
  file: string;
  passage: string;
  start: number;
  end: number;
  /** The page of a PDF passage. */
  page?: number;
}

type StoredPassage = Awaited<ReturnType<Store['listPassages']>>[number];
interface DocEntry {
  id: string;
  file: string;
  title: string | null | undefined;
  published: string | null | undefined;
  text: string;
  /** Folded once per document: resolving many quotes in it reuses it. */
  folded: FoldedText;
  passages: StoredPassage[];
}

export class CitationIndex {
  readonly #store: Store;
  readonly #docs = new Map<string, Promise<DocEntry | null>>();
  readonly #resolved = new Map<string, Promise<ResolvedCitation>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Forget cached documents (after an ingest). */
  clear(): void {
    this.#docs.clear();
    this.#resolved.clear();
  }

  document(file: string): Promise<DocEntry | null> {
    let entry = this.#docs.get(file);
    if (!entry) {
      entry = this.#load(file);
      this.#docs.set(file, entry);
      // A document missing now may be ingested later: do not remember the miss.
      entry.then((d) => d ?? this.#docs.delete(file), () => this.#docs.delete(file));
    }
    return entry;
  }

  async #load(file: string): Promise<DocEntry | null> {
    const doc = await this.#store.getDocument(file);
    if (!doc) return null;
    const passages = await this.#store.listPassages(doc.id);
    return {
      id: doc.id,
      file: doc.file,
      title: doc.title,
      published: doc.published ?? null,
      text: doc.text,
      folded: foldWithOffsets(doc.text),
      passages,
    };
  }

  resolve(cite: Citation): Promise<ResolvedCitation> {
    const key = citationKey(cite);
    let hit = this.#resolved.get(key);
    if (!hit) {
      hit = this.#resolve(cite);
      this.#resolved.set(key, hit);
      hit.then((r) => (r.documentId ? undefined : this.#resolved.delete(key)), () => this.#resolved.delete(key));
    }
    // The cache is per quote; the citation's own fields (its footnote note, or none) are this one's.
    return hit.then(({ note: _note, ...where }) => ({ ...where, ...cite }));
  }

  async #resolve(cite: Citation): Promise<ResolvedCitation> {
    const doc = await this.document(cite.doc);
    if (!doc) return { ...cite };
    const base: ResolvedCitation = { ...cite, documentId: doc.id, title: doc.title ?? undefined, published: doc.published };
    const span = resolveCitation(cite, doc.folded);
    if (!span) return base;
    const passage = doc.passages.find((p) => p.start <= span.start && span.start < p.end) ?? doc.passages[0];
    return {
      ...base,
      passage: passage?.id,
      start: span.start,
      end: span.end,
      ...(passage && passage.page !== null ? { page: passage.page } : {}),
    };
  }

  /**
   * Resolves every citation reachable in `value` (objects with `doc` and `quote`) once, and
   * returns a synchronous lookup: the passage and offsets of a citation, or null when its
   * document is not stored or the quote is not found.
   */
  async locator(value: unknown): Promise<(cite: Citation) => CitationLocation | null> {
    const found = new Map<string, CitationLocation | null>();
    for (const cite of citationsIn(value)) {
      const key = citationKey(cite);
      if (found.has(key)) continue;
      const r = await this.resolve(cite);
      found.set(
        key,
        r.passage !== undefined && r.start !== undefined && r.end !== undefined
          ? { file: cite.doc, passage: r.passage, start: r.start, end: r.end, ...(r.page !== undefined ? { page: r.page } : {}) }
          : null,
      );
    }
    return (cite) => found.get(citationKey(cite)) ?? null;
  }

  /**
   * Returns a deep copy of `value` in which every `cite` array of citations carries its
   * resolution, so any fact the API returns links to its passage.
   */
  async withCitations<T>(value: T): Promise<T> {
    return (await this.#walk(value)) as T;
  }

  async #walk(value: unknown): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.#walk(v)));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'cite' && Array.isArray(v)) {
        out[key] = await Promise.all((v as Citation[]).map((c) => this.resolve(c)));
      } else {
        out[key] = await this.#walk(v);
      }
    }
    return out;
  }
}

function citationKey(cite: Citation): string {
  return `${cite.doc}\u0000${cite.quote}`;
}

/** Every Citation object reachable in a value (case items and evidence carry them). */
function citationsIn(value: unknown, out: Citation[] = [], seen = new Set<unknown>()): Citation[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) citationsIn(v, out, seen);
    return out;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.doc === 'string' && typeof o.quote === 'string') out.push(o as unknown as Citation);
  for (const v of Object.values(o)) citationsIn(v, out, seen);
  return out;
}
