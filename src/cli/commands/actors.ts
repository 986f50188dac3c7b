/** `marsad actors [--type T] [--json]`: the case's actors with names, aliases, relations and citations. */
import { ActorType } from '../../domain/case.js';
import { InputError } from '../../domain/errors.js';
import type { RegisterCommand } from './index.js';
import { docsOf, loadCaseFor, printJson, table } from './case-listing.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('actors')
    .description('list the actors of the case (states, parties, factions, persons, outlets…)')
    .option('--type <type>', `only actors of this type (${ActorType.options.join(', ')})`)
    .option('--json', 'print JSON: every actor with its citations')
    .action(async (opts: { type?: string; json?: boolean }, cmd) => {
      if (opts.type !== undefined && !ActorType.safeParse(opts.type).success) {
        throw new InputError(`unknown actor type "${opts.type}"; expected one of ${ActorType.options.join(', ')}`, { field: '--type' });
      }
      const c = await loadCaseFor(cmd, io);
      const actors = c.actors.filter((a) => !opts.type || a.type === opts.type);
      if (opts.json) return printJson(io, actors);
      io.out(
        table(
          ['id', 'type', 'name', 'الاسم', 'aliases', 'docs'],
          actors.map((a) => [a.id, a.type, a.name.en, a.name.ar, String(a.aliases.length), docsOf(a.cite)]),
        ),
      );
      io.out(`${actors.length} actor${actors.length === 1 ? '' : 's'}\n`);
    });
};
