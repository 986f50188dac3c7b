/**
 * Running the case's causal model: one scenario against the baseline (with payoffs, the monthly
 * trajectory, Monte Carlo probabilities and sensitivity when asked), Monte Carlo as a job,
 * scenarios side by side, and the model's structure and export. Written once: the CLI's
 * `simulate`, the API's `/simulate`, `/montecarlo` and `/sensitivity`, and the briefing all come
 * here, so the same scenario, runs and seed give the same numbers everywhere.
 */
import { payoffs } from '../analysis/payoffs.js';
import { robustness } from '../analysis/robustness.js';
import type { LoadedCase } from '../case/load.js';
import type { Bilingual, Scenario } from '../domain/case.js';
import { NotFoundError } from '../domain/errors.js';
import type { CompareRequest, EdgeTrial, MonteCarloRequest, ModelRequest, SensitivityRequest, SimulateRequest } from '../domain/requests.js';
import type { CompareResponse, ModelResponse } from '../domain/responses.js';
import type { CausalMap } from '../model/causal-map.js';
import type { ModelFormatName, MonteCarloSummary, SimulationResult } from '../domain/simulation.js';
import { MODEL_FORMATS } from '../model/index.js';
import { findLoops } from '../model/loops.js';
import { modelMetrics } from '../model/metrics.js';
import {
  runMonteCarlo,
  runScenario,
  runSchedule,
  sensitivity,
  deltasOf,
  type InferenceSettings,
  type MonteCarloOptions,
  type ScenarioInput,
} from '../simulate/index.js';
import { CUSTOM_SCENARIO_ID, scenarioFromLevers } from '../simulate/levers.js';
import { sensitivityTable } from '../simulate/sensitivity.js';
import type { MonteCarloPool } from '../simulate/monte-carlo-pool.js';
import { findById, unknownId } from './lookup.js';
import { causalMapOf, type Workbench } from './workbench.js';
import { sortByDate } from '../domain/dates.js';

type EngineSettings = Pick<SimulateRequest, 'rule' | 'transfer' | 'lambda' | 'normalize'>;

/** Only the settings the request sets: the engine fills in its own defaults for the rest. */
function settingsOf(r: EngineSettings): Partial<InferenceSettings> {
  return {
    ...(r.rule ? { rule: r.rule } : {}),
    ...(r.transfer ? { transfer: r.transfer } : {}),
    ...(r.lambda !== undefined ? { lambda: r.lambda } : {}),
    ...(r.normalize ? { normalize: r.normalize } : {}),
  };
}

const UNSAVED: Bilingual = { ar: 'سيناريو غير محفوظ', en: 'Unsaved scenario' };

/**
 * The scenario a request runs: a saved one, or levers (and a dated schedule) set on top of one
 * (or of the baseline).
 */
export function scenarioOf(
  c: LoadedCase,
  req: Pick<SimulateRequest, 'scenario' | 'levers'> & { schedule?: SimulateRequest['schedule'] },
): { input: ScenarioInput & { schedule?: Scenario['schedule'] }; title: Bilingual } {
  const saved = req.scenario === undefined ? undefined : findScenario(c, req.scenario);
  const hasLevers = req.levers !== undefined && Object.keys(req.levers).length > 0;
  if (!hasLevers && !req.schedule) return { input: saved!, title: saved!.title };
  const map = causalMapOf(c);
  const input: ScenarioInput & { schedule?: Scenario['schedule'] } = hasLevers
    ? scenarioFromLevers(map, Object.entries(req.levers!), saved)
    : { ...(saved ?? { id: CUSTOM_SCENARIO_ID, levers: {} }) };
  if (req.schedule) {
    for (const step of req.schedule) scenarioFromLevers(map, Object.entries(step.levers));
    input.schedule = sortByDate(req.schedule, (s) => s.date);
  }
  return { input, title: UNSAVED };
}

/**
 * The case with edges tried at other weights, for one run: the case itself is unchanged. An
 * edge not in the model is refused with the edges it may have meant.
 */
export function withEdgeTrials(c: LoadedCase, trials: readonly EdgeTrial[] | undefined): LoadedCase {
  if (!trials?.length) return c;
  const byKey = new Map(c.edges.map((e) => [`${e.from}>${e.to}`, e]));
  const edges = [...c.edges];
  for (const trial of trials) {
    const key = `${trial.from}>${trial.to}`;
    const edge = byKey.get(key);
    if (!edge) throw unknownId('edge', key, [...byKey.keys()]);
    const range: [number, number] = trial.range ?? [Math.min(edge.range[0], trial.weight), Math.max(edge.range[1], trial.weight)];
    edges[edges.indexOf(edge)] = { ...edge, weight: trial.weight, range };
  }
  return { ...c, edges };
}

export function findScenario(c: LoadedCase, id: string): Scenario {
  return findById(c.scenarios, id, 'scenario');
}

function checkConcept(c: LoadedCase, id: string): void {
  if (!c.concepts.some((k) => k.id === id)) throw unknownId('concept', id, c.concepts.map((k) => k.id));
}

export interface Progress {
  /** Called with units done and in all (Monte Carlo runs). */
  onProgress?: (done: number, total: number) => void;
  /** Warm workers to run on (a long-running process's). */
  pool?: MonteCarloPool;
}

type MonteCarloOf = Omit<MonteCarloRequest, 'scenario'> & Partial<Pick<SimulateRequest, 'scenario' | 'levers' | 'schedule' | 'edges'>>;

/** The map, scenario and engine options a Monte Carlo request runs on (the jobs' parts and merge use them too). */
export function monteCarloInputs(c: LoadedCase, req: MonteCarloOf): { map: CausalMap; scenario: ScenarioInput; options: MonteCarloOptions } {
  c = withEdgeTrials(c, req.edges);
  return {
    map: causalMapOf(c),
    scenario: scenarioOf(c, req).input,
    options: {
      ...settingsOf(req),
      runs: req.runs,
      seed: req.seed,
      threads: req.threads,
      distribution: req.distribution,
      stakes: c.stakes,
    },
  };
}

/** Monte Carlo over the edges' plausible ranges for one scenario of a loaded case. */
export function monteCarloOf(c: LoadedCase, req: MonteCarloOf, progress: Progress = {}): Promise<MonteCarloSummary> {
  const { map, scenario, options } = monteCarloInputs(c, req);
  return runMonteCarlo(map, scenario, {
    ...options,
    onProgress: progress.onProgress,
    ...(progress.pool ? { pool: progress.pool } : {}),
  });
}

/** One scenario of a loaded case against the baseline, with everything the request asks for. */
export async function simulateCase(c: LoadedCase, req: SimulateRequest, progress: Progress = {}): Promise<SimulationResult> {
  c = withEdgeTrials(c, req.edges);
  const { input: scenario, title } = scenarioOf(c, req);
  if (req.sensitivity) checkConcept(c, req.sensitivity);
  const map = causalMapOf(c);
  const settings = settingsOf(req);
  const result = runScenario(map, scenario, settings);
  const table = payoffs(c.stakes, deltasOf(result));
  const window = {
    ...(req.from ? { from: req.from } : {}),
    ...(req.to ? { to: req.to } : {}),
    ...(req.stepsPerMonth ? { stepsPerMonth: req.stepsPerMonth } : {}),
  };
  const wantsTrajectory = (scenario.schedule?.length ?? 0) > 0 || (req.from !== undefined && req.to !== undefined);
  const trajectory = wantsTrajectory ? runSchedule(map, scenario, { ...settings, ...window }) : undefined;
  const tornado = req.sensitivity ? sensitivity(map, scenario, req.sensitivity, settings) : undefined;
  const probabilities = req.runs > 1 ? await monteCarloOf(c, { ...req, runs: req.runs }, progress) : undefined;
  const conclusions = probabilities
    ? robustness({
        mc: probabilities,
        table: sensitivityTable(map, scenario, settings),
        stakes: c.stakes,
        conceptLabel: (id) => c.concepts.find((k) => k.id === id)?.label,
        actorName: (id) => c.actors.find((a) => a.id === id)?.name,
      })
    : undefined;
  return {
    scenario: scenario.id,
    title,
    settings: result.settings,
    convergence: result.convergence,
    levers: result.levers,
    concepts: result.concepts,
    outcomes: result.outcomes,
    walls: result.walls,
    actors: table.actors,
    winners: table.winners,
    losers: table.losers,
    ...(probabilities ? { probabilities, robustness: conclusions } : {}),
    ...(trajectory ? { trajectory } : {}),
    ...(tornado ? { sensitivity: tornado } : {}),
  };
}

export async function simulate(wb: Workbench, req: SimulateRequest, progress: Progress = {}): Promise<SimulationResult> {
  return simulateCase(await wb.case(), req, { pool: wb.monteCarloPool(), ...progress });
}

export async function sensitivityOf(wb: Workbench, req: SensitivityRequest) {
  const c = await wb.case();
  const scenario = scenarioOf(c, req).input;
  checkConcept(c, req.outcome);
  return sensitivity(causalMapOf(c), scenario, req.outcome, settingsOf(req));
}

/** Several scenarios side by side: each concept's baseline, then each scenario's value and delta. */
export async function compareScenarios(wb: Workbench, req: CompareRequest): Promise<CompareResponse> {
  const c = await wb.case();
  const runs = await Promise.all(req.scenarios.map((id) => simulateCase(c, { ...req, scenario: id, runs: 1, seed: 1 })));
  const first = runs[0];
  return {
    scenarios: req.scenarios,
    concepts: first.concepts.map((k, i) => ({
      concept: k.concept,
      kind: k.kind,
      baseline: k.baseline,
      values: runs.map((r) => r.concepts[i].value),
      deltas: runs.map((r) => r.concepts[i].delta),
    })),
    runs,
  };
}

/** The model with its metrics and feedback loops. */
export async function describeModel(wb: Workbench, req: ModelRequest): Promise<ModelResponse> {
  const c = await wb.case();
  const map = causalMapOf(c);
  return {
    concepts: c.concepts,
    edges: c.edges,
    stakes: c.stakes,
    ...(req.metrics ? { metrics: modelMetrics(map) } : {}),
    ...(req.loops ? { loops: findLoops(map, { max: req.maxLoops }) } : {}),
  };
}

/** The case's model as a file of another tool (Mental Modeler CSV, GraphML, JSON). */
export async function exportModel(wb: Workbench, format: ModelFormatName): Promise<{ text: string; mediaType: string }> {
  const c = await wb.case();
  const f = MODEL_FORMATS[format];
  if (!f) throw new NotFoundError(`unknown model format "${format}"`);
  return { text: f.export(causalMapOf(c), c.stakes), mediaType: f.mediaType };
}
