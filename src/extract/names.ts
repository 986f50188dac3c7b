/**
 * New people and organisations in a news report, with their titles: what the case does not hold.
 *
 * People are found by what stands beside a name, in Arabic and English:
 * - a rank or honorific before it: "الفريق أول ركن قيس المحمداوي", "Lt. Gen. Qais al-Muhammadawi";
 * - an office before it: "مستشار رئيس الوزراء للشؤون الخارجية فرهاد علاء الدين", "Pentagon
 *   spokesman Sean Parnell", "Iraqi Army Chief of Staff Lt. Gen. …";
 * - an office after it, in apposition: "…، نائب قائد العمليات المشتركة", "Hussein Allawi, an
 *   adviser to the prime minister,".
 * Organisations by their head noun and complements: "قيادة العمليات المشتركة", "خلية الإعلام
 * الأمني", "وزارة العدل العراقية", "Joint Operations Command", "Ministry of Defense", and quoted
 * names after an organisation word («حركة …», موقع «…»).
 *
 * A name the gazetteer already tags is not new — unless its best reading is someone outside the
 * case ("قيس المحمداوي" beside the case's "أبو حسين المحمداوي"), which is exactly a new person.
 */
import type { Actor } from '../domain/case.js';

type ActorType = Actor['type'];
import type { Mention } from '../domain/extract.js';
import { fold } from './words.js';
import {
  GIVEN_NAMES_AR,
  HONORIFICS_AR,
  HONORIFICS_EN,
  NOT_NAME_AR,
  NOT_NAME_EN,
  OFFICE_HEADS_AR,
  OFFICE_HEADS_EN,
  RANKS_AR,
  RANKS_EN,
} from '../text/person-names.js';
import { firstStartingAt } from './spans.js';

export const DEFAULTS = {
  /** Longest name, in words. */
  maxNameWords: 5,
  /** Longest title, in words. */
  maxTitleWords: 12,
  /** Longest organisation name, in words. */
  maxOrgWords: 8,
};

export interface NameFind {
  start: number;
  end: number;
  name: string;
  type: ActorType;
  lang: 'ar' | 'en';
  title?: string;
  rank?: string;
  /** Span of the title, to find the organisation it names. */
  titleSpan?: { start: number; end: number };
  /** What made it a name: `rank`, `office-before`, `office-after`, `organisation`, `quoted`. */
  cue: string;
  /** The whole phrase the evidence rests on (rank, name and title). */
  phrase: { start: number; end: number };
}

interface Tok {
  text: string;
  /** Folded. */
  key: string;
  /** Folded, without a leading conjunction (see stripConj). */
  bare: string;
  /** Lower case, as written otherwise. */
  low: string;
  start: number;
  end: number;
}

const ARABIC = /[\u0600-\u06ff]/;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  // Latin words keep a closing dot ("Lt.", "U.S."); Arabic words never do (it ends the sentence)
  for (const m of text.matchAll(/[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+|[\p{L}\p{M}]+(?:[-'’.][\p{L}\p{M}]+)*\.?|\d+/gu)) {
    const key = fold(m[0]);
    out.push({ text: m[0], key, bare: stripConj(key), low: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Only spaces between two tokens (no comma, quote or line break). */
const adjacent = (text: string, a: Tok, b: Tok) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));

/**
 * Covered by a mention whose best reading is a case actor or place (not someone outside the
 * case). Mentions are in text order and do not overlap: a binary search finds the candidates.
 */
function knownAt(mentions: readonly Mention[], s: number, e: number): Mention | undefined {
  // the mention before s may still reach into [s, e)
  for (let i = Math.max(0, firstStartingAt(mentions, s) - 1); i < mentions.length && mentions[i].start < e; i++) {
    const m = mentions[i];
    if (m.end > s && !(m.ambiguity && m.ambiguity[0].actor === null)) return m;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Arabic

const RANK_SEQS_AR = [...RANKS_AR, ...HONORIFICS_AR].map((r) => r.split(' ')).sort((a, b) => b.length - a.length);
const RANK_FIRST_AR = new Set(RANK_SEQS_AR.map((r) => r[0]));
/** Words that may continue an office title: genitive complements and a few linking words. */
const TITLE_LINKS_AR = new Set(['في', 'باسم', 'عن', 'لشؤون', 'لدى', 'ل'].map(fold));
const SPEECH_AR = new Set(
  ['قال', 'قالت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'اوضح', 'اوضحت', 'اشار', 'اشارت', 'اضاف', 'اضافت', 'صرح', 'صرحت', 'ذكر', 'ذكرت', 'كشف', 'كشفت', 'شدد', 'شددت', 'لفت', 'لفتت', 'قدم', 'قدمت'].map(fold),
);
/** Organisation head nouns (indefinite, construct state) and the actor type they give. */
const ORG_HEADS_AR: Record<string, ActorType> = Object.fromEntries(
  (
    [
      ['قياده', 'armed-force'], ['قوه', 'armed-force'], ['قوات', 'armed-force'], ['فرقه', 'armed-force'], ['كتيبه', 'armed-force'],
      ['خليه', 'armed-force'], ['مديريه', 'government'], ['وزاره', 'government'], ['رئاسه', 'government'], ['جهاز', 'government'],
      ['هيئه', 'organisation'], ['لجنه', 'organisation'], ['مجلس', 'organisation'], ['بعثه', 'organisation'], ['مكتب', 'organisation'],
      ['مركز', 'institute'], ['معهد', 'institute'], ['مفوضيه', 'organisation'], ['منظمه', 'organisation'], ['محكمه', 'organisation'],
      ['امانه', 'organisation'], ['حركه', 'party'], ['حزب', 'party'], ['تيار', 'party'], ['تحالف', 'alliance'], ['ائتلاف', 'alliance'],
      ['جبهه', 'alliance'], ['كتائب', 'militia'], ['سرايا', 'militia'], ['فصيل', 'militia'], ['وكاله', 'media'], ['صحيفه', 'media'],
      ['قناه', 'media'], ['شبكه', 'media'],
    ] as Array<[string, ActorType]>
  ).map(([w, t]) => [fold(w), t]),
);
/** Heads whose one complement already names a body ("وزارة العدل", "خلية الأزمة"). */
const STRONG_HEADS_AR = new Set(['وزاره', 'قياده', 'خليه', 'مديريه', 'هيئه', 'جهاز', 'رئاسه', 'مفوضيه', 'بعثه'].map(fold));

const isDefinite = (key: string) => /^(?:[وفب]?ال|لل)/.test(key);
/** The word without a leading و/ف conjunction — unless the word itself starts so (وزارة، وزير، فرقة). */
const STRIP_MEMO = new Map<string, string>();
const stripConj = (key: string) => {
  let hit = STRIP_MEMO.get(key);
  if (hit === undefined) {
    hit = OFFICE_HEADS_AR.has(key) || ORG_HEADS_AR[key] !== undefined || RANK_FIRST_AR.has(key) ? key : key.replace(/^[وف](?=.{3})/, '');
    if (STRIP_MEMO.size > 100_000) STRIP_MEMO.clear();
    STRIP_MEMO.set(key, hit);
  }
  return hit;
};
/** Looks like a verb or a preposition phrase, not a name: سيدرسها، للدراسة، بالقضاء، words with object pronouns. */
const looksLikeVerbAr = (key: string) => /^س[يتن]/.test(key) || /(ها|هما|هم)$/.test(key) || /^(?:لل|[وفبك]?ال|[وف]?[بل]ال)/.test(key) || /^ل.{4,}/.test(key);

function rankAt(toks: Tok[], i: number, text: string): number {
  if (!RANK_FIRST_AR.has(toks[i].bare)) return 0;
  for (const seq of RANK_SEQS_AR) {
    if (i + seq.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < seq.length && ok; k++) {
      const key = k === 0 ? toks[i].bare : toks[i + k].key;
      if (key !== seq[k] || (k > 0 && !adjacent(text, toks[i + k - 1], toks[i + k]))) ok = false;
    }
    if (ok) return seq.length;
  }
  return 0;
}

/** An office title starting at i: its head and genitive complements; returns its length in tokens. */
function officeAt(toks: Tok[], i: number, text: string, mentions: readonly Mention[]): number {
  const head = toks[i].bare;
  if (!OFFICE_HEADS_AR.has(head)) return 0;
  let j = i + 1;
  while (j < toks.length && j - i < DEFAULTS.maxTitleWords && adjacent(text, toks[j - 1], toks[j])) {
    const k = toks[j].key;
    if (rankAt(toks, j, text)) break;
    const complement = isDefinite(k) || OFFICE_HEADS_AR.has(k) || TITLE_LINKS_AR.has(k) || /^ل/.test(k) || knownAt(mentions, toks[j].start, toks[j].end) !== undefined;
    if (!complement) break;
    // "في" links a place or body ("في العراق"), not a clause ("في مؤتمر")
    if (TITLE_LINKS_AR.has(k) && !(j + 1 < toks.length && (isDefinite(toks[j + 1].key) || knownAt(mentions, toks[j + 1].start, toks[j + 1].end)))) break;
    j++;
  }
  return j - i > 1 || head.startsWith('ال') ? j - i : 0;
}

/** A person's name starting at i: a given name and its family words, up to a stop. */
function nameAt(toks: Tok[], i: number, text: string, mentions: readonly Mention[]): number {
  if (i >= toks.length) return 0;
  const first = toks[i].key;
  if (isDefinite(first) || NOT_NAME_AR.has(first) || SPEECH_AR.has(toks[i].bare) || /\d/.test(first)) return 0;
  if (!GIVEN_NAMES_AR.has(first) && (looksLikeVerbAr(first) || /^[يتن]/.test(first))) return 0;
  let j = i + 1;
  while (j < toks.length && j - i < DEFAULTS.maxNameWords && adjacent(text, toks[j - 1], toks[j])) {
    const k = toks[j].key;
    if (NOT_NAME_AR.has(k) || SPEECH_AR.has(toks[j].bare) || OFFICE_HEADS_AR.has(k) || rankAt(toks, j, text) || /\d/.test(k)) break;
    const known = knownAt(mentions, toks[j].start, toks[j].end);
    if (known && known.start >= toks[j].start) break;
    // compound names: "علاء الدين", "يار الله", "عبد الأمير"
    if (k === 'الدين' || k === 'الله' || ['عبد', 'ابو', 'بن'].includes(toks[j - 1].key)) {
      j++;
      continue;
    }
    // after the family name, a definite word is an adjective of what follows ("المحمداوي اليوم")
    if (j - i >= 2 && isDefinite(k) && !isDefinite(toks[j - 1].key) && !['عبد', 'ابو', 'بن'].includes(toks[j - 1].key)) break;
    if (j - i >= 2 && isDefinite(k) && isDefinite(toks[j - 1].key)) break;
    j++;
  }
  return j - i;
}

function arabicPeople(text: string, toks: Tok[], mentions: readonly Mention[]): NameFind[] {
  const out: NameFind[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!ARABIC.test(toks[i].text)) continue;
    let j = i;
    let title: { s: number; e: number } | null = null;
    let rank: { s: number; e: number } | null = null;
    const office = officeAt(toks, j, text, mentions);
    if (office) {
      title = { s: j, e: j + office };
      j += office;
    }
    const r = j < toks.length ? rankAt(toks, j, text) : 0;
    if (r) {
      if (title && !adjacent(text, toks[j - 1], toks[j])) continue;
      rank = { s: j, e: j + r };
      j += r;
    }
    if (!title && !rank) continue;
    if (j >= toks.length || (j > i && !/^[ \t\u00a0«"“]*$/.test(text.slice(toks[j - 1].end, toks[j].start)))) continue;
    const n = nameAt(toks, j, text, mentions);
    // one word after a title is a noun ("رئيس الوزراء تصويت"), unless a rank vouches for it
    if (n < 2 && !(n === 1 && rank && GIVEN_NAMES_AR.has(toks[j].key))) continue;
    // after an office alone, a name starts with a given name or has a family name with the article
    if (!rank && !GIVEN_NAMES_AR.has(toks[j].key) && !isDefinite(toks[j + 1].key)) continue;
    const ns = toks[j].start;
    const ne = toks[j + n - 1].end;
    let phraseEnd = ne;
    // an office in apposition after the name: "…، نائب قائد العمليات المشتركة"
    if (!title && /^\s*،\s*$/.test(text.slice(ne, toks[j + n]?.start ?? ne))) {
      const after = officeAt(toks, j + n, text, mentions);
      if (after) {
        title = { s: j + n, e: j + n + after };
        phraseEnd = toks[j + n + after - 1].end;
      }
    }
    const covered = knownAt(mentions, ns, ne);
    if (covered) {
      i = j + n - 1;
      continue;
    }
    const titleText = title ? text.slice(toks[title.s].start, toks[title.e - 1].end) : undefined;
    out.push({
      start: ns,
      end: ne,
      name: text.slice(ns, ne),
      type: 'person',
      lang: 'ar',
      ...(titleText ? { title: titleText, titleSpan: { start: toks[title!.s].start, end: toks[title!.e - 1].end } } : {}),
      ...(rank ? { rank: text.slice(toks[rank.s].start, toks[rank.e - 1].end) } : {}),
      cue: rank && !title ? 'rank' : title && title.s < j ? 'office-before' : title ? 'office-after' : 'rank',
      phrase: { start: toks[i].start, end: phraseEnd },
    });
    i = j + n - 1;
  }
  return out;
}

function arabicOrganisations(text: string, toks: Tok[], mentions: readonly Mention[]): NameFind[] {
  const out: NameFind[] = [];
  for (let i = 0; i < toks.length; i++) {
    const head = toks[i].bare;
    const type = ORG_HEADS_AR[head];
    if (!type) continue;
    let j = i + 1;
    let definites = 0;
    while (j < toks.length && j - i < DEFAULTS.maxOrgWords && adjacent(text, toks[j - 1], toks[j])) {
      const k = toks[j].key;
      if (isDefinite(k)) definites++;
      else if (!(/^ل/.test(k) && j + 1 < toks.length && isDefinite(toks[j + 1].key))) break;
      if (knownAt(mentions, toks[j].start, toks[j].end)) break;
      j++;
    }
    if (definites === 0 || (definites < 2 && !STRONG_HEADS_AR.has(head))) continue;
    const s = toks[i].start + (toks[i].key !== head ? 1 : 0);
    const e = toks[j - 1].end;
    if (knownAt(mentions, s, e)) continue;
    out.push({ start: s, end: e, name: text.slice(s, e), type, lang: 'ar', cue: 'organisation', phrase: { start: s, end: e } });
    i = j - 1;
  }
  // «حركة الأوفياء», موقع «الشرفة»: a quoted name after an organisation word
  for (const m of text.matchAll(/[«"“]([^«»"“”\n.،,:؛]{2,80})[»"”]/gu)) {
    const inner = m[1].trim();
    if (inner.split(/\s+/).length > 6) continue;
    const s = m.index! + 1 + m[1].indexOf(inner);
    const first = fold(inner.split(/\s+/)[0]);
    const before = fold(text.slice(Math.max(0, m.index! - 12), m.index!).trim().split(/\s+/).pop() ?? '').replace(/^[وبل]/, '');
    const orgType = ORG_HEADS_AR[first] ?? ORG_HEADS_AR[before] ?? (['موقع', 'مجله', 'صحيفه'].includes(before) ? 'media' : undefined);
    if (!orgType || knownAt(mentions, s, s + inner.length)) continue;
    out.push({ start: s, end: s + inner.length, name: inner, type: orgType, lang: 'ar', cue: 'quoted', phrase: { start: s, end: s + inner.length } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// English

const RANK_SEQS_EN = [...RANKS_EN, ...HONORIFICS_EN].map((r) => r.split(' ')).sort((a, b) => b.length - a.length);
const ORG_HEADS_EN: Record<string, ActorType> = {
  command: 'armed-force', force: 'armed-force', forces: 'armed-force', brigade: 'armed-force', brigades: 'armed-force', division: 'armed-force',
  corps: 'armed-force', cell: 'armed-force', army: 'armed-force', ministry: 'government', department: 'government', directorate: 'government',
  office: 'government', authority: 'government', service: 'government', agency: 'government', council: 'organisation',
  committee: 'organisation', commission: 'organisation', mission: 'organisation', court: 'organisation', assembly: 'organisation',
  party: 'party', movement: 'party', alliance: 'alliance', coalition: 'alliance', front: 'alliance',
};
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abdul', 'abd', 'de', 'van', 'von', 'bint']);
const ORG_LINKS_EN = new Set(['of', 'for', 'and', 'on', 'to']);

const isCap = (t: Tok) => /^\p{Lu}/u.test(t.text) && !/^\p{Lu}{2,}s?$/u.test(t.text.replace(/\.$/, ''));
const isNamePart = (t: Tok) => isCap(t) || /^(?:al|el|bin|ibn|abu|abdul)-?\p{L}*$/u.test(t.text);
const lower = (t: Tok) => t.low;

const RANK_FIRST_EN = new Set(RANK_SEQS_EN.map((r) => r[0].replace(/\.$/, '')));

function rankAtEn(toks: Tok[], i: number): number {
  if (!RANK_FIRST_EN.has(toks[i].low.replace(/\.$/, ''))) return 0;
  for (const seq of RANK_SEQS_EN) {
    if (i + seq.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < seq.length && ok; k++) if (lower(toks[i + k]) !== seq[k] && `${lower(toks[i + k])}.` !== seq[k]) ok = false;
    if (ok && isCap(toks[i])) return seq.length;
  }
  return 0;
}

/** A capitalised name starting at i (2–5 words; particles such as "al-" allowed inside). */
function nameAtEn(toks: Tok[], i: number, text: string): number {
  if (i >= toks.length || !isCap(toks[i]) || NOT_NAME_EN.has(lower(toks[i])) || OFFICE_HEADS_EN.has(lower(toks[i]))) return 0;
  if (ORG_HEADS_EN[lower(toks[i])] || rankAtEn(toks, i)) return 0;
  let j = i + 1;
  while (j < toks.length && j - i < DEFAULTS.maxNameWords && adjacent(text, toks[j - 1], toks[j]) && isNamePart(toks[j])) {
    const l = lower(toks[j]);
    if (NOT_NAME_EN.has(l) || OFFICE_HEADS_EN.has(l) || ORG_HEADS_EN[l] || rankAtEn(toks, j)) break;
    if (/\.$/.test(toks[j - 1].text) && !/^\p{Lu}\.$/u.test(toks[j - 1].text)) break; // sentence end
    j++;
  }
  return j - i >= 2 || (j - i === 1 && NAME_PARTICLES.has(lower(toks[i]).split('-')[0])) ? j - i : 0;
}

/**
 * The office words right before position i (a premodifier: "Pentagon spokesman", "Iraqi Army
 * Chief of Staff"): the start index of the title, or -1.
 */
function titleBeforeEn(toks: Tok[], i: number, text: string): number {
  let k = i - 1;
  let sawOffice = false;
  while (k >= 0 && adjacent(text, toks[k], toks[k + 1]) && i - k <= DEFAULTS.maxTitleWords) {
    const l = lower(toks[k]);
    if (OFFICE_HEADS_EN.has(l) || ORG_HEADS_EN[l]) sawOffice = sawOffice || OFFICE_HEADS_EN.has(l);
    else if (!(isCap(toks[k]) || ORG_LINKS_EN.has(l))) break;
    if (!ORG_LINKS_EN.has(l) && NOT_NAME_EN.has(l) && !OFFICE_HEADS_EN.has(l) && !['iraqi', 'us', 'u.s.', 'american', 'kurdish', 'british', 'french', 'syrian', 'iranian', 'turkish'].includes(l)) break;
    k--;
  }
  if (!sawOffice) return -1;
  // the title ends on an office word ("spokesman", "Minister", "Staff"): trim links at its start
  let s = k + 1;
  while (s < i && ORG_LINKS_EN.has(lower(toks[s]))) s++;
  return s < i ? s : -1;
}

/** An office in apposition after a name: ", (an) adviser to the prime minister," — its token range. */
function titleAfterEn(toks: Tok[], i: number, text: string): [number, number] | null {
  if (i >= toks.length || !/^\s*,\s*$/.test(text.slice(toks[i - 1].end, toks[i].start))) return null;
  let s = i;
  if (['a', 'an', 'the'].includes(lower(toks[s]))) s++;
  if (s < toks.length && /['’]s$/.test(toks[s].text)) s++; // "Iraq's"
  let j = s;
  let sawOffice = false;
  while (j < toks.length && j - s < DEFAULTS.maxTitleWords) {
    if (j > s && !/^[ \t]+$/.test(text.slice(toks[j - 1].end, toks[j].start))) break;
    const l = lower(toks[j]);
    if (['said', 'says', 'told', 'added', 'who', 'which', 'that'].includes(l)) break;
    if (OFFICE_HEADS_EN.has(l)) sawOffice = true;
    else if (j === s) return null;
    j++;
  }
  return sawOffice && j > s ? [s, j] : null;
}

function englishPeople(text: string, toks: Tok[], mentions: readonly Mention[]): NameFind[] {
  const out: NameFind[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (ARABIC.test(toks[i].text)) continue;
    let j = i;
    const r = rankAtEn(toks, j);
    let rank: string | undefined;
    if (r) {
      rank = text.slice(toks[j].start, toks[j + r - 1].end);
      j += r;
      while (j < toks.length && rankAtEn(toks, j)) j += rankAtEn(toks, j); // "Lt. Gen." after "Army Chief of Staff"
    }
    const n = nameAtEn(toks, j, text);
    if (!n) continue;
    if (r && !adjacent(text, toks[j - 1], toks[j])) continue;
    const ns = toks[j].start;
    const ne = toks[j + n - 1].end;
    const rankStart = r ? i : j;
    const before = titleBeforeEn(toks, rankStart, text);
    const after = titleAfterEn(toks, j + n, text);
    if (!r && before < 0 && !after) continue;
    if (knownAt(mentions, ns, ne)) {
      i = j + n - 1;
      continue;
    }
    let title: string | undefined;
    let titleSpan: { start: number; end: number } | undefined;
    if (before >= 0) titleSpan = { start: toks[before].start, end: toks[rankStart - 1].end };
    else if (after) titleSpan = { start: toks[after[0]].start, end: toks[after[1] - 1].end };
    if (titleSpan) title = text.slice(titleSpan.start, titleSpan.end);
    out.push({
      start: ns,
      end: ne,
      name: text.slice(ns, ne),
      type: 'person',
      lang: 'en',
      ...(title ? { title, titleSpan } : {}),
      ...(rank ? { rank } : {}),
      cue: before >= 0 ? 'office-before' : after ? 'office-after' : 'rank',
      phrase: { start: before >= 0 ? toks[before].start : toks[rankStart].start, end: after ? toks[after[1] - 1].end : ne },
    });
    i = j + n - 1;
  }
  return out;
}

function englishOrganisations(text: string, toks: Tok[], mentions: readonly Mention[]): NameFind[] {
  const out: NameFind[] = [];
  for (let i = 0; i < toks.length; i++) {
    const type = ORG_HEADS_EN[lower(toks[i])];
    if (!type || !isCap(toks[i])) continue;
    // back over capitalised words ("Joint Operations Command", "Security Media Cell")
    let s = i;
    while (s > 0 && adjacent(text, toks[s - 1], toks[s]) && isCap(toks[s - 1]) && !NOT_NAME_EN.has(lower(toks[s - 1])) && !/['’]s$/.test(toks[s - 1].text) && !/\.$/.test(toks[s - 1].text)) s--;
    // forward over "of Defense", "for Iraq"
    let e = i + 1;
    while (e + 1 < toks.length && ORG_LINKS_EN.has(lower(toks[e])) && adjacent(text, toks[e - 1], toks[e]) && adjacent(text, toks[e], toks[e + 1]) && isCap(toks[e + 1])) {
      e += 2;
      while (e < toks.length && adjacent(text, toks[e - 1], toks[e]) && isCap(toks[e])) e++;
    }
    if (e - s < 2) continue;
    const start = toks[s].start;
    const end = toks[e - 1].end;
    if (knownAt(mentions, start, end)) {
      i = e - 1;
      continue;
    }
    out.push({ start, end, name: text.slice(start, end), type, lang: 'en', cue: 'organisation', phrase: { start, end } });
    i = e - 1;
  }
  return out;
}

/**
 * New people and organisations in `text`, in text order; `mentions` are the gazetteer's. A name
 * found several times is reported at its first full occurrence with the richest title.
 */
export function findNewNames(text: string, mentions: readonly Mention[]): NameFind[] {
  const toks = tokenize(text);
  const all = [...arabicPeople(text, toks, mentions), ...englishPeople(text, toks, mentions), ...arabicOrganisations(text, toks, mentions), ...englishOrganisations(text, toks, mentions)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameFind[] = [];
  for (const f of all) {
    if (out.some((o) => o.start < f.end && f.start < o.end)) continue;
    out.push(f);
  }
  return out;
}

/** The folded key of a name, for grouping repeated mentions ("Qais al-Muhammadawi" twice). */
export function nameKey(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The last word of a person's name, folded without its article: the form a report uses again. */
export function surnameKey(name: string): string {
  const words = nameKey(name).split(' ');
  const last = words[words.length - 1] ?? '';
  // "علاء الدين", "يار الله": the last word alone is an ordinary word
  if (words.length > 1 && (last === 'الدين' || last === 'الله')) return '';
  return last.replace(/^(?:al|el)(?=\p{L}{3})/u, '').replace(/^ال(?=.{3})/, '');
}
