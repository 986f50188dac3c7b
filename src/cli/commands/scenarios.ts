/** `marsad scenarios [--json]`: the scenarios the texts weigh, with their lever settings. */
import { withWorkbench } from '../context.js';
import { count, docsOf, printJson, table } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('scenarios')
    .description('list the scenarios of the case and the levers each one sets')
    .option('--json', 'print JSON: every scenario with its levers, schedule and citations')
    .action(async (opts: { json?: boolean }, cmd) => {
      const { listScenarios } = await import('../../app/case-queries.js');
      const { items } = await withWorkbench(cmd, io, (wb) => listScenarios(wb));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'title', 'levers', 'steps', 'docs'],
          items.map((s) => [
            s.id,
            s.title.en,
            Object.entries(s.levers).map(([k, v]) => `${k}=${v}`).join(' '),
            String(s.schedule.length),
            docsOf(s.cite),
          ]),
          60,
        ),
      );
      io.out(`${count(items.length, 'scenario')}\n`);
    });
};
