/**
 * Shapes of a case folder: the authored, cited knowledge of one question.
 *
 * A case folder holds YAML files. Each file is a mapping whose top-level keys are section names
 * (`actors`, `places`, `issues`, `stances`, `events`, `commitments`, `quantities`, `claims`,
 * `scenarios`, `indicators`, plus `case` for the metadata); a section may be split over several
 * files and is merged by the loader. The model (`concepts`, `edges`, `stakes`) and the
 * competing-hypotheses matrix have their own schemas in `model.ts` and `ach.ts`.
 *
 * Conventions every item follows:
 * - `id`: stable, kebab-case, ASCII (`kataib-hezbollah`, `joint-statement-2024-09`).
 * - Bilingual text is `{ ar, en }`: Arabic as the source writes it, English in our own words.
 * - `cite`: one or more citations; a citation names the document by its file name and carries a
 *   short exact quote from it (at most a short sentence), verified against the ingested text.
 */
import { z } from 'zod';
import { DateString, PartialDate } from './date-schemas.js';
import { ACTOR_TYPES } from './names.js';

/** Ids: lower-case ASCII words joined by hyphens, so they are safe in URLs, CLI args and SQL. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "kataib-hezbollah"');
export type Id = z.infer<typeof Id>;

/** Text in both languages. Either may be omitted only where the schema says so. */
export const Bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * A pointer to the passage a fact rests on. `quote` is a short exact quote (normalization of
 * hamza forms, diacritics and whitespace is tolerated when resolving); it survives re-segmentation
 * because it is matched against the whole document text.
 */
export const Citation = z
  .object({
    doc: z.string().regex(/^[^/\\]+$/, 'expected a document file name such as "004_d44e6c981398d9dc.txt"'),
    quote: z.string().min(3).max(400),
    /** Optional: the footnote number or page, when the source has one. */
    note: z.string().optional(),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;
export const Cite = z.array(Citation).min(1);

/**
 * Where an item's framing comes from: `cited` (the default) rests on the case's documents;
 * `analyst` is the analyst's own knowledge from outside them (a constitution, a news agency's
 * report, or a what-if of their own), named so a reader can tell it from cited fact.
 */
export const Basis = z.enum(['cited', 'analyst']);

/** Dates at their real precision: the one partial-date type lives in dates.ts. */
export { DateQualifier, PartialDate } from './date-schemas.js';
/** A date string (`2024`, `2024-01`, `2024-01-27`); a bare YAML year number is accepted. */
export const DateValue = DateString;

export const CaseMeta = z
  .object({
    id: Id,
    title: Bilingual,
    question: Bilingual,
    /** Folder with the source documents, relative to the case folder. */
    corpus: z.string().optional(),
    /** Optional: pins "now" for statuses and deadlines (default today; a request's `asOf` overrides it). */
    as_of: DateValue.optional(),
  })
  .strict();
export type CaseMeta = z.infer<typeof CaseMeta>;

export const ActorType = z.enum(ACTOR_TYPES);
export const RelationType = z.enum(['member-of', 'leads', 'backs', 'opposes', 'proxy-of', 'allied-with', 'part-of', 'represents']);

export const Relation = z
  .object({ type: RelationType, target: Id, since: PartialDate.optional(), cite: Cite.optional() })
  .strict();

export const Actor = z
  .object({
    id: Id,
    type: ActorType,
    name: Bilingual,
    /** Other names in any language: spelling variants, transliterations, acronyms ("PMF", "الحشد"). */
    aliases: z.array(z.string().min(1)).default([]),
    description: Bilingual.optional(),
    relations: z.array(Relation).default([]),
    cite: Cite,
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

export const Place = z
  .object({
    id: Id,
    kind: z.enum(['country', 'region', 'city', 'base', 'camp', 'site', 'other']),
    name: Bilingual,
    aliases: z.array(z.string().min(1)).default([]),
    /** Latitude in degrees (WGS 84), approximate; with `lon`, places the item on the overview map. */
    lat: z.number().min(-90).max(90).optional(),
    /** Longitude in degrees (WGS 84), approximate. */
    lon: z.number().min(-180).max(180).optional(),
    cite: Cite,
  })
  .strict()
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), { message: 'give both lat and lon, or neither', path: ['lon'] });
export type Place = z.infer<typeof Place>;

/** A question actors take positions on: withdrawal of US forces, of the coalition, a bilateral framework… */
export const Issue = z.object({ id: Id, label: Bilingual, description: Bilingual.optional() }).strict();
export type Issue = z.infer<typeof Issue>;

export const Position = z.enum(['support', 'oppose', 'conditional', 'reserved', 'ambiguous']);
/**
 * Who says it. `declared`: the actor's own words or act (a statement, a vote, a spokesman).
 * `attributed`: an author places the actor there ("the study counts the Framework among the
 * supporters"); the reading is the author's, not the actor's position.
 */
export const StanceVoice = z.enum(['declared', 'attributed']);
export type StanceVoice = z.infer<typeof StanceVoice>;
export const Stance = z
  .object({
    id: Id,
    actor: Id,
    issue: Id,
    /** `support` means the actor wants the thing the issue names (e.g. withdrawal) to happen. */
    position: Position,
    date: PartialDate,
    summary: Bilingual,
    /** A short quote (at most one short sentence) as the source words it. */
    quote: z.string().max(300).optional(),
    /**
     * For statements that answer a yes/no question (what the talks are for, whether the deal
     * covers US forces): the question id and the answer the actor gives. Conflicts between
     * answers are computed, never written by hand.
     */
    claim: z.object({ question: Id, answer: z.string().min(1) }).strict().optional(),
    /** Declared by the actor, or attributed to it by an author; old case files without it are `declared`. */
    voice: StanceVoice.default('declared'),
    /** For an attributed stance: who attributes it (an actor id: the study's author, an outlet, an analyst). */
    attributed_by: Id.optional(),
    cite: Cite,
  })
  .strict()
  .refine((s) => s.voice === 'attributed' || s.attributed_by === undefined, {
    message: 'attributed_by is only for stances with voice: attributed',
    path: ['attributed_by'],
  });
export type Stance = z.infer<typeof Stance>;

export const EventType = z.enum([
  'attack',
  'strike',
  'meeting',
  'negotiation',
  'statement',
  'agreement',
  'decision',
  'election',
  'deployment',
  'withdrawal',
  'deadline',
  'other',
]);
export const Event = z
  .object({
    id: Id,
    date: PartialDate,
    /** The end of an event that lasts (a war, a round of talks). */
    until: PartialDate.optional(),
    type: EventType,
    title: Bilingual,
    summary: Bilingual.optional(),
    actors: z.array(Id).default([]),
    places: z.array(Id).default([]),
    cite: Cite,
  })
  .strict();
export type Event = z.infer<typeof Event>;

/** Implementation trackers' scale: 0 not started, 1 minimal, 2 intermediate, 3 complete. */
export const ImplementationScore = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export const CommitmentStatusEntry = z
  .object({
    date: PartialDate,
    score: ImplementationScore,
    note: Bilingual,
    /** The owner gave the provision up (or it was overtaken): the commitment is abandoned from this entry on. */
    abandoned: z.literal(true).optional(),
    cite: Cite.optional(),
  })
  .strict();
export const Commitment = z
  .object({
    id: Id,
    title: Bilingual,
    description: Bilingual.optional(),
    /** Who must act. */
    owners: z.array(Id).min(1),
    /** Who it is owed to, when the text says. */
    counterparts: z.array(Id).default([]),
    /** The event (agreement, statement) that created it. */
    origin: Id.optional(),
    made: PartialDate.optional(),
    due: PartialDate.optional(),
    /** Oldest first; the last entry is the current status. */
    history: z.array(CommitmentStatusEntry).min(1),
    cite: Cite,
  })
  .strict();
export type Commitment = z.infer<typeof Commitment>;

/** A measurable thing figures are reported about: "attacks on US forces since October 2023". */
export const Quantity = z
  .object({
    id: Id,
    label: Bilingual,
    unit: z.string().min(1),
    description: Bilingual.optional(),
  })
  .strict();
export type Quantity = z.infer<typeof Quantity>;

export const ClaimValue = z.union([
  z.number().finite(),
  z
    .object({ low: z.number().finite(), high: z.number().finite() })
    .strict()
    .refine((r) => r.low <= r.high, 'expected low <= high'),
]);
export const Claim = z
  .object({
    id: Id,
    quantity: Id,
    value: ClaimValue,
    /** How the source qualifies the figure: "أكثر من" is more-than, "نحو" about, "ما لا يقل عن" at-least. */
    qualifier: z.enum(['exact', 'about', 'more-than', 'at-least', 'less-than', 'at-most', 'up-to']).default('exact'),
    unit: z.string().min(1),
    /** The period the figure covers; open-ended sides are allowed. */
    period: z.object({ from: PartialDate.optional(), to: PartialDate.optional() }).strict().optional(),
    place: Id.optional(),
    /** Who states the figure (an actor id: an official, an outlet, the study's author). */
    reported_by: z.array(Id).min(1),
    /** The date the figure was stated, if the text gives it. */
    stated: PartialDate.optional(),
    note: Bilingual.optional(),
    cite: Cite,
  })
  .strict();
export type Claim = z.infer<typeof Claim>;

/**
 * What an indicator watches, so an observation can say whether it fired: the value observed
 * crosses `threshold` going `above` (at or over) or `below` (at or under). A yes/no sign is a
 * value of 1 (seen) or 0 (not seen) against threshold 1, direction above.
 */
export const Observable = z
  .object({
    /** What is counted or seen, in words. */
    what: Bilingual,
    /** Where it is watched (a place id), when it matters. */
    where: Id.optional(),
    direction: z.enum(['above', 'below']),
    threshold: z.number().finite(),
    unit: z.string().min(1).optional(),
  })
  .strict();
export type Observable = z.infer<typeof Observable>;

/** One observation of an indicator: a dated value with the passage that reports it. */
export const Observation = z
  .object({ date: DateValue, value: z.number().finite(), note: z.string().max(2000).optional(), cite: Cite })
  .strict();
export type Observation = z.infer<typeof Observation>;

/**
 * A probability that a scenario plays out (or a hypothesis is true), as held on a date: the
 * analyst's own, or one Marsad computed (the ACH ranking, a Monte Carlo share, indicators' states).
 */
export const Forecast = z
  .object({
    date: DateValue,
    p: z.number().min(0).max(1),
    source: z.enum(['analyst', 'ach', 'monte-carlo', 'indicators']).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type Forecast = z.infer<typeof Forecast>;

/** How a scenario or hypothesis resolved: true (it came about) or false, on a date, cited. */
export const Outcome = z
  .object({ value: z.boolean(), date: DateValue, note: z.string().max(2000).optional(), cite: Cite })
  .strict();
export type Outcome = z.infer<typeof Outcome>;

export const Indicator = z
  .object({
    id: Id,
    label: Bilingual,
    description: Bilingual,
    /** The observable definition: what, where, and the threshold with its direction. */
    observe: Observable.optional(),
    /** Observations, in any order (listings sort them by date). */
    observations: z.array(Observation).optional(),
    /** Scenarios or hypotheses this indicator's firing supports. */
    supports: z.array(Id).optional(),
    /** Scenarios or hypotheses this indicator's firing undercuts. */
    undercuts: z.array(Id).optional(),
    /** Quantities whose figures feed this indicator. */
    quantities: z.array(Id).default([]),
    /** Causal-model concepts this indicator tracks. */
    concepts: z.array(Id).default([]),
    /** Which direction is the warning sign, in words. */
    watch_for: Bilingual.optional(),
    cite: Cite,
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

/** A scenario the texts weigh. Lever values and schedules refer to concepts of the causal model. */
export const ScheduleStep = z
  .object({ date: DateValue, levers: z.record(Id, z.number().min(-1).max(1)) })
  .strict();
export const Scenario = z
  .object({
    id: Id,
    title: Bilingual,
    description: Bilingual,
    /** Lever concept id → clamped value in [-1, 1] (sigmoid maps use [0, 1]). */
    levers: z.record(Id, z.number().min(-1).max(1)).default({}),
    /** Dated changes of lever values, in date order, for monthly trajectories. */
    schedule: z.array(ScheduleStep).default([]),
    /**
     * `analyst` for a what-if the analyst authored (in the app or the files) rather than one the
     * texts weigh: it needs no citation, and listings and the briefing say whose it is.
     */
    basis: Basis.optional(),
    /** The analyst's note on why the scenario is worth weighing. */
    note: Bilingual.optional(),
    /** Probabilities that the scenario plays out, as held over time (oldest first). */
    forecasts: z.array(Forecast).optional(),
    /** How it resolved, once it has. */
    outcome: Outcome.optional(),
    cite: z.array(Citation).default([]),
  })
  .strict()
  .refine((s) => s.basis === 'analyst' || s.cite.length > 0, {
    message: 'expected at least one citation (a scenario of your own has basis: analyst)',
    path: ['cite'],
  });
export type Scenario = z.infer<typeof Scenario>;

/** Every section of a case folder, merged from all its YAML files. */
export const CaseSections = {
  actors: Actor,
  places: Place,
  issues: Issue,
  stances: Stance,
  events: Event,
  commitments: Commitment,
  quantities: Quantity,
  claims: Claim,
  scenarios: Scenario,
  indicators: Indicator,
} as const;
export type SectionName = keyof typeof CaseSections;
