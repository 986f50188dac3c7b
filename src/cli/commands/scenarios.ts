/** `marsad scenarios [--json]`: the scenarios the texts weigh, with their lever settings. */
import type { RegisterCommand } from './index.js';
import { docsOf, loadCaseFor, printJson, table } from './case-listing.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('scenarios')
    .description('list the scenarios of the case and the levers each one sets')
    .option('--json', 'print JSON: every scenario with its levers, schedule and citations')
    .action(async (opts: { json?: boolean }, cmd) => {
      const c = await loadCaseFor(cmd, io);
      if (opts.json) return printJson(io, c.scenarios);
      io.out(
        table(
          ['id', 'title', 'levers', 'steps', 'docs'],
          c.scenarios.map((s) => [
            s.id,
            s.title.en,
            Object.entries(s.levers).map(([k, v]) => `${k}=${v}`).join(' '),
            String(s.schedule.length),
            docsOf(s.cite),
          ]),
          60,
        ),
      );
      io.out(`${c.scenarios.length} scenario${c.scenarios.length === 1 ? '' : 's'}\n`);
    });
};
