/**
 * Search over the stored passages, read the way an analyst types: every meaningful word counts
 * without being required (ranked, BM25), question words are left out, names of the case's actors
 * and places also find their other names (both languages), and words of the bilingual glossary
 * (data/search-glossary.tsv, the case's glossary.tsv, the case's issue and concept labels) find
 * their forms in the other language. A query word that matches nothing gets "did you mean"
 * spellings from the case's names and the corpus vocabulary; a surname several actors share is
 * searched as written and reported as ambiguous. When the case cannot be loaded, search still
 * answers without expansion and says why in `warnings` (a broken case must not stop a plain search).
 */
import { entityNames, expandEntityQuery } from '../case/entities.js';
import { tagMentions } from '../case/gazetteer.js';
import { buildLexicon, caseGlossaryPath, DEFAULT_GLOSSARY, matchLexicon, readGlossary, type Lexicon, type LexiconEntry } from '../case/lexicon.js';
import type { LoadedCase } from '../case/load.js';
import { CaseProblemsError } from '../case/problems.js';
import type { SearchQuery, SearchUnit } from '../domain/corpus.js';
import { InputError } from '../domain/errors.js';
import type { SearchRequest } from '../domain/requests.js';
import type { SearchResponse } from '../domain/responses.js';
import type { Store } from '../store/index.js';
import { normalizeArabic, queryWords } from '../text/index.js';
import { unknownId } from './lookup.js';
import type { Workbench } from './workbench.js';
import { dueDay } from '../domain/dates.js';

export const SEARCH_DEFAULTS = {
  /** Most "did you mean" queries offered. */
  suggestions: 3,
};

const lexiconCache = new WeakMap<object, { key: string; lexicon: Lexicon }>();
let plainLexicon: { key: string; lexicon: Lexicon } | null = null;

/** The glossary entries plus the case's bilingual labels (issues, concepts). */
function lexiconOf(c: LoadedCase | null, caseDir: string): Lexicon {
  const base = readGlossary(DEFAULT_GLOSSARY);
  const own = readGlossary(caseGlossaryPath(c?.dir ?? caseDir));
  const key = `${base.length}:${own.length}`;
  const hit = c ? lexiconCache.get(c) : plainLexicon;
  if (hit && hit.key === key) return hit.lexicon;
  const entries: LexiconEntry[] = [...base, ...own];
  if (c) {
    for (const item of [...c.issues, ...c.concepts]) entries.push({ forms: [item.label.en, item.label.ar] });
  }
  const made = { key, lexicon: buildLexicon(entries) };
  if (c) lexiconCache.set(c, made);
  else plainLexicon = made;
  return made.lexicon;
}

interface Reading {
  units: (SearchUnit & { forms: string[] })[];
  ambiguous: { name: string; actors: string[] }[];
  /** Query words searched as typed (no name or glossary form), by unit label. */
  plainWords: Set<string>;
}

/** The query as units: names of the case, glossary concepts, then the remaining words. */
function readQuery(q: string, c: LoadedCase | null, lexicon: Lexicon | null): Reading {
  const words = queryWords(q);
  const taken = new Set<number>();
  const units: { start: number; unit: SearchUnit & { forms: string[] } }[] = [];
  const ambiguous: Reading['ambiguous'] = [];
  if (c) {
    for (const m of tagMentions(c, q)) {
      const inside = words.map((w, i) => (w.start >= m.start && w.end <= m.end ? i : -1)).filter((i) => i >= 0);
      inside.forEach((i) => taken.add(i));
      // Only names that several actors of the case share are ambiguous here; the matcher's other
      // readings (a person outside the case whose given name precedes the surname) need a text's context.
      const readings = [...new Set((m.ambiguity ?? []).map((a) => a.actor).filter((x): x is string => x !== null))];
      if (readings.length > 1) {
        // Searched as the shared name in both languages (the readings' names of as many words,
        // السوداني / al-Sudani), never as one reading's full names.
        ambiguous.push({ name: m.text, actors: readings });
        const words = (s: string) => s.trim().split(/\s+/).length;
        const same = readings.flatMap((r) => entityNames(c, r)).filter((n) => words(n) === words(m.text) && n !== m.text);
        const forms = [...new Set(same)];
        units.push({ start: m.start, unit: { label: m.text, phrases: [m.text, ...forms], forms } });
        continue;
      }
      const others = entityNames(c, m.actor).filter((n) => n !== m.text);
      units.push({ start: m.start, unit: { label: m.text, phrases: [m.text, ...others], forms: others } });
    }
  }
  if (lexicon) {
    for (const m of matchLexicon(lexicon, q, words, taken)) {
      for (let i = m.from; i <= m.to; i++) taken.add(i);
      const forms = m.forms.filter((f) => f !== m.text);
      units.push({ start: m.start, unit: { label: m.text, phrases: [m.text, ...forms], forms } });
    }
  }
  const plainWords = new Set<string>();
  words.forEach((w, i) => {
    if (taken.has(i)) return;
    plainWords.add(w.text);
    units.push({ start: w.start, unit: { label: w.text, phrases: [w.text], forms: [] } });
  });
  units.sort((a, b) => a.start - b.start);
  return { units: units.map((u) => u.unit), ambiguous, plainWords };
}

function wordKey(w: string): string {
  return /[\u0600-\u06ff]/.test(w) ? normalizeArabic(w) : w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Edits allowed for a word of this length (short words: one). */
function allowedEdits(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/** Corrections of `word`: words of the case's names first, then index terms of the corpus. */
async function correctionsOf(word: string, c: LoadedCase | null, store: Store): Promise<string[]> {
  const key = wordKey(word);
  if (key.length < 3) return [];
  const max = allowedEdits(key);
  const found = new Map<string, number>();
  if (c) {
    for (const item of [...c.actors, ...c.places]) {
      for (const name of [item.name.ar, item.name.en, ...item.aliases]) {
        for (const token of name.split(/[\s\-–—,()«»"']+/)) {
          const k = wordKey(token.replace(/^(al|el)-/i, ''));
          if (k.length < 3 || k === key) continue;
          const d = distance(key, k);
          if (d <= max && (found.get(token) ?? 99) > d) found.set(token.replace(/^(al|el)-/i, ''), d);
        }
      }
    }
  }
  const names = [...found.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  if (names.length > 0) return names.slice(0, SEARCH_DEFAULTS.suggestions);
  const terms = await store.similarTerms(key, max, SEARCH_DEFAULTS.suggestions);
  return terms.map((t) => t.term);
}

export async function search(wb: Workbench, req: SearchRequest): Promise<SearchResponse> {
  const warnings: string[] = [];
  let c: LoadedCase | null = null;
  if (req.actor) c = await wb.case();
  else if (req.expand) {
    try {
      c = await wb.case();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const what = error instanceof CaseProblemsError ? `${error.total} problem${error.total === 1 ? '' : 's'}` : error.message;
      warnings.push(`case ${wb.caseDir} not loaded (${what}; run \`marsad case check\`); searching without name expansion`);
    }
  }
  const store = await wb.store();
  let file: string | undefined;
  if (req.doc) {
    const doc = await store.getDocument(req.doc);
    if (!doc) throw unknownDocument(req.doc);
    file = doc.file;
  }
  const expanding = req.expand ? c : null;
  const expansion = expanding ? expandEntityQuery(expanding, req.q) : { alternatives: [], entities: [] };
  const reading = readQuery(req.q, expanding, req.expand ? lexiconOf(expanding, wb.caseDir) : null);
  let mentionAny: string[] | undefined;
  if (req.actor && c) {
    if (!c.actors.some((a) => a.id === req.actor)) throw unknownId('actor', req.actor, c.actors.map((a) => a.id));
    mentionAny = entityNames(c, req.actor);
  }
  const query: SearchQuery = {
    text: req.q,
    limit: req.limit,
    ...(reading.units.length ? { units: reading.units.slice(0, 64).map(({ label, phrases }) => ({ label, phrases })) } : {}),
    ...(mentionAny ? { mentionAny } : {}),
    ...(file ? { file } : {}),
    ...(req.lang ? { language: req.lang } : {}),
    ...(req.outlet ? { outlet: req.outlet } : {}),
    ...(req.from ? { from: req.from } : {}),
    ...(req.to || req.asOf ? { to: req.to && (!req.asOf || dueDay(req.to) <= dueDay(req.asOf)) ? req.to : req.asOf! } : {}),
    sort: req.sort,
  };
  const outcome = await store.searchRanked(query);
  const passagesOf = new Map(outcome.units.map((u) => [u.label, u.passages]));
  const didYouMean: string[] = [];
  const missing = reading.units.filter((u) => reading.plainWords.has(u.label) && (passagesOf.get(u.label) ?? 0) === 0);
  for (const u of missing) {
    for (const fix of await correctionsOf(u.label, expanding, store)) {
      const corrected = req.q.replace(u.label, fix);
      if (!didYouMean.includes(corrected)) didYouMean.push(corrected);
    }
  }
  return {
    query: req,
    expansion,
    units: reading.units.map((u) => ({ label: u.label, forms: u.forms, passages: passagesOf.get(u.label) ?? 0 })),
    didYouMean: didYouMean.slice(0, SEARCH_DEFAULTS.suggestions),
    ambiguous: reading.ambiguous,
    hits: outcome.hits,
    warnings,
  };
}

function unknownDocument(doc: string) {
  return new InputError(`no document "${doc}" in the store (see marsad documents)`, { field: 'doc' });
}
