import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelModuleSource } from '../../scripts/build-kernel.js';
import { buildCausalMap, type CausalMap } from '../model/causal-map.js';
import { sigmoidFast, tanhFast } from './fast-math.js';
import { inferInto, kernelSettings, resolveSettings, type InferenceSettings } from './infer.js';
import { kernelTransfer, type Clamp, type KernelSettings } from './kernel.js';
import { randomMapInput } from './random-map.js';
import { TRANSFERS, TRANSFER_BIVALENT, TRANSFER_SIGMOID, TRANSFER_TANH, TRANSFER_TRIVALENT } from './transfer.js';
import { RULE_MODIFIED_KOSKO, RULE_RESCALED, UPDATE_RULE_NAMES } from './update-rules.js';

/**
 * The kernel as it was written in TypeScript before it moved to WebAssembly (the reference the
 * WebAssembly kernel must match bit for bit, so that results did not move): a ring of the last
 * slots states, only free concepts iterated, fixed point / limit cycle / none.
 */
function referenceInfer(g: CausalMap, weights: Float64Array, start: Float64Array, clamp: Clamp, k: KernelSettings) {
  const n = g.n;
  const slots = Math.max(2, k.maxPeriod + 1);
  const ring = new Float64Array(slots * n);
  const matchRun = new Int32Array(slots + 1);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = clamp.mask[i] ? clamp.values[i] : start[i];
    if (clamp.mask[i] === 1 || g.inStarts[i] === g.inStarts[i + 1]) for (let q = 0; q < slots; q++) ring[q * n + i] = v;
    else {
      ring[i] = v;
      free.push(i);
    }
  }
  let argMax = 0;
  const step = (co: number, no: number) => {
    let maxDelta = 0;
    for (const i of free) {
      const a = ring[co + i];
      let x = 0;
      if (k.rule === RULE_RESCALED) {
        for (let p = g.inStarts[i]; p < g.inStarts[i + 1]; p++) x += weights[p] * (2 * ring[co + g.inSources[p]] - 1);
        x += 2 * a - 1;
      } else {
        for (let p = g.inStarts[i]; p < g.inStarts[i + 1]; p++) x += weights[p] * ring[co + g.inSources[p]];
        if (k.rule === RULE_MODIFIED_KOSKO) x += a;
      }
      let v: number;
      if (k.transfer === TRANSFER_TANH) v = tanhFast(k.lambda * x);
      else if (k.transfer === TRANSFER_SIGMOID) v = sigmoidFast(k.lambda * x);
      else if (k.transfer === TRANSFER_BIVALENT) v = x > 0 ? 1 : 0;
      else v = x > 0 ? 1 : x < 0 ? -1 : 0;
      ring[no + i] = v;
      const d = v > a ? v - a : a - v;
      if (d > maxDelta) {
        maxDelta = d;
        argMax = i;
      }
    }
    return maxDelta;
  };
  const same = (no: number, bo: number) => {
    const dm = ring[no + argMax] - ring[bo + argMax];
    if (dm > k.epsilon || dm < -k.epsilon) return false;
    return free.every((i) => !(ring[no + i] - ring[bo + i] > k.epsilon || ring[no + i] - ring[bo + i] < -k.epsilon));
  };
  let status = 2;
  let period = 0;
  let steps = 0;
  let cur = 0;
  while (steps < k.maxSteps) {
    steps++;
    const nxt = (cur + 1) % slots;
    const maxDelta = step(cur * n, nxt * n);
    cur = nxt;
    if (maxDelta < k.epsilon) {
      status = 0;
      break;
    }
    for (let p = 2; p <= k.maxPeriod && p <= steps && status === 2; p++) {
      const back = (nxt - p + slots) % slots;
      if (!same(nxt * n, back * n)) matchRun[p] = 0;
      else if (++matchRun[p] >= p) {
        status = 1;
        period = p;
      }
    }
    if (status === 1) break;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (status !== 1) out[i] = ring[cur * n + i];
    else {
      for (let q = 0; q < period; q++) out[i] += ring[((cur - q + slots) % slots) * n + i];
      out[i] /= period;
    }
  }
  return { out, info: [status, steps, period] };
}

/** A seeded random map: n concepts, about `degree` causes each, the first two levers. */
function randomMap(n: number, degree: number, seed: number): CausalMap {
  const input = randomMapInput({ concepts: n, degree, seed, levers: 2 });
  return buildCausalMap(input.concepts, input.edges);
}

/** Bits of a float array, so that −0 and +0 (and NaN payloads) count as different. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length), (b) => b.toString(16));

/** The inputs where two float arrays differ in any bit (at most five). */
function differences(input: Float64Array, got: Float64Array, want: Float64Array) {
  const g = new BigUint64Array(got.buffer, got.byteOffset, got.length);
  const w = new BigUint64Array(want.buffer, want.byteOffset, want.length);
  const found: Array<{ x: number; got: number; want: number }> = [];
  for (let i = 0; i < g.length && found.length < 5; i++) if (g[i] !== w[i]) found.push({ x: input[i], got: got[i], want: want[i] });
  return found;
}

describe('kernel', () => {
  it('kernel-wasm.ts is the assembly of kernel.wat (run `node scripts/build-kernel.js` after changing it)', async () => {
    const current = readFileSync(new URL('./kernel-wasm.ts', import.meta.url), 'utf8');
    expect(current).toBe(await kernelModuleSource());
  });

  it('kernelTransfer computes tanhFast and sigmoidFast to the bit, λ included', () => {
    const xs: number[] = [0, -0, 1e-300, -1e-300, 5e-324, 19.0999, 19.1, 19.1000001, -19.1000001, 40, -40, 351, -351, 800, -800, 1e300, -1e300];
    xs.push(Infinity, -Infinity);
    for (let x = -30; x <= 30; x += 0.000_731) xs.push(x);
    const input = Float64Array.from(xs);
    for (const lambda of [1, 0.37, 2.5]) {
      const tanh = kernelTransfer(input, TRANSFER_TANH, lambda);
      expect(differences(input, tanh, input.map((x) => tanhFast(lambda * x)))).toEqual([]);
      const sigmoid = kernelTransfer(input, TRANSFER_SIGMOID, lambda);
      expect(differences(input, sigmoid, input.map((x) => sigmoidFast(lambda * x)))).toEqual([]);
    }
  });

  it('kernelTransfer thresholds like the bivalent and trivalent registry entries, odd lengths included', () => {
    const input = Float64Array.from([-2, -0, 0, 1e-320, -1e-320, 3]);
    expect(Array.from(kernelTransfer(input, TRANSFER_BIVALENT, 1))).toEqual(Array.from(input, (x) => TRANSFERS.bivalent.apply(x, 1)));
    expect(Array.from(kernelTransfer(input, TRANSFER_TRIVALENT, 1))).toEqual(Array.from(input, (x) => TRANSFERS.trivalent.apply(x, 1)));
    const odd = Float64Array.from([-1, 2, 0.5]);
    expect(Array.from(kernelTransfer(odd, TRANSFER_TRIVALENT, 1))).toEqual([-1, 1, 1]);
  });

  it('inferInto matches the TypeScript reference to the bit for every rule and transfer, on maps of odd and even size', () => {
    const cases: Array<Partial<InferenceSettings>> = [];
    for (const rule of UPDATE_RULE_NAMES) {
      for (const transfer of Object.keys(TRANSFERS) as Array<keyof typeof TRANSFERS>) {
        cases.push({ rule, transfer, lambda: 1 }, { rule, transfer, lambda: 2.3, maxPeriod: 5, maxSteps: 400 });
      }
    }
    const statuses = new Set<number>();
    for (const [m, map] of [randomMap(9, 2, 1), randomMap(30, 3, 2), randomMap(61, 4, 3), randomMap(200, 5, 4)].entries()) {
      const clamp: Clamp = { mask: new Uint8Array(map.n), values: new Float64Array(map.n) };
      clamp.mask[0] = 1;
      clamp.values[0] = 0.7;
      clamp.mask[map.n - 1] = 1; // a clamped concept that has causes
      clamp.values[map.n - 1] = -0.4;
      const start = Float64Array.from({ length: map.n }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
      for (const settings of cases) {
        const k = kernelSettings(resolveSettings(settings));
        const expected = referenceInfer(map, map.inWeights, start, clamp, k);
        const out = new Float64Array(map.n);
        const info = new Int32Array(3);
        inferInto(map, map.inWeights, start, clamp, k, out, info);
        expect({ map: m, settings, info: Array.from(info), out: bits(out) }).toEqual({
          map: m,
          settings,
          info: expected.info,
          out: bits(expected.out),
        });
        statuses.add(info[0]);
      }
    }
    // the cases cover fixed points, limit cycles and runs that do not settle
    expect([...statuses].sort()).toEqual([0, 1, 2]);
  });

  it('inferInto reuses its memory across maps of different sizes and keeps each map apart', () => {
    const small = randomMap(12, 2, 7);
    const large = randomMap(500, 4, 8);
    const k = kernelSettings(resolveSettings({}));
    const run = (map: CausalMap) => {
      const out = new Float64Array(map.n);
      inferInto(map, map.inWeights, map.initial, { mask: new Uint8Array(map.n), values: new Float64Array(map.n) }, k, out, new Int32Array(3));
      return bits(out);
    };
    const first = run(small);
    run(large);
    expect(run(small)).toEqual(first);
  });
});
