#!/usr/bin/env node
// Prints, for the built-in case (or --case DIR), how saturated the baseline is and how far each
// scenario's levers move their direct effects (the concepts one edge away from a lever the
// scenario changes): the scenario's delta of that concept, and the lever's own effect on it (the
// scenario against the same scenario with that one lever at its baseline value, leverEffects).
// With --before REV it also runs the case as it was at git revision REV with the engine's
// settings of that time (raw weights, λ = 1) and prints both side by side: the before/after
// table of docs/model.md. Run after `npm run build`:
//   node scripts/scenario-deltas.js [--case DIR] [--rule R] [--transfer F] [--lambda L]
//     [--normalize none|in-strength|in-degree] [--md] [--before REV] [--sweep]
//     [--watch id,id,...]   (concepts whose scenario value and delta are shown for every scenario)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCase } from '../dist/case/load.js';
import { buildCausalMap } from '../dist/model/causal-map.js';
import { leverEffects } from '../dist/simulate/levers.js';
import { runScenario } from '../dist/simulate/scenario.js';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    case: { type: 'string', default: join(root, 'cases', 'iraq-withdrawal') },
    rule: { type: 'string' },
    transfer: { type: 'string' },
    lambda: { type: 'string' },
    normalize: { type: 'string' },
    md: { type: 'boolean', default: false },
    before: { type: 'string' },
    sweep: { type: 'boolean', default: false },
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
  ...(args.normalize ? { normalize: args.normalize } : {}),
};
/** The engine before issue 14: the authored weights as they are, λ = 1. */
const BEFORE_SETTINGS = { normalize: 'none', lambda: 1 };
const WALL = 0.8;
const fmt = (x) => (x === undefined ? '—' : (x > 0 ? '+' : '') + x.toFixed(2));

/** Baseline walls and, per scenario, each lever → direct effect with the two measures. */
async function measure(caseDir, opts) {
  const c = await loadCase(caseDir);
  const map = buildCausalMap(c.concepts, c.edges);
  const base = runScenario(map, { id: 'baseline' }, opts);
  const free = base.concepts.filter((k) => k.kind !== 'lever');
  const walls = free.filter((k) => Math.abs(k.baseline) > WALL);
  const scenarios = c.scenarios.map((scenario) => {
    const r = runScenario(map, scenario, opts);
    const byId = new Map(r.concepts.map((k) => [k.concept, k]));
    const direct = leverEffects(map, scenario, opts).flatMap((l) =>
      l.effects.map((e) => ({ key: `${l.lever} → ${e.concept}`, delta: byId.get(e.concept).delta, own: e.change })),
    );
    const top = [...r.outcomes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0];
    const watched = Object.fromEntries(
      args.watch
        .split(',')
        .filter((id) => byId.has(id))
        .map((id) => [id, byId.get(id)]),
    );
    return { id: scenario.id, direct, top, watched };
  });
  return { free: free.length, walls, scenarios };
}

/** The case folder as it was at git revision `rev`, in a temporary directory. */
function caseAt(rev, dir) {
  const tmp = mkdtempSync(join(tmpdir(), 'marsad-before-'));
  const rel = relative(root, resolve(dir));
  const tar = execFileSync('git', ['-C', root, 'archive', rev, rel]);
  execFileSync('tar', ['-x', '-C', tmp], { input: tar });
  return { dir: join(tmp, rel), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

const wallLine = (label, m) =>
  `${label}: ${m.walls.length} of ${m.free} non-lever concepts beyond ±${WALL}` +
  (m.walls.length ? ` (${m.walls.map((k) => `${k.concept} ${fmt(k.baseline)}`).join(', ')})` : '');

const after = await measure(args.case, settings);
if (args.sweep) {
  // The configurations docs/model.md weighs: walls, the weakest lever (its strongest direct
  // effect per unit of lever movement, the measure of test/model/calibration.test.ts) and the
  // largest outcome delta of full-withdrawal.
  console.log('| rule | normalize | λ | beyond ±0.8 | weakest lever (per unit) | full-withdrawal: largest outcome delta |\n|---|---|---:|---:|---|---|');
  for (const rule of ['kosko', 'modified-kosko']) {
    for (const normalize of ['none', 'in-strength', 'in-degree']) {
      for (const lambda of [0.5, 1, 1.5]) {
        const opts = { rule, normalize, lambda };
        const m = await measure(args.case, opts);
        const c = await loadCase(args.case);
        const map = buildCausalMap(c.concepts, c.edges);
        let weakest;
        for (const scenario of c.scenarios) {
          for (const l of leverEffects(map, scenario, opts)) {
            const gain = Math.max(...l.effects.map((e) => Math.abs(e.change))) / Math.abs(l.to - l.from);
            if (!weakest || gain < weakest.gain) weakest = { gain, at: `${scenario.id}: ${l.lever}` };
          }
        }
        const fw = m.scenarios.find((s) => s.id === 'full-withdrawal');
        console.log(
          `| ${rule} | ${normalize} | ${lambda} | ${m.walls.length} of ${m.free} | ${weakest.gain.toFixed(2)} (${weakest.at}) | ${fw.top.concept} ${fmt(fw.top.delta)} |`,
        );
      }
    }
  }
} else if (args.before) {
  const old = caseAt(args.before, args.case);
  let before;
  try {
    before = await measure(old.dir, BEFORE_SETTINGS);
  } finally {
    old.cleanup();
  }
  console.log(`${wallLine(`before (${args.before}, raw weights, λ 1)`, before)}\n${wallLine('after (defaults)', after)}\n`);
  console.log('| scenario | lever → direct effect | before: delta (lever\'s own) | after: delta (lever\'s own) |\n|---|---|---:|---:|');
  for (const a of after.scenarios) {
    const b = before.scenarios.find((s) => s.id === a.id);
    const keys = [...new Set([...(b?.direct ?? []).map((d) => d.key), ...a.direct.map((d) => d.key)])];
    for (const key of keys) {
      const x = b?.direct.find((d) => d.key === key);
      const y = a.direct.find((d) => d.key === key);
      const cell = (d) => (d ? `${fmt(d.delta)} (${fmt(d.own)})` : '—');
      console.log(`| \`${a.id}\` | ${key} | ${cell(x)} | ${cell(y)} |`);
    }
  }
  console.log('\n| scenario | largest outcome delta, before | after |\n|---|---|---|');
  for (const a of after.scenarios) {
    const b = before.scenarios.find((s) => s.id === a.id);
    const top = (t) => (t ? `${t.concept} ${fmt(t.delta)}` : '—');
    console.log(`| \`${a.id}\` | ${top(b?.top)} | ${top(a.top)} |`);
  }
  const ids = args.watch.split(',');
  console.log(`\n| scenario | ${ids.join(' | ')} |\n|---|${ids.map(() => '---').join('|')}|`);
  for (const a of after.scenarios) {
    const b = before.scenarios.find((s) => s.id === a.id);
    const cell = (id) => {
      const x = b?.watched[id];
      const y = a.watched[id];
      return `${x ? `${fmt(x.value)} (${fmt(x.delta)})` : '—'} → ${y ? `${fmt(y.value)} (${fmt(y.delta)})` : '—'}`;
    };
    console.log(`| \`${a.id}\` | ${ids.map(cell).join(' | ')} |`);
  }
} else {
  console.log(wallLine('baseline', after));
  for (const s of after.scenarios) {
    console.log(`\n${s.id} (largest outcome delta: ${s.top ? `${s.top.concept} ${fmt(s.top.delta)}` : 'none'})`);
    for (const d of s.direct) console.log(`  ${d.key}: delta ${fmt(d.delta)}, lever's own ${fmt(d.own)}`);
    console.log(`  watched: ${Object.entries(s.watched).map(([id, k]) => `${id} ${fmt(k.value)} (${fmt(k.delta)})`).join(', ')}`);
  }
}
