/**
 * From a search request to what the store ranks. A query is a list of units: one per meaningful
 * word of the text, or given by the caller (a name of the case with its other names, a glossary
 * concept with its forms in both languages). A unit is an OR of phrases, a phrase an AND of its
 * words' term groups. Terms come from our own analyzer (`queryGroups`), so the database only
 * matches tokens; each term is quoted as a tsquery lexeme (quotes and backslashes escaped) and
 * every tsquery travels as one bound parameter.
 */
import { InputError } from '../domain/errors.js';
import { queryGroups, queryWords } from '../text/index.js';

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

/** One phrase as meaningful term groups (empty groups dropped). */
function phraseGroups(phrase: string): string[][] {
  return queryGroups(phrase)
    .map((g) => [...new Set(g.filter(meaningful))])
    .filter((g) => g.length > 0);
}

/** OR of phrase queries, each phrase an AND of its words' groups. */
function anyPhrase(phrases: readonly string[], terms: Set<string>): { tsquery: string; phrases: string[][][] } | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  const kept: string[][][] = [];
  for (const phrase of phrases) {
    const groups = phraseGroups(phrase);
    const q = groupsToTsquery(groups);
    if (q === null || seen.has(q)) continue;
    seen.add(q);
    kept.push(groups);
    for (const g of groups) for (const t of g) terms.add(t);
    parts.push(q);
  }
  if (parts.length === 0) return null;
  return { tsquery: parts.length === 1 ? parts[0] : parts.map((x) => `(${x})`).join(' | '), phrases: kept };
}

/** What the caller may give instead of plain text: a label and the phrases any of which matches. */
export interface UnitInput {
  label: string;
  phrases: string[];
}

export interface CompiledUnit {
  label: string;
  /** tsquery text matching a passage that holds the unit. */
  tsquery: string;
  /** Term groups of each phrase (for document frequencies). */
  phrases: string[][][];
}

export interface CompiledSearch {
  units: CompiledUnit[];
  /** When set, the passage must also match this (one of the `mentionAny` phrases). */
  mention: string | null;
  /** Every query term, expansions included, for highlighting. */
  terms: Set<string>;
}

/** Units of plain text: one per meaningful word (stopwords and question words left out). */
export function textUnits(text: string): UnitInput[] {
  return queryWords(text).map((w) => ({ label: w.text, phrases: [w.text] }));
}

export function compileSearch(q: { text: string; units?: UnitInput[]; mentionAny?: string[] }): CompiledSearch {
  const terms = new Set<string>();
  const units: CompiledUnit[] = [];
  const seen = new Set<string>();
  for (const unit of q.units ?? textUnits(q.text)) {
    const any = anyPhrase(unit.phrases, terms);
    if (any === null || seen.has(any.tsquery)) continue;
    seen.add(any.tsquery);
    units.push({ label: unit.label, tsquery: any.tsquery, phrases: any.phrases });
  }
  if (units.length === 0) {
    throw new InputError(`the query "${q.text}" has no search terms (only stopwords or punctuation)`, {
      field: 'query',
    });
  }
  let mention: string | null = null;
  if (q.mentionAny !== undefined) {
    const any = anyPhrase(q.mentionAny, terms);
    // An actor filter whose names yield no terms can match nothing; say so rather than ignore it.
    if (any === null) throw new InputError('the actor filter has no names to search for', { field: 'actor' });
    mention = any.tsquery;
  }
  return { units, mention, terms };
}
