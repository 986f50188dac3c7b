/**
 * Weight normalization: a transformation of the map applied before inference, never inside
 * the kernel. Each concept's incoming weights are divided by one factor of that concept:
 * - `none`:        the authored weights (classic Kosko maps);
 * - `in-strength`: divided by Σ|w| of the concept's incoming edges when that sum exceeds 1, so
 *                  a concept's summed input stays within [−1, 1] however many causes push it;
 * - `in-degree`:   divided by the number of incoming edges when above 1 (each cause gets an
 *                  equal share, weighted by its own weight).
 *
 * Why: with raw weights a concept with five strong causes receives an input of 2–3, tanh is
 * flat there (the "walls"), and a lever that adds 0.8 more barely moves it. Scaling each
 * concept's incoming row so that Σ|w| ≤ 1 keeps every input in [−1, 1]; with λ ≤ 1 the update
 * is then non-expansive in the maximum norm (|tanh(λx) − tanh(λy)| ≤ λ|x − y|), the condition
 * under which a tanh map has one fixed point whatever its starting state (see docs/model.md).
 * The ratios between a concept's causes, which carry the texts' modality, are unchanged.
 *
 * The factor of a concept comes from the authored weights and scales their ranges too, so a
 * Monte Carlo draw is the authored draw scaled by the same factor (a draw is not renormalized:
 * its incoming sum may exceed 1 slightly).
 */
import { InputError } from '../domain/errors.js';
import type { CausalMap } from '../model/causal-map.js';

export type WeightNormalizationName = 'none' | 'in-strength' | 'in-degree';

export interface WeightNormalization {
  readonly description: string;
  /** The divisor of each concept's incoming weights (1 leaves them as authored). */
  factors(map: CausalMap): Float64Array;
}

export const WEIGHT_NORMALIZATIONS: Readonly<Record<WeightNormalizationName, WeightNormalization>> = Object.freeze({
  none: {
    description: 'the authored weights',
    factors: (map) => new Float64Array(map.n).fill(1),
  },
  'in-strength': {
    description: "each concept's incoming weights divided by their Σ|w| when it exceeds 1",
    factors: (map) => {
      const f = new Float64Array(map.n);
      for (let i = 0; i < map.n; i++) {
        let sum = 0;
        for (let p = map.inStarts[i]; p < map.inStarts[i + 1]; p++) sum += Math.abs(map.inWeights[p]);
        f[i] = Math.max(1, sum);
      }
      return f;
    },
  },
  'in-degree': {
    description: "each concept's incoming weights divided by its number of causes when above 1",
    factors: (map) => {
      const f = new Float64Array(map.n);
      for (let i = 0; i < map.n; i++) f[i] = Math.max(1, map.inStarts[i + 1] - map.inStarts[i]);
      return f;
    },
  },
});

export const WEIGHT_NORMALIZATION_NAMES = Object.keys(WEIGHT_NORMALIZATIONS) as WeightNormalizationName[];

export function checkNormalization(name: unknown): WeightNormalizationName {
  if (typeof name !== 'string' || !Object.hasOwn(WEIGHT_NORMALIZATIONS, name)) {
    throw new InputError(`unknown weight normalization "${String(name)}" (expected ${WEIGHT_NORMALIZATION_NAMES.join(', ')})`, {
      field: 'normalize',
    });
  }
  return name as WeightNormalizationName;
}

const cache = new WeakMap<CausalMap, Map<WeightNormalizationName, CausalMap>>();

/**
 * The map the kernel runs: `map` with each concept's incoming weights and ranges divided by its
 * factor. Returns `map` itself when no factor differs from 1. Built once per map and mode.
 */
export function normalizeMap(map: CausalMap, mode: WeightNormalizationName): CausalMap {
  let byMode = cache.get(map);
  const hit = byMode?.get(mode);
  if (hit) return hit;
  const f = WEIGHT_NORMALIZATIONS[checkNormalization(mode)].factors(map);
  let out = map;
  if (f.some((x) => x !== 1)) {
    const weights = new Float64Array(map.m);
    const rangeLow = new Float64Array(map.m);
    const rangeHigh = new Float64Array(map.m);
    for (let k = 0; k < map.m; k++) {
      const d = f[map.edgeTo[k]];
      weights[k] = map.weights[k] / d;
      rangeLow[k] = map.rangeLow[k] / d;
      rangeHigh[k] = map.rangeHigh[k] / d;
    }
    const inWeights = new Float64Array(map.m);
    for (let p = 0; p < map.m; p++) inWeights[p] = weights[map.inEdge[p]];
    const outWeights = new Float64Array(map.m);
    for (let p = 0; p < map.m; p++) outWeights[p] = weights[map.outEdge[p]];
    out = Object.freeze({ ...map, weights, rangeLow, rangeHigh, inWeights, outWeights });
  }
  if (!byMode) cache.set(map, (byMode = new Map()));
  byMode.set(mode, out);
  return out;
}
