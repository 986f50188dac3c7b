/**
 * The one name matcher of Marsad: mentions of the case's actors and places, by their names and
 * aliases. Search expansion (entities.ts), the document reader and extraction all use it, so a
 * name found by one is found by the others.
 *
 * Names and text are compared token by token after folding (Arabic: `normalizeArabic`, so
 * hamza forms, ة/ه, harakat and tatweel do not matter; Latin: accents stripped, lower case).
 * The first token of a match may carry Arabic proclitics — و/ف, then ب/ك/ل, and لل for ل+ال —
 * so وبغداد, لإيران, للتحالف, بالحشد and والولايات المتحدة are found. Acronyms (US, UN, PMF)
 * match only as written, so the English word "us" is not the United States.
 *
 * Between two tokens of a match the text may only have white space, or exactly what the name has
 * there («الخارجية» العراقية): a name never runs across a comma, a colon or a closing quote.
 * A name may be written without its article: an English name's leading "al-"/"el-" ("Nujaba"
 * for "al-Nujaba", "Sudani" for "al-Sudani"), and an Arabic name's ال (نجباء for النجباء) when
 * what is left is still distinctive (a multi-word name, or one word of five letters or more,
 * so حشد alone is not الحشد).
 *
 * At each position the longest name wins; matches do not overlap.
 *
 * When a name fits more than one reading, the mention carries them all, ranked by context
 * (`ambiguity`): a name or alias that several actors share; a surname alone ("السوداني") that is
 * also the surname of another person of the case; and a surname preceded by a given name that is
 * not the actor's ("قيس المحمداوي" is not "أبو حسين المحمداوي") — a person the case does not hold,
 * so every bare "المحمداوي" of that report leans to him too. The title or organisation beside the
 * name is compared with each actor's description and relations to rank the readings.
 */
import type { Actor, Place } from '../domain/case.js';
import type { Ambiguity, Mention } from '../domain/extract.js';
import { analyze, normalizeArabic } from '../text/index.js';
import { hasInvisible, isInvisible, stripInvisible } from '../text/invisible.js';
import { isGivenNameAr, NOT_NAME_EN, OFFICE_HEADS_EN, RANKS_EN, HONORIFICS_EN, rankBefore } from '../text/person-names.js';

export interface GazetteerSource {
  actors: readonly Actor[];
  places: readonly Place[];
}

interface Entry {
  id: string;
  kind: 'actor' | 'place';
  name: string;
  keys: string[];
  /** Gaps between tokens as written in the name (white space collapsed). */
  gaps: string[];
  /** Tokens as written, for acronyms (matched case-sensitively). */
  exact?: string[];
}

interface Tok {
  text: string;
  key: string;
  start: number;
  end: number;
}

export interface Gazetteer {
  byFirst: Map<string, Entry[]>;
  /** Actor ids by the exact token keys of a name they share (`keys.join(' ')`). */
  byKeys: Map<string, Set<string>>;
  /** Person ids by surname: the last token of a multi-word name, or a one-word alias. */
  bySurname: Map<string, Set<string>>;
  /** Every token key of every name of an actor. */
  nameTokens: Map<string, Set<string>>;
  actors: Map<string, Actor>;
}

const WORD = /[\p{L}\p{N}\p{M}\u0640]+(?:['’][\p{L}\p{M}]+)*/gu;
const ARABIC = /[\u0600-\u06ff]/;

const KEY_MEMO = new Map<string, string>();
function keyOf(word: string): string {
  let k = KEY_MEMO.get(word);
  if (k === undefined) {
    k = ARABIC.test(word) ? normalizeArabic(word) : word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’]/g, '').toLowerCase();
    if (KEY_MEMO.size > 200_000) KEY_MEMO.clear(); // bound memory on huge vocabularies
    KEY_MEMO.set(word, k);
  }
  return k;
}

/** Tokens of `text` with offsets into `text`; invisible controls are skipped over, not split on. */
function tokens(text: string): Tok[] {
  // Fast path: most texts have no invisible controls at all.
  if (!hasInvisible(text)) {
    const out: Tok[] = [];
    for (const m of text.matchAll(WORD)) out.push({ text: m[0], key: keyOf(m[0]), start: m.index!, end: m.index! + m[0].length });
    return out;
  }
  const visible: number[] = [];
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isInvisible(ch)) continue;
    visible.push(i);
    parts.push(ch);
  }
  const clean = parts.join('');
  visible.push(text.length);
  const out: Tok[] = [];
  for (const m of clean.matchAll(WORD)) {
    const start = visible[m.index!];
    const end = visible[m.index! + m[0].length - 1] + 1;
    out.push({ text: m[0], key: keyOf(m[0]), start, end });
  }
  return out;
}

function gapKey(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim();
}

function isAcronym(name: string): boolean {
  return /^[A-Z]{2,6}$/.test(name.replace(/[.\s-]/g, ''));
}

const cache = new WeakMap<object, Gazetteer>();

/** The name index of a case (built once per case object). */
export function buildGazetteer(c: GazetteerSource): Gazetteer {
  const hit = cache.get(c);
  if (hit) return hit;
  const byFirst = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const list = byFirst.get(e.keys[0]) ?? [];
    list.push(e);
    byFirst.set(e.keys[0], list);
  };
  const groups: Array<['actor' | 'place', readonly (Actor | Place)[]]> = [
    ['actor', c.actors],
    ['place', c.places],
  ];
  for (const [kind, items] of groups) {
    for (const item of items) {
      for (const name of new Set([item.name.ar, item.name.en, ...item.aliases])) {
        const toks = tokens(name);
        if (toks.length === 0) continue;
        const gaps = toks.slice(1).map((t, k) => gapKey(name.slice(toks[k].end, t.start)));
        const keys = toks.map((t) => t.key);
        const exact = isAcronym(name) ? toks.map((t) => t.text) : undefined;
        add({ id: item.id, kind, name, keys, gaps, exact });
        if (exact) continue;
        if (keys.length > 1 && (keys[0] === 'al' || keys[0] === 'el')) {
          add({ id: item.id, kind, name, keys: keys.slice(1), gaps: gaps.slice(1) });
        }
        const bare = keys[0].startsWith('ال') ? keys[0].slice(2) : '';
        if (bare.length >= 3 && (keys.length > 1 || bare.length >= 5)) {
          add({ id: item.id, kind, name, keys: [bare, ...keys.slice(1)], gaps });
        }
      }
    }
  }
  const byKeys = new Map<string, Set<string>>();
  const bySurname = new Map<string, Set<string>>();
  const nameTokens = new Map<string, Set<string>>();
  const addTo = (m: Map<string, Set<string>>, k: string, id: string) => m.set(k, (m.get(k) ?? new Set()).add(id));
  for (const entries of byFirst.values()) {
    for (const e of entries) {
      if (e.kind !== 'actor') continue;
      addTo(byKeys, e.keys.join(' '), e.id);
      for (const k of e.keys) addTo(nameTokens, k, e.id);
    }
  }
  const actors = new Map(c.actors.map((a) => [a.id, a]));
  for (const a of c.actors) {
    if (a.type !== 'person') continue;
    for (const name of new Set([a.name.ar, a.name.en, ...a.aliases])) {
      const keys = tokens(name).map((t) => t.key);
      if (keys.length === 0) continue;
      addTo(bySurname, keys[keys.length - 1], a.id);
    }
  }
  const ids = new Map<string, Set<string>>();
  for (const [k, set] of nameTokens) for (const id of set) addTo(ids, id, k);
  const g = { byFirst, byKeys, bySurname, nameTokens: ids, actors };
  cache.set(c, g);
  return g;
}

const CLITIC_MEMO = new Map<string, string[]>();

/** The forms a first token may have once Arabic proclitics are removed (itself first). */
export function cliticForms(key: string): string[] {
  let hit = CLITIC_MEMO.get(key);
  if (hit === undefined) {
    hit = computeCliticForms(key);
    if (CLITIC_MEMO.size > 200_000) CLITIC_MEMO.clear();
    CLITIC_MEMO.set(key, hit);
  }
  return hit;
}

function computeCliticForms(key: string): string[] {
  if (!ARABIC.test(key)) return [key];
  const out = [key];
  const stage1 = [key];
  if (/^[وف]/.test(key) && key.length > 3) stage1.push(key.slice(1));
  for (const s of stage1) {
    if (s !== key) out.push(s);
    if (s.startsWith('لل') && s.length > 3) out.push(`ال${s.slice(2)}`, s.slice(2));
    else if (/^[بكل]/.test(s) && s.length > 3) out.push(s.slice(1));
  }
  return [...new Set(out)];
}

export interface TagOptions {
  /** Rank the readings of names that fit several actors (default true; off for bare queries). */
  ambiguity?: boolean;
}

/** Mentions of known actors and places in `text`, in order, longest first, not overlapping. */
export function tagMentions(c: GazetteerSource, text: string, opts: TagOptions = {}): Mention[] {
  const g = buildGazetteer(c);
  const toks = tokens(text);
  const out: Mention[] = [];
  const at: Array<{ i: number; entry: Entry }> = [];
  let i = 0;
  while (i < toks.length) {
    let best: Entry | undefined;
    for (const form of cliticForms(toks[i].key)) {
      for (const e of g.byFirst.get(form) ?? []) {
        if (best && e.keys.length <= best.keys.length) continue;
        if (matchesAt(e, toks, i, text, form === toks[i].key)) best = e;
      }
    }
    if (best) {
      const start = toks[i].start;
      const end = toks[i + best.keys.length - 1].end;
      out.push({ actor: best.id, kind: best.kind, name: best.name, start, end, text: text.slice(start, end) });
      at.push({ i, entry: best });
      i += best.keys.length;
    } else i++;
  }
  if (opts.ambiguity !== false) rankReadings(g, toks, text, out, at);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ambiguity

const TERMS_MEMO = new WeakMap<Actor, Set<string>>();

/** Stems of what the case says an actor is: its description and the names of what it relates to. */
function contextTerms(g: Gazetteer, a: Actor): Set<string> {
  let hit = TERMS_MEMO.get(a);
  if (!hit) {
    const parts = [a.description?.ar ?? '', a.description?.en ?? ''];
    for (const r of a.relations) {
      const t = g.actors.get(r.target);
      if (t) parts.push(t.name.ar, t.name.en, ...t.aliases);
    }
    hit = new Set(analyze(parts.join(' \n ')).map((t) => t.terms[0]));
    TERMS_MEMO.set(a, hit);
  }
  return hit;
}

/** The words around a mention that describe who it is: the title before it and an apposition after it. */
function contextAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 90), start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('؟'), before.lastIndexOf('"'), before.lastIndexOf('«'), before.lastIndexOf('“'));
  let after = '';
  const rest = text.slice(end, end + 120);
  if (/^\s*[،,]/.test(rest)) after = rest.replace(/^\s*[،,]/, '').split(/[،,.\n"«»“”]/)[0];
  return `${before.slice(cut + 1)} ${after}`;
}

/**
 * The given name before a one-word surname, when it is not a name of the matched actors:
 * "قيس" in "قيس المحمداوي", "Hunter" in "Hunter Biden". Arabic needs a known given name or a rank
 * before it (so "حكومة السوداني" is a government, not a person); English a capitalised word that
 * is neither a title nor a function word.
 */
function foreignGivenName(g: Gazetteer, toks: Tok[], i: number, text: string, ids: Set<string>): string | null {
  if (i === 0) return null;
  const prev = toks[i - 1];
  if (!/^[ \t\u00a0]+$/.test(text.slice(prev.end, toks[i].start))) return null;
  const ownTokens = (key: string) => [...ids].some((id) => g.nameTokens.get(id)?.has(key));
  if (ownTokens(prev.key)) return null;
  if (ARABIC.test(prev.text)) {
    if (prev.key.startsWith('ال')) return null;
    // "عبد الأمير …" and other compounds: the given name may be two words
    const first = i >= 2 && /^[ \t]+$/.test(text.slice(toks[i - 2].end, prev.start)) && ['عبد', 'ابو'].includes(toks[i - 2].key) ? i - 2 : i - 1;
    const given = isGivenNameAr(prev.text) || (first === i - 2) || rankBefore(text, toks[first].start) !== null;
    return given ? text.slice(toks[first].start, toks[i].end) : null;
  }
  if (!/^[A-Z][a-z]/.test(prev.text)) return null;
  const low = prev.text.toLowerCase();
  if (NOT_NAME_EN.has(low) || OFFICE_HEADS_EN.has(low) || RANKS_EN.includes(low) || RANKS_EN.includes(`${low}.`) || HONORIFICS_EN.includes(low)) return null;
  // "al-Muhammadawi": the article is its own token; the given name is before it
  return text.slice(prev.start, toks[i].end);
}

/** The surname key of a one-word name ("السوداني", "Sudani", "al-Sudani"), else undefined. */
function surnameOf(e: Entry): string | undefined {
  if (e.keys.length === 1) return e.keys[0];
  if (e.keys.length === 2 && (e.keys[0] === 'al' || e.keys[0] === 'el')) return e.keys[1];
  return undefined;
}

function rankReadings(g: Gazetteer, toks: Tok[], text: string, out: Mention[], at: Array<{ i: number; entry: Entry }>): void {
  // Pass 1: people the case does not hold, named by a foreign given name and a known surname.
  const foreignBySurname = new Map<string, string>();
  const fullNamed = new Set<string>();
  for (const { i, entry } of at) {
    if (entry.kind !== 'actor') continue;
    if (entry.keys.length > 1) fullNamed.add(entry.id);
    const key = surnameOf(entry);
    const fits = key === undefined ? undefined : g.bySurname.get(key);
    if (!fits || key === undefined) continue;
    const name = foreignGivenName(g, toks, i, text, fits);
    if (name && !foreignBySurname.has(key)) foreignBySurname.set(key, name);
  }
  // Pass 2: the readings of each mention.
  at.forEach(({ i, entry }, k) => {
    if (entry.kind !== 'actor') return;
    const known = new Set(g.byKeys.get(entry.keys.join(' ')) ?? []);
    const surnameKey = surnameOf(entry);
    const person = g.actors.get(entry.id)?.type === 'person';
    if (surnameKey && person) for (const id of g.bySurname.get(surnameKey) ?? []) known.add(id);
    const here = surnameKey && person ? foreignGivenName(g, toks, i, text, known) : null;
    const foreign = here ?? (surnameKey && person ? foreignBySurname.get(surnameKey) ?? null : null);
    if (known.size < 2 && !foreign) return;
    const m = out[k];
    const context = new Set(analyze(contextAround(text, m.start, m.end)).map((t) => t.terms[0]));
    const readings: Ambiguity[] = [];
    for (const id of known) {
      const a = g.actors.get(id);
      if (!a) continue;
      const shared = [...contextTerms(g, a)].filter((t) => context.has(t));
      // the actor whose name or alias this is comes first, all else equal
      let score = (id === entry.id ? 2 : 1) + shared.length;
      const whys = [id === entry.id ? `the name "${entry.name}" is theirs` : `"${m.text}" is also their surname`];
      if (fullNamed.has(id)) {
        score += 2;
        whys.push('their full name is in the text');
      }
      if (shared.length) whys.push(`context shares ${shared.slice(0, 3).join(', ')}`);
      readings.push({ actor: id, score, why: whys.join('; ') });
    }
    if (foreign) {
      const bestKnown = Math.max(0, ...readings.map((r) => r.score));
      readings.push({
        actor: null,
        name: foreign,
        score: (here ? 4 : 3) + (bestKnown <= 2 ? 1 : 0),
        why: here ? `preceded by a given name that is not theirs: "${foreign}"` : `the text names "${foreign}", not in the case`,
      });
    }
    const total = readings.reduce((s, r) => s + r.score, 0);
    readings.sort((a, b) => b.score - a.score || String(a.actor).localeCompare(String(b.actor)));
    for (const r of readings) r.score = Math.round((r.score / total) * 1000) / 1000;
    const top = readings.find((r) => r.actor !== null);
    if (top && top.actor) out[k] = { ...m, actor: top.actor, ambiguity: readings };
    else out[k] = { ...m, ambiguity: readings };
  });
}

function matchesAt(e: Entry, toks: Tok[], i: number, text: string, bare: boolean): boolean {
  if (i + e.keys.length > toks.length) return false;
  if (e.exact) {
    if (!bare) return false;
    for (let k = 0; k < e.exact.length; k++) if (toks[i + k].text !== e.exact[k]) return false;
  } else {
    for (let k = 1; k < e.keys.length; k++) if (toks[i + k].key !== e.keys[k]) return false;
  }
  for (let k = 1; k < e.keys.length; k++) {
    const gap = text.slice(toks[i + k - 1].end, toks[i + k].start);
    if (/^\s+$/.test(stripInvisible(gap))) continue;
    if (gapKey(stripInvisible(gap)) !== e.gaps[k - 1]) return false;
  }
  return true;
}
