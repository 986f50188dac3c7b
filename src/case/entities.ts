/**
 * The case's gazetteer: every name and alias of its actors and places, in both languages, and
 * what search and tagging do with it.
 *
 * Matching works on tokens. Arabic tokens are compared after `normalizeArabic` (hamza forms,
 * taa marbuta, harakat…), and the first token of a name may carry the clitics Arabic attaches:
 * و/ف (and), ب/ك/ل (prepositions), لل (ل + ال), and the article ال — so والحشد الشعبي, لإيران,
 * للتحالف and بالحشد find their actors. Latin tokens are lower-cased and stripped of accents;
 * a name's leading "al-"/"el-" may be left out ("Nujaba" finds "al-Nujaba"). Acronyms written
 * in capitals ("US", "PMF", "UN") only match in capitals, so the English word "us" is not the
 * United States.
 *
 * `expandEntityQuery` returns, for every name found in a query, the query with that name
 * replaced by each of the entity's other names: search ORs these phrases with the query
 * (the store's `alternatives`), so "Ain al-Asad" also finds عين الأسد.
 */
import type { Actor, Place } from '../domain/case.js';
import type { EntityExpansion } from '../domain/case-analysis.js';
import { NotFoundError } from '../domain/errors.js';
import { normalizeArabic } from '../text/index.js';

export const DEFAULTS = {
  /** Most alternative phrases returned for one query. */
  maxAlternatives: 40,
} as const;

type EntitySource = { actors: readonly Actor[]; places: readonly Place[] };

interface NameEntry {
  entity: string;
  kind: 'actor' | 'place';
  /** The name as written in the case. */
  name: string;
  /** Token keys, in order. */
  keys: string[];
  /** Acronyms match case-sensitively: their tokens as written. */
  exact?: string[];
}

export interface Gazetteer {
  /** First-token key → names starting with it. */
  byFirst: Map<string, NameEntry[]>;
  names: Map<string, string[]>;
}

export interface EntityMention {
  entity: string;
  kind: 'actor' | 'place';
  /** The case name or alias that matched. */
  name: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const ARABIC = /[\u0600-\u06FF]/;

function tokenizeForNames(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], key: tokenKey(m[0]), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function tokenKey(word: string): string {
  if (ARABIC.test(word)) return normalizeArabic(word);
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ]/g, '')
    .toLowerCase();
}

function isAcronym(name: string): boolean {
  const letters = name.replace(/[.\s]/g, '');
  return /^[A-Z]{2,6}$/.test(letters);
}

/** The forms an Arabic query token may take with clitics removed (itself included). */
export function cliticVariants(key: string): Set<string> {
  const out = new Set<string>([key]);
  if (!ARABIC.test(key)) return out;
  const stage1 = [key];
  if (/^[وف]/.test(key) && key.length > 3) stage1.push(key.slice(1));
  const stage2 = [...stage1];
  for (const s of stage1) {
    if (s.startsWith('لل') && s.length > 3) stage2.push(`ال${s.slice(2)}`, s.slice(2));
    else if (/^[بكل]/.test(s) && s.length > 3) stage2.push(s.slice(1));
  }
  for (const s of stage2) {
    out.add(s);
    if (s.startsWith('ال') && s.length > 3) out.add(s.slice(2));
  }
  return out;
}

const cache = new WeakMap<object, Gazetteer>();

/** Builds (once per case object) the gazetteer of actors' and places' names and aliases. */
export function buildGazetteer(c: EntitySource): Gazetteer {
  const cached = cache.get(c);
  if (cached) return cached;
  const byFirst = new Map<string, NameEntry[]>();
  const names = new Map<string, string[]>();
  const add = (entry: NameEntry) => {
    if (entry.keys.length === 0) return;
    const first = entry.keys[0];
    const forms = new Set([first]);
    // An Arabic name's article may be absent in the query (نجباء for النجباء).
    if (ARABIC.test(first) && first.startsWith('ال') && first.length > 3) forms.add(first.slice(2));
    for (const form of forms) {
      const list = byFirst.get(form) ?? [];
      list.push(entry);
      byFirst.set(form, list);
    }
  };
  const sources: Array<['actor' | 'place', readonly (Actor | Place)[]]> = [
    ['actor', c.actors],
    ['place', c.places],
  ];
  for (const [kind, items] of sources) {
    for (const item of items) {
      const all = [...new Set([item.name.ar, item.name.en, ...item.aliases])];
      names.set(item.id, all);
      for (const name of all) {
        const tokens = tokenizeForNames(name);
        const keys = tokens.map((t) => t.key);
        const exact = isAcronym(name) ? tokens.map((t) => t.text) : undefined;
        add({ entity: item.id, kind, name, keys, exact });
        if (!exact && keys.length > 1 && (keys[0] === 'al' || keys[0] === 'el')) {
          add({ entity: item.id, kind, name, keys: keys.slice(1) });
        }
      }
    }
  }
  const gazetteer = { byFirst, names };
  cache.set(c, gazetteer);
  return gazetteer;
}

/** Every name of an actor or place: Arabic, English, then aliases. */
export function entityNames(c: EntitySource, id: string): string[] {
  const names = buildGazetteer(c).names.get(id);
  if (!names) throw new NotFoundError(`no actor or place with id "${id}" in the case`);
  return names;
}

/** Mentions of known actors and places in `text`, longest match first, not overlapping. */
export function findEntityMentions(c: EntitySource, text: string): EntityMention[] {
  const gazetteer = buildGazetteer(c);
  const tokens = tokenizeForNames(text);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: NameEntry | undefined;
    for (const variant of cliticVariants(tokens[i].key)) {
      for (const entry of gazetteer.byFirst.get(variant) ?? []) {
        if (best && entry.keys.length <= best.keys.length) continue;
        if (matchesAt(entry, tokens, i, variant)) best = entry;
      }
    }
    if (best) {
      const last = tokens[i + best.keys.length - 1];
      out.push({ entity: best.entity, kind: best.kind, name: best.name, start: tokens[i].start, end: last.end });
      i += best.keys.length;
    } else i++;
  }
  return out;
}

function matchesAt(entry: NameEntry, tokens: Token[], i: number, firstVariant: string): boolean {
  if (i + entry.keys.length > tokens.length) return false;
  if (entry.exact) {
    // acronyms: as written, no clitics
    return entry.exact.every((t, k) => tokens[i + k].text === t);
  }
  const first = entry.keys[0];
  if (firstVariant !== first && !(first.startsWith('ال') && firstVariant === first.slice(2))) return false;
  for (let k = 1; k < entry.keys.length; k++) if (tokens[i + k].key !== entry.keys[k]) return false;
  return true;
}

/**
 * The known names in `query` and the alternative phrasings of the query under each entity's
 * other names. A query naming nothing known gives `{ alternatives: [], entities: [] }`.
 */
export function expandEntityQuery(c: EntitySource, query: string): EntityExpansion {
  const mentions = findEntityMentions(c, query);
  const gazetteer = buildGazetteer(c);
  const alternatives = new Set<string>();
  const entities: string[] = [];
  for (const m of mentions) {
    if (!entities.includes(m.entity)) entities.push(m.entity);
    // names that differ only in spelling (عين الأسد / عين الاسد) are one alternative
    const seen = new Set([tokenizeForNames(m.name).map((t) => t.key).join(' ')]);
    for (const name of gazetteer.names.get(m.entity) ?? []) {
      const key = tokenizeForNames(name).map((t) => t.key).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const phrase = `${query.slice(0, m.start)}${name}${query.slice(m.end)}`.trim();
      if (phrase !== query.trim()) alternatives.add(phrase);
      if (alternatives.size >= DEFAULTS.maxAlternatives) break;
    }
  }
  return { alternatives: [...alternatives].slice(0, DEFAULTS.maxAlternatives), entities };
}
