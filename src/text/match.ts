/**
 * Matching analyzed text against a query or a phrase, with offsets into the original text:
 * for highlighting search hits, tagging known names (gazetteer) and locating citations.
 * Both sides go through `analyze`/`queryGroups`, so clitics, spelling variants, harakat and
 * invisible characters never prevent a match.
 */
import { analyze, queryGroups, type AnalyzedToken } from './analyze.js';

export interface Span {
  start: number;
  end: number;
}

function tokenMatches(token: AnalyzedToken, group: readonly string[]): boolean {
  for (const t of token.terms) if (group.includes(t)) return true;
  return false;
}

/**
 * Spans where `groups` match consecutive analyzed tokens (stopwords are not tokens, so
 * "الانسحاب من العراق" matches "الانسحاب الأمريكي من العراق" only if every non-stopword is
 * there in order and adjacent: here it is not, الأمريكي sits between).
 */
export function findGroupsInTokens(tokens: readonly AnalyzedToken[], groups: readonly string[][]): Span[] {
  const out: Span[] = [];
  if (groups.length === 0) return out;
  for (let i = 0; i + groups.length <= tokens.length; i++) {
    let k = 0;
    while (k < groups.length && tokenMatches(tokens[i + k], groups[k])) k++;
    if (k === groups.length) out.push({ start: tokens[i].start, end: tokens[i + groups.length - 1].end });
  }
  return out;
}

/** Every occurrence of `phrase` in `text` as consecutive words (offsets into `text`). */
export function findPhrase(text: string, phrase: string): Span[] {
  return findGroupsInTokens(analyze(text), queryGroups(phrase));
}

/** Spans of the words of `text` that match any word of `query` (for highlighting). */
export function matchingSpans(text: string, query: string): Span[] {
  const groups = queryGroups(query);
  if (groups.length === 0) return [];
  return analyze(text)
    .filter((t) => groups.some((g) => tokenMatches(t, g)))
    .map((t) => ({ start: t.start, end: t.end }));
}
