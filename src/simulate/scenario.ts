/**
 * Baseline versus scenario. The baseline holds every lever at its baseline value (the concept's
 * `initial`, default 0); the scenario holds the same levers except those the scenario sets,
 * and, when it has a dated schedule, with every step of the schedule applied (the world after
 * the last step). Both start from the concepts' initial values and run to a steady state; the
 * result is each concept's baseline value, scenario value and delta, with both convergences.
 */
import type { Scenario } from '../domain/case.js';
import { InputError } from '../domain/errors.js';
import { conceptIndex, type CausalMap, type ConceptKindName } from '../model/causal-map.js';
import {
  convergenceOf,
  inferInto,
  kernelSettings,
  resolveSettings,
  type Clamp,
  type Convergence,
  type InferenceSettings,
  type KernelSettings,
} from './infer.js';
import { normalizeMap } from './normalize.js';
import { conceptsAtWalls, SATURATION_DEFAULTS, type Walls } from './saturation.js';
import { checkSchedule } from './schedule-check.js';

/** What a run needs of a scenario (a case Scenario fits). */
export type ScenarioInput = Pick<Scenario, 'id'> & Partial<Pick<Scenario, 'levers' | 'schedule'>>;

export interface ConceptDelta {
  concept: string;
  kind: ConceptKindName;
  baseline: number;
  value: number;
  delta: number;
}

export interface ScenarioResult {
  scenario: string;
  settings: InferenceSettings;
  convergence: { baseline: Convergence; scenario: Convergence };
  /** Lever values held in the scenario (after the schedule's last step). */
  levers: Record<string, number>;
  /** Every concept, in model order. */
  concepts: ConceptDelta[];
  /** The outcome concepts, in model order. */
  outcomes: ConceptDelta[];
  /** Concepts (not clamped) at the walls of the transfer function in the baseline and the scenario. */
  walls: Walls;
}

/** A scenario checked against a map and turned into clamps. */
export interface PreparedScenario {
  id: string;
  baseline: Clamp;
  scenario: Clamp;
  levers: Record<string, number>;
}

function checkLeverValue(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < -1 || v > 1) {
    throw new InputError(`expected a lever value in [-1, 1], got ${String(v)}`, { field });
  }
  return v;
}

/** The baseline clamp: every `lever` concept held at its initial value. */
export function baselineClamp(map: CausalMap): Clamp {
  const mask = new Uint8Array(map.n);
  const values = new Float64Array(map.n);
  for (let i = 0; i < map.n; i++) {
    if (map.kinds[i] === 'lever') {
      mask[i] = 1;
      values[i] = map.initial[i];
    }
  }
  return { mask, values };
}

/**
 * Checks the scenario against the map (levers are concepts, values in [-1, 1], schedule dates
 * in order and within 1900–2100) and builds its clamps. A scenario may clamp a concept that is
 * not declared a lever (an intervention on an intermediate, such as sanctions): it is held too.
 */
export function prepareScenario(map: CausalMap, scenario: ScenarioInput): PreparedScenario {
  const base = baselineClamp(map);
  const mask = base.mask.slice();
  const values = base.values.slice();
  const set = (id: string, v: unknown, field: string) => {
    const i = conceptIndex(map, id, field);
    mask[i] = 1;
    values[i] = checkLeverValue(v, field);
  };
  for (const [id, v] of Object.entries(scenario.levers ?? {})) set(id, v, `scenarios.${scenario.id}.levers.${id}`);
  const schedule = scenario.schedule ?? [];
  checkSchedule(schedule, `scenarios.${scenario.id}.schedule`);
  schedule.forEach((step, k) => {
    for (const [id, v] of Object.entries(step.levers)) set(id, v, `scenarios.${scenario.id}.schedule[${k}].levers.${id}`);
  });
  const levers: Record<string, number> = {};
  for (let i = 0; i < map.n; i++) if (mask[i]) levers[map.ids[i]] = values[i];
  return { id: scenario.id, baseline: base, scenario: { mask, values }, levers };
}

/** Buffers for solving many baseline/scenario pairs on one map. */
export interface PairSolver {
  settings: KernelSettings;
  base: Float64Array;
  scen: Float64Array;
  baseInfo: Int32Array;
  scenInfo: Int32Array;
}

export function createPairSolver(n: number, settings: KernelSettings): PairSolver {
  return {
    settings,
    base: new Float64Array(n),
    scen: new Float64Array(n),
    baseInfo: new Int32Array(3),
    scenInfo: new Int32Array(3),
  };
}

/** Solves baseline and scenario with the given incoming-order weights into the solver's buffers. */
export function solvePair(
  map: Pick<CausalMap, 'n' | 'inStarts' | 'inSources' | 'initial'>,
  inWeights: Float64Array,
  prepared: Pick<PreparedScenario, 'baseline' | 'scenario'>,
  solver: PairSolver,
): void {
  inferInto(map, inWeights, map.initial, prepared.baseline, solver.settings, solver.base, solver.baseInfo);
  inferInto(map, inWeights, map.initial, prepared.scenario, solver.settings, solver.scen, solver.scenInfo);
}

export function runScenario(map: CausalMap, scenario: ScenarioInput, options: Partial<InferenceSettings> = {}): ScenarioResult {
  const settings = resolveSettings(options);
  const prepared = prepareScenario(map, scenario);
  const solver = createPairSolver(map.n, kernelSettings(settings));
  const run = normalizeMap(map, settings.normalize);
  solvePair(run, run.inWeights, prepared, solver);
  const threshold = SATURATION_DEFAULTS.threshold;
  const concepts: ConceptDelta[] = [];
  for (let i = 0; i < map.n; i++) {
    concepts.push({
      concept: map.ids[i],
      kind: map.kinds[i],
      baseline: solver.base[i],
      value: solver.scen[i],
      delta: solver.scen[i] - solver.base[i],
    });
  }
  return {
    scenario: scenario.id,
    settings,
    convergence: { baseline: convergenceOf(solver.baseInfo), scenario: convergenceOf(solver.scenInfo) },
    levers: prepared.levers,
    concepts,
    outcomes: concepts.filter((c) => c.kind === 'outcome'),
    walls: {
      threshold,
      baseline: conceptsAtWalls(map, solver.base, prepared.baseline, threshold),
      scenario: conceptsAtWalls(map, solver.scen, prepared.scenario, threshold),
    },
  };
}

/** Concept id → delta, for payoffs(). */
export function deltasOf(result: Pick<ScenarioResult, 'concepts'>): Record<string, number> {
  return Object.fromEntries(result.concepts.map((c) => [c.concept, c.delta]));
}
