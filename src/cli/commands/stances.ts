/** `marsad stances [--actor ID] [--issue ID] [--json]`: who stands where, when, with the quote. */
import { dateSpan } from '../../case/conflicts.js';
import { NotFoundError } from '../../domain/errors.js';
import type { RegisterCommand } from './index.js';
import { dateText, docsOf, loadCaseFor, printJson, table } from './case-listing.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('stances')
    .description('list actors\' stances on the issues, oldest first')
    .option('--actor <id>', 'only this actor\'s stances')
    .option('--issue <id>', 'only stances on this issue')
    .option('--json', 'print JSON: every stance with its quote and citations')
    .action(async (opts: { actor?: string; issue?: string; json?: boolean }, cmd) => {
      const c = await loadCaseFor(cmd, io);
      if (opts.actor && !c.actors.some((a) => a.id === opts.actor)) throw new NotFoundError(`no actor "${opts.actor}" in the case`);
      if (opts.issue && !c.issues.some((i) => i.id === opts.issue)) throw new NotFoundError(`no issue "${opts.issue}" in the case`);
      const stances = c.stances
        .filter((s) => (!opts.actor || s.actor === opts.actor) && (!opts.issue || s.issue === opts.issue))
        .map((s, index) => ({ s, index, at: dateSpan(s.date).lo }))
        .sort((x, y) => x.at - y.at || x.index - y.index)
        .map(({ s }) => s);
      if (opts.json) return printJson(io, stances);
      io.out(
        table(
          ['date', 'actor', 'issue', 'position', 'summary', 'docs'],
          stances.map((s) => [dateText(s.date), s.actor, s.issue, s.position, s.summary.en, docsOf(s.cite)]),
        ),
      );
      io.out(`${stances.length} stance${stances.length === 1 ? '' : 's'}\n`);
    });
};
