/** `marsad events [--actor ID] [--type T] [--from D] [--to D] [--json]`: the timeline, oldest first. */
import { withWorkbench } from '../context.js';
import { count, dateText, docsOf, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('events')
    .description('list the dated events of the case, oldest first')
    .option('--actor <id>', 'only events involving this actor')
    .option('--type <type>', 'only events of this type (e.g. attack, agreement, deadline)')
    .option('--from <date>', 'only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date')
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON: every event with its citations')
    .action(async (opts: { actor?: string; type?: string; from?: string; to?: string; asOf?: string; json?: boolean }, cmd) => {
      const { EventsRequest } = await import('../../domain/requests.js');
      const { listEvents } = await import('../../app/case-queries.js');
      const req = parseFlags(EventsRequest, { actor: opts.actor, type: opts.type, from: opts.from, to: opts.to, asOf: opts.asOf });
      const { items } = await asFlags(['from', 'to', 'asOf'], () => withWorkbench(cmd, io, (wb) => listEvents(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['date', 'id', 'type', 'title', 'actors', 'docs'],
          items.map((e) => [dateText(e.date), e.id, e.type, e.title.en, e.actors.join(' '), docsOf(e.cite)]),
        ),
      );
      io.out(`${count(items.length, 'event')}\n`);
    });
};
