/**
 * Words as extraction compares them: folded (Arabic-normalised, lower case; remembered, since a
 * document repeats few distinct words) and stemmed (the search analyser's first term per word).
 */
import { analyze, normalizeArabic } from '../text/index.js';

const FOLD_MEMO = new Map<string, string>();

/** `normalizeArabic` and lower case, remembered per string. */
export function fold(s: string): string {
  let hit = FOLD_MEMO.get(s);
  if (hit === undefined) {
    hit = normalizeArabic(s).toLowerCase();
    if (FOLD_MEMO.size > 200_000) FOLD_MEMO.clear(); // bound memory on huge vocabularies
    FOLD_MEMO.set(s, hit);
  }
  return hit;
}

/** The stems of the meaningful words of `text` (stopwords left out). */
export function stems(text: string): Set<string> {
  return new Set(analyze(text).map((t) => t.terms[0]));
}
