/**
 * Saturation: concepts that sit near the walls of the transfer function (|x| ≥ threshold for
 * tanh's (−1, 1)). There tanh is flat (its slope at 0.8 is 0.36 of its slope at 0), so a lever
 * that pushes such a concept further barely moves it, and a small delta there does not mean a
 * weak effect. Reported for every run so that the CLI and the app can say so.
 */
import type { CausalMap } from '../model/causal-map.js';
import type { Clamp } from './infer.js';

export const SATURATION_DEFAULTS = {
  /** |activation| at or beyond which a concept counts as at the wall. */
  threshold: 0.8,
} as const;

export interface Walls {
  threshold: number;
  /** Free (not clamped) concepts at the walls in the baseline, in model order. */
  baseline: string[];
  /** The same in the scenario. */
  scenario: string[];
}

/** Ids of the concepts not held by `clamp` with |state| ≥ threshold, in model order. */
export function conceptsAtWalls(
  map: Pick<CausalMap, 'n' | 'ids'>,
  state: Float64Array,
  clamp: Pick<Clamp, 'mask'>,
  threshold: number = SATURATION_DEFAULTS.threshold,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < map.n; i++) if (clamp.mask[i] !== 1 && Math.abs(state[i]) >= threshold) out.push(map.ids[i]);
  return out;
}
