/** `marsad scenarios [--json]`: the scenarios the texts weigh, with their lever settings. */
import { withWorkbench } from '../context.js';
import { asFlags, parseFlags } from '../request.js';
import { count, docsOf, printJson, table } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('scenarios')
    .description('list the scenarios of the case and the levers each one sets')
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON: every scenario with its levers, schedule, forecasts, outcome and citations')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd) => {
      const { listScenarios } = await import('../../app/case-queries.js');
      const { AsOfRequest } = await import('../../domain/requests.js');
      const req = parseFlags(AsOfRequest, { asOf: opts.asOf });
      const { items, asOf } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listScenarios(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'title', 'levers', 'steps', 'p', 'outcome', 'docs'],
          items.map((s) => [
            s.id,
            s.title.en,
            Object.entries(s.levers).map(([k, v]) => `${k}=${v}`).join(' '),
            String(s.schedule.length),
            s.forecasts?.length ? `${s.forecasts[s.forecasts.length - 1]!.p} (${s.forecasts[s.forecasts.length - 1]!.date})` : '',
            s.outcome ? `${s.outcome.value} (${s.outcome.date})` : '',
            docsOf(s.cite),
          ]),
          60,
        ),
      );
      io.out(`${count(items.length, 'scenario')} as of ${asOf}\n`);
    });
};
