/**
 * The simulation engine: registries (transfer functions, update rules) and the entry points.
 * Extending the engine with a transfer or a rule means adding an entry to its table.
 */
export { TRANSFERS, TRANSFER_NAMES, type TransferName, type TransferFunction } from './transfer.js';
export { UPDATE_RULES, UPDATE_RULE_NAMES, type UpdateRuleName, type UpdateRule } from './update-rules.js';
export {
  INFERENCE_DEFAULTS,
  infer,
  resolveSettings,
  type Convergence,
  type ConvergenceStatus,
  type InferenceSettings,
} from './infer.js';
export { runScenario, prepareScenario, deltasOf, type ScenarioInput, type ScenarioResult, type ConceptDelta } from './scenario.js';
export { runSchedule, SCHEDULE_DEFAULTS, type ScheduleOptions, type Trajectory } from './schedule.js';
export {
  runMonteCarlo,
  planMonteCarlo,
  MONTE_CARLO_DEFAULTS,
  type MonteCarloOptions,
  type MonteCarloResult,
} from './monte-carlo.js';
export { createMonteCarloPool, type MonteCarloPool, type MonteCarloPoolOptions } from './monte-carlo-pool.js';
export { sensitivity, sensitivityTable, type SensitivityResult, type SensitivityTable, type EdgeSensitivity } from './sensitivity.js';
export { normalizeMap, WEIGHT_NORMALIZATIONS, WEIGHT_NORMALIZATION_NAMES, type WeightNormalizationName } from './normalize.js';
export { conceptsAtWalls, SATURATION_DEFAULTS, type Walls } from './saturation.js';
export { leverEffects, parseLeverAssignment, scenarioFromLevers, CUSTOM_SCENARIO_ID, type LeverEffect } from './levers.js';
export { Random, runRandom } from './random.js';
