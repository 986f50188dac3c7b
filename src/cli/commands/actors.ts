/** `marsad actors [--type T] [--json]`: the case's actors with names, aliases, relations and citations. */
import { ACTOR_TYPES } from '../../domain/names.js';
import { withWorkbench } from '../context.js';
import { count, docsOf, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('actors')
    .description('list the actors of the case (states, parties, factions, persons, outlets…)')
    .option('--type <type>', `only actors of this type (${ACTOR_TYPES.join(', ')})`)
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON: every actor with its citations')
    .action(async (opts: { type?: string; asOf?: string; json?: boolean }, cmd) => {
      const { ActorsRequest } = await import('../../domain/requests.js');
      const { listActors } = await import('../../app/case-queries.js');
      const req = parseFlags(ActorsRequest, { type: opts.type, asOf: opts.asOf });
      const { items } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listActors(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'type', 'name', 'الاسم', 'aliases', 'docs'],
          items.map((a) => [a.id, a.type, a.name.en, a.name.ar, String(a.aliases.length), docsOf(a.cite)]),
        ),
      );
      io.out(`${count(items.length, 'actor')}\n`);
    });
};
