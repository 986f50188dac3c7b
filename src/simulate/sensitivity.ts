/**
 * Sensitivity of one outcome's delta (scenario − baseline) to each edge: the edge is set to
 * the low end of its range, then to the high end, everything else at its authored weight, and
 * the outcome's delta is recomputed. Edges are ranked by swing |delta(high) − delta(low)|: the
 * bars of a tornado chart, the edges a conclusion hangs on first.
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

export function sensitivity(
  map: CausalMap,
  scenario: ScenarioInput,
  outcomeId: string,
  options: Partial<InferenceSettings> = {},
): SensitivityResult {
  if (typeof outcomeId !== 'string' || outcomeId === '') throw new InputError('expected an outcome concept id', { field: 'outcome' });
  const o = conceptIndex(map, outcomeId, 'outcome');
  const settings = resolveSettings(options);
  const prepared = prepareScenario(map, scenario);
  const solver = createPairSolver(map.n, kernelSettings(settings));
  // Solved on the normalized map; reported with the authored weights and ranges.
  const run = normalizeMap(map, settings.normalize);
  const w = run.inWeights.slice();
  const deltaAt = () => {
    solvePair(run, w, prepared, solver);
    return solver.scen[o] - solver.base[o];
  };
  const delta = deltaAt();
  // slot of each authored edge in incoming-CSR order
  const slot = new Int32Array(map.m);
  for (let p = 0; p < map.m; p++) slot[map.inEdge[p]] = p;
  const edges: EdgeSensitivity[] = [];
  for (let k = 0; k < map.m; k++) {
    const lo = map.rangeLow[k];
    const hi = map.rangeHigh[k];
    if (lo === hi) continue;
    const p = slot[k];
    w[p] = run.rangeLow[k];
    const deltaLow = deltaAt();
    w[p] = run.rangeHigh[k];
    const deltaHigh = deltaAt();
    w[p] = run.weights[k];
    edges.push({
      from: map.ids[map.edgeFrom[k]],
      to: map.ids[map.edgeTo[k]],
      weight: map.weights[k],
      low: lo,
      high: hi,
      deltaLow,
      deltaHigh,
      swing: Math.abs(deltaHigh - deltaLow),
      flipsSign: Math.sign(deltaLow) !== Math.sign(deltaHigh) && Math.abs(deltaLow) > 1e-9 && Math.abs(deltaHigh) > 1e-9,
    });
  }
  edges.sort((a, b) => b.swing - a.swing || (a.from + a.to < b.from + b.to ? -1 : 1));
  return { scenario: scenario.id, outcome: outcomeId, delta, edges };
}
