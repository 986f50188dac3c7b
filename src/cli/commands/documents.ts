/** `marsad documents [--json]`: the stored documents with their metadata and passage counts. */
import { withStore } from '../context.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('documents')
    .description('list the stored documents')
    .option('--json', 'print JSON: every document with its metadata (without the text)')
    .action(async (opts: { json?: boolean }, cmd) => {
      const docs = await withStore(cmd, io, (store) => store.listDocuments());
      if (opts.json) {
        io.out(`${JSON.stringify(docs, null, 2)}\n`);
        return;
      }
      for (const d of docs) {
        io.out(
          `${d.file}  ${d.id}  ${d.language}  ${d.published ?? '—'}  ${d.passageCount} passages` +
            `${d.pageCount > 0 ? `  ${d.pageCount} page${d.pageCount === 1 ? '' : 's'}` : ''}` +
            `${d.title ? `  ${d.title}` : ''}\n`,
        );
      }
      io.out(`${docs.length} document${docs.length === 1 ? '' : 's'}\n`);
    });
};
