/**
 * The inference kernel: iterates the update rule over the incoming-edge CSR until the state
 * settles, and says how it settled. The loop itself is WebAssembly (kernel.wat, run by
 * kernel.ts); this file holds its settings and its contract.
 *
 * Semantics:
 * - clamped concepts (levers) are held at their clamp value at every step;
 * - concepts with no incoming edge keep their value (nothing acts on them);
 * - fixed point: the largest change of any concept in one step is below ε;
 * - limit cycle of period p (2 ≤ p ≤ maxPeriod): every concept is within ε of its value p steps
 *   earlier, for p consecutive steps (one whole repetition of the cycle);
 * - none: neither after `maxSteps` steps.
 * The reported state is the last state for a fixed point or no convergence, and the mean over
 * one period for a limit cycle (the cycle's average level; the status says it oscillates).
 * tanh and the logistic are fast-math.ts's (within 5e-16 of Math.tanh), computed bit for bit
 * the same way by the kernel.
 */
import { InputError } from '../domain/errors.js';
import { ENGINE_DEFAULTS } from '../domain/names.js';
import { inferInto, type Clamp, type KernelGraph, type KernelSettings } from './kernel.js';
import { TRANSFERS, type TransferName } from './transfer.js';
import { UPDATE_RULES, type UpdateRuleName } from './update-rules.js';
import { checkNormalization, type WeightNormalizationName } from './normalize.js';

export { inferInto, type Clamp, type KernelGraph, type KernelSettings } from './kernel.js';

export interface InferenceSettings {
  /** Update rule. Default `kosko`. */
  rule: UpdateRuleName;
  /** Transfer function. Default `tanh` (signed activations in (−1, 1); 0 input leaves 0). */
  transfer: TransferName;
  /** Steepness λ of sigmoid and tanh, > 0. Default 1. */
  lambda: number;
  /** Convergence tolerance ε, > 0. Default 1e-6. */
  epsilon: number;
  /** Steps before giving up, 1 … 100,000. Default 1,000. */
  maxSteps: number;
  /** Longest limit-cycle period looked for, 0 … 64 (below 2 disables the check). Default 16. */
  maxPeriod: number;
  /**
   * How each concept's incoming weights are scaled before inference (normalize.ts). Applied by
   * the map-level entry points (runScenario, runSchedule, runMonteCarlo, sensitivity); the
   * kernel functions take weights as given. Default `in-strength`.
   */
  normalize: WeightNormalizationName;
}

/**
 * The one set of default inference settings (docs/model.md says why each): Kosko's rule, tanh,
 * λ = 1 and incoming weights normalized by their strength, so every input stays in [−1, 1].
 */
export const INFERENCE_DEFAULTS: Readonly<InferenceSettings> = Object.freeze({ ...ENGINE_DEFAULTS });
export const DEFAULTS = INFERENCE_DEFAULTS;

export type ConvergenceStatus = 'fixed-point' | 'limit-cycle' | 'none';

export interface Convergence {
  status: ConvergenceStatus;
  /** Steps taken. */
  steps: number;
  /** Period of the limit cycle, when status is `limit-cycle`. */
  period?: number;
}

const STATUS: readonly ConvergenceStatus[] = ['fixed-point', 'limit-cycle', 'none'];

/** Validates settings (InputError naming the option) and fills defaults. */
export function resolveSettings(options: Partial<InferenceSettings> = {}): InferenceSettings {
  const s: InferenceSettings = { ...INFERENCE_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  if (!Object.hasOwn(UPDATE_RULES, s.rule)) {
    throw new InputError(`unknown update rule "${s.rule}" (expected ${Object.keys(UPDATE_RULES).join(', ')})`, { field: 'rule' });
  }
  if (!Object.hasOwn(TRANSFERS, s.transfer)) {
    throw new InputError(`unknown transfer function "${s.transfer}" (expected ${Object.keys(TRANSFERS).join(', ')})`, {
      field: 'transfer',
    });
  }
  if (!(Number.isFinite(s.lambda) && s.lambda > 0 && s.lambda <= 100)) {
    throw new InputError(`expected lambda in (0, 100], got ${s.lambda}`, { field: 'lambda' });
  }
  if (!(Number.isFinite(s.epsilon) && s.epsilon > 0 && s.epsilon < 1)) {
    throw new InputError(`expected epsilon in (0, 1), got ${s.epsilon}`, { field: 'epsilon' });
  }
  if (!(Number.isInteger(s.maxSteps) && s.maxSteps >= 1 && s.maxSteps <= 100_000)) {
    throw new InputError(`expected maxSteps an integer in 1 … 100000, got ${s.maxSteps}`, { field: 'maxSteps' });
  }
  if (!(Number.isInteger(s.maxPeriod) && s.maxPeriod >= 0 && s.maxPeriod <= 64)) {
    throw new InputError(`expected maxPeriod an integer in 0 … 64, got ${s.maxPeriod}`, { field: 'maxPeriod' });
  }
  checkNormalization(s.normalize);
  return s;
}

export function kernelSettings(s: InferenceSettings): KernelSettings {
  return {
    rule: UPDATE_RULES[s.rule].code,
    transfer: TRANSFERS[s.transfer].code,
    lambda: s.lambda,
    epsilon: s.epsilon,
    maxSteps: s.maxSteps,
    maxPeriod: s.maxPeriod,
  };
}

/** Decodes the `info` triple of inferInto. */
export function convergenceOf(info: Int32Array): Convergence {
  const status = STATUS[info[0]];
  return status === 'limit-cycle' ? { status, steps: info[1], period: info[2] } : { status, steps: info[1] };
}

/** Convenience form: allocates its buffers and returns the state with its convergence. */
export function infer(
  g: KernelGraph,
  weights: Float64Array,
  start: Float64Array,
  clamp: Clamp,
  settings: Partial<InferenceSettings> = {},
): { state: Float64Array; convergence: Convergence } {
  const s = resolveSettings(settings);
  const out = new Float64Array(g.n);
  const info = new Int32Array(3);
  inferInto(g, weights, start, clamp, kernelSettings(s), out, info);
  return { state: out, convergence: convergenceOf(info) };
}

/** Clamp holding nothing. */
export function noClamp(n: number): Clamp {
  return { mask: new Uint8Array(n), values: new Float64Array(n) };
}

/**
 * Runs exactly `steps` updates from `state` (in place) with no convergence test: used by the
 * monthly schedule and the benchmark. Returns the number of steps run.
 */
export function stepInPlace(
  g: KernelGraph,
  weights: Float64Array,
  state: Float64Array,
  clamp: Clamp,
  k: KernelSettings,
  steps: number,
): number {
  const info = new Int32Array(3);
  const noStop: KernelSettings = { ...k, epsilon: -1, maxPeriod: 0, maxSteps: steps };
  inferInto(g, weights, state, clamp, noStop, state, info);
  return info[1];
}
