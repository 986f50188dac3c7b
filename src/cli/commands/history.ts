/** `marsad history [ITEM] [--kind K] [--limit N] [--before SEQ] [--as-of DATE] [--json]`: the case's change log, newest first. */
import type { Command } from 'commander';
import { withWorkbench } from '../context.js';
import { printJson, table } from '../output.js';
import { parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('history')
    .description("the case's change log, newest first: what changed, before and after, who, when, why, citing what")
    .argument('[item]', "only this item's changes (its id; FROM>TO for an edge)")
    .option('--kind <kind>', 'only changes of this section (actors, events, commitments…)')
    .option('--limit <n>', 'most entries (default 100)')
    .option('--before <seq>', 'entries older than this one (paging)')
    .option('--as-of <date>', 'only changes made by the end of this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--json', 'print JSON: every entry with its before and after')
    .action(async (item: string | undefined, opts: { kind?: string; limit?: string; before?: string; asOf?: string; json?: boolean }, cmd: Command) => {
      const { HistoryRequest } = await import('../../domain/requests.js');
      const { history } = await import('../../app/changes.js');
      const req = parseFlags(HistoryRequest, { item, kind: opts.kind, limit: opts.limit, before: opts.before, asOf: opts.asOf }, { item: 'item' });
      const r = await withWorkbench(cmd, io, (wb) => history(wb, req));
      if (opts.json) return printJson(io, r.items);
      io.out(
        table(
          ['#', 'when', 'who', 'action', 'item', 'why'],
          r.items.map((c) => [String(c.seq), c.at.slice(0, 19).replace('T', ' '), c.author, c.action, c.kind ? `${c.kind} ${c.item}` : '(whole case)', c.reason ?? '']),
          60,
        ),
      );
      io.out(`${r.items.length} change${r.items.length === 1 ? '' : 's'}; case ${r.caseId} at revision ${r.revision}\n`);
    });
};
