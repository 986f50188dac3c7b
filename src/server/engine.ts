/**
 * The server's one view of the simulation engine: builds the causal map of the case once and
 * runs scenarios (with payoffs and, for scheduled scenarios, monthly trajectories), Monte Carlo
 * and sensitivity on it. Kept in one file so routes do not depend on the engine's option names.
 */
import { payoffs } from '../analysis/payoffs.js';
import type { LoadedCase } from '../case/load.js';
import type { Scenario } from '../domain/case.js';
import { NotFoundError } from '../domain/errors.js';
import { buildCausalMap, type CausalMap } from '../model/causal-map.js';
import {
  runMonteCarlo,
  runScenario,
  runSchedule,
  sensitivity,
  type InferenceSettings,
  type MonteCarloResult,
  type TransferName,
  type UpdateRuleName,
} from '../simulate/index.js';

export interface SimulateRequest {
  scenario: string;
  runs?: number;
  seed?: number;
  rule?: UpdateRuleName;
  transfer?: TransferName;
}

export function createEngine(c: LoadedCase) {
  let map: CausalMap | undefined;
  const getMap = () => (map ??= buildCausalMap(c.concepts, c.edges));
  const scenario = (id: string): Scenario => {
    const s = c.scenarios.find((x) => x.id === id);
    if (!s) throw new NotFoundError(`no scenario "${id}"`);
    return s;
  };
  const settings = (r: SimulateRequest): Partial<InferenceSettings> => ({
    ...(r.rule ? { rule: r.rule } : {}),
    ...(r.transfer ? { transfer: r.transfer } : {}),
  });
  const monteCarlo = (r: SimulateRequest & { runs: number; seed: number }, progress?: (done: number) => void): Promise<MonteCarloResult> =>
    runMonteCarlo(getMap(), scenario(r.scenario), {
      ...settings(r),
      runs: r.runs,
      seed: r.seed,
      stakes: c.stakes,
      onProgress: progress ? (done) => progress(done) : undefined,
    });

  return {
    map: getMap,
    scenario,
    monteCarlo,
    async simulate(r: SimulateRequest) {
      const s = scenario(r.scenario);
      const result = runScenario(getMap(), s, settings(r));
      const deltas = Object.fromEntries(result.concepts.map((k) => [k.concept, k.delta]));
      const table = payoffs(c.stakes, deltas);
      const trajectory = s.schedule.length ? runSchedule(getMap(), s, settings(r)) : undefined;
      const probabilities = r.runs && r.runs > 1 ? await monteCarlo({ ...r, runs: r.runs, seed: r.seed ?? 1 }) : undefined;
      return { ...result, ...table, trajectory, probabilities };
    },
    sensitivity(scenarioId: string, outcome: string) {
      return sensitivity(getMap(), scenario(scenarioId), outcome);
    },
  };
}
