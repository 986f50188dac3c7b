/**
 * Documents that tell the same thing: nearly the same text (the same report republished with a
 * word changed, a page saved twice), or the same story in the other language (an Arabic report
 * and its English counterpart). Found by comparing fingerprints:
 * - text: hashed four-word shingles of the normalized text; a Jaccard similarity of at least
 *   `nearDuplicate` makes two documents near-duplicates;
 * - story: what a translation keeps — the actors and places named (by the case's name matcher,
 *   both languages), and the numbers (figures, years, days); documents in different languages
 *   sharing at least `minShared` of these with a Jaccard of at least `sameStory`, published within
 *   `days` of each other when both dates are known, are the same story.
 * Fingerprints are computed once per document text and kept for the workbench's life.
 */
import { tagMentions } from '../case/gazetteer.js';
import type { LoadedCase } from '../case/load.js';
import type { DocumentRecord } from '../domain/corpus.js';
import { daySpan } from '../domain/dates.js';
import type { RelatedDocument } from '../domain/responses.js';
import { normalizeArabic } from '../text/index.js';
import type { Workbench } from './workbench.js';

export const RELATED_DEFAULTS = {
  nearDuplicate: 0.8,
  sameStory: 0.45,
  minShared: 4,
  days: 7,
  shingle: 4,
} as const;

interface Fingerprint {
  documentId: string;
  file: string;
  language: string;
  published: string | null;
  shingles: Set<number>;
  story: Set<string>;
}

/** FNV-1a, 32 bits: shingles compared as numbers, not strings. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function fingerprint(doc: Pick<DocumentRecord, 'id' | 'file' | 'language' | 'published' | 'text'>, c: LoadedCase | null): Fingerprint {
  const words = [...normalizeArabic(doc.text).toLowerCase().matchAll(WORD)].map((m) => m[0]);
  const shingles = new Set<number>();
  for (let i = 0; i + RELATED_DEFAULTS.shingle <= words.length; i++) shingles.add(hash(words.slice(i, i + RELATED_DEFAULTS.shingle).join(' ')));
  const story = new Set<string>();
  if (c) for (const m of tagMentions(c, doc.text)) story.add(`e:${m.actor}`);
  // Numbers survive translation: Arabic-Indic digits are folded by normalizeArabic; thousands separators dropped.
  for (const m of normalizeArabic(doc.text).matchAll(/\d[\d,.]*\d|\d{2,}/g)) {
    const n = m[0].replace(/[,]/g, '');
    if (n.length >= 2) story.add(`n:${n}`);
  }
  return { documentId: doc.id, file: doc.file, language: doc.language, published: doc.published, shingles, story };
}

function jaccard<T>(a: Set<T>, b: Set<T>): { score: number; shared: number } {
  if (a.size === 0 || b.size === 0) return { score: 0, shared: 0 };
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { score: shared / (a.size + b.size - shared), shared };
}

/** Published within `days` of each other, at the precision each date has (a month covers its days). */
function closeInTime(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = daySpan(a);
  const y = daySpan(b);
  return x.lo - RELATED_DEFAULTS.days <= y.hi && y.lo - RELATED_DEFAULTS.days <= x.hi;
}

/** How `b` relates to `a`, or null. */
export function relate(a: Fingerprint, b: Fingerprint): RelatedDocument | null {
  const text = jaccard(a.shingles, b.shingles);
  if (text.score >= RELATED_DEFAULTS.nearDuplicate) return { documentId: b.documentId, file: b.file, kind: 'near-duplicate', score: round(text.score) };
  if (a.language !== b.language && a.language !== 'und' && b.language !== 'und' && closeInTime(a.published, b.published)) {
    const story = jaccard(a.story, b.story);
    if (story.score >= RELATED_DEFAULTS.sameStory && story.shared >= RELATED_DEFAULTS.minShared) {
      return { documentId: b.documentId, file: b.file, kind: 'same-story', score: round(story.score) };
    }
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const caches = new WeakMap<Workbench, Map<string, Fingerprint>>();

async function fingerprintOf(wb: Workbench, c: LoadedCase | null, doc: DocumentRecord): Promise<Fingerprint> {
  let cache = caches.get(wb);
  if (!cache) caches.set(wb, (cache = new Map()));
  const key = `${doc.id}:${doc.contentHash}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = fingerprint(doc, c)));
  return f;
}

/** The stored documents related to `doc`, most similar first. */
export async function relatedDocuments(wb: Workbench, doc: DocumentRecord): Promise<RelatedDocument[]> {
  const store = await wb.store();
  const c = await wb.case().catch(() => null);
  const mine = await fingerprintOf(wb, c, doc);
  const out: RelatedDocument[] = [];
  for (const info of await store.listDocuments()) {
    if (info.id === doc.id) continue;
    const other = await store.getDocument(info.id);
    if (!other) continue;
    const r = relate(mine, await fingerprintOf(wb, c, other));
    if (r) out.push(r);
  }
  return out.sort((a, b) => b.score - a.score || a.file.localeCompare(b.file));
}
