/** `marsad commitments [--json]`: provisions with owner, deadline and current implementation score. */
import { withWorkbench } from '../context.js';
import { count, dateText, docsOf, printJson, table } from '../output.js';
import type { RegisterCommand } from './index.js';

const SCORE = ['0 not started', '1 minimal', '2 intermediate', '3 complete'];

export const register: RegisterCommand = (program, io) => {
  program
    .command('commitments')
    .description('list commitments and deadlines with their status (0 not started … 3 complete)')
    .option('--json', 'print JSON: every commitment with its status history and citations')
    .action(async (opts: { json?: boolean }, cmd) => {
      const { listCommitments } = await import('../../app/case-queries.js');
      const { items } = await withWorkbench(cmd, io, (wb) => listCommitments(wb));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'owners', 'due', 'status', 'title', 'docs'],
          items.map((m) => [
            m.id,
            m.owners.join(' '),
            dateText(m.due),
            `${SCORE[m.current.score]} (${dateText(m.current.date)})`,
            m.title.en,
            docsOf(m.cite),
          ]),
        ),
      );
      io.out(`${count(items.length, 'commitment')}\n`);
    });
};
