/** `marsad documents [--json]`: the stored documents with their metadata and passage counts. */
import { withWorkbench } from '../context.js';
import { count, printJson } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('documents')
    .description('list the stored documents')
    .option('--json', 'print JSON: every document with its metadata (without the text)')
    .action(async (opts: { json?: boolean }, cmd) => {
      const { listDocuments } = await import('../../app/corpus.js');
      const docs = await withWorkbench(cmd, io, (wb) => listDocuments(wb));
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
