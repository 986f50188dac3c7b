/**
 * The inference kernel: iterates the update rule over the incoming-edge CSR until the state
 * settles, and says how it settled.
 *
 * Layout: the last `maxPeriod + 1` states live in one Float64Array ring (slot t mod H holds the
 * state after t steps), so double buffering and limit-cycle detection share the same memory and
 * the loop allocates nothing. Only the concepts that can change (not clamped, with at least one
 * cause) are iterated. Rule and transfer are resolved to booleans tested inside the loop (no
 * closures, no Maps), and the per-step loop is its own small function (updateStep) so it is
 * optimized once and stays optimized. tanh and the logistic come from fast-math.ts (within
 * 5e-16 of Math.tanh, about twice as fast; see there).
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
 */
import { InputError, MarsadError } from '../domain/errors.js';
import { sigmoidFast, tanhFast } from './fast-math.js';
import {
  TRANSFERS,
  TRANSFER_BIVALENT,
  TRANSFER_SIGMOID,
  TRANSFER_TANH,
  type TransferName,
} from './transfer.js';
import { RULE_MODIFIED_KOSKO, RULE_RESCALED, UPDATE_RULES, type UpdateRuleName } from './update-rules.js';
import { checkNormalization, type WeightNormalizationName } from './normalize.js';

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
   * kernel functions below take weights as given. Default `in-strength`.
   */
  normalize: WeightNormalizationName;
}

/**
 * The one set of default inference settings (docs/model.md says why each): Kosko's rule, tanh,
 * λ = 1 and incoming weights normalized by their strength, so every input stays in [−1, 1].
 */
export const INFERENCE_DEFAULTS: Readonly<InferenceSettings> = Object.freeze({
  rule: 'kosko',
  transfer: 'tanh',
  lambda: 1,
  epsilon: 1e-6,
  maxSteps: 1000,
  maxPeriod: 16,
  normalize: 'in-strength',
});
export const DEFAULTS = INFERENCE_DEFAULTS;

export type ConvergenceStatus = 'fixed-point' | 'limit-cycle' | 'none';

export interface Convergence {
  status: ConvergenceStatus;
  /** Steps taken. */
  steps: number;
  /** Period of the limit cycle, when status is `limit-cycle`. */
  period?: number;
}

/** The part of a causal map the kernel reads (a CausalMap fits; so do buffers sent to a worker). */
export interface KernelGraph {
  readonly n: number;
  readonly inStarts: Int32Array;
  readonly inSources: Int32Array;
}

/** Concepts held fixed: mask[i] = 1 holds concept i at values[i]. */
export interface Clamp {
  readonly mask: Uint8Array;
  readonly values: Float64Array;
}

/** Settings resolved to the numbers the kernel uses. */
export interface KernelSettings {
  rule: number;
  transfer: number;
  lambda: number;
  epsilon: number;
  maxSteps: number;
  maxPeriod: number;
}

/** Preallocated memory for one kernel run; reuse it across runs of the same map. */
export interface Workspace {
  readonly n: number;
  readonly slots: number;
  readonly ring: Float64Array;
  readonly matchRun: Int32Array;
  /** Indices of the concepts that change: not clamped and with at least one cause. */
  readonly free: Int32Array;
  /** One view per ring slot (views share the ring's memory). */
  readonly views: Float64Array[];
  /** Scratch: the concept that changed most in the last step. */
  readonly argMax: Int32Array;
}

export function createWorkspace(n: number, maxPeriod: number): Workspace {
  const slots = Math.max(2, maxPeriod + 1);
  const ring = new Float64Array(slots * n);
  const views = Array.from({ length: slots }, (_, q) => ring.subarray(q * n, (q + 1) * n));
  return { n, slots, ring, views, matchRun: new Int32Array(slots + 1), free: new Int32Array(n), argMax: new Int32Array(1) };
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

/**
 * Runs the map from `start` (clamps applied first) and writes the settled state into `out`.
 * `weights` are in incoming-CSR order (map.inWeights, or sampled weights permuted with
 * toIncomingOrder). Returns a status code (0 fixed point, 1 limit cycle, 2 none), the steps and
 * the period packed into `info` to keep Monte Carlo loops allocation-free.
 */
export function inferInto(
  g: KernelGraph,
  weights: Float64Array,
  start: Float64Array,
  clamp: Clamp,
  k: KernelSettings,
  ws: Workspace,
  out: Float64Array,
  info: Int32Array,
): void {
  const n = g.n;
  if (ws.n !== n) throw new MarsadError(`workspace is for ${ws.n} concepts, the map has ${n}`);
  const inStarts = g.inStarts;
  const inSources = g.inSources;
  const ring = ws.ring;
  const slots = ws.slots;
  const matchRun = ws.matchRun;
  const mask = clamp.mask;
  const cv = clamp.values;
  // Rule and transfer decided once per run, passed to the step as plain booleans.
  const rescaled = k.rule === RULE_RESCALED;
  const selfMemory = k.rule === RULE_MODIFIED_KOSKO;
  const tanh = k.transfer === TRANSFER_TANH;
  const sigmoid = k.transfer === TRANSFER_SIGMOID;
  const bivalent = k.transfer === TRANSFER_BIVALENT;
  const lambda = k.lambda;
  const eps = k.epsilon;
  const maxPeriod = Math.min(k.maxPeriod, slots - 1);
  // Clamped concepts and concepts without causes never change: write them into every slot
  // once, and iterate only over the others.
  const free = ws.free;
  let nf = 0;
  for (let i = 0; i < n; i++) {
    const fixed = mask[i] === 1 || inStarts[i] === inStarts[i + 1];
    const v = mask[i] ? cv[i] : start[i];
    if (fixed) for (let q = 0; q < slots; q++) ring[q * n + i] = v;
    else {
      ring[i] = v;
      free[nf++] = i;
    }
  }
  matchRun.fill(0);

  const argMax = ws.argMax;
  const views = ws.views;
  let status = 2;
  let period = 0;
  let step = 0;
  let cur = 0;
  while (step < k.maxSteps) {
    step++;
    const nxt = cur + 1 === slots ? 0 : cur + 1;
    const no = nxt * n;
    const maxDelta = updateStep(
      free, nf, inStarts, inSources, weights, views[cur], views[nxt], rescaled, selfMemory, tanh, sigmoid, bivalent, lambda, argMax,
    );
    cur = nxt;
    if (maxDelta < eps) {
      status = 0;
      break;
    }
    // Limit cycle: compare with the state p steps back, for p consecutive steps.
    let found = false;
    for (let p = 2; p <= maxPeriod && p <= step; p++) {
      let back = nxt - p;
      if (back < 0) back += slots;
      if (!sameState(ring, no, back * n, free, nf, argMax[0], eps)) {
        matchRun[p] = 0;
      } else if (++matchRun[p] >= p) {
        status = 1;
        period = p;
        found = true;
        break;
      }
    }
    if (found) break;
  }

  const last = cur * n;
  if (status === 1) {
    for (let i = 0; i < n; i++) out[i] = 0;
    for (let q = 0; q < period; q++) {
      let slot = cur - q;
      if (slot < 0) slot += slots;
      const o = slot * n;
      for (let i = 0; i < n; i++) out[i] += ring[o + i];
    }
    for (let i = 0; i < n; i++) out[i] /= period;
  } else {
    for (let i = 0; i < n; i++) out[i] = ring[last + i];
  }
  info[0] = status;
  info[1] = step;
  info[2] = period;
}

/**
 * One update of every free concept from state `cur` into state `nxt` (two slots of the ring);
 * returns the largest change and writes the concept that made it into argMax[0]. Kept apart
 * from the driver loop so that it is optimized once and stays optimized: the driver's rarely
 * taken exits (cycle found, averaging) would otherwise deoptimize the hot loop with them.
 */
function updateStep(
  free: Int32Array,
  nf: number,
  inStarts: Int32Array,
  inSources: Int32Array,
  weights: Float64Array,
  cur: Float64Array,
  nxt: Float64Array,
  rescaled: boolean,
  selfMemory: boolean,
  tanh: boolean,
  sigmoid: boolean,
  bivalent: boolean,
  lambda: number,
  argMax: Int32Array,
): number {
  let maxDelta = 0;
  let arg = 0;
  for (let f = 0; f < nf; f++) {
    const i = free[f];
    const a = cur[i];
    const s = inStarts[i];
    const e = inStarts[i + 1];
    let x = 0;
    if (rescaled) {
      for (let p = s; p < e; p++) x += weights[p] * (2 * cur[inSources[p]] - 1);
      x += 2 * a - 1;
    } else {
      for (let p = s; p < e; p++) x += weights[p] * cur[inSources[p]];
      if (selfMemory) x += a;
    }
    let v: number;
    if (tanh) v = tanhFast(lambda * x);
    else if (sigmoid) v = sigmoidFast(lambda * x);
    else if (bivalent) v = x > 0 ? 1 : 0;
    else v = x > 0 ? 1 : x < 0 ? -1 : 0;
    nxt[i] = v;
    const d = v > a ? v - a : a - v;
    if (d > maxDelta) {
      maxDelta = d;
      arg = i;
    }
  }
  argMax[0] = arg;
  return maxDelta;
}

/**
 * Whether the states at offsets `no` and `bo` agree within ε on every free concept. The concept
 * that moved most in the last step is compared first: while the map is still converging it
 * differs, so the test usually costs one comparison.
 */
function sameState(ring: Float64Array, no: number, bo: number, free: Int32Array, nf: number, first: number, eps: number): boolean {
  const dm = ring[no + first] - ring[bo + first];
  if (dm > eps || dm < -eps) return false;
  for (let f = 0; f < nf; f++) {
    const i = free[f];
    const d = ring[no + i] - ring[bo + i];
    if (d > eps || d < -eps) return false;
  }
  return true;
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
  const ws = createWorkspace(g.n, s.maxPeriod);
  const out = new Float64Array(g.n);
  const info = new Int32Array(3);
  inferInto(g, weights, start, clamp, kernelSettings(s), ws, out, info);
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
  ws: Workspace,
): number {
  const info = new Int32Array(3);
  const noStop: KernelSettings = { ...k, epsilon: -1, maxPeriod: 0, maxSteps: steps };
  inferInto(g, weights, state, clamp, noStop, ws, state, info);
  return info[1];
}
