/**
 * Candidates for the analyst: what a document states that the case does not hold yet.
 * - events: dates not among the case's event and commitment dates, with the sentence and the
 *   actors it names;
 * - figures: figures whose value no claim of the case has;
 * - quotes: quoted statements introduced by a verb of saying and attributed to a known actor,
 *   that no stance of the case quotes yet (candidate stance quotes);
 * - actors: names that look like actors but are not in the gazetteer — the words after a title
 *   ("وزير الخارجية", "الأمين العام لـ", "المتحدث باسم") or an organisation name in quotes
 *   («حركة …», موقع «…»).
 * Nothing here is accepted automatically; candidates are proposals.
 */
import type { Actor, Claim, Commitment, Event, PartialDate, Stance } from '../domain/case.js';
import type { ActorCandidate, DateMention, EventCandidate, FigureCandidate, FigureMention, Mention, QuoteCandidate, Span } from '../domain/extract.js';
import { normalizeArabic } from '../text/index.js';
import { dateValueOf } from '../domain/dates.js';

export const DEFAULTS = {
  /** Longest proposed actor name, in words. */
  maxNameWords: 4,
  /** Longest quoted phrase considered an organisation name, in words. */
  maxQuotedWords: 6,
};

export interface CandidateSource {
  events: readonly Event[];
  commitments: readonly Commitment[];
  claims: readonly Claim[];
  stances: readonly Stance[];
  actors: readonly Actor[];
}

const dateValue = (d: PartialDate | undefined): string | undefined => (d === undefined ? undefined : dateValueOf(d));

/** Every date value the case already knows, at its precision. */
function knownDates(c: CandidateSource): Set<string> {
  const out = new Set<string>();
  const add = (d: PartialDate | undefined) => {
    const v = dateValue(d);
    if (v) out.add(v);
  };
  for (const e of c.events) {
    add(e.date);
    add(e.until);
  }
  for (const k of c.commitments) {
    add(k.made);
    add(k.due);
    for (const h of k.history) add(h.date);
  }
  return out;
}

function sameValue(a: FigureMention['value'], b: Claim['value']): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'object' && typeof b === 'object') return a.low === b.low && a.high === b.high;
  return false;
}

/** Sentences as spans: ends at . ! ? ؟ or a line break. */
export function sentenceAt(text: string, pos: number): Span {
  let start = pos;
  while (start > 0 && !/[.!?؟\n]/.test(text[start - 1])) start--;
  let end = pos;
  while (end < text.length && !/[.!?؟\n]/.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n') end++;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end, text: text.slice(start, end) };
}

/** Index of the first mention starting at or after `pos` (mentions are in text order). */
function firstFrom(mentions: readonly Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions overlapping [s, e), found by binary search (mentions do not overlap each other). */
function mentionsIn(mentions: readonly Mention[], s: number, e: number): Mention[] {
  const out: Mention[] = [];
  let i = firstFrom(mentions, s);
  if (i > 0 && mentions[i - 1].end > s) i--;
  for (; i < mentions.length && mentions[i].start < e; i++) if (mentions[i].end > s) out.push(mentions[i]);
  return out;
}

function actorsIn(mentions: readonly Mention[], s: Span): string[] {
  return [...new Set(mentionsIn(mentions, s.start, s.end).filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.actor))];
}

export function eventCandidates(c: CandidateSource, text: string, dates: readonly DateMention[], mentions: readonly Mention[]): EventCandidate[] {
  const known = knownDates(c);
  const seen = new Set<string>();
  const out: EventCandidate[] = [];
  for (const d of dates) {
    if (known.has(d.value)) continue;
    const sentence = sentenceAt(text, d.start);
    const key = `${d.value}@${sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ date: d, actors: actorsIn(mentions, sentence), sentence });
  }
  return out;
}

export function figureCandidates(c: CandidateSource, text: string, figures: readonly FigureMention[], mentions: readonly Mention[]): FigureCandidate[] {
  return figures
    .filter((f) => !c.claims.some((k) => sameValue(f.value, k.value)))
    .map((f) => {
      const sentence = sentenceAt(text, f.start);
      return { figure: f, actors: actorsIn(mentions, sentence), sentence };
    });
}

// ---------------------------------------------------------------------------------------------
// Actor-like names

/** Titles (folded) after which a person's or body's name usually follows. */
const TITLES = [
  'وزير الخارجيه', 'وزير الدفاع', 'وزير الداخليه', 'وزير', 'وزيره', 'رئيس الوزراء', 'رئيس الحكومه', 'رئيس البرلمان', 'رئيس',
  'الرئيس', 'نائب الرئيس', 'الامين العام ل', 'الامين العام', 'المتحدث باسم', 'المتحدثه باسم', 'المتحدث الرسمي باسم', 'الناطق باسم',
  'السفير', 'السفيره', 'قائد', 'زعيم', 'النائب', 'الخبير الامني', 'الخبير', 'المحلل السياسي', 'المحلل', 'مستشار', 'مدير', 'الجنرال',
  'الشيخ', 'السيد', 'الدكتور', 'رئيس حزب', 'رئيس تحالف', 'زعيم حركه',
].sort((a, b) => b.length - a.length);
const TITLES_BY_FIRST = new Map<string, string[]>();
for (const t of TITLES) {
  const first = t.split(' ')[0];
  TITLES_BY_FIRST.set(first, [...(TITLES_BY_FIRST.get(first) ?? []), t]);
}
/** Words that start an organisation's name, or introduce one in quotes (موقع «…»). */
const ORG_WORDS = new Set([
  'حركه', 'حزب', 'تحالف', 'ائتلاف', 'مجلس', 'هيئه', 'قوات', 'جماعه', 'منظمه', 'كتائب', 'لواء', 'سرايا', 'وكاله', 'صحيفه', 'مجله',
  'موقع', 'قناه', 'شبكه', 'مركز', 'معهد', 'تيار', 'جبهه', 'فصيل', 'ميليشيا', 'مؤسسه', 'وزاره', 'لجنه', 'بعثه',
]);
/** Words that end a name: prepositions, conjunctions, common verbs of saying. */
const STOP = new Set(
  [
  'في', 'من', 'الى', 'على', 'عن', 'ان', 'انه', 'الذي', 'التي', 'الذين', 'مع', 'بعد', 'قبل', 'خلال', 'عند', 'حول', 'لدى', 'منذ', 'او',
  'ثم', 'لكن', 'قال', 'قالت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'ذكر', 'ذكرت', 'اشار', 'اضاف', 'اوضح', 'هو', 'هي', 'هذا', 'هذه', 'ذلك',
  'كان', 'كانت', 'يوم', 'امس', 'اليوم', 'حيث', 'بان', 'بانه', 'ايضا', 'وهو', 'وهي', 'لا', 'لم', 'لن', 'قد',
  ].map((w) => normalizeArabic(w)),
);

interface Word {
  key: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\u0640]+/gu)) out.push({ key: normalizeArabic(m[0]), start: m.index!, end: m.index! + m[0].length });
  return out;
}

const onlySpace = (s: string) => /^[ \t\u00a0]*$/.test(s);

export function actorCandidates(text: string, mentions: readonly Mention[]): ActorCandidate[] {
  const ws = words(text);
  const out: ActorCandidate[] = [];
  const seen = new Set<string>();
  const known = (s: number, e: number) => mentionsIn(mentions, s, e).length > 0;
  const push = (s: number, e: number, cue: string) => {
    if (e <= s || known(s, e)) return;
    const name = text.slice(s, e).trim();
    const key = normalizeArabic(name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ start: s, end: e, text: text.slice(s, e), name, cue });
  };

  // 1. After a title: skip its definite complements (الخارجية، العراقي), then take the name.
  for (let i = 0; i < ws.length; i++) {
    const first = ws[i].key.replace(/^[وف](?=.{3})/, '');
    const options = TITLES_BY_FIRST.get(first);
    if (!options) continue;
    const title = options.find((t) => titleAt(ws, i, t, text));
    if (!title) continue;
    let j = i + title.split(' ').length;
    const cue = text.slice(ws[i].start, ws[j - 1].end);
    // "لـ" written apart after "الأمين العام"
    if (j < ws.length && ws[j].key === 'ل' && onlySpace(text.slice(ws[j - 1].end, ws[j].start))) j++;
    let skipped = 0;
    while (j < ws.length && ws[j].key.startsWith('ال') && skipped < 3 && onlySpace(text.slice(ws[j - 1].end, ws[j].start))) {
      j++;
      skipped++;
    }
    if (j >= ws.length || ws[j].key.startsWith('ال') || STOP.has(ws[j].key) || looksLikeVerb(ws[j].key)) continue;
    if (!/^[\s«"“]*$/.test(text.slice(ws[j - 1].end, ws[j].start))) continue;
    let k = j;
    while (k + 1 < ws.length && k - j + 1 < DEFAULTS.maxNameWords && !STOP.has(ws[k + 1].key) && onlySpace(text.slice(ws[k].end, ws[k + 1].start))) k++;
    const covered = mentionsIn(mentions, ws[j].start, ws[k].end);
    if (covered.some((m) => m.start <= ws[j].start)) continue;
    // stop before the first word a known mention covers
    const end = covered.reduce((e, m) => Math.min(e, m.start), ws[k].end);
    // A person named after a title has a first and a family name: one word is a noun (تصويت).
    if (trimRight(text, ws[j].start, end) <= ws[j].end) continue;
    push(ws[j].start, trimRight(text, ws[j].start, end), cue);
  }

  // 2. Quoted organisation names: «حركة النجباء», موقع «المونيتور».
  for (const m of text.matchAll(/[«"“]([^«»"“”\n.،,:؛]{2,80})[»"”]/gu)) {
    const inner = m[1].trim();
    const n = inner.split(/\s+/).length;
    if (n > DEFAULTS.maxQuotedWords) continue;
    const s = m.index! + 1 + m[1].indexOf(inner);
    const first = normalizeArabic(inner.split(/\s+/)[0]);
    const before = text.slice(Math.max(0, m.index! - 12), m.index!).trim().split(/\s+/).pop() ?? '';
    const beforeKey = normalizeArabic(before).replace(/^[وبل]/, '');
    if (!ORG_WORDS.has(first) && !ORG_WORDS.has(beforeKey)) continue;
    push(s, s + inner.length, 'quoted');
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Not the start of a name: future-tense verbs (سيدرسها), words with an object pronoun, words with
 * the article or a preposition before it (للدراسة، بالقضاء), and long words behind ل (لتهريب).
 */
function looksLikeVerb(key: string): boolean {
  return /^س[يتن]/.test(key) || /(ها|هما|هم)$/.test(key) || /^(لل|[وفبك]?ال|[وف]?[بل]ال)/.test(key) || /^ل.{4,}/.test(key);
}

function titleAt(ws: Word[], i: number, title: string, text: string): boolean {
  const parts = title.split(' ');
  if (i + parts.length > ws.length) return false;
  for (let k = 0; k < parts.length; k++) {
    const key = k === 0 ? ws[i].key.replace(/^[وف](?=.{3})/, '') : ws[i + k].key;
    if (key !== parts[k]) return false;
    if (k > 0 && !onlySpace(text.slice(ws[i + k - 1].end, ws[i + k].start))) return false;
  }
  return true;
}

function trimRight(text: string, s: number, e: number): number {
  while (e > s && /[\s،,.:;«»"“”()-]/.test(text[e - 1])) e--;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Stance quotes

/** Verbs of saying (folded) that introduce a quote, Arabic and English. */
const SPEECH_VERBS = [
  'قال', 'قالت', 'اكد', 'اكدت', 'اوضح', 'اوضحت', 'اشار', 'اشارت', 'اضاف', 'اضافت', 'اعتبر', 'اعتبرت', 'شدد', 'شددت', 'صرح', 'صرحت',
  'اعلن', 'اعلنت', 'ذكر', 'ذكرت', 'تابع', 'تابعت', 'افاد', 'افادت', 'اقر', 'اقرت', 'لفت', 'لفتت', 'نقل', 'نقلت', 'هدد', 'هددت',
  'said', 'says', 'stated', 'told', 'added', 'warned',
].map((w) => normalizeArabic(w));
const QUOTE_RE = /[«"“]([^«»"“”\n]{12,600})[»"”]/gu;

/** How many characters before a quote its verb of saying may be. */
const SPEAKER_WINDOW = 220;

export function quoteCandidates(c: CandidateSource, text: string, mentions: readonly Mention[]): QuoteCandidate[] {
  const typeOf = new Map(c.actors.map((a) => [a.id, a.type]));
  const known = c.stances.flatMap((st) => [st.quote, ...st.cite.map((k) => k.quote)]).filter((q): q is string => !!q).map(squash);
  const out: QuoteCandidate[] = [];
  let prevEnd = 0;
  let prevSpeaker: { actor: string; paragraph: number } | null = null;
  for (const m of text.matchAll(QUOTE_RE)) {
    const inner = m[1];
    const qStart = m.index! + 1;
    const qEnd = qStart + inner.length;
    if (inner.trim().split(/\s+/).length < 4) continue; // names and titles in quotes, not statements
    const afterPrev = prevEnd;
    prevEnd = qEnd + 1;
    // a quoted name («المقاومة الإسلامية في العراق») is not a statement
    if (mentionsIn(mentions, qStart, qEnd).some((x) => x.start <= qStart + 1 && x.end >= qStart + inner.trimEnd().length - 1)) continue;
    const paragraph = text.lastIndexOf('\n', m.index!) + 1;
    const regionStart = Math.max(paragraph, afterPrev, m.index! - SPEAKER_WINDOW);
    const region = text.slice(regionStart, m.index!);
    // the last verb of saying before the quote, in the same paragraph and after the previous quote
    let verbWord: string | null = null;
    let verbAt = -1;
    for (const w of region.matchAll(/[\p{L}\p{M}\u0640]+/gu)) {
      const f = normalizeArabic(w[0]).toLowerCase();
      const hit = SPEECH_VERBS.includes(f) ? f : /^[وف]/.test(f) && SPEECH_VERBS.includes(f.slice(1)) ? f.slice(1) : null;
      if (hit) {
        verbWord = hit;
        verbAt = regionStart + w.index!;
      }
    }
    if (verbWord === null) continue;
    const actorsBetween = (s: number, e: number) => mentionsIn(mentions, s, e).filter((x) => x.kind === 'actor' && x.start >= s && x.end <= e);
    const rank = (x: Mention) => (typeOf.get(x.actor) === 'person' ? 0 : typeOf.get(x.actor) === 'media' ? 2 : 1);
    const after = actorsBetween(verbAt, m.index!).sort((a, b) => rank(a) - rank(b) || a.start - b.start);
    let speaker: string | undefined = after.find((x) => rank(x) < 2)?.actor;
    if (!speaker) {
      // subject before the verb ("سرمد البياتي فلفت إلى أن"), within the sentence
      const sentence = Math.max(regionStart, ...['.', '!', '?', '؟'].map((p) => text.lastIndexOf(p, verbAt) + 1));
      const before = actorsBetween(sentence, verbAt).filter((x) => rank(x) < 2);
      speaker = before.sort((a, b) => rank(a) - rank(b) || b.start - a.start)[0]?.actor;
    }
    if (!speaker && prevSpeaker && prevSpeaker.paragraph === paragraph) speaker = prevSpeaker.actor; // "وتابع أن": same speaker
    speaker ??= after[0]?.actor;
    if (!speaker) continue;
    prevSpeaker = { actor: speaker, paragraph };
    const q = squash(inner);
    if (known.some((k) => k.length >= 8 && (q.includes(k) || k.includes(q)))) continue;
    out.push({ actor: speaker, verb: verbWord, quote: { start: qStart, end: qEnd, text: inner } });
  }
  return out;
}

function squash(s: string): string {
  return normalizeArabic(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
