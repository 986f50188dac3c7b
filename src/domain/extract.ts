/**
 * Shapes of extraction assist (SPEC C4): what `marsad extract` finds in a document — actor and
 * place mentions, dates, figures — and the candidates it proposes for the analyst to accept.
 * Every span is a pair of offsets into the ORIGINAL document text (`text === doc.slice(start, end)`).
 */
import { z } from 'zod';
import { DateValue } from './case.js';

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The original slice, as written in the document. */
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

/** A known actor or place named in the text. */
export const Mention = Span.extend({
  /** The case id of the actor or place (named `actor` for the CLI contract; places too). */
  actor: z.string(),
  kind: z.enum(['actor', 'place']),
  /** The case name or alias that matched. */
  name: z.string(),
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

/** The sentence a candidate comes from, so the analyst can judge it without opening the document. */
export const Context = Span;

export const EventCandidate = z.object({
  date: DateMention,
  /** Actors and places mentioned in the same sentence. */
  actors: z.array(z.string()),
  sentence: Context,
});
export const FigureCandidate = z.object({ figure: FigureMention, actors: z.array(z.string()), sentence: Context });
export const ActorCandidate = Span.extend({
  /** The name as proposed (trimmed of clitics and punctuation). */
  name: z.string(),
  /** Why it looks like an actor: the title before it ("وزير الخارجية") or `quoted`. */
  cue: z.string(),
});
/** A quoted statement attributed to a known actor, not yet among the case's stance quotes. */
export const QuoteCandidate = z.object({
  /** The speaker: the actor named between the verb of saying and the quote. */
  actor: z.string(),
  /** The verb of saying that introduces the quote (قال، أكد، أوضح…). */
  verb: z.string(),
  /** The quoted words, without the quote marks. */
  quote: Span,
});
export type QuoteCandidate = z.infer<typeof QuoteCandidate>;
export type EventCandidate = z.infer<typeof EventCandidate>;
export type FigureCandidate = z.infer<typeof FigureCandidate>;
export type ActorCandidate = z.infer<typeof ActorCandidate>;

export const ExtractionResult = z.object({
  file: z.string().nullable(),
  /** The publication date relative expressions were resolved against (YYYY, YYYY-MM or YYYY-MM-DD). */
  published: z.string().nullable(),
  mentions: z.array(Mention),
  dates: z.array(DateMention),
  figures: z.array(FigureMention),
  candidates: z.object({
    events: z.array(EventCandidate),
    figures: z.array(FigureCandidate),
    actors: z.array(ActorCandidate),
    /** Stance quotes: quoted statements by known actors that no stance of the case quotes yet. */
    quotes: z.array(QuoteCandidate),
  }),
  /** Things the analyst should know (relative dates left unresolved for lack of a publication date…). */
  warnings: z.array(z.string()),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
