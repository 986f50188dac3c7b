// Monte Carlo of the built-in model (every edge weight drawn within its range, baseline and
// scenario solved per run), timed in this process (no start-up of Node or of the case):
// - 10,000 runs on 1 thread, with the default threads (chosen from the estimated work), and on
//   a warm pool of 2 workers (as serve keeps one); goal ≤ 0.5 s;
// - 100,000 runs on 1 and 2 threads (calling thread + 1 worker started for the job), and on
//   the warm pool; goal: 2 threads ≥ 1.7× as fast as 1;
// - whether every thread count gives byte-identical output.
// Each figure is the best of a few repetitions (wall time, with the CPU time of all threads
// beside it); the first, cold run of the process is shown apart. For the 100,000 runs the CPU
// time of the busiest thread is shown too (from /proc/self/task): on a loaded machine Linux
// gives a login session its share whatever its thread count, so wall time cannot show what a
// second thread is worth, and the busiest thread's CPU time is what the run would take on
// otherwise idle cores. Asserts nothing.
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Scenario } from '../dist/domain/case.js';
import { ModelFile } from '../dist/domain/model.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { planMonteCarlo, runMonteCarlo } from '../dist/simulate/monte-carlo.js';
import { createMonteCarloPool } from '../dist/simulate/monte-carlo-pool.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The built-in model and scenarios, read from model.yaml and scenarios.yaml and checked with
 * the domain schemas (the rest of the case is not needed to measure the engine). */
function loadBuiltInModel(caseDir) {
  const model = ModelFile.parse(parse(readFileSync(join(caseDir, 'model.yaml'), 'utf8')));
  const scen = parse(readFileSync(join(caseDir, 'scenarios.yaml'), 'utf8'));
  const scenarios = (scen.scenarios ?? []).map((s) => Scenario.parse(s));
  return { ...model, scenarios };
}

/** CPU seconds of each thread of this process (Linux), by thread id; empty elsewhere. */
function threadCpu() {
  const cpu = new Map();
  if (!existsSync('/proc/self/task')) return cpu;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
    } catch {
      // the thread ended between listing and reading: it has no time to count
      continue;
    }
  }
  return cpu;
}

async function timed(fn) {
  const before = threadCpu();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  let busiest = 0;
  for (const [tid, seconds] of threadCpu()) busiest = Math.max(busiest, seconds - (before.get(tid) ?? 0));
  return { wall, cpu: (c.user + c.system) / 1e6, busiest, json: JSON.stringify(result) };
}

async function best(reps, fn) {
  let b;
  for (let r = 0; r < reps; r++) {
    const t = await timed(fn);
    if (!b || t.wall < b.wall) b = t;
  }
  return b;
}

const fmt = (t) => `${t.wall.toFixed(3)} s wall, ${t.cpu.toFixed(3)} s CPU`;

export async function run() {
  const c = loadBuiltInModel(join(here, '..', 'cases', 'iraq-withdrawal'));
  if (c.concepts.length === 0) return ['built-in model has no concepts yet: nothing to measure'];
  const map = buildCausalMap(c.concepts, c.edges);
  const scenario = c.scenarios.find((s) => s.id === 'full-withdrawal') ?? c.scenarios[0];
  const base = { seed: 1, stakes: c.stakes };
  const lines = [`built-in model: ${map.n} concepts, ${map.m} edges, ${c.stakes.length} stakes; scenario ${scenario.id}`];
  const pool = createMonteCarloPool({ threads: 2 });
  try {
    const cold = await timed(() => runMonteCarlo(map, scenario, { ...base, runs: 10_000, threads: 1 }));
    lines.push(`10,000 runs, 1 thread, first run of the process: ${fmt(cold)}`);
    const one = await best(5, () => runMonteCarlo(map, scenario, { ...base, runs: 10_000, threads: 1 }));
    lines.push(`10,000 runs, 1 thread: ${fmt(one)}`);
    const plan = planMonteCarlo(map, scenario, { ...base, runs: 10_000 });
    const auto = await best(5, () => runMonteCarlo(map, scenario, { ...base, runs: 10_000 }));
    lines.push(`10,000 runs, default threads (${plan.estimatedSeconds.toFixed(2)} s of work estimated → ${plan.threads}): ${fmt(auto)}`);
    await pool.started();
    const warm = await best(5, () => runMonteCarlo(map, scenario, { ...base, runs: 10_000, pool }));
    lines.push(`10,000 runs, warm pool of 2 workers: ${fmt(warm)}`);

    const big1 = await best(2, () => runMonteCarlo(map, scenario, { ...base, runs: 100_000, threads: 1 }));
    const big2 = await best(2, () => runMonteCarlo(map, scenario, { ...base, runs: 100_000, threads: 2 }));
    const bigPool = await best(2, () => runMonteCarlo(map, scenario, { ...base, runs: 100_000, pool }));
    const busy = (t) => `busiest thread ${t.busiest.toFixed(2)} s CPU`;
    const ratio = (t) => `${(big1.wall / t.wall).toFixed(2)}× one thread by wall time, ${(big1.busiest / t.busiest).toFixed(2)}× by busiest thread`;
    lines.push(`100,000 runs, 1 thread: ${fmt(big1)}, ${busy(big1)}`);
    lines.push(`100,000 runs, 2 threads (caller + 1 new worker): ${fmt(big2)}, ${busy(big2)} → ${ratio(big2)}`);
    lines.push(`100,000 runs, warm pool of 2 workers: ${fmt(bigPool)}, ${busy(bigPool)} → ${ratio(bigPool)}`);
    const same10k = [auto, warm].every((t) => t.json === one.json) && cold.json === one.json;
    const same100k = big2.json === big1.json && bigPool.json === big1.json;
    lines.push(`byte-identical output across thread counts: ${same10k && same100k ? 'yes' : 'NO'}`);
  } finally {
    await pool.close();
  }
  lines.push(
    `(goals: 10,000 runs ≤ 0.5 s in process; 2 threads ≥ 1.7× one at 100,000 runs; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
  );
  return lines;
}
