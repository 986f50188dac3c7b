// Edge updates per second of the FCM inference kernel (src/simulate/infer.ts), side by side
// with a plain C loop of the same update (bench/c/fcm.c, compiled here with gcc -O2) on the
// same maps: the built-in model and seeded random sparse maps of 100, 1,000 and 10,000
// concepts (average in-degree 5). Rule kosko, transfer tanh, a fixed number of steps (no early
// stop) in both. Prints figures and the JS/C ratio; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ModelFile } from '../dist/domain/model.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { createWorkspace, inferInto, kernelSettings, resolveSettings } from '../dist/simulate/infer.js';
import { Random } from '../dist/simulate/random.js';
import { baselineClamp } from '../dist/simulate/scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const TARGET_EDGE_UPDATES = 2e7;
const REPS = 7;

function randomMap(n, degree, seed) {
  const rng = new Random(seed);
  const label = { ar: 'x', en: 'x' };
  const concepts = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    kind: i < Math.max(1, n / 20) ? 'lever' : 'intermediate',
    label,
    initial: i < Math.max(1, n / 20) ? 1 : 0,
  }));
  const seen = new Set();
  const edges = [];
  while (edges.length < n * degree) {
    const from = Math.floor(rng.next() * n);
    const to = Math.floor(rng.next() * n);
    if (from === to || seen.has(from * n + to)) continue;
    seen.add(from * n + to);
    const w = Math.round((rng.next() * 2 - 1) * 100) / 100;
    edges.push({ from: `c${from}`, to: `c${to}`, weight: w, range: [w, w] });
  }
  return buildCausalMap(concepts, edges);
}

function writeMapFile(path, map, clamp) {
  const { n, m } = map;
  const buf = Buffer.alloc(8 + 4 * (n + 1) + 4 * m + 8 * m + 8 * n + n + 8 * n);
  let o = 0;
  buf.writeInt32LE(n, o); o += 4;
  buf.writeInt32LE(m, o); o += 4;
  for (const x of map.inStarts) { buf.writeInt32LE(x, o); o += 4; }
  for (const x of map.inSources) { buf.writeInt32LE(x, o); o += 4; }
  for (const x of map.inWeights) { buf.writeDoubleLE(x, o); o += 8; }
  for (const x of map.initial) { buf.writeDoubleLE(x, o); o += 8; }
  for (const x of clamp.mask) { buf.writeUInt8(x, o); o += 1; }
  for (const x of clamp.values) { buf.writeDoubleLE(x, o); o += 8; }
  writeFileSync(path, buf);
}

function timeJs(map, clamp, steps) {
  const k = { ...kernelSettings(resolveSettings({ rule: 'kosko', transfer: 'tanh' })), epsilon: -1, maxPeriod: 0, maxSteps: steps };
  const ws = createWorkspace(map.n, 0);
  const out = new Float64Array(map.n);
  const info = new Int32Array(3);
  // warm-up so the optimizing compiler has run
  inferInto(map, map.inWeights, map.initial, clamp, { ...k, maxSteps: Math.min(steps, 200) }, ws, out, info);
  let wall = Infinity;
  let cpu = Infinity;
  for (let rep = 0; rep < REPS; rep++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    inferInto(map, map.inWeights, map.initial, clamp, k, ws, out, info);
    wall = Math.min(wall, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  let checksum = 0;
  for (const x of out) checksum += x;
  return { wall, cpu, checksum };
}

function timeC(exe, file, steps) {
  let wall = Infinity;
  let cpu = Infinity;
  let checksum = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const r = JSON.parse(execFileSync(exe, [file, String(steps), '0', '1', '1'], { encoding: 'utf8' }));
    wall = Math.min(wall, r.seconds);
    cpu = Math.min(cpu, r.cpuSeconds);
    checksum = r.checksum;
  }
  return { wall, cpu, checksum };
}

/** The built-in model, read from model.yaml and checked with the domain schema (the rest of
 * the case is not needed to measure the engine). */
function loadBuiltInModel(caseDir) {
  return ModelFile.parse(parse(readFileSync(join(caseDir, 'model.yaml'), 'utf8')));
}

export async function run() {
  mkdirSync(buildDir, { recursive: true });
  const exe = join(buildDir, 'fcm');
  execFileSync('gcc', ['-O2', '-o', exe, join(here, 'c', 'fcm.c'), '-lm']);
  const maps = [];
  const caseDir = join(here, '..', 'cases', 'iraq-withdrawal');
  if (existsSync(join(caseDir, 'model.yaml'))) {
    const c = loadBuiltInModel(caseDir);
    if (c.concepts.length > 0) maps.push({ name: `built-in model`, map: buildCausalMap(c.concepts, c.edges) });
  }
  for (const n of [100, 1000, 10000]) maps.push({ name: `random n=${n}`, map: randomMap(n, 5, 42 + n) });

  const lines = [
    `${'map'.padEnd(16)} ${'concepts'.padStart(8)} ${'edges'.padStart(7)} ${'JS edge upd/s'.padStart(14)} ${'C edge upd/s'.padStart(14)}  JS/C (CPU)  JS/C (wall)  same result`,
  ];
  for (const { name, map } of maps) {
    const clamp = baselineClamp(map);
    const steps = Math.max(10, Math.round(TARGET_EDGE_UPDATES / Math.max(map.m, 1)));
    const file = join(buildDir, `map-${name.replace(/\W+/g, '-')}.bin`);
    writeMapFile(file, map, clamp);
    const js = timeJs(map, clamp, steps);
    const c = timeC(exe, file, steps);
    const rate = (s) => ((steps * map.m) / s / 1e6).toFixed(0) + ' M';
    const same = Math.abs(js.checksum - c.checksum) <= 1e-9 * Math.max(1, Math.abs(c.checksum));
    lines.push(
      `${name.padEnd(16)} ${String(map.n).padStart(8)} ${String(map.m).padStart(7)} ${rate(js.cpu).padStart(14)} ${rate(c.cpu).padStart(14)}  ${(js.cpu / c.cpu).toFixed(2).padStart(9)}×  ${(js.wall / c.wall).toFixed(2).padStart(10)}×  ${same ? 'yes' : `no (${js.checksum} vs ${c.checksum})`}`,
    );
  }
  lines.push(`(rule kosko, transfer tanh, ${TARGET_EDGE_UPDATES.toExponential(0)} edge updates per timing, best of ${REPS}; rates from CPU time, which a loaded machine disturbs less than wall time; target: JS within 2× of C)`);
  lines.push(`(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  return lines;
}
