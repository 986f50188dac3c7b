/**
 * Sensitivity of a scenario's deltas (scenario − baseline) to each edge: the edge is set to the
 * low end of its range, then to the high end, everything else at its authored weight, and every
 * concept's delta is recomputed. `sensitivityTable` keeps the whole delta vectors (one pair of
 * runs per edge), so any conclusion built from deltas (an outcome's direction, an actor's
 * payoff) can be ranked by edge; `sensitivity` ranks the edges for one outcome by swing
 * |delta(high) − delta(low)|: the bars of a tornado chart, the edges a conclusion hangs on first.
 */
import { InputError } from '../domain/errors.js';
import { conceptIndex, type CausalMap } from '../model/causal-map.js';
import { kernelSettings, resolveSettings, type InferenceSettings } from './infer.js';
import { normalizeMap } from './normalize.js';
import { createPairSolver, prepareScenario, solvePair, type ScenarioInput } from './scenario.js';

export interface EdgeSensitivity {
  from: string;
  to: string;
  weight: number;
  low: number;
  high: number;
  /** The outcome's delta with this edge at `low` / at `high`. */
  deltaLow: number;
  deltaHigh: number;
  swing: number;
  /** True when the outcome's direction differs between the two ends. */
  flipsSign: boolean;
}

export interface SensitivityResult {
  scenario: string;
  outcome: string;
  /** The outcome's delta at the authored weights. */
  delta: number;
  /** Edges ranked by swing, largest first; edges with a zero-width range are left out. */
  edges: EdgeSensitivity[];
}

/** Every concept's delta at the authored weights and with each edge at either end of its range. */
export interface SensitivityTable {
  scenario: string;
  /** Concept ids, in model order: the index of every delta vector. */
  concepts: readonly string[];
  /** Deltas at the authored weights. */
  delta: Float64Array;
  /** One row per edge with a range wider than a point, in authored order. */
  edges: Array<{ from: string; to: string; weight: number; low: number; high: number; deltaLow: Float64Array; deltaHigh: Float64Array }>;
}

export function sensitivityTable(map: CausalMap, scenario: ScenarioInput, options: Partial<InferenceSettings> = {}): SensitivityTable {
  const settings = resolveSettings(options);
  const prepared = prepareScenario(map, scenario);
  const solver = createPairSolver(map.n, kernelSettings(settings));
  // Solved on the normalized map; reported with the authored weights and ranges.
  const run = normalizeMap(map, settings.normalize);
  const w = run.inWeights.slice();
  const deltas = () => {
    solvePair(run, w, prepared, solver);
    const d = new Float64Array(map.n);
    for (let i = 0; i < map.n; i++) d[i] = solver.scen[i] - solver.base[i];
    return d;
  };
  const delta = deltas();
  // slot of each authored edge in incoming-CSR order
  const slot = new Int32Array(map.m);
  for (let p = 0; p < map.m; p++) slot[map.inEdge[p]] = p;
  const edges: SensitivityTable['edges'] = [];
  for (let k = 0; k < map.m; k++) {
    const lo = map.rangeLow[k];
    const hi = map.rangeHigh[k];
    if (lo === hi) continue;
    const p = slot[k];
    w[p] = run.rangeLow[k];
    const deltaLow = deltas();
    w[p] = run.rangeHigh[k];
    const deltaHigh = deltas();
    w[p] = run.weights[k];
    edges.push({ from: map.ids[map.edgeFrom[k]], to: map.ids[map.edgeTo[k]], weight: map.weights[k], low: lo, high: hi, deltaLow, deltaHigh });
  }
  return { scenario: scenario.id, concepts: map.ids, delta, edges };
}

/** True when a and b are both clearly non-zero and of opposite signs. */
export function flips(a: number, b: number): boolean {
  return Math.sign(a) !== Math.sign(b) && Math.abs(a) > 1e-9 && Math.abs(b) > 1e-9;
}

export function sensitivity(
  map: CausalMap,
  scenario: ScenarioInput,
  outcomeId: string,
  options: Partial<InferenceSettings> = {},
): SensitivityResult {
  if (typeof outcomeId !== 'string' || outcomeId === '') throw new InputError('expected an outcome concept id', { field: 'outcome' });
  const o = conceptIndex(map, outcomeId, 'outcome');
  const table = sensitivityTable(map, scenario, options);
  const edges: EdgeSensitivity[] = table.edges.map((e) => ({
    from: e.from,
    to: e.to,
    weight: e.weight,
    low: e.low,
    high: e.high,
    deltaLow: e.deltaLow[o],
    deltaHigh: e.deltaHigh[o],
    swing: Math.abs(e.deltaHigh[o] - e.deltaLow[o]),
    flipsSign: flips(e.deltaLow[o], e.deltaHigh[o]),
  }));
  edges.sort((a, b) => b.swing - a.swing || (a.from + a.to < b.from + b.to ? -1 : 1));
  return { scenario: scenario.id, outcome: outcomeId, delta: table.delta[o], edges };
}
