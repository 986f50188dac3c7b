/**
 * The bilingual search lexicon: concepts of the domain in both languages (coalition/التحالف,
 * advisers/advisors/مستشارين), so that a query word also finds the other forms and the other
 * language. Built from a curated glossary (data/search-glossary.tsv), the case's own glossary
 * (glossary.tsv in the case folder, same shape) and the case's bilingual labels (issues,
 * concepts). Forms are compared on analyzed terms, so clitics and spelling variants match.
 *
 * Glossary file: one concept a line, English forms, a tab, Arabic forms; forms of one language
 * separated by "|"; lines starting with # are comments.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queryGroups, queryWords } from '../text/index.js';

export interface LexiconEntry {
  /** Every form, both languages. */
  forms: string[];
}

interface Form {
  entry: number;
  groups: string[][];
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Forms by the terms of their first word. */
  byFirst: Map<string, Form[]>;
}

/** The curated glossary shipped with Marsad. */
export const DEFAULT_GLOSSARY = fileURLToPath(new URL('../../data/search-glossary.tsv', import.meta.url));

/** Entries of a glossary file's text; malformed lines are skipped. */
export function parseGlossary(text: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const forms = line
      .split('\t')
      .flatMap((part) => part.split('|'))
      .map((f) => f.trim())
      .filter((f) => f !== '');
    if (forms.length >= 2) out.push({ forms: [...new Set(forms)] });
  }
  return out;
}

/** Builds the matcher over `entries` (later entries never override earlier ones; both are kept). */
export function buildLexicon(entries: readonly LexiconEntry[]): Lexicon {
  const byFirst = new Map<string, Form[]>();
  entries.forEach((e, entry) => {
    for (const f of e.forms) {
      const groups = queryGroups(f);
      if (groups.length === 0) continue;
      for (const t of new Set(groups[0])) {
        const list = byFirst.get(t) ?? [];
        list.push({ entry, groups });
        byFirst.set(t, list);
      }
    }
  });
  return { entries: [...entries], byFirst };
}

export interface LexiconMatch {
  /** Offsets into the query. */
  start: number;
  end: number;
  /** Indices of the query words covered. */
  from: number;
  to: number;
  /** The query text matched. */
  text: string;
  /** Every form of the entries the words match (both languages). */
  forms: string[];
}

type QueryWord = ReturnType<typeof queryWords>[number];

function wordMatches(w: QueryWord, group: readonly string[]): boolean {
  for (const t of w.terms) if (group.includes(t)) return true;
  for (const t of w.indexTerms) if (group.includes(t)) return true;
  return false;
}

/**
 * Longest lexicon matches over the query words, left to right, not overlapping. `skip` marks
 * words already taken (names of the case).
 */
export function matchLexicon(lex: Lexicon, query: string, words: readonly QueryWord[], skip: ReadonlySet<number>): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  let i = 0;
  while (i < words.length) {
    if (skip.has(i)) {
      i++;
      continue;
    }
    let bestLen = 0;
    const entries = new Set<number>();
    const seen = new Set<Form>();
    for (const t of [...words[i].terms, ...words[i].indexTerms]) {
      for (const f of lex.byFirst.get(t) ?? []) {
        if (seen.has(f)) continue;
        seen.add(f);
        const n = f.groups.length;
        if (n < bestLen || i + n > words.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = !skip.has(i + k) && wordMatches(words[i + k], f.groups[k]);
        if (!ok) continue;
        if (n > bestLen) {
          bestLen = n;
          entries.clear();
        }
        entries.add(f.entry);
      }
    }
    if (bestLen === 0) {
      i++;
      continue;
    }
    const forms = new Set<string>();
    for (const e of [...entries].sort((a, b) => a - b)) for (const f of lex.entries[e].forms) forms.add(f);
    const start = words[i].start;
    const end = words[i + bestLen - 1].end;
    out.push({ start, end, from: i, to: i + bestLen - 1, text: query.slice(start, end), forms: [...forms] });
    i += bestLen;
  }
  return out;
}

const fileCache = new Map<string, { mtimeMs: number; entries: LexiconEntry[] }>();

/** Entries of a glossary file, re-read when it changes; [] when there is none. */
export function readGlossary(path: string): LexiconEntry[] {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return [];
  }
  const hit = fileCache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.entries;
  const entries = parseGlossary(readFileSync(path, 'utf8'));
  fileCache.set(path, { mtimeMs, entries });
  return entries;
}

/** A case's glossary file. */
export function caseGlossaryPath(caseDir: string): string {
  return join(caseDir, 'glossary.tsv');
}
