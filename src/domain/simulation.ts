/**
 * Shapes of what the simulation engine and the analyses compute: inference settings and their
 * names, scenario results, trajectories, Monte Carlo summaries, sensitivity, payoffs, model
 * metrics and loops, and the ACH result. The engine (src/simulate, src/model, src/analysis)
 * computes them; the application layer returns them; the API and the web app read them.
 *
 * The names of the engine's registries are listed here once (update rules, transfer functions,
 * sampling distributions, model file formats, briefing formats); each registry in its own
 * module is typed `Record<Name, …>`, so adding a name without its entry (or the reverse) does
 * not compile.
 */
import { z } from 'zod';
import {
  DISTRIBUTION_NAMES,
  MODEL_FORMAT_NAMES,
  REPORT_FORMAT_NAMES,
  TRANSFER_NAMES,
  UPDATE_RULE_NAMES,
  WEIGHT_NORMALIZATION_NAMES,
} from './names.js';

export { MODEL_FORMAT_NAMES, REPORT_FORMAT_NAMES, TRANSFER_NAMES, UPDATE_RULE_NAMES, WEIGHT_NORMALIZATION_NAMES };

export const UpdateRuleName = z.enum(UPDATE_RULE_NAMES);
export type UpdateRuleName = z.infer<typeof UpdateRuleName>;

export const TransferName = z.enum(TRANSFER_NAMES);
export type TransferName = z.infer<typeof TransferName>;

export const Distribution = z.enum(DISTRIBUTION_NAMES);
export type Distribution = z.infer<typeof Distribution>;

export const ModelFormatName = z.enum(MODEL_FORMAT_NAMES);
export type ModelFormatName = z.infer<typeof ModelFormatName>;

export const ReportFormatName = z.enum(REPORT_FORMAT_NAMES);
export type ReportFormatName = z.infer<typeof ReportFormatName>;

export const WeightNormalizationName = z.enum(WEIGHT_NORMALIZATION_NAMES);
export type WeightNormalizationName = z.infer<typeof WeightNormalizationName>;

export const ConceptKindName = z.enum(['lever', 'intermediate', 'outcome']);

export const InferenceSettings = z
  .object({
    rule: UpdateRuleName,
    transfer: TransferName,
    lambda: z.number(),
    epsilon: z.number(),
    maxSteps: z.number().int(),
    maxPeriod: z.number().int(),
    normalize: WeightNormalizationName,
  })
  .strict();
export type InferenceSettings = z.infer<typeof InferenceSettings>;

export const Convergence = z
  .object({
    status: z.enum(['fixed-point', 'limit-cycle', 'none']),
    steps: z.number().int(),
    period: z.number().int().optional(),
  })
  .strict();
export type Convergence = z.infer<typeof Convergence>;

export const ConceptDelta = z
  .object({ concept: z.string(), kind: ConceptKindName, baseline: z.number(), value: z.number(), delta: z.number() })
  .strict();
export type ConceptDelta = z.infer<typeof ConceptDelta>;

export const ActorPayoff = z.object({ actor: z.string(), payoff: z.number() }).strict();
export type ActorPayoff = z.infer<typeof ActorPayoff>;

export const PayoffTable = z
  .object({ actors: z.array(ActorPayoff), winners: z.array(ActorPayoff), losers: z.array(ActorPayoff) })
  .strict();
export type PayoffTable = z.infer<typeof PayoffTable>;

export const Trajectory = z
  .object({
    scenario: z.string(),
    from: z.string(),
    to: z.string(),
    stepsPerMonth: z.number().int(),
    months: z.array(z.string()),
    changes: z.array(z.object({ month: z.string(), levers: z.record(z.string(), z.number()) }).strict()),
    series: z.array(z.object({ concept: z.string(), kind: ConceptKindName, values: z.array(z.number()) }).strict()),
  })
  .strict();
export type Trajectory = z.infer<typeof Trajectory>;

export const MonteCarloSummary = z
  .object({
    scenario: z.string(),
    runs: z.number().int(),
    seed: z.number().int(),
    distribution: Distribution,
    nonConverged: z.number(),
    outcomes: z.array(
      z.object({ concept: z.string(), rise: z.number(), fall: z.number(), meanDelta: z.number(), sdDelta: z.number() }).strict(),
    ),
    actors: z.array(z.object({ actor: z.string(), ahead: z.number(), behind: z.number(), meanPayoff: z.number() }).strict()),
  })
  .strict();
export type MonteCarloSummary = z.infer<typeof MonteCarloSummary>;

export const EdgeSensitivity = z
  .object({
    from: z.string(),
    to: z.string(),
    weight: z.number(),
    low: z.number(),
    high: z.number(),
    deltaLow: z.number(),
    deltaHigh: z.number(),
    swing: z.number(),
    flipsSign: z.boolean(),
  })
  .strict();
export type EdgeSensitivity = z.infer<typeof EdgeSensitivity>;

export const SensitivityResult = z
  .object({ scenario: z.string(), outcome: z.string(), delta: z.number(), edges: z.array(EdgeSensitivity) })
  .strict();
export type SensitivityResult = z.infer<typeof SensitivityResult>;

/** Free concepts at the walls of the transfer function (|x| ≥ threshold), where deltas understate what moves them. */
export const Walls = z.object({ threshold: z.number(), baseline: z.array(z.string()), scenario: z.array(z.string()) }).strict();

const BilingualText = z.object({ ar: z.string(), en: z.string() }).strict();

/** How robust one conclusion is over the edges' plausible ranges, and the edges it hangs on. */
export const Conclusion = z
  .object({
    kind: z.enum(['effect', 'actor']),
    subject: z.string(),
    claim: z.enum(['rises', 'falls', 'ahead', 'behind']),
    value: z.number(),
    probability: z.number(),
    hangsOn: z.array(
      z
        .object({
          from: z.string(),
          to: z.string(),
          low: z.number(),
          high: z.number(),
          atLow: z.number(),
          atHigh: z.number(),
          swing: z.number(),
          reverses: z.enum(['low', 'high']).optional(),
        })
        .strict(),
    ),
    sentence: BilingualText,
  })
  .strict();
export type Conclusion = z.infer<typeof Conclusion>;

/** One scenario run against the baseline, with everything derived from it. */
export const SimulationResult = z
  .object({
    scenario: z.string(),
    title: BilingualText,
    settings: InferenceSettings,
    convergence: z.object({ baseline: Convergence, scenario: Convergence }).strict(),
    levers: z.record(z.string(), z.number()),
    /** Every concept in model order. */
    concepts: z.array(ConceptDelta),
    /** The outcome concepts in model order. */
    outcomes: z.array(ConceptDelta),
    walls: Walls,
    actors: z.array(ActorPayoff),
    winners: z.array(ActorPayoff),
    losers: z.array(ActorPayoff),
    /** Monte Carlo over the edges' ranges, when more than one run was asked for. */
    probabilities: MonteCarloSummary.optional(),
    /** Each conclusion's probability and the edges it hangs on, with the Monte Carlo runs. */
    robustness: z.array(Conclusion).optional(),
    /** Monthly states, when the scenario has a schedule or a window was asked for. */
    trajectory: Trajectory.optional(),
    /** Edges ranked by how much they move one outcome, when asked for. */
    sensitivity: SensitivityResult.optional(),
  })
  .strict();
export type SimulationResult = z.infer<typeof SimulationResult>;

export const ConceptMetrics = z
  .object({
    concept: z.string(),
    kind: ConceptKindName,
    role: z.enum(['driver', 'receiver', 'ordinary', 'isolated']),
    inDegree: z.number().int(),
    outDegree: z.number().int(),
    inWeight: z.number(),
    outWeight: z.number(),
    centrality: z.number(),
  })
  .strict();
export type ConceptMetrics = z.infer<typeof ConceptMetrics>;

export const ModelMetrics = z
  .object({
    concepts: z.number().int(),
    edges: z.number().int(),
    density: z.number(),
    drivers: z.number().int(),
    receivers: z.number().int(),
    ordinary: z.number().int(),
    isolated: z.number().int(),
    complexity: z.number().nullable(),
    positiveEdges: z.number().int(),
    negativeEdges: z.number().int(),
    perConcept: z.array(ConceptMetrics),
  })
  .strict();
export type ModelMetrics = z.infer<typeof ModelMetrics>;

export const FeedbackLoop = z
  .object({
    concepts: z.array(z.string()),
    length: z.number().int(),
    polarity: z.enum(['reinforcing', 'balancing']),
    gain: z.number(),
    centrality: z.number(),
  })
  .strict();
export type FeedbackLoop = z.infer<typeof FeedbackLoop>;

export const LoopResult = z
  .object({
    loops: z.array(FeedbackLoop),
    truncated: z.boolean(),
    reason: z.enum(['max-loops', 'max-steps']).optional(),
    reinforcing: z.number().int(),
    balancing: z.number().int(),
  })
  .strict();
export type LoopResult = z.infer<typeof LoopResult>;

export const HypothesisScore = z
  .object({
    hypothesis: z.string(),
    inconsistency: z.number(),
    weightedInconsistency: z.number(),
    weightedScore: z.number(),
    rank: z.number().int(),
  })
  .strict();
export type HypothesisScore = z.infer<typeof HypothesisScore>;

export const AchResult = z
  .object({
    scores: z.array(HypothesisScore),
    leading: z.string().nullable(),
    diagnosticity: z.array(z.object({ evidence: z.string(), weight: z.number(), diagnosticity: z.number() }).strict()),
    critical: z.array(z.object({ evidence: z.string(), leadingWithout: z.string().nullable() }).strict()),
    withoutLowCredibility: z
      .object({ dropped: z.array(z.string()), scores: z.array(HypothesisScore), leading: z.string().nullable() })
      .strict(),
  })
  .strict();
export type AchResult = z.infer<typeof AchResult>;
