/**
 * `marsad commitments [--as-of DATE] [--json]`: provisions with owner, deadline, current
 * implementation score and timeliness on the date, overdue first, then due soon.
 * `marsad commitments update ID --status 0-3 --date DATE --cite PASSAGE [--note TEXT] [--abandoned]`:
 * records a status entry through the history.
 */
import type { Command } from 'commander';
import type { ChangeResponse } from '../../domain/responses.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import { count, dateText, docsOf, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

const SCORE = ['0 not started', '1 minimal', '2 intermediate', '3 complete'];

/** Timeliness in words: `overdue 431 d`, `completed late 120 d`, `due soon (40 d left)`. */
export function timelinessText(m: { timeliness: string; daysLate: number | null; daysLeft: number | null }): string {
  const words = m.timeliness.replace(/_/g, ' ');
  if (m.daysLate !== null) return `${words} ${m.daysLate} d`;
  if (m.daysLeft !== null) return `${words} (${m.daysLeft} d left)`;
  return words;
}

export function authorOf(io: Pick<CliIo, 'env'>, given?: string): string | undefined {
  return given ?? io.env.MARSAD_AUTHOR ?? io.env.USER ?? undefined;
}

export function printChange(io: CliIo, r: ChangeResponse, json?: boolean): void {
  if (json) return printJson(io, r);
  const c = r.change;
  io.out(`#${c.seq} ${c.action} ${c.kind} ${c.item} by ${c.author} (revision ${c.revision})${c.reason ? `: ${c.reason}` : ''}\n`);
}

export const AS_OF_HELP = 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)';
export const CITE_HELP = 'the passage it rests on: a passage id (marsad search) or FILE::QUOTE';

export const register: RegisterCommand = (program, io) => {
  const commitments = program
    .command('commitments')
    .description('list commitments and deadlines with their status (0 not started … 3 complete) and timeliness, overdue first')
    .option('--as-of <date>', AS_OF_HELP)
    .option('--json', 'print JSON: every commitment with its status history, citations, timeliness and daysLate')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      const { AsOfRequest } = await import('../../domain/requests.js');
      const { listCommitments } = await import('../../app/case-queries.js');
      const req = parseFlags(AsOfRequest, { asOf: opts.asOf });
      const { items, asOf } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listCommitments(wb, req)));
      if (opts.json) return printJson(io, items);
      io.out(
        table(
          ['id', 'owners', 'due', 'timeliness', 'status', 'title', 'docs'],
          items.map((m) => [
            m.id,
            m.owners.join(' '),
            dateText(m.due),
            timelinessText(m),
            `${SCORE[m.current.score]}${m.current.abandoned ? ', abandoned' : ''} (${dateText(m.current.date)})`,
            m.title.en,
            docsOf(m.cite),
          ]),
        ),
      );
      io.out(`${count(items.length, 'commitment')} as of ${asOf}\n`);
    });

  commitments
    .command('update')
    .description('record a status entry of a commitment (through the history, with the passage that says so)')
    .argument('<id>', 'the commitment (marsad commitments)')
    .requiredOption('--status <n>', 'implementation score: 0 not started, 1 minimal, 2 intermediate, 3 complete')
    .requiredOption('--date <date>', 'when it stood so (YYYY, YYYY-MM or YYYY-MM-DD)')
    .requiredOption('--cite <passage>', CITE_HELP)
    .option('--note <text>', 'what happened, in a line')
    .option('--abandoned', 'the owner gave it up: abandoned from this entry on')
    .option('--author <name>', 'who records it (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change and the item as JSON')
    .action(async (id: string, opts: { status: string; date: string; cite: string; note?: string; abandoned?: boolean; author?: string; json?: boolean }, cmd: Command) => {
      const { CommitmentUpdateRequest } = await import('../../domain/requests.js');
      const { updateCommitment } = await import('../../app/tracking.js');
      const fields = { id, status: opts.status, date: opts.date, cite: opts.cite, note: opts.note, abandoned: opts.abandoned, author: authorOf(io, opts.author) };
      const req = parseFlags(CommitmentUpdateRequest, fields, { id: 'ID' });
      const r = await asFlags(Object.keys(fields), () => withWorkbench(cmd, io, (wb) => updateCommitment(wb, req)), { id: 'ID' });
      printChange(io, r, opts.json);
    });
};
