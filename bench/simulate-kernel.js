// Edge updates per second of the FCM inference kernel (src/simulate/kernel.wat, run through
// inferInto), side by side with a plain C loop of the same update (bench/c/fcm.c) on the same
// maps: the built-in model and seeded random sparse maps of 100, 1,000 and 10,000 concepts
// (average in-degree 5). Both sides use the same transfer approximation (fast-math.ts's tanh,
// whose constants the C program reads from the map file), so the results must agree bit for
// bit; the last column checks it. Rule kosko, transfer tanh, a fixed number of steps (no early
// stop). The reference is C compiled with gcc -O2; -O3 -march=native is shown too
// (with -ffp-contract=off, so it computes the same numbers), and glibc's tanh for context.
// Timings are short (2·10⁶ edge updates) and repeated: the fastest of REPS in a row, in ROUNDS
// that alternate JS and C, so that on a loaded machine each side gets some undisturbed runs.
// Prints figures and ratios; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ModelFile } from '../dist/domain/model.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { EXP_CONSTANTS, EXP_FRACTION } from '../dist/simulate/fast-math.js';
import { inferInto, kernelSettings, resolveSettings } from '../dist/simulate/infer.js';
import { randomMapInput } from '../dist/simulate/random-map.js';
import { baselineClamp } from '../dist/simulate/scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const TARGET_EDGE_UPDATES = 2e6;
const REPS = 30;
const ROUNDS = 3;

/** A seeded random sparse map: the first 5% of concepts are levers held at 1. */
export function randomMap(n, degree, seed) {
  const input = randomMapInput({ concepts: n, degree, seed, levers: Math.max(1, n / 20) });
  return buildCausalMap(input.concepts, input.edges);
}

function writeMapFile(path, map, clamp) {
  const { n, m } = map;
  const c = EXP_CONSTANTS;
  const consts = [...EXP_FRACTION, c.invStep, c.stepHi, c.stepLo, c.lowest, c.c3, c.c4, c.c5, c.c6, c.tanhSaturation];
  const buf = Buffer.alloc(8 + 4 * (n + 1) + 4 * m + 8 * m + 8 * n + n + 8 * n + 8 * consts.length);
  let o = 0;
  const i32 = (x) => (o = buf.writeInt32LE(x, o));
  const f64 = (x) => (o = buf.writeDoubleLE(x, o));
  i32(n);
  i32(m);
  map.inStarts.forEach(i32);
  map.inSources.forEach(i32);
  map.inWeights.forEach(f64);
  map.initial.forEach(f64);
  for (const x of clamp.mask) o = buf.writeUInt8(x, o);
  clamp.values.forEach(f64);
  consts.forEach(f64);
  writeFileSync(path, buf);
}

function jsTimer(map, clamp, steps) {
  const k = { ...kernelSettings(resolveSettings({ rule: 'kosko', transfer: 'tanh' })), epsilon: -1, maxPeriod: 0, maxSteps: steps };
  const out = new Float64Array(map.n);
  const info = new Int32Array(3);
  // warm-up, so that the engine's optimizing tier has compiled the kernel
  for (let w = 0; w < 3; w++) inferInto(map, map.inWeights, map.initial, clamp, { ...k, maxSteps: Math.min(steps, 300) }, out, info);
  return () => {
    let wall = Infinity;
    let cpu = Infinity;
    for (let rep = 0; rep < REPS; rep++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      inferInto(map, map.inWeights, map.initial, clamp, k, out, info);
      wall = Math.min(wall, Number(process.hrtime.bigint() - t0) / 1e9);
      const c = process.cpuUsage(c0);
      cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    }
    let checksum = 0;
    for (const x of out) checksum += x;
    return { wall, cpu, checksum };
  };
}

function cTimer(exe, file, steps, math = 'fast') {
  return () => {
    const r = JSON.parse(execFileSync(exe, [file, String(steps), '0', '1', '1', math, String(REPS)], { encoding: 'utf8' }));
    return { wall: r.seconds, cpu: r.cpuSeconds, checksum: r.checksum };
  };
}

/** Runs the timers in turn ROUNDS times; the best wall and CPU time of each. */
function interleaved(timers) {
  const best = timers.map(() => ({ wall: Infinity, cpu: Infinity, checksum: NaN }));
  for (let round = 0; round < ROUNDS; round++) {
    timers.forEach((t, i) => {
      const r = t();
      best[i].wall = Math.min(best[i].wall, r.wall);
      best[i].cpu = Math.min(best[i].cpu, r.cpu);
      best[i].checksum = r.checksum;
    });
  }
  return best;
}

/** The built-in model, read from model.yaml and checked with the domain schema. */
function loadBuiltInModel(caseDir) {
  return ModelFile.parse(parse(readFileSync(join(caseDir, 'model.yaml'), 'utf8')));
}

export async function run() {
  mkdirSync(buildDir, { recursive: true });
  const exe = join(buildDir, 'fcm');
  const exeNative = join(buildDir, 'fcm-native');
  const source = join(here, 'c', 'fcm.c');
  execFileSync('gcc', ['-O2', '-o', exe, source, '-lm']);
  execFileSync('gcc', ['-O3', '-march=native', '-ffp-contract=off', '-o', exeNative, source, '-lm']);
  const maps = [];
  const caseDir = join(here, '..', 'cases', 'iraq-withdrawal');
  if (existsSync(join(caseDir, 'model.yaml'))) {
    const c = loadBuiltInModel(caseDir);
    if (c.concepts.length > 0) maps.push({ name: 'built-in model', map: buildCausalMap(c.concepts, c.edges) });
  }
  for (const n of [100, 1000, 10000]) maps.push({ name: `random n=${n}`, map: randomMap(n, 5, 42 + n) });

  const head = ['map', 'concepts', 'edges', 'JS', 'C -O2', 'JS/C', 'JS/C wall', 'C -O3 native', 'JS/C', 'C glibc tanh', 'same bits'];
  const rows = [];
  for (const { name, map } of maps) {
    const clamp = baselineClamp(map);
    const steps = Math.max(10, Math.round(TARGET_EDGE_UPDATES / Math.max(map.m, 1)));
    const file = join(buildDir, `map-${name.replace(/\W+/g, '-')}.bin`);
    writeMapFile(file, map, clamp);
    const [js, c, native, libm] = interleaved([
      jsTimer(map, clamp, steps),
      cTimer(exe, file, steps),
      cTimer(exeNative, file, steps),
      cTimer(exe, file, steps, 'libm'),
    ]);
    const rate = (s) => `${((steps * map.m) / s / 1e6).toFixed(0)} M/s`;
    const same = js.checksum === c.checksum && js.checksum === native.checksum;
    rows.push([
      name,
      String(map.n),
      String(map.m),
      rate(js.cpu),
      rate(c.cpu),
      `${(js.cpu / c.cpu).toFixed(2)}×`,
      `${(js.wall / c.wall).toFixed(2)}×`,
      rate(native.cpu),
      `${(js.cpu / native.cpu).toFixed(2)}×`,
      rate(libm.cpu),
      same ? 'yes' : `no (${js.checksum} / ${c.checksum} / ${native.checksum})`,
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  return [
    line(head),
    ...rows.map(line),
    `(edge updates per second of CPU time; rule kosko, transfer tanh, ${TARGET_EDGE_UPDATES.toExponential(0)} edge updates per timing, best of ${REPS} × ${ROUNDS} rounds alternating JS and C; ratios JS/C from CPU time, which a loaded machine disturbs less than wall time; goal: JS/C ≤ 1.5 against gcc -O2 with the same transfer approximation)`,
    `(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
  ];
}
