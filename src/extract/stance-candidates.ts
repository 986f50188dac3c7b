/**
 * Stance candidates: a speaker's quoted words about one of the case's issues, in the speaker's
 * own voice (`declared`); and readings an author gives of someone else ("the study places the
 * Framework among…", "يصنف الكاتب…") as `attributed`, with who attributes it.
 *
 * The issue is the one whose label and description share the most words with the quote and its
 * sentence (at least two). The position is read from a few plain cues — a demand to leave or end
 * something is support, a refusal or a wish to keep forces is opposition, a condition is
 * conditional — and is `ambiguous` otherwise: the analyst sets it.
 */
import type { Issue, Stance } from '../domain/case.js';
import type { CandidateDate, DateMention, Speaker, StanceFields } from '../domain/extract.js';
import { dateWithin } from './spans.js';
import { fold, stems as terms } from './words.js';
import type { QuoteFind } from './quotes.js';

export const DEFAULTS = {
  /** Words an issue must share with the quote and its sentence. */
  minIssueOverlap: 2,
};

export interface StanceFind {
  fields: StanceFields;
  cite: { start: number; end: number };
  confidence: number;
  reason: string;
}


const POSITION_CUES: Array<[StanceFields['position'], RegExp]> = [
  ['conditional', /(?:\bif\b|\bunless\b|\bprovided\b|\bcondition\w*|شرط|شروط|بشرط|اذا|إذا|ما لم)/u],
  ['oppose', /(?:\breject\w*|\boppos\w*|\brefus\w*|should\s+stay|must\s+stay|\bremain\s+needed|\bnot\s+withdraw|نرفض|يرفض|ترفض|رفض|لن\s+ننسحب|بقاء|ضروره\s+بقاء|حاجه\s+الى)/u],
  ['support', /(?:\bmust\s+(?:leave|end|go)|\bshould\s+(?:leave|end)|no\s+longer\s+(?:needed|necessary)|\bdemand\w*|\bend\s+(?:of\s+)?the\s+mission|نطالب|يطالب|تطالب|اخراج|لا\s+حاجه|انتهت|انهاء|خروج|رحيل)/u],
];
/** Verbs by which an author places someone in a camp: the stance is attributed. */
const PLACING = /(?:\bplaces?\b|\bplaced\b|\bcounts?\b|\blists?\b|\bclassif\w*|\bdescrib\w*\s+\w+\s+as\b|\bseen\s+as\b|يصنف|تصنف|يضع|تضع|ضمن\s+معسكر)/u;

function positionOf(s: string): StanceFields['position'] {
  const f = fold(s);
  return POSITION_CUES.find(([, re]) => re.test(f))?.[0] ?? 'ambiguous';
}

function bestIssue(issueTerms: Array<{ id: string; terms: Set<string> }>, here: Set<string>): { id: string; n: number } | null {
  let best: { id: string; n: number } | null = null;
  for (const it of issueTerms) {
    const n = [...it.terms].filter((t) => here.has(t)).length;
    if (n >= DEFAULTS.minIssueOverlap && (!best || n > best.n)) best = { id: it.id, n };
  }
  return best;
}

export interface StanceInput {
  text: string;
  quotes: readonly QuoteFind[];
  issues: readonly Issue[];
  stances: readonly Stance[];
  dates: readonly DateMention[];
  published: string | null;
  placings: readonly Placing[];
}

export function findStanceCandidates(inp: StanceInput): StanceFind[] {
  const issueTerms = inp.issues.map((i) => ({ id: i.id, terms: terms(`${i.label.ar} ${i.label.en} ${i.description?.ar ?? ''} ${i.description?.en ?? ''}`) }));
  const out: StanceFind[] = [];
  for (const q of inp.quotes) {
    if (q.speaker.unnamed || q.speaker.kind === 'media') continue;
    const sentence = inp.text.slice(q.context.start, q.context.end);
    const here = terms(sentence);
    const best = bestIssue(issueTerms, here);
    if (!best) continue;
    const position = positionOf(q.text);
    const date: CandidateDate | undefined = dateWithin(inp.dates, q.context.start, q.context.end, inp.published);
    const { kind: _kind, ...speaker } = q.speaker;
    out.push({
      fields: {
        actor: speaker.actor,
        speaker: speaker as Speaker,
        issue: best.id,
        position,
        voice: 'declared',
        ...(date ? { date } : {}),
        quote: q.text,
      },
      cite: { start: q.start, end: q.end },
      confidence: Math.min(0.7, 0.25 + 0.1 * best.n + (position === 'ambiguous' ? 0 : 0.15)),
      reason: `${speaker.name} on ${best.id} in their own words${position === 'ambiguous' ? '; position to be set' : `; reads as ${position}`}`,
    });
  }
  // Readings: "<author> places/counts <actor> among…" — the actor's stance in the author's voice.
  for (const r of inp.placings) {
    const sentence = inp.text.slice(r.sentence.start, r.sentence.end);
    const best = bestIssue(issueTerms, terms(sentence));
    if (!best) continue;
    out.push({
      fields: {
        actor: r.placed.actor,
        speaker: r.placed,
        issue: best.id,
        position: positionOf(sentence),
        voice: 'attributed',
        attributed_by: r.author,
        quote: sentence.length > 300 ? `${sentence.slice(0, 299)}…` : sentence,
      },
      cite: r.sentence,
      confidence: 0.3,
      reason: `${r.author.name} places ${r.placed.name} (attributed, not the actor's own words)`,
    });
  }
  return out;
}

/** A sentence in which an author places an actor: "<author> places|counts|يصنف <actor>". */
export interface Placing {
  sentence: { start: number; end: number };
  author: Speaker;
  placed: Speaker;
}

/** Placing sentences, given the sentences and a way to name who is at a position. */
export function findPlacings(
  sentences: ReadonlyArray<{ start: number; end: number; text: string }>,
  actorsIn: (s: number, e: number) => Array<{ start: number; end: number; speaker: Speaker }>,
): Placing[] {
  const out: Placing[] = [];
  for (const s of sentences) {
    const m = PLACING.exec(fold(s.text));
    if (!m) continue;
    // folding keeps Arabic letters one to one except harakat; find the verb in the original by words
    const verbAt = s.start + approxOffset(s.text, m.index);
    const who = actorsIn(s.start, s.end);
    const author = who.filter((w) => w.end <= verbAt).pop();
    const placed = who.find((w) => w.start >= verbAt);
    if (!author || !placed || author.speaker.actor === placed.speaker.actor) continue;
    out.push({ sentence: { start: s.start, end: s.end }, author: author.speaker, placed: placed.speaker });
  }
  return out;
}

/** Offset in `original` of folded offset `i` (folding drops harakat and tatweel only). */
function approxOffset(original: string, i: number): number {
  let folded = 0;
  for (let k = 0; k < original.length; k++) {
    if (folded >= i) return k;
    if (fold(original[k]) !== '') folded += fold(original[k]).length;
  }
  return original.length;
}
