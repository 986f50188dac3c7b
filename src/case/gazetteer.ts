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
 */
import type { Actor, Place } from '../domain/case.js';
import type { Mention } from '../domain/extract.js';
import { normalizeArabic } from '../text/index.js';
import { hasInvisible, isInvisible, stripInvisible } from '../text/invisible.js';

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
  const g = { byFirst };
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

/** Mentions of known actors and places in `text`, in order, longest first, not overlapping. */
export function tagMentions(c: GazetteerSource, text: string): Mention[] {
  const g = buildGazetteer(c);
  const toks = tokens(text);
  const out: Mention[] = [];
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
      i += best.keys.length;
    } else i++;
  }
  return out;
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
