/**
 * Candidates for the analyst, in one shape (`Candidate` in src/domain/extract.ts): what a
 * document states that the case does not hold yet — new actors, events, figures, stances,
 * commitment updates and quotes — each with its fields, its citation (offsets into the text and
 * the words there), a confidence, the readings of any name that fits several actors, and why it
 * is proposed. Nothing here is accepted automatically.
 *
 * Ids are stable: a hash of the document's content hash, the kind and the normalised fields and
 * span, so re-running extraction on the same text gives the same ids.
 */
import { createHash } from 'node:crypto';
import type { Actor, Claim, Commitment, Event, Issue, Place, Quantity, Stance } from '../domain/case.js';
import type { Ambiguity, Candidate, CandidateDate, CandidateKind, DateMention, FigureMention, Mention, Speaker } from '../domain/extract.js';
import { normalizeArabic } from '../text/index.js';
import { tagMentions } from '../case/gazetteer.js';
import { findCommitmentStatus } from './commitment-status.js';
import { findEvents } from './events.js';
import { findFigureCandidates } from './figure-candidates.js';
import { inChrome, pastDateline, readLayout, type Layout } from './layout.js';
import { findNewNames, nameKey, type NameFind } from './names.js';
import { findQuotes, findSpeakers, type Speakers } from './quotes.js';
import { sentences } from './sentences.js';
import { dateWithin } from './spans.js';
import { findPlacings, findStanceCandidates } from './stance-candidates.js';

export interface CandidateSource {
  actors: readonly Actor[];
  places?: readonly Place[];
  events: readonly Event[];
  commitments: readonly Commitment[];
  claims: readonly Claim[];
  stances: readonly Stance[];
  issues?: readonly Issue[];
  quantities?: readonly Quantity[];
}

export interface CandidateInput {
  text: string;
  case: CandidateSource;
  mentions: readonly Mention[];
  dates: readonly DateMention[];
  figures: readonly FigureMention[];
  published: string | null;
  file: string | null;
  /** The document's content hash (SHA-256 hex of its text): the root of every candidate id. */
  contentHash: string;
}

const KIND_ORDER: readonly CandidateKind[] = ['actor', 'event', 'figure', 'stance', 'commitment-status', 'quote'];

/** `c-` and 16 hex digits of SHA-256(content hash, kind, key). */
export function candidateId(contentHash: string, kind: CandidateKind, key: string): string {
  return `c-${createHash('sha256').update(`${contentHash}\n${kind}\n${key}`, 'utf8').digest('hex').slice(0, 16)}`;
}

/** SHA-256 hex of a text: the same content hash the store keeps for a document. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const squash = (s: string) => normalizeArabic(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const round = (x: number) => Math.round(x * 100) / 100;
const withDate = (date: CandidateDate | undefined) => (date ? { date } : {});

function cite(text: string, s: number, e: number) {
  return { start: s, end: e, quote: text.slice(s, e) };
}

/** Readings of the first ambiguous name in [s, e), for candidates that rest on it. */
function ambiguityIn(mentions: readonly Mention[], s: number, e: number): Ambiguity[] {
  return mentions.find((m) => m.start >= s && m.end <= e && m.ambiguity)?.ambiguity ?? [];
}

function actorCandidates(inp: CandidateInput, layout: Layout, names: readonly NameFind[]): Array<Omit<Extract<Candidate, { kind: 'actor' }>, 'id'> & { key: string }> {
  const out: Array<Omit<Extract<Candidate, { kind: 'actor' }>, 'id'> & { key: string }> = [];
  const byKey = new Map<string, number>();
  for (const n of names) {
    if (inChrome(layout, n.start)) continue;
    const key = nameKey(n.name);
    const known = byKey.get(key);
    if (known !== undefined) {
      // the same name again: keep the first citation, take a title it lacked
      const o = out[known];
      if (!o.fields.title && n.title) o.fields.title = n.title;
      continue;
    }
    let organisation: { actor: string | null; name: string } | undefined;
    if (n.titleSpan) {
      const m = inp.mentions.find((x) => x.kind === 'actor' && x.start >= n.titleSpan!.start && x.end <= n.titleSpan!.end && !(x.ambiguity && x.ambiguity[0].actor === null));
      const o = names.find((x) => x.type !== 'person' && x.start >= n.titleSpan!.start && x.end <= n.titleSpan!.end);
      if (m) organisation = { actor: m.actor, name: m.text };
      else if (o) organisation = { actor: null, name: o.name };
    }
    const person = n.type === 'person';
    byKey.set(key, out.length);
    out.push({
      kind: 'actor',
      key,
      fields: {
        name: n.name,
        type: n.type,
        ...(n.title ? { title: n.title } : {}),
        ...(n.rank ? { rank: n.rank } : {}),
        ...(organisation ? { organisation } : {}),
        lang: n.lang,
      },
      cite: cite(inp.text, n.phrase.start, n.phrase.end),
      confidence: person ? (n.rank && n.title ? 0.9 : 0.75) : n.cue === 'quoted' ? 0.5 : 0.65,
      ambiguity: ambiguityIn(inp.mentions, n.start, n.end),
      reason: person
        ? n.cue === 'rank'
          ? `a name after the rank "${n.rank}"`
          : `a name with the title "${n.title}"`
        : n.cue === 'quoted'
          ? 'an organisation named in quotes'
          : 'an organisation by its head noun and complements',
    });
  }
  return out;
}

/** Every candidate for a document, kinds in CandidateKind order, each kind in text order. */
export function proposeCandidates(inp: CandidateInput): Candidate[] {
  const { text } = inp;
  const layout = readLayout(text);
  const actorsById = new Map(inp.case.actors.map((a) => [a.id, a]));
  const names = findNewNames(text, inp.mentions);
  const speakers: Speakers = findSpeakers(text, inp.mentions, names, actorsById);
  const quotes = findQuotes(text, layout, speakers, inp.mentions);
  const allSentences = sentences(text)
    .filter((s) => !inChrome(layout, s.start))
    .map((s) => {
      const t = pastDateline(layout, s);
      return { ...t, text: text.slice(t.start, t.end) };
    });
  const out: Candidate[] = [];
  const keyOf = new Map<Candidate, string>();
  const add = (c: Omit<Candidate, 'id'>, key: string) => {
    const full = { ...c, id: '' } as Candidate;
    keyOf.set(full, key);
    out.push(full);
  };

  const actorCands = actorCandidates(inp, layout, names);
  for (const { key, ...c } of actorCands) add(c, key);

  for (const e of findEvents({ text, layout, dates: inp.dates, mentions: inp.mentions, published: inp.published, events: inp.case.events, commitments: inp.case.commitments })) {
    add({ kind: 'event', fields: e.fields, cite: cite(text, e.cite.start, e.cite.end), confidence: e.confidence, ambiguity: ambiguityIn(inp.mentions, e.cite.start, e.cite.end), reason: e.reason }, `${e.fields.date.value}|${e.cite.start}`);
  }

  const candidateOfName = new Map<string, string>();
  for (const [c, key] of keyOf) if (c.kind === 'actor') candidateOfName.set(key, candidateId(inp.contentHash, 'actor', key));
  const withCandidate = (s: Speaker): Speaker => {
    const id = s.candidate ? candidateOfName.get(s.candidate) : undefined;
    const { candidate: _c, ...rest } = s;
    return id ? { ...rest, candidate: id } : rest;
  };

  const figureFinds = findFigureCandidates({
    text, layout, figures: inp.figures, dates: inp.dates, mentions: inp.mentions, quotes, speakers,
    claims: inp.case.claims, quantities: inp.case.quantities ?? [], file: inp.file, published: inp.published,
  });
  for (const f of figureFinds) {
    const fields = f.fields.reported_by ? { ...f.fields, reported_by: withCandidate(f.fields.reported_by) } : f.fields;
    add({ kind: 'figure', fields, cite: cite(text, f.cite.start, f.cite.end), confidence: f.confidence, ambiguity: ambiguityIn(inp.mentions, f.cite.start, f.cite.end), reason: f.reason }, `${JSON.stringify(f.fields.value)}|${f.fields.unit}|${f.fields.text}|${f.cite.start}`);
  }

  // Quotes the case's stances already hold are not proposed again.
  const held = inp.case.stances.flatMap((st) => [st.quote, ...st.cite.map((k) => k.quote)]).filter((q): q is string => !!q).map(squash);
  const isHeld = (q: string) => {
    const s = squash(q);
    return held.some((k) => k.length >= 8 && (s.includes(k) || k.includes(s)));
  };
  const newQuotes = quotes.filter((q) => !isHeld(q.text));
  const placings = findPlacings(allSentences, (s, e) =>
    speakers.all
      .filter((r) => r.start >= s && r.end <= e && r.kind !== 'unnamed')
      .map((r) => ({ start: r.start, end: r.end, speaker: { actor: r.actor, name: r.name, ...(r.candidate ? { candidate: r.candidate } : {}) } })),
  );
  for (const st of findStanceCandidates({ text, quotes: newQuotes, issues: inp.case.issues ?? [], stances: inp.case.stances, dates: inp.dates, published: inp.published, placings })) {
    const fields = { ...st.fields, speaker: withCandidate(st.fields.speaker), ...(st.fields.attributed_by ? { attributed_by: withCandidate(st.fields.attributed_by) } : {}) };
    add({ kind: 'stance', fields, cite: cite(text, st.cite.start, st.cite.end), confidence: round(st.confidence), ambiguity: ambiguityIn(inp.mentions, st.cite.start, st.cite.end), reason: st.reason }, `${st.fields.actor ?? squash(st.fields.speaker.name)}|${st.fields.issue}|${st.cite.start}`);
  }

  const gazetteer = { actors: inp.case.actors, places: inp.case.places ?? [] };
  const entitiesIn = (t: string) => tagMentions(gazetteer, t, { ambiguity: false }).map((m) => ({ id: m.actor, start: m.start, end: m.end }));
  for (const k of findCommitmentStatus({ entitiesIn, layout, sentences: allSentences, dates: inp.dates, mentions: inp.mentions, commitments: inp.case.commitments, published: inp.published })) {
    add({ kind: 'commitment-status', fields: k.fields, cite: cite(text, k.cite.start, k.cite.end), confidence: round(k.confidence), ambiguity: [], reason: k.reason }, `${k.fields.commitment}|${k.fields.date.value}|${k.cite.start}`);
  }

  for (const q of newQuotes) {
    const { kind, ...speaker } = q.speaker;
    add(
      {
        kind: 'quote',
        fields: { speaker: withCandidate(speaker), verb: q.verb, text: q.text, ...withDate(dateWithin(inp.dates, q.context.start, q.context.end, inp.published)) },
        cite: cite(text, q.start, q.end),
        confidence: kind === 'unnamed' ? 0.5 : speaker.actor !== null ? 0.8 : kind === 'person' ? 0.75 : 0.6,
        ambiguity: q.ambiguity ?? [],
        reason: `quoted words introduced by "${q.verb}"; speaker: ${speaker.name}${speaker.actor ? '' : speaker.unnamed ? ' (unnamed source)' : ' (not in the case)'}`,
      },
      `${q.start}|${q.end}`,
    );
  }

  return out
    .map((c) => {
      const { id: _id, ...rest } = c;
      return { id: candidateId(inp.contentHash, c.kind, keyOf.get(c)!), ...rest } as Candidate;
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.cite.start - b.cite.start);
}
