/** `marsad commitments [--json]`: provisions with owner, deadline and current implementation score. */
import type { RegisterCommand } from './index.js';
import { dateText, docsOf, loadCaseFor, printJson, table } from './case-listing.js';

const SCORE = ['0 not started', '1 minimal', '2 intermediate', '3 complete'];

export const register: RegisterCommand = (program, io) => {
  program
    .command('commitments')
    .description('list commitments and deadlines with their status (0 not started … 3 complete)')
    .option('--json', 'print JSON: every commitment with its status history and citations')
    .action(async (opts: { json?: boolean }, cmd) => {
      const c = await loadCaseFor(cmd, io);
      if (opts.json) return printJson(io, c.commitments);
      io.out(
        table(
          ['id', 'owners', 'due', 'status', 'title', 'docs'],
          c.commitments.map((m) => {
            const last = m.history[m.history.length - 1];
            return [m.id, m.owners.join(' '), dateText(m.due), `${SCORE[last.score]} (${dateText(last.date)})`, m.title.en, docsOf(m.cite)];
          }),
        ),
      );
      io.out(`${c.commitments.length} commitment${c.commitments.length === 1 ? '' : 's'}\n`);
    });
};
