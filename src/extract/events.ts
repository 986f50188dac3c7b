/**
 * Event candidates: the headline event of a news report, and other dated happenings the case
 * does not hold.
 *
 * The headline event is what the lead says happened, dated by "today", "yesterday" or a weekday
 * ("…said on Wednesday", "أعلن، اليوم الأحد"): the lead's first sentence, with that date (else a
 * day date in it, else the publication day, less surely). Other sentences with a day or month
 * date give events too, less surely; dates in page chrome (timestamps) never do.
 *
 * The same event at two precisions is proposed once: a month date and a day date of the same
 * happening (sharing actors, places or words) keep the precise one. A happening the case holds
 * (same date and actor or place) is not proposed; one it holds at a coarser precision is, with
 * `existing` naming the case event to refine.
 */
import type { Commitment, Event } from '../domain/case.js';
import type { CandidateDate, DateMention, EventFields, Mention } from '../domain/extract.js';
import { dateValueOf, daySpan, type PartialDate } from '../domain/dates.js';
import { fold, stems } from './words.js';
import { inChrome, inHeadline, pastDateline, type Layout } from './layout.js';
import { sentenceAt } from './sentences.js';
import { within } from './spans.js';

export const DEFAULTS = {
  /** Longest event title, in characters. */
  maxTitle: 220,
};

export interface EventFind {
  fields: EventFields;
  cite: { start: number; end: number };
  confidence: number;
  reason: string;
}


/** Event types by what the sentence says happened (folded text), most specific first. */
const TYPES: Array<[EventFields['type'], RegExp]> = [
  ['withdrawal', /(?:(?:finish|complet|end|conclud)\w*\s+(?:its|their|the)\s+(?:\w+\s+)?mission|انهاء\s+المهمه|انتهاء\s+المهمه|انهت\s+مهمتها|withdr[ae]w\w*|pull(?:ed|ing|s)?\s+out|pullout|drawdown|drawing\s+down|\bleft\b|\bleav(?:e|es|ing)\b|depart\w*|hand(?:ed|ing|s)?\s+over|handover|vacat\w*|evacuat\w*|reduc\w*|انسحاب|انسحب|ينسحب|تنسحب|سحب|مغادره|غادر|اخلاء|تسليم|سلم|تسلم|خروج|تقليص)/u],
  ['agreement', /(?:\bagreed\b|agreement|\bsigned\b|\bdeal\b|memorand\w*|اتفاق|اتفق|توقيع|وقع|مذكره\s+تفاهم|مذكرات\s+تفاهم)/u],
  ['attack', /(?:\battack\w*|rocket\w*|\bdrone\s+attack|هجوم|هجمات|استهداف|استهدف)/u],
  ['strike', /(?:airstrike\w*|\bstrikes?\b|غاره|غارات|ضربه|ضربات|قصف)/u],
  ['deployment', /(?:deploy\w*|transfer\w*|\bmoved\b|relocat\w*|redeploy\w*|نقل|انتشار|نشر|تموضع|ارسال)/u],
  ['decision', /(?:\bdecid\w*|decision|\bvoted?\b|resolution|approv\w*|قرر|قرار|صوت|صادق|اقر)/u],
  ['election', /(?:election\w*|انتخاب\w*)/u],
  ['meeting', /(?:\bmet\b|meeting|\btalks\b|\bvisit\w*|\bbrief\w*|\btoured\b|احاط|اجتماع|اجتمع|لقاء|التقي|زياره|زار|مباحثات|جلسه|تفقد)/u],
  ['statement', /(?:\bsaid\b|announc\w*|statement|\bstated\b|declar\w*|confirm\w*|اعلن|اعلنت|قال|بيان|تصريح|اكد|اكدت)/u],
];
/** A future clause: the happening is announced, not done ("will hand over", "ستنسحب"). */
const FUTURE = /(?:\bwill\b|\bshall\b|\bis\s+due\b|\bare\s+due\b|\bscheduled\b|\bexpected\s+to\b|(?:^|\s)[وف]?س[يتن][\p{L}]{3,}|سوف|من\s+المقرر)/u;
/** Sentences that report nothing happening ("declined to comment"). */
const NON_EVENT = /(?:declined\s+to\s+comment|did\s+not\s+(?:comment|respond)|no\s+immediate\s+comment|could\s+not\s+be\s+reached|لم\s+يعلق|لم\s+تعلق|رفض\s+التعليق|رفضت\s+التعليق)/u;
/** Relative day rules: the report's own day ("today", "yesterday", a weekday). */
const REPORT_DAY_RULES = new Set(['today', 'weekday-bare', 'weekday', 'relative-day', 'tomorrow']);

export function eventType(clause: string): EventFields['type'] {
  const f = fold(clause);
  // What happened is named after the verb of saying; an announcement of a future step is a statement.
  const content = f.replace(/^.*?\b(?:said|says|announced|confirmed)\b(?:\s+(?:on|in)\s+\w+)?\s*(?:that)?/u, '').replace(/^.*?(?:اعلن|اعلنت|قال|قالت|اكد|اكدت|كشف|كشفت)[\s\S]*?\s(?:ان|انه)\s/u, '');
  if (FUTURE.test(content) && content !== f) return 'statement';
  for (const [type, re] of TYPES) if (re.test(content)) return type;
  for (const [type, re] of TYPES) if (re.test(f)) return type;
  return 'other';
}

/** The sentence without its dateline and its trailing attribution (", a senior commander said on Wednesday."). */
function titleOf(text: string, s: { start: number; end: number }, layout: Layout): string {
  let start = s.start;
  if (layout.dateline && start <= layout.dateline.end && s.end > layout.dateline.end) start = layout.dateline.end;
  let t = text.slice(start, s.end).trim();
  t = t.replace(/,\s+(?:an?\s+|the\s+)?[^,]{0,80}\b(?:said|says|told\s+\w+|confirmed|announced)(?:\s+on\s+\w+)?\.?$/u, '.');
  return t.length > DEFAULTS.maxTitle ? `${t.slice(0, DEFAULTS.maxTitle - 1)}…` : t;
}

function candidateDate(d: DateMention): CandidateDate {
  return { value: d.value, precision: d.precision, ...(d.qualifier ? { qualifier: d.qualifier } : {}) };
}

/** True when one date contains the other (2025-09 and 2025-09-28) or they are equal. */
function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

const termSet = stems;

interface CaseHappening {
  id: string;
  date: PartialDate;
  value: string;
  /** Days the date may denote, null for open-ended ones ("after October 2024"). */
  span: { lo: number; hi: number } | null;
  actors: Set<string>;
  terms: Set<string>;
}

function dated(d: PartialDate): { date: PartialDate; value: string; span: { lo: number; hi: number } | null } {
  const open = typeof d === 'object' && (d.qualifier === 'before' || d.qualifier === 'after');
  return { date: d, value: dateValueOf(d), span: open ? null : daySpan(d) };
}

const HAPPENINGS = new WeakMap<readonly Event[], Map<readonly Commitment[], CaseHappening[]>>();

function caseHappenings(events: readonly Event[], commitments: readonly Commitment[]): CaseHappening[] {
  const out: CaseHappening[] = [];
  for (const e of events) {
    const terms = termSet(`${e.title.ar} ${e.title.en}`);
    for (const d of [e.date, e.until]) if (d) out.push({ id: e.id, ...dated(d), actors: new Set([...e.actors, ...e.places]), terms });
  }
  for (const k of commitments) {
    const terms = termSet(`${k.title.ar} ${k.title.en}`);
    const actors = new Set([...k.owners, ...k.counterparts]);
    for (const d of [k.made, k.due, ...k.history.map((h) => h.date)]) if (d) out.push({ id: k.id, ...dated(d), actors, terms });
  }
  return out;
}

const overlap = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;

export interface EventInput {
  text: string;
  layout: Layout;
  dates: readonly DateMention[];
  mentions: readonly Mention[];
  published: string | null;
  events: readonly Event[];
  commitments: readonly Commitment[];
}

/** Confident case actors and places named in [s, e). */
export function idsIn(mentions: readonly Mention[], s: number, e: number, kind: 'actor' | 'place'): string[] {
  const out = new Set<string>();
  for (const m of within(mentions, s, e)) {
    if (m.kind !== kind) continue;
    if (m.ambiguity && m.ambiguity[0].actor === null) continue;
    out.add(m.actor);
  }
  return [...out];
}

export function findEvents(inp: EventInput): EventFind[] {
  const { text, layout, dates, mentions } = inp;
  // built once per case (the same arrays each time a case's documents are read)
  let byCommitments = HAPPENINGS.get(inp.events);
  if (!byCommitments) HAPPENINGS.set(inp.events, (byCommitments = new Map()));
  let known = byCommitments.get(inp.commitments);
  if (!known) byCommitments.set(inp.commitments, (known = caseHappenings(inp.events, inp.commitments)));
  const found: Array<EventFind & { terms: Set<string> }> = [];

  // what a sentence gives every date in it, worked out once
  const bySentence = new Map<number, { actors: string[]; places: string[]; title: string; terms: Set<string>; nonEvent: boolean }>();
  const about = (sentence: { start: number; end: number }) => {
    let hit = bySentence.get(sentence.start);
    if (!hit) {
      const title = titleOf(text, sentence, layout);
      hit = {
        actors: idsIn(mentions, sentence.start, sentence.end, 'actor'),
        places: idsIn(mentions, sentence.start, sentence.end, 'place'),
        title,
        terms: termSet(title),
        nonEvent: NON_EVENT.test(fold(text.slice(sentence.start, sentence.end))),
      };
      bySentence.set(sentence.start, hit);
    }
    return hit;
  };
  const make = (sentence: { start: number; end: number }, date: CandidateDate, headline: boolean, confidence: number, reason: string) => {
    const { actors, places, title, terms, nonEvent } = about(sentence);
    if (!headline && nonEvent) return;
    const here = new Set([...actors, ...places]);
    // the case already holds it: same date (or a more precise one) and a shared actor, place or words
    // Same day or overlapping spans ("late December" holds 28 December, not 3 December); a case
    // date of year precision says too little to match a day.
    const mine = daySpan(date.qualifier ? { value: date.value, qualifier: date.qualifier } : date.value);
    const related = known!.filter((k) => {
      // open-ended case dates ("after October 2024") overlap everything later: only their value counts
      const near = k.value === date.value || (k.value.length > 4 && k.span !== null && k.span.lo <= mine.hi && mine.lo <= k.span.hi);
      return near && (overlap(k.actors, here) > 0 || overlap(k.terms, terms) >= 2);
    });
    if (related.some((k) => k.value.length >= date.value.length)) return;
    const existing = related[0]?.id;
    const citeStart = pastDateline(layout, sentence).start;
    found.push({
      fields: { date, type: eventType(title), title, actors, places, headline, ...(existing ? { existing } : {}) },
      cite: { start: citeStart, end: sentence.end },
      confidence: existing ? Math.round(confidence * 0.8 * 100) / 100 : confidence,
      reason: existing ? `${reason}; a case item has this at a coarser date (${existing})` : reason,
      terms,
    });
  };

  // 1. The headline event, from the lead.
  let headlineDate: DateMention | undefined;
  if (layout.lead) {
    const lead = sentenceAt(text, layout.lead.start);
    const inLead = dates.filter((d) => d.start >= lead.start && d.end <= lead.end);
    const reportDay = inLead.find((d) => REPORT_DAY_RULES.has(d.rule) && d.precision === 'day');
    const dayDate = inLead.find((d) => d.precision === 'day');
    headlineDate = reportDay ?? dayDate;
    if (reportDay) make(lead, candidateDate(reportDay), true, 0.9, `the lead says what happened ${reportDay.text.trim()}`);
    else if (dayDate) make(lead, candidateDate(dayDate), true, 0.75, 'the lead says what happened on a given day');
    else if (inp.published && /^\d{4}-\d{2}-\d{2}$/.test(inp.published)) {
      make(lead, { value: inp.published, precision: 'day' }, true, 0.5, 'the lead gives no day: dated by publication');
    }
  }

  // 2. Other dated sentences of the article.
  for (const d of dates) {
    if (d.precision === 'year' || inChrome(layout, d.start) || inHeadline(layout, d.start)) continue;
    if (d === headlineDate) continue;
    const sentence = sentenceAt(text, d.start);
    make(sentence, candidateDate(d), false, d.precision === 'day' ? 0.5 : 0.35, `a dated sentence (${d.text.trim()})`);
  }

  // 3. One proposal per happening: compatible dates with shared actors, places or words keep the
  // precise one (on a tie, the first: the headline comes first).
  const out: Array<EventFind & { terms: Set<string> }> = [];
  for (const f of found) {
    const here = new Set([...f.fields.actors, ...f.fields.places]);
    const twin = out.findIndex((o) => {
      if (!compatible(o.fields.date.value, f.fields.date.value)) return false;
      if (o.cite.start === f.cite.start) return true;
      return overlap(new Set([...o.fields.actors, ...o.fields.places]), here) >= 2 || overlap(o.terms, f.terms) >= 3;
    });
    if (twin < 0) out.push(f);
    else if (f.fields.date.value.length > out[twin].fields.date.value.length) {
      out[twin] = { ...f, fields: { ...f.fields, headline: out[twin].fields.headline || f.fields.headline } };
    }
  }
  return out.map(({ terms: _terms, ...rest }) => rest);
}
