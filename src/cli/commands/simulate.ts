/**
 * `marsad simulate --scenario ID [--runs N] [--seed S] [--threads T] [--rule R] [--transfer F]
 * [--lambda L] [--distribution D] [--sensitivity OUTCOME] [--from YYYY-MM --to YYYY-MM]
 * [--steps-per-month N] [--json]`: runs a scenario of the case's
 * causal model against the baseline and prints outcome deltas, winners and losers, convergence,
 * the monthly trajectory when the scenario has a schedule, and Monte Carlo probabilities when
 * --runs is above 1.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { payoffs } from '../../analysis/payoffs.js';
import type { LoadedCase } from '../../case/load.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { buildCausalMap, type CausalMap } from '../../model/causal-map.js';
import { runMonteCarlo, MONTE_CARLO_DEFAULTS, type Distribution, type MonteCarloResult } from '../../simulate/monte-carlo.js';
import { deltasOf, runScenario } from '../../simulate/scenario.js';
import { runSchedule } from '../../simulate/schedule.js';
import { sensitivity } from '../../simulate/sensitivity.js';
import { TRANSFER_NAMES, type TransferName } from '../../simulate/transfer.js';
import { UPDATE_RULE_NAMES, type UpdateRuleName } from '../../simulate/update-rules.js';
import type { CliIo } from '../io.js';
import { loadCaseFor, table } from './case-listing.js';
import type { RegisterCommand } from './index.js';

interface SimulateOptions {
  scenario: string;
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
}

/** Parses an integer flag or throws an InputError naming it. */
export function intFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new InputError(`expected an integer for ${flag}, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError(`expected ${flag} in ${min} … ${max}, got ${n}`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`unknown ${flag} "${value}" (expected ${allowed.join(', ')})`);
  }
  return value as T;
}

/** The case's causal map (an empty or malformed model is an InputError naming the section). */
export function caseMap(c: LoadedCase): CausalMap {
  if (c.concepts.length === 0) {
    throw new InputError(`the case in ${c.dir} has no causal model: no concepts`, { field: 'concepts' });
  }
  return buildCausalMap(c.concepts, c.edges);
}

/** Rounds every non-integer number to 6 decimals for printing. */
function round6(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value;
}

function fmt(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return (r > 0 ? '+' : '') + (Object.is(r, -0) ? '0' : String(r));
}

function progressBar(io: CliIo, total: number): { update(done: number): void; stop(): void } {
  const stream = { isTTY: true, columns: 80, write: (s: string) => (io.err(s), true) };
  const bar = new cliProgress.SingleBar(
    { stream: stream as unknown as NodeJS.WritableStream, format: 'monte carlo [{bar}] {value}/{total} runs', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('simulate')
    .description('run a scenario of the causal model: outcome deltas, winners and losers, Monte Carlo probabilities')
    .requiredOption('--scenario <id>', 'scenario id (see `marsad scenarios`)')
    .option('--runs <n>', 'Monte Carlo runs over the edge-weight ranges (1 … 1000000; 1 = the authored weights only)', '1')
    .option('--seed <s>', 'seed of the Monte Carlo generator (0 … 4294967295)', String(MONTE_CARLO_DEFAULTS.seed))
    .option('--threads <t>', 'threads computing Monte Carlo (default: one, or up to the cores (at most 4) when the work pays for starting workers)')
    .option('--rule <rule>', `update rule: ${UPDATE_RULE_NAMES.join(', ')}`, 'kosko')
    .option('--transfer <f>', `transfer function: ${TRANSFER_NAMES.join(', ')}`, 'tanh')
    .option('--lambda <l>', 'steepness of sigmoid and tanh (> 0)', '1')
    .option('--distribution <d>', 'Monte Carlo sampling within each range: uniform or triangular', 'uniform')
    .option('--sensitivity <outcome>', 'also rank the edges by how much they move this outcome (tornado data)')
    .option('--from <month>', 'first month of the trajectory, YYYY-MM (default: the month before the first schedule step)')
    .option('--to <month>', 'last month of the trajectory, YYYY-MM (default: 12 months after the last step)')
    .option('--steps-per-month <n>', 'update steps per month in the trajectory (1 … 100, default 1: one causal link a month)')
    .option('--json', 'print JSON')
    .action(async (opts: SimulateOptions, cmd: Command) => {
      const runs = intFlag(opts.runs, '--runs', 1, MONTE_CARLO_DEFAULTS.maxRuns) ?? 1;
      const seed = intFlag(opts.seed, '--seed', 0, 0xffffffff);
      const threads = intFlag(opts.threads, '--threads', 1, MONTE_CARLO_DEFAULTS.maxThreads);
      const rule = oneOf<UpdateRuleName>(opts.rule, '--rule', UPDATE_RULE_NAMES);
      const transfer = oneOf<TransferName>(opts.transfer, '--transfer', TRANSFER_NAMES);
      const distribution = oneOf<Distribution>(opts.distribution, '--distribution', ['uniform', 'triangular']);
      const lambda = opts.lambda === undefined ? undefined : Number(opts.lambda);
      if (lambda !== undefined && !(Number.isFinite(lambda) && lambda > 0)) {
        throw new InputError(`expected --lambda a number > 0, got "${opts.lambda}"`);
      }
      const settings = { rule, transfer, lambda };

      const c = await loadCaseFor(cmd, io);
      const scenario = c.scenarios.find((s) => s.id === opts.scenario);
      if (!scenario) {
        throw new NotFoundError(
          `unknown scenario "${opts.scenario}"; the case has: ${c.scenarios.map((s) => s.id).join(', ') || 'none'}`,
        );
      }
      const map = caseMap(c);
      const result = runScenario(map, scenario, settings);
      const payoffTable = payoffs(c.stakes, deltasOf(result));
      const trajectoryWindow = {
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.stepsPerMonth ? { stepsPerMonth: intFlag(opts.stepsPerMonth, '--steps-per-month', 1, 100) } : {}),
      };
      const wantsTrajectory = scenario.schedule.length > 0 || (opts.from !== undefined && opts.to !== undefined);
      const trajectory = wantsTrajectory ? runSchedule(map, scenario, { ...settings, ...trajectoryWindow }) : undefined;
      const tornado = opts.sensitivity ? sensitivity(map, scenario, opts.sensitivity, settings) : undefined;

      let probabilities: MonteCarloResult | undefined;
      if (runs > 1) {
        const bar = io.isTTY ? progressBar(io, runs) : undefined;
        try {
          probabilities = await runMonteCarlo(map, scenario, {
            ...settings,
            runs,
            seed,
            threads,
            distribution,
            stakes: c.stakes,
            onProgress: (done) => bar?.update(done),
          });
        } finally {
          bar?.stop();
        }
      }

      const labelOf = (id: string) => c.concepts.find((x) => x.id === id)?.label;
      const out = {
        scenario: scenario.id,
        title: scenario.title,
        settings: result.settings,
        convergence: result.convergence,
        levers: result.levers,
        outcomes: result.outcomes.map(({ concept, baseline, value, delta }) => ({ concept, baseline, value, delta })),
        concepts: result.concepts,
        actors: payoffTable.actors,
        winners: payoffTable.winners,
        losers: payoffTable.losers,
        ...(probabilities ? { probabilities, nonConverged: probabilities.nonConverged } : {}),
        ...(trajectory ? { trajectory } : {}),
        ...(tornado ? { sensitivity: tornado } : {}),
      };
      if (opts.json) {
        io.out(`${JSON.stringify(out, round6, 2)}\n`);
        return;
      }
      const conv = (k: 'baseline' | 'scenario') => {
        const v = result.convergence[k];
        return `${v.status}${v.period ? ` (period ${v.period})` : ''} after ${v.steps} steps`;
      };
      io.out(`scenario ${scenario.id}: ${scenario.title.en}\n`);
      io.out(`rule ${result.settings.rule}, transfer ${result.settings.transfer} (λ ${result.settings.lambda})\n`);
      io.out(`convergence: baseline ${conv('baseline')}; scenario ${conv('scenario')}\n\n`);
      const prob = new Map(probabilities?.outcomes.map((o) => [o.concept, o]));
      io.out(
        table(
          ['outcome', 'label', 'baseline', 'scenario', 'delta', ...(probabilities ? ['P(rise)', 'P(fall)'] : [])],
          out.outcomes.map((o) => [
            o.concept,
            labelOf(o.concept)?.en ?? '',
            fmt(o.baseline),
            fmt(o.value),
            fmt(o.delta),
            ...(probabilities ? [prob.get(o.concept)!.rise.toFixed(3), prob.get(o.concept)!.fall.toFixed(3)] : []),
          ]),
        ),
      );
      const ahead = new Map(probabilities?.actors.map((a) => [a.actor, a.ahead]));
      const side = (rows: typeof payoffTable.winners) =>
        rows.map((a) => `${a.actor} ${fmt(a.payoff)}${probabilities ? ` (P(ahead) ${ahead.get(a.actor)?.toFixed(3)})` : ''}`).join(', ') ||
        'none';
      io.out(`\nwinners: ${side(payoffTable.winners)}\nlosers: ${side(payoffTable.losers)}\n`);
      if (probabilities) {
        io.out(`monte carlo: ${runs} runs, seed ${probabilities.seed}, ${probabilities.distribution}; not converged ${(probabilities.nonConverged * 100).toFixed(1)}%\n`);
      }
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
