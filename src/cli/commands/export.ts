/** `marsad export FILE`: the whole workspace (documents, text, metadata, passages) as JSON; `-` for stdout. */
import { resolve } from 'node:path';
import { withWorkbench } from '../context.js';
import { writeOutputFile } from '../write-output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('export')
    .description('export the whole workspace as one JSON file (import restores it exactly)')
    .argument('<file>', 'output file, or - for standard output')
    .action(async (file: string, _opts: unknown, cmd) => {
      const { exportWorkspace } = await import('../../app/corpus.js');
      const ws = await withWorkbench(cmd, io, (wb) => exportWorkspace(wb));
      const json = `${JSON.stringify(ws)}\n`;
      if (file === '-') {
        io.out(json);
        return;
      }
      const path = resolve(io.cwd, file);
      // Written beside and renamed, so an interrupted export never leaves a truncated file.
      await writeOutputFile(path, json, 'file');
      io.err(`exported ${ws.documents.length} documents to ${path}\n`);
    });
};
