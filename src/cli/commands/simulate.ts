/**
 * `marsad simulate --scenario ID | --lever ID=VALUE... [--runs N] [--seed S] [--threads T]
 * [--rule R] [--transfer F] [--lambda L] [--normalize M] [--distribution D]
 * [--sensitivity OUTCOME] [--from YYYY-MM --to YYYY-MM] [--steps-per-month N] [--json]`: runs a
 * scenario of the case's causal model (or an unsaved one built from `--lever` settings, on top
 * of `--scenario` when both are given) against the baseline and prints outcome deltas, winners
 * and losers, convergence, the concepts at the walls of the transfer function, the monthly
 * trajectory when the scenario has a schedule, and Monte Carlo probabilities with the edges
 * each conclusion hangs on when --runs is above 1.
 */
import type cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ENGINE_DEFAULTS as INFERENCE_DEFAULTS, LIMITS, TRANSFER_NAMES, UPDATE_RULE_NAMES, WEIGHT_NORMALIZATION_NAMES } from '../../domain/names.js';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import { table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';
import { sortByDate } from '../../domain/dates.js';

interface SimulateOptions {
  scenario?: string;
  lever: string[];
  edge: string[];
  step: string[];
  normalize?: string;
  runs?: string;
  seed?: string;
  threads?: string;
  rule?: string;
  transfer?: string;
  lambda?: string;
  distribution?: string;
  sensitivity?: string;
  from?: string;
  to?: string;
  stepsPerMonth?: string;
  json?: boolean;
  job?: boolean;
}

/** `FROM>TO=WEIGHT` → an edge trial (validated by the request schema). */
function parseEdgeTrial(text: string): { from: string; to: string; weight: number } {
  const m = /^\s*([^>=\s]+)\s*>\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(text);
  if (!m) throw new InputError(`expected --edge FROM>TO=WEIGHT, got "${text}"`, { field: '--edge' });
  return { from: m[1]!, to: m[2]!, weight: Number(m[3]) };
}

/** `DATE:ID=VALUE` flags → schedule steps, one per date, in date order. */
function parseSteps(flags: string[], lever: (text: string, field?: string) => [string, number]): Array<{ date: string; levers: Record<string, number> }> {
  const byDate = new Map<string, Record<string, number>>();
  for (const text of flags) {
    const m = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*:\s*(.+)$/.exec(text);
    if (!m) throw new InputError(`expected --step DATE:ID=VALUE (DATE as YYYY-MM or YYYY-MM-DD), got "${text}"`, { field: '--step' });
    const [id, value] = lever(m[2]!, '--step');
    byDate.set(m[1]!, { ...(byDate.get(m[1]!) ?? {}), [id]: value });
  }
  return sortByDate([...byDate], ([date]) => date).map(([date, levers]) => ({ date, levers }));
}

function fmt(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return (r > 0 ? '+' : '') + (Object.is(r, -0) ? '0' : String(r));
}

function progressBar(io: CliIo, progress: typeof cliProgress, total: number): { update(done: number): void; stop(): void } {
  const stream = { isTTY: true, columns: 80, write: (s: string) => (io.err(s), true) };
  const bar = new progress.SingleBar(
    { stream: stream as unknown as NodeJS.WritableStream, format: 'monte carlo [{bar}] {value}/{total} runs', hideCursor: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('simulate')
    .description('run a scenario of the causal model: outcome deltas, winners and losers, Monte Carlo probabilities')
    .option('--scenario <id>', 'scenario id (see `marsad scenarios`)')
    .option(
      '--lever <id=value>',
      'set a lever to a value in [-1, 1] (repeatable): an unsaved scenario, on top of --scenario when given',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--edge <from>to=weight>',
      'try an edge at another weight in [-1, 1] for this run only (repeatable; the case is not changed)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--step <date:id=value>',
      'a dated lever change of an unsaved scenario, e.g. 2026-09:exit-timetable=0.8 (repeatable; replaces the scenario schedule)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--runs <n>', `Monte Carlo runs over the edge-weight ranges (1 … ${LIMITS.simulate.maxRuns}; 1 = the authored weights only)`)
    .option('--seed <s>', `seed of the Monte Carlo generator (0 … 4294967295, default ${LIMITS.simulate.seed})`)
    .option('--threads <t>', 'threads computing Monte Carlo (default: one, or up to the cores (at most 4) when the work pays for starting workers)')
    .option('--rule <rule>', `update rule: ${UPDATE_RULE_NAMES.join(', ')} (default ${INFERENCE_DEFAULTS.rule})`)
    .option('--transfer <f>', `transfer function: ${TRANSFER_NAMES.join(', ')} (default ${INFERENCE_DEFAULTS.transfer})`)
    .option('--lambda <l>', `steepness of sigmoid and tanh (> 0, default ${INFERENCE_DEFAULTS.lambda})`)
    .option('--normalize <m>', `incoming weights scaled before inference: ${WEIGHT_NORMALIZATION_NAMES.join(', ')} (default ${INFERENCE_DEFAULTS.normalize})`)
    .option('--distribution <d>', 'Monte Carlo sampling within each range: uniform or triangular', 'uniform')
    .option('--sensitivity <outcome>', 'also rank the edges by how much they move this outcome (tornado data)')
    .option('--from <month>', 'first month of the trajectory, YYYY-MM (default: the month before the first schedule step)')
    .option('--to <month>', 'last month of the trajectory, YYYY-MM (default: 12 months after the last step)')
    .option('--steps-per-month <n>', 'update steps per month in the trajectory (1 … 100, default 1: one causal link a month)')
    .option('--json', 'print JSON')
    .option('--job', 'queue the Monte Carlo runs of --scenario as a job cut in parts (with MARSAD_DATABASE_URL, `marsad worker` processes run it; see `marsad jobs`)')
    .action(async (opts: SimulateOptions, cmd: Command) => {
      // How the engine runs: the same flags for a queued job and a run here.
      const engine = {
        runs: opts.runs,
        seed: opts.seed,
        threads: opts.threads,
        rule: opts.rule,
        transfer: opts.transfer,
        lambda: opts.lambda,
        normalize: opts.normalize,
        distribution: opts.distribution,
      };
      if (opts.job) {
        if (opts.lever.length || opts.edge.length || opts.step.length || opts.sensitivity || opts.from || opts.to) {
          throw new InputError('--job queues the Monte Carlo runs of a saved scenario: --lever, --edge, --step, --sensitivity, --from and --to do not apply', { field: '--job' });
        }
        const { MonteCarloRequest } = await import('../../domain/requests.js');
        const { startMonteCarlo } = await import('../../app/jobs.js');
        const { formatJobs, queuedJob } = await import('./jobs.js');
        const req = parseFlags(MonteCarloRequest, { scenario: opts.scenario, ...engine });
        const job = await asFlags(['scenario'], () => withWorkbench(cmd, io, (wb, ctx) => queuedJob(wb, ctx, () => startMonteCarlo(wb, req))));
        if (opts.json) io.out(`${JSON.stringify(job, null, 2)}\n`);
        else io.out(formatJobs([job]));
        if (job.status === 'failed') io.exitCode = 1;
        return;
      }
      const { SimulateRequest } = await import('../../domain/requests.js');
      const { parseLeverAssignment } = await import('../../simulate/levers.js');
      const { simulate } = await import('../../app/simulation.js');
      const levers = opts.lever.length ? Object.fromEntries(opts.lever.map((v) => parseLeverAssignment(v))) : undefined;
      const edges = opts.edge.length ? opts.edge.map(parseEdgeTrial) : undefined;
      const schedule = opts.step.length ? parseSteps(opts.step, parseLeverAssignment) : undefined;
      const req = parseFlags(SimulateRequest, {
        scenario: opts.scenario,
        levers,
        edges,
        schedule,
        ...engine,
        sensitivity: opts.sensitivity,
        from: opts.from,
        to: opts.to,
        stepsPerMonth: opts.stepsPerMonth,
      });
      const bar = io.isTTY && req.runs > 1 ? progressBar(io, (await import('cli-progress')).default, req.runs) : undefined;
      let ran;
      try {
        ran = await asFlags(['levers', 'scenario', 'edges', 'schedule'], () => withWorkbench(cmd, io, async (wb) => ({
          out: await simulate(wb, req, { onProgress: (done) => bar?.update(done) }),
          labels: new Map((await wb.case()).concepts.map((k) => [k.id, k.label.en])),
        })));
      } finally {
        bar?.stop();
      }
      const { out, labels } = ran;
      const { probabilities, trajectory, sensitivity: tornado } = out;
      if (opts.json) {
        io.out(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const conv = (k: 'baseline' | 'scenario') => {
        const v = out.convergence[k];
        return `${v.status}${v.period ? ` (period ${v.period})` : ''} after ${v.steps} steps`;
      };
      io.out(`scenario ${out.scenario}: ${out.title.en}\n`);
      io.out(`rule ${out.settings.rule}, transfer ${out.settings.transfer} (λ ${out.settings.lambda}), weights normalized: ${out.settings.normalize}\n`);
      io.out(`convergence: baseline ${conv('baseline')}; scenario ${conv('scenario')}\n`);
      for (const k of ['baseline', 'scenario'] as const) {
        const at = out.walls[k];
        if (at.length > 0) {
          io.err(`warning: ${at.length} concept${at.length === 1 ? '' : 's'} at the walls (|x| ≥ ${out.walls.threshold}) in the ${k}: ${at.join(', ')}; their deltas understate what moves them\n`);
        }
      }
      io.out('\n');
      const prob = new Map(probabilities?.outcomes.map((o) => [o.concept, o]));
      io.out(
        table(
          ['outcome', 'label', 'baseline', 'scenario', 'delta', ...(probabilities ? ['P(rise)', 'P(fall)'] : [])],
          out.outcomes.map((o) => [
            o.concept,
            labels.get(o.concept) ?? '',
            fmt(o.baseline),
            fmt(o.value),
            fmt(o.delta),
            ...(probabilities ? [prob.get(o.concept)!.rise.toFixed(3), prob.get(o.concept)!.fall.toFixed(3)] : []),
          ]),
        ),
      );
      const ahead = new Map(probabilities?.actors.map((a) => [a.actor, a.ahead]));
      const side = (rows: typeof out.winners) =>
        rows.map((a) => `${a.actor} ${fmt(a.payoff)}${probabilities ? ` (P(ahead) ${ahead.get(a.actor)?.toFixed(3)})` : ''}`).join(', ') ||
        'none';
      io.out(`\nwinners: ${side(out.winners)}\nlosers: ${side(out.losers)}\n`);
      if (probabilities) {
        io.out(`monte carlo: ${probabilities.runs} runs, seed ${probabilities.seed}, ${probabilities.distribution}; not converged ${(probabilities.nonConverged * 100).toFixed(1)}%\n`);
      }
      if (out.robustness) io.out(`\nrobustness:\n${out.robustness.map((x) => `- ${x.sentence.en}\n`).join('')}`);
      if (trajectory) {
        io.out(`trajectory: ${trajectory.from} … ${trajectory.to}, ${trajectory.months.length} months; changes ${trajectory.changes.map((ch) => ch.month).join(', ')} (--json for the series)\n`);
      }
      if (tornado) {
        io.out(`\nsensitivity of ${tornado.outcome} (delta ${fmt(tornado.delta)}):\n`);
        io.out(
          table(
            ['edge', 'range', 'delta at low', 'delta at high', 'swing'],
            tornado.edges.slice(0, 15).map((e) => [`${e.from} → ${e.to}`, `[${e.low}, ${e.high}]`, fmt(e.deltaLow), fmt(e.deltaHigh), e.swing.toFixed(3)]),
            60,
          ),
        );
      }
    });
};
