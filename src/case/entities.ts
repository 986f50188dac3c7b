/**
 * The names of the case's actors and places as search uses them: every name and alias of an
 * entity (both languages), and the expansion of a query naming one. Names are found by the one
 * name matcher (gazetteer.ts: clitics, hamza forms, "al-" left out, acronyms in capitals only).
 *
 * `expandEntityQuery` returns, for every name found in a query, the query with that name
 * replaced by each of the entity's other names: search ORs these phrases with the query
 * (the store's `alternatives`), so "Ain al-Asad" also finds عين الأسد.
 */
import type { Actor, Place } from '../domain/case.js';
import type { EntityExpansion } from '../domain/case-analysis.js';
import { NotFoundError } from '../domain/errors.js';
import { normalizeArabic } from '../text/index.js';
import { tagMentions } from './gazetteer.js';

export const DEFAULTS = {
  /** Most alternative phrases returned for one query. */
  maxAlternatives: 40,
} as const;

type EntitySource = { actors: readonly Actor[]; places: readonly Place[] };

export interface EntityMention {
  entity: string;
  kind: 'actor' | 'place';
  /** The case name or alias that matched. */
  name: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const ARABIC = /[\u0600-\u06FF]/;

/** A name's spelling key (hamza forms, case, accents folded), to tell real alternatives from variants. */
function nameKey(name: string): string {
  return [...name.matchAll(WORD)]
    .map((m) => (ARABIC.test(m[0]) ? normalizeArabic(m[0]) : m[0].normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’ʼ]/g, '').toLowerCase()))
    .join(' ');
}

const namesCache = new WeakMap<object, Map<string, string[]>>();

function nameIndex(c: EntitySource): Map<string, string[]> {
  let names = namesCache.get(c);
  if (!names) {
    names = new Map();
    for (const item of [...c.actors, ...c.places]) names.set(item.id, [...new Set([item.name.ar, item.name.en, ...item.aliases])]);
    namesCache.set(c, names);
  }
  return names;
}

/** Every name of an actor or place: Arabic, English, then aliases. */
export function entityNames(c: EntitySource, id: string): string[] {
  const names = nameIndex(c).get(id);
  if (!names) throw new NotFoundError(`no actor or place with id "${id}" in the case`);
  return names;
}

/** Mentions of known actors and places in `text`, longest match first, not overlapping (the one matcher). */
export function findEntityMentions(c: EntitySource, text: string): EntityMention[] {
  return tagMentions(c, text).map((m) => ({ entity: m.actor, kind: m.kind, name: m.name, start: m.start, end: m.end }));
}

/**
 * The known names in `query` and the alternative phrasings of the query under each entity's
 * other names. A query naming nothing known gives `{ alternatives: [], entities: [] }`.
 */
export function expandEntityQuery(c: EntitySource, query: string): EntityExpansion {
  const mentions = findEntityMentions(c, query);
  const names = nameIndex(c);
  const alternatives = new Set<string>();
  const entities: string[] = [];
  for (const m of mentions) {
    if (!entities.includes(m.entity)) entities.push(m.entity);
    // names that differ only in spelling (عين الأسد / عين الاسد) are one alternative
    const seen = new Set([nameKey(m.name)]);
    for (const name of names.get(m.entity) ?? []) {
      const key = nameKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const phrase = `${query.slice(0, m.start)}${name}${query.slice(m.end)}`.trim();
      if (phrase !== query.trim()) alternatives.add(phrase);
      if (alternatives.size >= DEFAULTS.maxAlternatives) break;
    }
  }
  return { alternatives: [...alternatives].slice(0, DEFAULTS.maxAlternatives), entities };
}
