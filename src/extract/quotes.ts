/**
 * Quoted statements and who said them. A statement is a quote of four words or more introduced
 * or followed by a verb of saying; its speaker is the person or body the sentence makes the
 * subject of that verb — a case actor, a new person or organisation of the report, or an unnamed
 * source ("a senior Iraqi official", "مصدر في وزارة العدل") — never the outlet that carried it
 * ("في بيان نشرته خلية الإعلام", "told Rudaw").
 *
 * Arabic puts the speaker after the verb ("وقال المحمداوي إن «…»", "ونقل البيان عن كوبر قوله") or
 * before it ("أما اللواء لامبرت فقال"); English before the verb ("Parnell said the drawdown
 * "…"") or after the quote (""…," the official said"; ""…," said Cooper"). A surname alone
 * ("Parnell said", "وقال المحمداوي") refers back to the full name given earlier; "the committee",
 * "اللجنة" to the body last named so; "he said", "وأضاف" to the previous speaker.
 */
import type { Actor } from '../domain/case.js';
import type { Ambiguity, Mention, Speaker } from '../domain/extract.js';
import { fold } from './words.js';
import { inChrome, inHeadline, type Layout } from './layout.js';
import { nameKey, surnameKey, type NameFind } from './names.js';
import { firstStartingAt, within } from './spans.js';

export const DEFAULTS = {
  /** Shortest quote proposed, in words (shorter ones are names, titles or scare quotes). */
  minWords: 4,
  /** How far before a quote its verb of saying may be, in characters. */
  verbWindow: 240,
  /** How far after a quote its attribution may be ("…," the official said), in characters. */
  afterWindow: 120,
};

export interface QuoteFind {
  /** The quoted words, without the marks. */
  start: number;
  end: number;
  text: string;
  verb: string;
  speaker: Speaker & { kind: RefKind };
  /** The readings of the speaker's name, when it fits several people. */
  ambiguity?: Ambiguity[];
  /** The sentence (or paragraph stretch) that carries the quote and its attribution. */
  context: { start: number; end: number };
}

type RefKind = 'person' | 'body' | 'unnamed' | 'media';

/** Someone a verb of saying can have as subject. */
interface Referent {
  start: number;
  end: number;
  actor: string | null;
  name: string;
  kind: RefKind;
  /** Key of the new person or organisation (NameFind) it stands for. */
  candidate?: string;
  ambiguity?: Ambiguity[];
}


const SPEECH_AR = new Set(
  [
    'قال', 'قالت', 'اكد', 'اكدت', 'اوضح', 'اوضحت', 'اشار', 'اشارت', 'اضاف', 'اضافت', 'اعتبر', 'اعتبرت', 'شدد', 'شددت', 'صرح',
    'صرحت', 'اعلن', 'اعلنت', 'ذكر', 'ذكرت', 'تابع', 'تابعت', 'افاد', 'افادت', 'اقر', 'اقرت', 'لفت', 'لفتت', 'نقل', 'نقلت', 'هدد',
    'هددت', 'قوله', 'بقوله', 'كتب', 'كتبت', 'ختم', 'ختمت', 'يقول', 'تقول', 'يؤكد', 'تؤكد', 'كشف', 'كشفت', 'بين', 'بينت', 'اعرب', 'اعربت',
  ].map(fold),
);
const SPEECH_EN = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'noted', 'stressed', 'explained', 'announced', 'declared', 'wrote', 'tweeted', 'insisted', 'argued', 'saying']);
/** Verbs and particles after which a name is the channel or the addressee, not the speaker. */
const CHANNEL_BEFORE = /(?:^|[^\p{L}])(?:نشرته|نشرها|نشره|بثته|بثه|نقلته|نقلتها|اوردته|اوردها|published by|reported by|carried by|told|to|لـ|ل)\s*[«"“]?\s*$/u;
const QUOTE_RE = /«([^«»\n]{3,600})»|“([^“”\n]{3,600})”|"([^"\n]{3,600})"/gu;
const UNNAMED_EN =
  /\b(?:an?|the|two|three|several)\s+(?:(?:senior|top|high-ranking|ranking|former|u\.s\.|us|american|iraqi|kurdish|western|iranian|syrian|security|defense|defence|government|military|ministry|army|interior|diplomatic|intelligence|coalition|pentagon|state department)\s+)*(?:officials?|sources?|spokesm[ae]n|spokesperson|diplomats?|officers?|commanders?|lawmakers?|analysts?)\b/giu;
const UNNAMED_AR = /(?<![\p{L}])(?:[وف]?)(?:مصدر|مصادر|مسؤول|مسؤولون|مسؤولين|متحدث|قيادي|ضابط)(?:\s+(?!ان|إن|أن|قوله|ل)[\p{L}\p{M}]+){0,5}/gu;
/** Anaphoric subjects: "the committee" → the last body so named. */
const ANAPHORS_EN = /\bthe\s+(committee|commission|ministry|command|mission|council|cell|department|agency|coalition|government|army|statement)\b/giu;
const ANAPHORS_AR = /(?<![\p{L}])[وف]?(اللجن[ةه]|الوزار[ةه]|القياد[ةه]|البعث[ةه]|المجلس|الخلي[ةه]|الهيئ[ةه]|الحكوم[ةه]|المديري[ةه]|الرئاس[ةه])(?![\p{L}])/gu;
const PRONOUN_EN = /^\s*,?\s*(?:he|she|they)\s+(?:said|added|told|says)\b/iu;

function referents(text: string, mentions: readonly Mention[], names: readonly NameFind[], actors: ReadonlyMap<string, Actor>): Referent[] {
  const out: Referent[] = [];
  const persons = names.filter((n) => n.type === 'person');
  const bySurname = new Map<string, NameFind>();
  for (const p of persons) if (surnameKey(p.name) && !bySurname.has(surnameKey(p.name))) bySurname.set(surnameKey(p.name), p);
  for (const m of mentions) {
    if (m.kind !== 'actor') continue;
    const top = m.ambiguity?.[0];
    if (top && top.actor === null) {
      // the best reading is someone outside the case: the new person named so in the report
      const p = bySurname.get(surnameKey(top.name ?? m.text)) ?? bySurname.get(surnameKey(m.text));
      out.push({ start: m.start, end: m.end, actor: null, name: p?.name ?? top.name ?? m.text, kind: 'person', candidate: p ? nameKey(p.name) : undefined, ambiguity: m.ambiguity });
      continue;
    }
    const type = actors.get(m.actor)?.type;
    const kind: RefKind = type === 'person' ? 'person' : type === 'media' ? 'media' : 'body';
    out.push({ start: m.start, end: m.end, actor: m.actor, name: m.text, kind, ...(m.ambiguity ? { ambiguity: m.ambiguity } : {}) });
  }
  for (const n of names) {
    // a person with a title stands for the whole phrase ("Pentagon spokesman Sean Parnell")
    const span = n.type === 'person' ? n.phrase : n;
    out.push({ start: span.start, end: span.end, actor: null, name: n.name, kind: n.type === 'person' ? 'person' : n.type === 'media' ? 'media' : 'body', candidate: nameKey(n.name) });
  }
  // later surname-only references to new people: "Parnell said", "Allawi said"
  if (bySurname.size) {
    for (const m of text.matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu)) {
      const key = surnameKey(m[0]);
      const p = key.length >= 4 ? bySurname.get(key) : undefined;
      if (!p || m.index! < p.end) continue;
      if (!/^\p{Lu}|^al-|^[\u0600-\u06ff]/u.test(m[0])) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length, actor: null, name: p.name, kind: 'person', candidate: nameKey(p.name) });
    }
  }
  for (const re of [UNNAMED_EN, UNNAMED_AR]) {
    for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, actor: null, name: m[0].trim(), kind: 'unnamed' });
  }
  // drop referents inside a wider one (a mention inside a titled name, a name inside an unnamed phrase)
  // (an unnamed phrase that contains a case body, "مصدر في وزارة العدل", stays unnamed)
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Referent[] = [];
  let reach = -1;
  for (const r of out) {
    if (r.end <= reach) continue; // inside an earlier, wider one
    kept.push(r);
    reach = Math.max(reach, r.end);
  }
  return kept;
}

/** Anaphoric subjects ("the committee", "اللجنة") resolved to the last body named so before them. */
function anaphors(text: string, refs: Referent[]): Referent[] {
  const found: Array<{ at: number; end: number; noun: string }> = [];
  for (const re of [ANAPHORS_EN, ANAPHORS_AR]) {
    for (const m of text.matchAll(re)) found.push({ at: m.index!, end: m.index! + m[0].length, noun: fold(m[1]).replace(/^ال/, '') });
  }
  found.sort((a, b) => a.at - b.at);
  // one pass: the last body seen so far under each of its words
  const last = new Map<string, Referent>();
  const out: Referent[] = [];
  let k = 0;
  for (const f of found) {
    for (; k < refs.length && refs[k].end <= f.at; k++) {
      const r = refs[k];
      if (r.kind !== 'body') continue;
      for (const w of fold(r.name).replace(/^(?:the\s+|ال)/, '').split(/\s+/)) last.set(w.replace(/^ال/, ''), r);
    }
    const r = last.get(f.noun);
    if (r) out.push({ ...r, start: f.at, end: f.end });
  }
  return out;
}

/** A mention that is the whole quote («المقاومة الإسلامية»): a name in quotes, not a statement. */
function quotedName(mentions: readonly Mention[], qs: number, qe: number): boolean {
  for (let i = firstStartingAt(mentions, qs - 1); i < mentions.length && mentions[i].start <= qs + 1; i++) if (mentions[i].end >= qe - 1) return true;
  return false;
}

const between = within;

const RANK: Record<RefKind, number> = { person: 0, unnamed: 1, body: 2, media: 3 };

function isChannel(text: string, r: Referent): boolean {
  // "لرويترز", "للصحفيين": the preposition is attached to the name itself
  if (r.actor !== null && /^ل/.test(fold(text.slice(r.start, r.end))) && !/^ل/.test(fold(r.name))) return true;
  return CHANNEL_BEFORE.test(fold(text.slice(Math.max(0, r.start - 14), r.start)));
}

/** The verb of saying nearest before `end` (after `start`), with its offset. */
function lastVerb(text: string, start: number, end: number): { verb: string; at: number; end: number; joined: boolean } | null {
  let found: { verb: string; at: number; end: number; joined: boolean } | null = null;
  for (const w of text.slice(start, end).matchAll(/[\p{L}\p{M}\u0640]+/gu)) {
    const f = fold(w[0]);
    const bare = /^[وف]/.test(f) && SPEECH_AR.has(f.slice(1)) ? f.slice(1) : f;
    // "وأشار": the verb starts a new clause joined by "and"
    if (SPEECH_AR.has(bare) || SPEECH_EN.has(f)) found = { verb: bare, at: start + w.index!, end: start + w.index! + w[0].length, joined: bare !== f };
  }
  return found;
}

function sentenceStart(text: string, pos: number, floor: number): number {
  let s = pos;
  while (s > floor && !/[.!?؟\n]/.test(text[s - 1])) s--;
  return s;
}

/** Who can speak in a document: its case actors, new names, unnamed sources and anaphors, in text order. */
export interface Speakers {
  text: string;
  all: Referent[];
}

export function findSpeakers(text: string, mentions: readonly Mention[], names: readonly NameFind[], actors: ReadonlyMap<string, Actor>): Speakers {
  const refs = referents(text, mentions, names, actors);
  return { text, all: [...refs, ...anaphors(text, refs)].sort((a, b) => a.start - b.start) };
}

const ACCORDING_TO = /(?:according to|بحسب|حسب|وفقا ل|وفقاً ل|نقلا عن|نقلاً عن)\s*$/u;

/**
 * Who states what a sentence stretch [start, end) says: "according to X", or the subject of its
 * verb of saying; undefined when it says nothing of a source.
 */
export function speakerOf(sp: Speakers, start: number, end: number): (Speaker & { kind: RefKind }) | undefined {
  const { text, all } = sp;
  const inside = between(all, start, end).filter((r) => !isChannel(text, r) && r.kind !== 'media');
  const cited = inside.find((r) => ACCORDING_TO.test(fold(text.slice(Math.max(start, r.start - 14), r.start))));
  let r: Referent | undefined = cited;
  if (!r) {
    const v = lastVerb(text, start, end);
    if (!v) return undefined;
    const english = !/[\u0600-\u06ff]/.test(v.verb);
    // the subject stands next to its verb: "X said", "قال X"; "was announced" has none
    if (english && /\b(?:was|were|been|being|is|are)\s+$/i.test(text.slice(Math.max(start, v.at - 10), v.at))) return undefined;
    const before = inside.filter((x) => x.end <= v.at && v.at - x.end <= (english ? 30 : 60));
    const after = inside.filter((x) => x.start >= v.end && x.start - v.end <= 40);
    const pick = (g: Referent[]) => g.sort((a, b) => RANK[a.kind] - RANK[b.kind] || Math.abs(a.start - v.at) - Math.abs(b.start - v.at))[0];
    r = english ? pick(before) ?? pick(after) : pick(after) ?? pick(before);
  }
  if (!r) return undefined;
  return { actor: r.actor, name: r.name, kind: r.kind, ...(r.candidate ? { candidate: r.candidate } : {}), ...(r.kind === 'unnamed' ? { unnamed: true } : {}) };
}

export function findQuotes(text: string, layout: Layout, sp: Speakers, mentions: readonly Mention[]): QuoteFind[] {
  const all = sp.all;
  const out: QuoteFind[] = [];
  let prev: { speaker: QuoteFind['speaker']; paragraph: number; end: number } | null = null;
  let prevQuoteEnd = 0;
  for (const m of text.matchAll(QUOTE_RE)) {
    const inner = m[1] ?? m[2] ?? m[3];
    const qs = m.index! + 1;
    const qe = qs + inner.length;
    const afterPrev = prevQuoteEnd;
    prevQuoteEnd = qe + 1;
    if (inChrome(layout, qs) || inHeadline(layout, qs)) continue;
    // short quotes ("developments in Syria") are not proposed but still tell who is speaking
    const short = inner.trim().split(/\s+/).length < DEFAULTS.minWords;
    if (inner.trim().split(/\s+/).length < 2) continue;
    if (quotedName(mentions, qs, qs + inner.trimEnd().length)) continue; // a quoted name
    const paragraph = text.lastIndexOf('\n', m.index!) + 1;
    const paraEnd = text.indexOf('\n', qe) < 0 ? text.length : text.indexOf('\n', qe);
    const within = (s: number, e: number) => between(all, s, e).filter((r) => !isChannel(text, r));
    const best = (rs: Referent[], nearTo: number) => rs.sort((a, b) => RANK[a.kind] - RANK[b.kind] || Math.abs(a.start - nearTo) - Math.abs(b.start - nearTo))[0];

    let speaker: Referent | undefined;
    let verb: string | undefined;
    let ctxStart = sentenceStart(text, m.index!, paragraph);
    let ctxEnd = qe + 1;

    // 1. after the quote: ""…," the official said", ""…," said Cooper", ""…" Yarallah said"
    const tail = text.slice(qe + 1, Math.min(paraEnd, qe + 1 + DEFAULTS.afterWindow));
    const tailEnd = qe + 1 + (/[.!?؟]/.exec(tail)?.index ?? tail.length);
    const vAfter = lastVerb(text, qe + 1, Math.min(tailEnd, qe + 1 + 60));
    // not "…»، وأشار X إلى أن «…»": a verb joined by "and", or one that opens the next quote, is not this quote's
    const opensNext = vAfter !== null && /[«"“]/.test(text.slice(vAfter.end, tailEnd));
    if (vAfter && !vAfter.joined && !opensNext && !/\band\s+$/i.test(text.slice(qe + 1, vAfter.at)) && /^[\s,،]/.test(text.slice(qe + 1, qe + 2))) {
      const rs = within(qe + 1, tailEnd);
      speaker = best(rs.filter((r) => r.kind !== 'media'), vAfter.at);
      if (speaker || PRONOUN_EN.test(text.slice(qe + 1, tailEnd).replace(/^[»"”]/, ''))) {
        verb = vAfter.verb;
        ctxEnd = tailEnd;
      }
    }
    // 2. before the quote: the last verb of saying in the same paragraph, after the previous quote
    if (!verb) {
      const from = Math.max(paragraph, afterPrev, m.index! - DEFAULTS.verbWindow);
      const v = lastVerb(text, from, m.index!);
      if (!v) continue;
      verb = v.verb;
      const sStart = sentenceStart(text, v.at, from);
      ctxStart = sStart;
      const afterVerb = within(v.end, m.index!);
      const beforeVerb = within(sStart, v.at);
      const english = !/[\u0600-\u06ff]/.test(v.verb);
      // English: the subject before the verb; Arabic: after the verb, else before it
      const order = english ? [beforeVerb, afterVerb] : [afterVerb.filter((r) => r.kind !== 'body' && r.kind !== 'media'), beforeVerb.filter((r) => r.kind !== 'body' && r.kind !== 'media'), afterVerb, beforeVerb];
      for (const group of order) {
        const nonMedia = group.filter((r) => r.kind !== 'media');
        if (nonMedia.length) {
          speaker = english ? nonMedia.sort((a, b) => b.end - a.end || RANK[a.kind] - RANK[b.kind])[0] : best(nonMedia, v.at);
          break;
        }
      }
    }
    const ambiguity = speaker?.ambiguity;
    let resolved: QuoteFind['speaker'] | undefined = speaker
      ? { actor: speaker.actor, name: speaker.name, kind: speaker.kind, ...(speaker.candidate ? { candidate: speaker.candidate } : {}), ...(speaker.kind === 'unnamed' ? { unnamed: true } : {}) }
      : undefined;
    // "وأضاف أن", "he said": the previous speaker of the paragraph (or of the one before), else
    // the last person named shortly before
    if (!resolved && prev && (prev.paragraph === paragraph || m.index! - prev.end < 400)) resolved = prev.speaker;
    if (!resolved && verb) {
      const p = between(all, Math.max(0, m.index! - 600), m.index!).filter((r) => r.kind === 'person' && m.index! - r.end < 400).pop();
      if (p) resolved = { actor: p.actor, name: p.name, kind: p.kind, ...(p.candidate ? { candidate: p.candidate } : {}) };
    }
    if (!resolved || !verb) continue;
    prev = { speaker: resolved, paragraph, end: qe };
    if (short) continue;
    out.push({ start: qs, end: qe, text: inner, verb, speaker: resolved, ...(ambiguity ? { ambiguity } : {}), context: { start: ctxStart, end: Math.max(ctxEnd, qe + 1) } });
  }
  return out;
}
