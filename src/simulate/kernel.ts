/**
 * Runs the WebAssembly inference kernel (kernel.wat, assembled into kernel-wasm.ts): lays the
 * map, the weights, the start state and the clamp out in the module's memory, runs, and reads
 * the settled state back.
 *
 * One instance per thread, made on first use and kept: its memory is scratch space that grows
 * to the largest map run so far. Calls are synchronous and never nested, so one instance
 * serves every caller of the thread. The map's structure (incoming CSR) is copied in only when
 * a different map comes (CausalMap arrays are never changed in place); weights, start state and
 * clamp are copied in at every run, which costs a few per cent of the smallest runs.
 */
import { MarsadError } from '../domain/errors.js';
import { EXP_CONSTANTS, EXP_FRACTION } from './fast-math.js';
import { KERNEL_WASM_BASE64 } from './kernel-wasm.js';

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

/** The WebAssembly API this file uses (Node's types leave the global out). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: KernelExports };
}

interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  layout(
    n: number,
    inStarts: number,
    inSources: number,
    weights: number,
    start: number,
    mask: number,
    values: number,
    free: number,
    spans: number,
    xs: number,
    match: number,
    out: number,
    info: number,
    ring: number,
  ): void;
  infer(rule: number, transfer: number, lambda: number, epsilon: number, maxSteps: number, maxPeriod: number, slots: number): void;
  transfer(count: number, code: number, lambda: number): void;
}

/** Bytes below the first array: the constants kernel.wat reads at fixed addresses. */
const CONSTANTS_BYTES = 512;
const PAGE = 65536;
/** Longest period the kernel can look for (slots = maxPeriod + 1). */
export const KERNEL_MAX_PERIOD = 64;

interface Layout {
  n: number;
  m: number;
  inStarts: number;
  inSources: number;
  weights: number;
  start: number;
  mask: number;
  values: number;
  free: number;
  spans: number;
  xs: number;
  match: number;
  out: number;
  info: number;
  ring: number;
}

interface Scratch {
  exports: KernelExports;
  layout: Layout | null;
  /** The map whose structure is in memory. */
  inStarts: Int32Array | null;
  inSources: Int32Array | null;
  buffer: ArrayBuffer | null;
  f64: Float64Array;
  i32: Int32Array;
  u8: Uint8Array;
}

let compiled: object | undefined;
let scratch: Scratch | undefined;

/** The compiled module (compiled once per thread; small enough to compile synchronously). */
function kernelModule(wasm: WasmApi): object {
  if (!compiled) {
    const text = atob(KERNEL_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new wasm.Module(bytes);
  }
  return compiled;
}

function createScratch(): Scratch {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) throw new MarsadError('this JavaScript engine has no WebAssembly: the simulation kernel needs it');
  const { exports } = new wasm.Instance(kernelModule(wasm), {});
  const s: Scratch = {
    exports,
    layout: null,
    inStarts: null,
    inSources: null,
    buffer: null,
    f64: new Float64Array(0),
    i32: new Int32Array(0),
    u8: new Uint8Array(0),
  };
  refreshViews(s);
  const c = EXP_CONSTANTS;
  s.f64.set(EXP_FRACTION, 0);
  s.f64.set([c.invStep, c.stepHi, c.stepLo, c.lowest, c.c3, c.c4, c.c5, c.c6, c.tanhSaturation], 32);
  return s;
}

function refreshViews(s: Scratch): void {
  const buffer = s.exports.memory.buffer;
  if (s.buffer === buffer) return;
  s.buffer = buffer;
  s.f64 = new Float64Array(buffer);
  s.i32 = new Int32Array(buffer);
  s.u8 = new Uint8Array(buffer);
}

const align = (bytes: number) => (bytes + 15) & ~15;

function planLayout(n: number, m: number): Layout {
  let o = CONSTANTS_BYTES;
  const take = (bytes: number) => {
    const at = o;
    o = align(o + bytes);
    return at;
  };
  return {
    n,
    m,
    inStarts: take(4 * (n + 1)),
    inSources: take(4 * m),
    weights: take(8 * m),
    start: take(8 * n),
    mask: take(n),
    values: take(8 * n),
    free: take(4 * n),
    spans: take(8 * n),
    // two spare lanes: the transfer pass runs over pairs
    xs: take(8 * (n + 2)),
    match: take(4 * (KERNEL_MAX_PERIOD + 2)),
    out: take(8 * n),
    info: take(16),
    // last, so that more slots only lengthen the end of memory; each slot is 8n bytes rounded
    // up to 16 (kernel.wat compares slots two values at a time)
    ring: take(0),
  };
}

function ensureBytes(s: Scratch, bytes: number): void {
  const have = s.exports.memory.buffer.byteLength;
  if (bytes > have) s.exports.memory.grow(Math.ceil((bytes - have) / PAGE));
  refreshViews(s);
}

/** Puts the map's structure in memory unless it is there already. */
function bind(s: Scratch, g: KernelGraph, slots: number): Layout {
  const m = g.inSources.length;
  let L = s.layout;
  if (!L || L.n !== g.n || L.m !== m || s.inStarts !== g.inStarts || s.inSources !== g.inSources) {
    L = planLayout(g.n, m);
    ensureBytes(s, L.ring + align(8 * g.n) * slots);
    s.exports.layout(g.n, L.inStarts, L.inSources, L.weights, L.start, L.mask, L.values, L.free, L.spans, L.xs, L.match, L.out, L.info, L.ring);
    s.i32.set(g.inStarts, L.inStarts >> 2);
    s.i32.set(g.inSources, L.inSources >> 2);
    s.layout = L;
    s.inStarts = g.inStarts;
    s.inSources = g.inSources;
  } else {
    ensureBytes(s, L.ring + align(8 * g.n) * slots);
  }
  return L;
}

function thisThreadScratch(): Scratch {
  scratch ??= createScratch();
  return scratch;
}

/**
 * Runs the map from `start` (clamps applied first; semantics in infer.ts) and writes the settled
 * state into `out`. `weights` are in incoming-CSR order (map.inWeights, or sampled weights
 * permuted with inEdge). Writes a status code (0 fixed point, 1 limit cycle, 2 none), the steps
 * and the period into `info`, which keeps Monte Carlo loops allocation-free. `out` may be
 * `start`. maxPeriod is taken as at most KERNEL_MAX_PERIOD.
 */
export function inferInto(
  g: KernelGraph,
  weights: Float64Array,
  start: Float64Array,
  clamp: Clamp,
  k: KernelSettings,
  out: Float64Array,
  info: Int32Array,
): void {
  const n = g.n;
  if (g.inStarts.length !== n + 1 || weights.length !== g.inSources.length) {
    throw new MarsadError(`kernel input does not fit the map: ${n} concepts, ${g.inSources.length} edges, ${weights.length} weights`);
  }
  const maxPeriod = Math.min(k.maxPeriod, KERNEL_MAX_PERIOD);
  const slots = Math.max(2, maxPeriod + 1);
  const s = thisThreadScratch();
  const L = bind(s, g, slots);
  s.f64.set(weights, L.weights >> 3);
  s.f64.set(start, L.start >> 3);
  s.u8.set(clamp.mask, L.mask);
  s.f64.set(clamp.values, L.values >> 3);
  s.exports.infer(k.rule, k.transfer, k.lambda, k.epsilon, k.maxSteps, maxPeriod, slots);
  // a loop rather than set(subarray()): no view object per run for the collector
  const f64 = s.f64;
  const o = L.out >> 3;
  for (let i = 0; i < n; i++) out[i] = f64[o + i];
  info[0] = s.i32[L.info >> 2];
  info[1] = s.i32[(L.info >> 2) + 1];
  info[2] = s.i32[(L.info >> 2) + 2];
}

/**
 * The kernel's transfer pass applied to `xs` (a copy is returned): lets tests compare it with
 * fast-math.ts and transfer.ts value by value.
 */
export function kernelTransfer(xs: Float64Array, code: number, lambda: number): Float64Array {
  const s = thisThreadScratch();
  const L = bind(s, { n: xs.length, inStarts: new Int32Array(xs.length + 1), inSources: new Int32Array(0) }, 2);
  s.f64.set(xs, L.xs >> 3);
  s.exports.transfer(xs.length, code, lambda);
  return s.f64.slice(L.xs >> 3, (L.xs >> 3) + xs.length);
}
