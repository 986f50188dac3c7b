/** `marsad import FILE`: restore a workspace exported by `marsad export` (documents already stored are unchanged). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import { printJson } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('import')
    .description('import a workspace JSON file written by marsad export')
    .argument('<file>', 'workspace JSON file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, cmd) => {
      const { importWorkspace } = await import('../../app/corpus.js');
      const path = resolve(io.cwd, file);
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new InputError(`not a readable JSON file: ${(error as Error).message}`, { file: path }, { cause: error });
      }
      const result = await withWorkbench(cmd, io, (wb) => importWorkspace(wb, value));
      if (opts.json) printJson(io, result);
      else io.out(`imported: added ${result.added}, unchanged ${result.unchanged}, updated ${result.updated}\n`);
    });
};
