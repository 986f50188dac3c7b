/**
 * From a search request to PostgreSQL tsquery text. Terms come from our own analyzer
 * (`queryGroups`), so the database only matches tokens; each term is quoted as a tsquery lexeme
 * (quotes and backslashes escaped) and the whole string travels as one bound parameter.
 */
import { InputError } from '../domain/errors.js';
import { queryGroups } from '../text/index.js';

/** A term carrying at least one letter or digit (anything else has no lexeme to match). */
function meaningful(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

/** `it's` → `'it''s'`: a tsquery lexeme that the parser takes literally. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** AND of OR-groups: `('a' | 'b') & 'c'`; null when no group has a meaningful term. */
export function groupsToTsquery(groups: readonly (readonly string[])[]): string | null {
  const parts: string[] = [];
  for (const group of groups) {
    const terms = [...new Set(group.filter(meaningful))];
    if (terms.length === 0) continue;
    parts.push(terms.length === 1 ? quoteLexeme(terms[0]) : `(${terms.map(quoteLexeme).join(' | ')})`);
  }
  return parts.length ? parts.join(' & ') : null;
}

/** OR of phrase queries, each phrase an AND of its words' groups. */
function anyPhrase(phrases: readonly string[], terms: Set<string>): string | null {
  const parts: string[] = [];
  for (const phrase of phrases) {
    const groups = queryGroups(phrase);
    const q = groupsToTsquery(groups);
    if (q === null) continue;
    for (const g of groups) for (const t of g) terms.add(t);
    parts.push(`(${q})`);
  }
  return parts.length ? parts.join(' | ') : null;
}

export interface CompiledSearch {
  /** What the passage must match: the query or one of its alternatives. */
  match: string;
  /** When set, the passage must also match this (one of the `mentionAny` phrases). */
  mention: string | null;
  /** Every query term, for highlighting. */
  terms: Set<string>;
}

export function compileSearch(q: { text: string; alternatives?: string[]; mentionAny?: string[] }): CompiledSearch {
  const terms = new Set<string>();
  const match = anyPhrase([q.text, ...(q.alternatives ?? [])], terms);
  if (match === null) {
    throw new InputError(`the query "${q.text}" has no search terms (only stopwords or punctuation)`, {
      field: 'query',
    });
  }
  let mention: string | null = null;
  if (q.mentionAny !== undefined) {
    mention = anyPhrase(q.mentionAny, terms);
    // An actor filter whose names yield no terms can match nothing; say so rather than ignore it.
    if (mention === null) throw new InputError('the actor filter has no names to search for', { field: 'actor' });
  }
  return { match, mention, terms };
}
