/** `marsad documents [--as-of DATE] [--json]`: the stored documents with their metadata and passage counts. */
import { withWorkbench } from '../context.js';
import { count, printJson } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('documents')
    .description('list the stored documents')
    .option('--as-of <date>', 'only documents published by this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--json', 'print JSON: every document with its metadata (without the text)')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd) => {
      const { AsOfRequest } = await import('../../domain/requests.js');
      const { listDocuments } = await import('../../app/corpus.js');
      const req = parseFlags(AsOfRequest, { asOf: opts.asOf });
      const docs = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listDocuments(wb, req)));
      if (opts.json) return printJson(io, docs);
      for (const d of docs) {
        io.out(
          `${d.file}  ${d.id}  ${d.language}  ${d.published ?? '—'}  ${d.passageCount} passages` +
            `${d.pageCount > 0 ? `  ${d.pageCount} page${d.pageCount === 1 ? '' : 's'}` : ''}` +
            `${d.title ? `  ${d.title}` : ''}\n`,
        );
      }
      io.out(`${count(docs.length, 'document')}\n`);
    });
};
