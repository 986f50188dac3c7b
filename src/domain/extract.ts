/**
 * Shapes of extraction assist (SPEC C4): what `marsad extract` finds in a document — actor and
 * place mentions, dates, figures — and the candidates it proposes for the analyst to accept.
 * Every span is a pair of offsets into the ORIGINAL document text (`text === doc.slice(start, end)`).
 */
import { z } from 'zod';
import { ActorType, DateValue, EventType, Id, ImplementationScore, Position, StanceVoice } from './case.js';

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The original slice, as written in the document. */
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

/**
 * One reading of a name that fits several actors (or an actor and someone the case does not
 * hold), ranked by context: the title or organisation beside the name, a fuller form of the name
 * elsewhere in the document.
 */
export const Ambiguity = z.object({
  /** The case id, or null for someone not in the case (the name is only partly theirs). */
  actor: z.string().nullable(),
  /** The name this reading stands for when `actor` is null ("قيس المحمداوي"). */
  name: z.string().optional(),
  /** Relative plausibility in [0, 1]; the readings of one name sum to 1. */
  score: z.number().min(0).max(1),
  /** Why, in a few words, for the analyst to judge. */
  why: z.string(),
});
export type Ambiguity = z.infer<typeof Ambiguity>;

/** A known actor or place named in the text. */
export const Mention = Span.extend({
  /** The case id of the actor or place (named `actor` for the CLI contract; places too). */
  actor: z.string(),
  kind: z.enum(['actor', 'place']),
  /** The case name or alias that matched. */
  name: z.string(),
  /**
   * Present when the name fits more than one reading: every reading, best first. `actor` above is
   * the best case actor among them, which may rank below a reading outside the case.
   */
  ambiguity: z.array(Ambiguity).optional(),
});
export type Mention = z.infer<typeof Mention>;

export const DatePrecision = z.enum(['year', 'month', 'day']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** early/mid/late January; `about` for approximate years. */
export const DateMentionQualifier = z.enum(['early', 'mid', 'late', 'about']);
export type DateMentionQualifier = z.infer<typeof DateMentionQualifier>;

export const DateMention = Span.extend({
  /** ISO at its precision: `2024`, `2024-01`, `2024-01-27`. */
  value: DateValue,
  precision: DatePrecision,
  qualifier: DateMentionQualifier.optional(),
  /** Set when the expression is relative ("الجمعة الماضية") or lacks its year: the anchor date used. */
  anchor: z.string().optional(),
  /** Which rule recognised it (for tests and for the analyst to judge). */
  rule: z.string(),
});
export type DateMention = z.infer<typeof DateMention>;

/** As in case claims: "أكثر من" is more-than, "نحو" about, "ما لا يقل عن" at-least… */
export const FigureQualifier = z.enum(['exact', 'about', 'more-than', 'at-least', 'less-than', 'at-most', 'up-to']);
export type FigureQualifier = z.infer<typeof FigureQualifier>;

export const FigureValue = z.union([
  z.number().finite(),
  z.object({ low: z.number().finite(), high: z.number().finite() }),
]);
export type FigureValue = z.infer<typeof FigureValue>;

export const FigureMention = Span.extend({
  value: FigureValue,
  /** Normalised unit (`troops`, `attacks`, `USD`, `percent`, `MW`…), null when the text gives none. */
  unit: z.string().nullable(),
  qualifier: FigureQualifier,
  rule: z.string(),
});
export type FigureMention = z.infer<typeof FigureMention>;

/** A date as a candidate carries it: ISO at its precision. */
export const CandidateDate = z.object({
  value: DateValue,
  precision: DatePrecision,
  qualifier: DateMentionQualifier.optional(),
});
export type CandidateDate = z.infer<typeof CandidateDate>;

export const CandidateKind = z.enum(['actor', 'event', 'figure', 'stance', 'commitment-status', 'quote']);
export type CandidateKind = z.infer<typeof CandidateKind>;

/** Who a quote, figure or stance comes from: a case actor, or a name the case does not hold. */
export const Speaker = z.object({
  /** Case id, or null when the speaker is not in the case. */
  actor: Id.nullable(),
  /** The name (or description, for an unnamed source) as the document gives it. */
  name: z.string(),
  /** The actor candidate proposed for this speaker, when `actor` is null and the name is new. */
  candidate: z.string().optional(),
  /** True for unnamed sources ("a senior Iraqi official", "مصدر حكومي"). */
  unnamed: z.boolean().optional(),
});
export type Speaker = z.infer<typeof Speaker>;

export const ActorFields = z.object({
  /** The name as the document writes it. */
  name: z.string(),
  type: ActorType,
  /** Office or role ("نائب قائد العمليات المشتركة", "adviser to the prime minister"). */
  title: z.string().optional(),
  /** Military rank or honorific ("الفريق أول ركن", "Lt. Gen."). */
  rank: z.string().optional(),
  /** The organisation the title names: a case actor id when known. */
  organisation: z.object({ actor: Id.nullable(), name: z.string() }).optional(),
  lang: z.enum(['ar', 'en']),
});
export const EventFields = z.object({
  date: CandidateDate,
  type: EventType,
  /** What happened, as the sentence says it (trimmed of dateline and attribution). */
  title: z.string(),
  actors: z.array(Id),
  places: z.array(Id),
  /** The report's headline event: the lead's thing that happened, dated by today/yesterday/a weekday. */
  headline: z.boolean(),
  /** A case event this may be (same date at another precision, same actors or places). */
  existing: Id.optional(),
});
export const FigureFields = z.object({
  value: FigureValue,
  unit: z.string().nullable(),
  qualifier: FigureQualifier,
  /** The figure as written. */
  text: z.string(),
  actors: z.array(Id),
  places: z.array(Id),
  /** Who states it, when the sentence says. */
  reported_by: Speaker.optional(),
  /** The date the figure was stated: the sentence's date, else the publication date. */
  stated: CandidateDate.optional(),
  /** The case quantity it most likely measures (its label shares words with the sentence). */
  quantity: Id.optional(),
  /** Claims of the case with the same value and unit in another document (corroboration or merge). */
  similar: z.array(Id),
});
export const QuoteFields = z.object({
  speaker: Speaker,
  /** The verb of saying that introduces the quote (قال، أكد… said, told). */
  verb: z.string(),
  /** The quoted words, without the quote marks. */
  text: z.string(),
  date: CandidateDate.optional(),
});
export const StanceFields = z.object({
  actor: Id.nullable(),
  speaker: Speaker,
  issue: Id,
  position: Position,
  voice: StanceVoice,
  /** Who places the actor there, for an attributed stance. */
  attributed_by: Speaker.optional(),
  date: CandidateDate.optional(),
  quote: z.string(),
});
export const CommitmentStatusFields = z.object({
  commitment: Id,
  /** Proposed implementation score: 0 not started, 1 minimal, 2 intermediate, 3 complete. */
  score: ImplementationScore,
  /** The commitment's current score, for comparison. */
  previous: ImplementationScore,
  /** What the sentence says happened: `done`, `begun`, `slipped` (postponed, kept on) or `ended`. */
  change: z.enum(['done', 'begun', 'slipped', 'ended']),
  date: CandidateDate,
  note: z.string(),
});

/** Where a candidate rests: offsets into the document text and the words there (at most a sentence). */
export const CandidateCite = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
});
export type CandidateCite = z.infer<typeof CandidateCite>;

const candidateBase = {
  /** Stable: a hash of the document's content hash, the kind and the normalised fields and span. */
  id: z.string().regex(/^c-[0-9a-f]{16}$/),
  cite: CandidateCite,
  /** How sure the rules are, in [0, 1]; candidates of one kind are ranked by it. */
  confidence: z.number().min(0).max(1),
  /** Readings of a name in the candidate that fits several actors, best first (empty when none). */
  ambiguity: z.array(Ambiguity),
  /** Why it is proposed, in a few words. */
  reason: z.string(),
};

/** One proposal for the analyst, in one shape for every kind; `fields` is typed by `kind`. */
export const Candidate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('actor'), fields: ActorFields, ...candidateBase }),
  z.object({ kind: z.literal('event'), fields: EventFields, ...candidateBase }),
  z.object({ kind: z.literal('figure'), fields: FigureFields, ...candidateBase }),
  z.object({ kind: z.literal('quote'), fields: QuoteFields, ...candidateBase }),
  z.object({ kind: z.literal('stance'), fields: StanceFields, ...candidateBase }),
  z.object({ kind: z.literal('commitment-status'), fields: CommitmentStatusFields, ...candidateBase }),
]);
export type Candidate = z.infer<typeof Candidate>;
export type CandidateOf<K extends CandidateKind> = Extract<Candidate, { kind: K }>;
export type ActorFields = z.infer<typeof ActorFields>;
export type EventFields = z.infer<typeof EventFields>;
export type FigureFields = z.infer<typeof FigureFields>;
export type QuoteFields = z.infer<typeof QuoteFields>;
export type StanceFields = z.infer<typeof StanceFields>;
export type CommitmentStatusFields = z.infer<typeof CommitmentStatusFields>;

export const ExtractionResult = z.object({
  file: z.string().nullable(),
  /** The publication date relative expressions were resolved against (YYYY, YYYY-MM or YYYY-MM-DD). */
  published: z.string().nullable(),
  mentions: z.array(Mention),
  dates: z.array(DateMention),
  figures: z.array(FigureMention),
  /** Proposals the case does not hold yet, in text order within each kind, kinds in CandidateKind order. */
  candidates: z.array(Candidate),
  /** Things the analyst should know (relative dates left unresolved for lack of a publication date…). */
  warnings: z.array(z.string()),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
