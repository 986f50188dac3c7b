/**
 * Tracking and scoring from the command line: `marsad indicators [--as-of DATE] [--json]`,
 * `marsad observe INDICATOR --date DATE --value V --cite PASSAGE`, `marsad forecast TARGET --p P
 * --date DATE [--note TEXT]`, `marsad resolve TARGET --outcome true|false --date DATE --cite
 * PASSAGE`, `marsad backtest --as-of DATE [--until DATE] [--json]` and `marsad probabilities
 * [--from DATE] [--until DATE] [--json]`.
 */
import type { Command } from 'commander';
import { withWorkbench } from '../context.js';
import { count, dateText, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import { AS_OF_HELP, CITE_HELP, authorOf, printChange } from './commitments.js';
import type { RegisterCommand } from './index.js';

const fmt = (x: number | null, digits = 3) => (x === null ? '' : x.toFixed(digits));

export const register: RegisterCommand = (program, io) => {
  program
    .command('indicators')
    .description('list the indicators with their observable definition, observations and state (not triggered, triggered, reversed)')
    .option('--as-of <date>', AS_OF_HELP)
    .option('--json', 'print JSON: every indicator with its observations, state and the steps that led there')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      const { IndicatorsRequest } = await import('../../domain/requests.js');
      const { listIndicators } = await import('../../app/tracking.js');
      const req = parseFlags(IndicatorsRequest, { asOf: opts.asOf });
      const { items, asOf } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listIndicators(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'state', 'since', 'watch', 'last value', 'supports', 'undercuts'],
          items.map((i) => {
            const last = i.steps[i.steps.length - 1];
            const watch = i.observe ? `${i.observe.direction === 'above' ? '≥' : '≤'} ${i.observe.threshold}${i.observe.unit ? ` ${i.observe.unit}` : ''}` : '';
            return [i.id, i.state.replace('_', ' '), i.since ?? '', watch, last ? `${last.value} (${last.date})` : '', (i.supports ?? []).join(' '), (i.undercuts ?? []).join(' ')];
          }),
        ),
      );
      io.out(`${count(items.length, 'indicator')} as of ${asOf}\n`);
    });

  program
    .command('observe')
    .description('record an observation of an indicator: a value on a date, with the passage that reports it')
    .argument('<indicator>', 'the indicator (marsad indicators)')
    .requiredOption('--date <date>', 'when it was observed (YYYY, YYYY-MM or YYYY-MM-DD)')
    .requiredOption('--value <v>', 'the value observed: a number, or yes/no (1/0)')
    .requiredOption('--cite <passage>', CITE_HELP)
    .option('--note <text>', 'what was seen, in a line')
    .option('--author <name>', 'who records it (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change and the item as JSON')
    .action(async (indicator: string, opts: { date: string; value: string; cite: string; note?: string; author?: string; json?: boolean }, cmd: Command) => {
      const { ObserveRequest } = await import('../../domain/requests.js');
      const { observeIndicator } = await import('../../app/tracking.js');
      const fields = { indicator, date: opts.date, value: opts.value, cite: opts.cite, note: opts.note, author: authorOf(io, opts.author) };
      const req = parseFlags(ObserveRequest, fields, { indicator: 'INDICATOR' });
      printChange(io, await asFlags(Object.keys(fields), () => withWorkbench(cmd, io, (wb) => observeIndicator(wb, req)), { indicator: 'INDICATOR' }), opts.json);
    });

  program
    .command('forecast')
    .description('record your probability that a scenario plays out or a hypothesis is true, held from a date')
    .argument('<target>', 'a scenario (marsad scenarios) or hypothesis (marsad ach) id')
    .requiredOption('--p <p>', 'the probability, 0 to 1')
    .requiredOption('--date <date>', 'the date it is held from (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--note <text>', 'why, in a line')
    .option('--author <name>', 'who records it (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change and the item as JSON')
    .action(async (target: string, opts: { p: string; date: string; note?: string; author?: string; json?: boolean }, cmd: Command) => {
      const { ForecastRequest } = await import('../../domain/requests.js');
      const { recordForecast } = await import('../../app/tracking.js');
      const fields = { target, p: opts.p, date: opts.date, note: opts.note, author: authorOf(io, opts.author) };
      const req = parseFlags(ForecastRequest, fields, { target: 'TARGET' });
      printChange(io, await asFlags(Object.keys(fields), () => withWorkbench(cmd, io, (wb) => recordForecast(wb, req)), { target: 'TARGET' }), opts.json);
    });

  program
    .command('resolve')
    .description('record how a scenario or hypothesis resolved (true or false), on a date, with the passage that says so')
    .argument('<target>', 'a scenario or hypothesis id')
    .requiredOption('--outcome <bool>', 'true (it came about) or false')
    .requiredOption('--date <date>', 'when it resolved (YYYY, YYYY-MM or YYYY-MM-DD)')
    .requiredOption('--cite <passage>', CITE_HELP)
    .option('--note <text>', 'what happened, in a line')
    .option('--author <name>', 'who records it (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change and the item as JSON')
    .action(async (target: string, opts: { outcome: string; date: string; cite: string; note?: string; author?: string; json?: boolean }, cmd: Command) => {
      const { ResolveRequest } = await import('../../domain/requests.js');
      const { resolveTarget } = await import('../../app/tracking.js');
      const fields = { target, outcome: opts.outcome, date: opts.date, cite: opts.cite, note: opts.note, author: authorOf(io, opts.author) };
      const req = parseFlags(ResolveRequest, fields, { target: 'TARGET' });
      printChange(io, await asFlags(Object.keys(fields), () => withWorkbench(cmd, io, (wb) => resolveTarget(wb, req)), { target: 'TARGET' }), opts.json);
    });

  program
    .command('backtest')
    .description('rewind the case to a date and score what it held then (forecasts, deadlines, indicators) against what was recorded after')
    .requiredOption('--as-of <date>', 'the date to rewind to (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'compare with the case as recorded up to this date (default today)')
    .option('--json', 'print JSON: forecasts, commitments and indicators with predicted, observed and scores')
    .action(async (opts: { asOf: string; until?: string; json?: boolean }, cmd: Command) => {
      const { BacktestRequest } = await import('../../domain/requests.js');
      const { backtest } = await import('../../app/tracking.js');
      const req = parseFlags(BacktestRequest, { asOf: opts.asOf, until: opts.until });
      const r = await asFlags(['asOf', 'until'], () => withWorkbench(cmd, io, (wb) => backtest(wb, req)));
      if (opts.json) return printJson(io, r);
      io.out(`Back-test: the case as of ${r.asOf}, against what was recorded up to ${r.until}\n\n`);
      io.out(
        table(
          ['kind', 'id', 'p then', 'source', 'observed', 'resolved', 'Brier', 'log'],
          r.forecasts.map((f) => [f.kind, f.id, fmt(f.predicted, 2), f.source ?? '', f.observed === null ? '' : String(f.observed), f.resolved ?? '', fmt(f.brier), fmt(f.log)]),
        ),
      );
      io.out('\n');
      io.out(
        table(
          ['commitment', 'due', 'then', 'now', 'completed', 'timing error (d)'],
          r.commitments.map((m) => [m.id, dateText(m.due ?? undefined), m.then.replace(/_/g, ' '), m.now.replace(/_/g, ' '), dateText(m.completed ?? undefined), m.timingError === null ? '' : String(m.timingError)]),
        ),
      );
      const moved = r.indicators.filter((i) => i.then !== i.now || i.observations > 0);
      if (moved.length) {
        io.out('\n');
        io.out(table(['indicator', 'then', 'now', 'new observations'], moved.map((i) => [i.id, i.then, i.now, String(i.observations)])));
      }
      if (r.calibration.length) {
        io.out('\n');
        io.out(table(['p band', 'forecasts', 'mean p', 'came true'], r.calibration.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.n), b.meanP.toFixed(2), b.observed.toFixed(2)])));
      }
      const s = r.scores;
      io.out(
        `\n${s.resolved} forecast(s) resolved after ${r.asOf}: mean Brier ${s.brier === null ? '–' : s.brier.toFixed(3)}, mean log score ${s.log === null ? '–' : s.log.toFixed(3)}; ` +
          `deadlines due by ${r.until}: ${s.onTime} met on time, ${s.late} late, ${s.missed} missed\n`,
      );
    });

  program
    .command('probabilities')
    .description('the probability of each scenario and hypothesis over time (the analyst\'s forecasts, else the ACH share), with outcomes')
    .option('--from <date>', 'start the track on this date (default: the first day anything it rests on was known)')
    .option('--until <date>', 'end the track on this date (default today)')
    .option('--json', 'print JSON: every scenario and hypothesis with the days its probability changed, and its outcome')
    .action(async (opts: { from?: string; until?: string; json?: boolean }, cmd: Command) => {
      const { ProbabilitiesRequest } = await import('../../domain/requests.js');
      const { probabilities } = await import('../../app/tracking.js');
      const req = parseFlags(ProbabilitiesRequest, { from: opts.from, until: opts.until });
      const r = await asFlags(['from', 'until'], () => withWorkbench(cmd, io, (wb) => probabilities(wb, req)));
      if (opts.json) return printJson(io, r);
      const tracked = r.series.filter((x) => x.points.length > 0);
      io.out(
        table(
          ['kind', 'id', 'first', 'last', 'low', 'high', 'changes', 'outcome'],
          tracked.map((x) => {
            const ps = x.points.map((p) => p.p);
            const [first, last] = [x.points[0], x.points[x.points.length - 1]];
            return [
              x.kind,
              x.id,
              `${first.p.toFixed(2)} (${first.date})`,
              `${last.p.toFixed(2)} (${last.date}, ${last.source})`,
              Math.min(...ps).toFixed(2),
              Math.max(...ps).toFixed(2),
              String(x.points.length - 1),
              x.outcome ? `${x.outcome.value} (${x.outcome.date})` : '',
            ];
          }),
        ),
      );
      io.out(`${tracked.length} of ${r.series.length} scenarios and hypotheses with a probability from ${r.from} to ${r.until}\n`);
    });
};
