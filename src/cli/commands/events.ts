/** `marsad events [--actor ID] [--from D] [--to D] [--json]`: the timeline, oldest first. */
import { dateSpan } from '../../case/conflicts.js';
import { DateValue } from '../../domain/case.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import type { RegisterCommand } from './index.js';
import { dateText, docsOf, loadCaseFor, printJson, table } from './case-listing.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('events')
    .description('list the dated events of the case, oldest first')
    .option('--actor <id>', 'only events involving this actor')
    .option('--from <date>', 'only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date')
    .option('--json', 'print JSON: every event with its citations')
    .action(async (opts: { actor?: string; from?: string; to?: string; json?: boolean }, cmd) => {
      const from = opts.from === undefined ? -Infinity : dateSpan(parseDate(opts.from, '--from')).lo;
      const to = opts.to === undefined ? Infinity : dateSpan(parseDate(opts.to, '--to')).hi;
      const c = await loadCaseFor(cmd, io);
      if (opts.actor && !c.actors.some((a) => a.id === opts.actor)) {
        throw new NotFoundError(`no actor "${opts.actor}" in the case (see marsad actors)`);
      }
      const events = c.events
        .filter((e) => !opts.actor || e.actors.includes(opts.actor))
        .filter((e) => {
          const span = dateSpan(e.date);
          const end = e.until ? dateSpan(e.until).hi : span.hi;
          return end >= from && span.lo <= to;
        })
        .map((e, index) => ({ e, index, at: dateSpan(e.date).lo }))
        .sort((x, y) => x.at - y.at || x.index - y.index)
        .map(({ e }) => e);
      if (opts.json) return printJson(io, events);
      io.out(
        table(
          ['date', 'id', 'type', 'title', 'actors', 'docs'],
          events.map((e) => [dateText(e.date), e.id, e.type, e.title.en, e.actors.join(' '), docsOf(e.cite)]),
        ),
      );
      io.out(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
    });
};

function parseDate(value: string, flag: string): string {
  const parsed = DateValue.safeParse(value);
  if (!parsed.success) throw new InputError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`, { field: flag });
  return parsed.data;
}
