/** `marsad stances [--actor ID] [--issue ID] [--voice declared|attributed] [--json]`: who stands where, when, with the quote, and who says so. */
import { withWorkbench } from '../context.js';
import { count, dateText, docsOf, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('stances')
    .description('list actors\' stances on the issues, oldest first')
    .option('--actor <id>', 'only this actor\'s stances')
    .option('--issue <id>', 'only stances on this issue')
    .option('--voice <voice>', 'only the actors\' own positions (declared) or only authors\' readings of them (attributed)')
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON: every stance with its quote and citations')
    .action(async (opts: { actor?: string; issue?: string; voice?: string; asOf?: string; json?: boolean }, cmd) => {
      const { StancesRequest } = await import('../../domain/requests.js');
      const { listStances } = await import('../../app/case-queries.js');
      const req = parseFlags(StancesRequest, { actor: opts.actor, issue: opts.issue, voice: opts.voice, asOf: opts.asOf });
      const { items } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listStances(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['date', 'actor', 'issue', 'position', 'voice', 'summary', 'docs'],
          items.map((s) => [dateText(s.date), s.actor, s.issue, s.position, s.voice === 'attributed' ? `per ${s.attributed_by ?? '?'}` : 'own', s.summary.en, docsOf(s.cite)]),
        ),
      );
      io.out(`${count(items.length, 'stance')}\n`);
    });
};
