/**
 * Gathers what a briefing shows for one scenario: the scenario run, payoffs, Monte Carlo
 * probabilities, the ACH result and the computed conflicts. Pure apart from the Monte Carlo
 * worker threads; the same case, scenario and seed give the same input.
 */
import { analyzeAch } from '../analysis/ach.js';
import { payoffs } from '../analysis/payoffs.js';
import type { LoadedCase } from '../case/load.js';
import { findClaimConflicts } from '../case/conflicts.js';
import type { Evidence, Hypothesis } from '../domain/ach.js';
import { InputError, NotFoundError } from '../domain/errors.js';
import { buildCausalMap } from '../model/causal-map.js';
import { runMonteCarlo } from '../simulate/monte-carlo.js';
import { deltasOf, runScenario } from '../simulate/scenario.js';
import type { BriefingInput } from './context.js';

export const PREPARE_DEFAULTS = {
  /** Monte Carlo runs behind the probabilities (0 leaves them out). */
  runs: 2000,
  seed: 1,
} as const;

export interface PrepareOptions {
  runs?: number;
  seed?: number;
  threads?: number;
  /** "Now" (YYYY-MM-DD); default the case's `as_of`. */
  asOf?: string;
  onProgress?: (done: number, total: number) => void;
}

type AchSections = { hypotheses?: Hypothesis[]; evidence?: Evidence[] };

export async function prepareBriefing(c: LoadedCase, scenarioId: string, options: PrepareOptions = {}): Promise<BriefingInput> {
  const scenario = c.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    throw new NotFoundError(`unknown scenario "${scenarioId}"; the case has: ${c.scenarios.map((s) => s.id).join(', ') || 'none'}`);
  }
  const asOf = options.asOf ?? c.meta.as_of;
  if (!asOf) throw new InputError('the briefing needs a date: give --as-of or set `as_of` in the case metadata', { field: 'case.as_of' });
  const map = buildCausalMap(c.concepts, c.edges);
  const simulation = runScenario(map, scenario);
  const runs = options.runs ?? PREPARE_DEFAULTS.runs;
  const monteCarlo =
    runs > 1
      ? await runMonteCarlo(map, scenario, {
          runs,
          seed: options.seed ?? PREPARE_DEFAULTS.seed,
          threads: options.threads,
          stakes: c.stakes,
          onProgress: options.onProgress,
        })
      : undefined;
  const { hypotheses = [], evidence = [] } = c as LoadedCase & AchSections;
  return {
    case: { ...c, hypotheses, evidence },
    scenario,
    simulation,
    payoffs: payoffs(c.stakes, deltasOf(simulation)),
    monteCarlo,
    ach: hypotheses.length ? analyzeAch(hypotheses, evidence) : undefined,
    claimConflicts: findClaimConflicts(c),
    asOf: asOf.length === 4 ? `${asOf}-12-31` : asOf.length === 7 ? `${asOf}-28` : asOf,
  };
}
