/**
 * From text to search terms. One entry per original word that carries meaning (stopwords are
 * left out on both the index and the query side, so phrase adjacency stays consistent), with
 * its terms: `terms[0]` the primary stem, the rest alternatives at the same position.
 */
import { normalizeArabic } from './normalize.js';
import { arabicTermsOf, prepareArabicWord } from './stem-arabic.js';
import { stemEnglish } from './stem-english.js';
import { isArabicStopword, isEnglishStopword, isQuestionWord } from './stopwords.js';
import { tokenize, type Token } from './tokenize.js';

export interface AnalyzedToken {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** Index terms; `terms[0]` is the primary one. Never empty. */
  terms: string[];
}

/** Arabic-script letter (tokens never start with a mark); Arabic-Indic digits excluded. */
function isArabicLetter(c: number): boolean {
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return false;
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfefc);
}

/** First letter/digit code unit of a token (tokens may start with nothing else). */
function firstCode(token: Token): number {
  return token.text.charCodeAt(0);
}

/** ASCII digits; thousands separators dropped, decimal comma/point kept as '.'. */
function numberTerm(n: string): string {
  // "2,500" and "2٬500": a separator followed by exactly three digits groups thousands.
  return n.replace(/[,](?=\d{3}(?!\d))/g, '').replace(/,/g, '.');
}

/**
 * Tokens longer than this are not words (base64, runs of one letter in hostile input): they get
 * no terms, which also keeps every term far below PostgreSQL's 2 KB lexeme limit.
 */
const MAX_WORD = 100;

function termsOf(token: Token, forQuery: boolean): string[] {
  if (token.text.length > MAX_WORD) return [];
  const c = firstCode(token);
  if (isArabicLetter(c)) {
    const word = prepareArabicWord(token.text);
    // A lone letter is a clitic cut off by digits or punctuation (بـ5): no meaning of its own.
    if (word.normalized.length < 2 || isArabicStopword(word.normalized)) return [];
    return arabicTermsOf(word, forQuery);
  }
  const text = normalizeArabic(token.text).toLowerCase();
  if (/^[0-9.,]+$/.test(text)) return [numberTerm(text)];
  // Possessive and elided endings: "iraq's" → "iraq".
  const word = text.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (word === '' || isEnglishStopword(word)) return [];
  return [/^[a-z]+$/.test(word) ? stemEnglish(word) : word];
}

/**
 * Memo of token text → terms. Word frequencies are Zipfian, so a bounded cache makes analysis
 * several times faster at ingest; it only remembers results of pure functions, and is
 * dropped whole when full (no eviction bookkeeping on the hot path).
 */
const MEMO_LIMIT = 200_000;
/** Longer tokens are not remembered: real words are short, and this bounds the memory. */
const MEMO_MAX_TOKEN = 64;
const memo = [new Map<string, string[]>(), new Map<string, string[]>()];

function cachedTerms(token: Token, forQuery: boolean): string[] {
  if (token.text.length > MEMO_MAX_TOKEN) return termsOf(token, forQuery);
  const cache = memo[forQuery ? 1 : 0];
  let terms = cache.get(token.text);
  if (terms === undefined) {
    terms = termsOf(token, forQuery);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(token.text, terms);
  }
  return terms;
}

function analyzeWith(text: string, forQuery: boolean): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokenize(text)) {
    const terms = cachedTerms(token, forQuery);
    // A copy: callers own what they receive, the memo keeps its own.
    if (terms.length > 0) out.push({ start: token.start, end: token.end, terms: terms.slice() });
  }
  return out;
}

/** Index terms per meaningful word of `text`, with offsets into `text`. */
export function analyze(text: string): AnalyzedToken[] {
  return analyzeWith(text, false);
}

/** All index terms of `text`, in order (alternatives follow their primary). */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of analyze(text)) for (const term of t.terms) out.push(term);
  return out;
}

/**
 * Query terms as an AND of OR-groups: one group per meaningful query word. A query of
 * stopwords only gives [] (the caller reports "no search terms").
 */
export function queryGroups(query: string): string[][] {
  return analyzeWith(query, true).map((t) => t.terms);
}

/**
 * The words of a typed query that carry meaning, with offsets into the query: stopwords and
 * question words ("how many", "لماذا", "اشكد") left out. Each token has the query terms of the
 * word (`terms`) and, in `indexTerms`, what the index would hold for it (clitics peeled too),
 * for matching the word against lexicon forms.
 */
export function queryWords(query: string): (AnalyzedToken & { text: string; indexTerms: string[] })[] {
  const out: (AnalyzedToken & { text: string; indexTerms: string[] })[] = [];
  for (const token of tokenize(query)) {
    const surface = token.text;
    const folded = isArabicLetter(firstCode(token)) ? prepareArabicWord(surface).normalized : normalizeArabic(surface).toLowerCase();
    if (isQuestionWord(folded)) continue;
    const terms = cachedTerms(token, true);
    if (terms.length === 0) continue;
    out.push({ start: token.start, end: token.end, text: surface, terms: terms.slice(), indexTerms: cachedTerms(token, false).slice() });
  }
  return out;
}
