// Wall time of 10,000 Monte Carlo runs of the built-in model (every edge weight drawn within its
// range, baseline and scenario solved per run) on 2 worker threads, and on 1 thread for
// comparison, including worker start-up. Target: under 2 s on 2 threads. Asserts nothing.
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Scenario } from '../dist/domain/case.js';
import { ModelFile } from '../dist/domain/model.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { runMonteCarlo } from '../dist/simulate/monte-carlo.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The built-in model and scenarios, read from model.yaml and scenarios.yaml and checked with
 * the domain schemas (the rest of the case is not needed to measure the engine). */
function loadBuiltInModel(caseDir) {
  const model = ModelFile.parse(parse(readFileSync(join(caseDir, 'model.yaml'), 'utf8')));
  const scen = parse(readFileSync(join(caseDir, 'scenarios.yaml'), 'utf8'));
  const scenarios = (scen.scenarios ?? []).map((s) => Scenario.parse(s));
  return { ...model, scenarios };
}

export async function run() {
  const c = loadBuiltInModel(join(here, '..', 'cases', 'iraq-withdrawal'));
  if (c.concepts.length === 0) return ['built-in model has no concepts yet: nothing to measure'];
  const map = buildCausalMap(c.concepts, c.edges);
  const lines = [`built-in model: ${map.n} concepts, ${map.m} edges, ${c.stakes.length} stakes`];
  const ids = ['full-withdrawal', 'negotiated-transition'].filter((id) => c.scenarios.some((s) => s.id === id));
  for (const id of ids) {
    const scenario = c.scenarios.find((s) => s.id === id);
    for (const threads of [2, 1]) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const r = await runMonteCarlo(map, scenario, { runs: 10_000, seed: 1, threads, stakes: c.stakes });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      const cu = process.cpuUsage(c0);
      const cpu = (cu.user + cu.system) / 1e6;
      lines.push(
        `${id}: 10,000 runs on ${threads} thread${threads > 1 ? 's' : ''}: ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU over all threads (not converged ${(r.nonConverged * 100).toFixed(1)}%)`,
      );
    }
  }
  lines.push(`(target: 10,000 runs on 2 threads under 2 s wall; load average now ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  return lines;
}
