#!/usr/bin/env node
// Prints, for the built-in case (or --case DIR), how saturated the baseline is and how far each
// scenario's levers move their direct effects (the concepts one edge away from a lever the
// scenario changes), with the largest outcome delta of each scenario. Used to record the model's
// calibration before and after a change (docs/model.md). Run after `npm run build`:
//   node scripts/scenario-deltas.js [--case DIR] [--rule R] [--transfer F] [--lambda L] [--md]
//     [--watch id,id,...]   (concepts whose scenario value and delta are shown for every scenario)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCase } from '../dist/case/load.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { runScenario } from '../dist/simulate/scenario.js';

const { values: args } = parseArgs({
  options: {
    case: { type: 'string', default: resolve(import.meta.dirname, '..', 'cases', 'iraq-withdrawal') },
    rule: { type: 'string' },
    transfer: { type: 'string' },
    lambda: { type: 'string' },
    md: { type: 'boolean', default: false },
    watch: {
      type: 'string',
      default: 'militia-attacks,iraq-security,pressure-for-exit,sanctions-on-iraq,iranian-influence-iraq,regional-allies-security',
    },
  },
});
const settings = {
  ...(args.rule ? { rule: args.rule } : {}),
  ...(args.transfer ? { transfer: args.transfer } : {}),
  ...(args.lambda ? { lambda: Number(args.lambda) } : {}),
};
const WALL = 0.8;

const c = await loadCase(args.case);
const map = buildCausalMap(c.concepts, c.edges);
const fmt = (x) => (x > 0 ? '+' : '') + x.toFixed(3);

const status = runScenario(map, { id: 'baseline' }, settings);
const free = status.concepts.filter((k) => k.kind !== 'lever');
const walls = free.filter((k) => Math.abs(k.baseline) > WALL);
console.log(
  `baseline: ${walls.length} of ${free.length} non-lever concepts beyond ±${WALL}` +
    (walls.length ? `: ${walls.map((k) => `${k.concept} ${fmt(k.baseline)}`).join(', ')}` : ''),
);

const rows = [];
for (const scenario of c.scenarios) {
  const r = runScenario(map, scenario, settings);
  const base = new Map(r.concepts.map((k) => [k.concept, k.baseline]));
  const delta = new Map(r.concepts.map((k) => [k.concept, k.delta]));
  const changed = Object.entries(r.levers).filter(([id, v]) => Math.abs(v - (map.initial[map.index.get(id)] ?? 0)) > 1e-12);
  const top = [...r.outcomes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0];
  const direct = [];
  for (const [lever] of changed) {
    const i = map.index.get(lever);
    for (let p = map.outStarts[i]; p < map.outStarts[i + 1]; p++) {
      const target = map.ids[map.outTargets[p]];
      direct.push(`${lever} → ${target} ${fmt(delta.get(target))} (from ${fmt(base.get(target))})`);
    }
  }
  const watched = args.watch
    .split(',')
    .filter((id) => map.index.has(id))
    .map((id) => `${id} ${fmt(base.get(id) + delta.get(id))} (${fmt(delta.get(id))})`);
  rows.push({ scenario: scenario.id, direct, watched, top: top ? `${top.concept} ${fmt(top.delta)}` : '' });
}

if (args.md) {
  console.log('\n| scenario | lever → direct effect: delta (baseline) | largest outcome delta | watched: value (delta) |\n|---|---|---|---|');
  for (const r of rows) console.log(`| \`${r.scenario}\` | ${r.direct.join('<br>') || '—'} | ${r.top} | ${r.watched.join('<br>')} |`);
} else {
  for (const r of rows) {
    console.log(`\n${r.scenario} (largest outcome delta: ${r.top || 'none'})`);
    for (const d of r.direct) console.log(`  ${d}`);
    console.log(`  watched: ${r.watched.join(', ')}`);
  }
}
