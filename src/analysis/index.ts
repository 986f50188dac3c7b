/** Public API of src/analysis: what the case's results mean — payoffs (winners and losers) and competing hypotheses. */
export { payoffs, compileStakes, payoffVector, PAYOFF_DEFAULTS, type ActorPayoff, type PayoffTable, type CompiledStakes } from './payoffs.js';
export { analyzeAch, scoreHypotheses, diagnosticity, evidenceWeight, DEFAULTS as ACH_DEFAULTS, type AchResult, type HypothesisScore } from './ach.js';
