/**
 * Creates the embedded store's data folder. Node's `mkdirSync(p, { recursive: true })` loops
 * forever when mkdir answers ENOENT under a parent that exists (e.g. `--data /proc/x`), so the
 * parents are created one level at a time instead, each answer checked.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, MarsadError } from '../domain/errors.js';

export function makeDataDir(path: string, depth = 0): void {
  const info = statOrNull(path);
  if (info) {
    if (!info.isDirectory()) throw new InputError(`the data folder ${path} is a file, not a folder`, { file: path, field: '--data' });
    return;
  }
  const parent = dirname(path);
  if (parent === path || depth > 64) {
    throw new MarsadError(`cannot create the data folder ${path}: no existing parent folder`);
  }
  makeDataDir(parent, depth + 1);
  try {
    mkdirSync(path);
  } catch (error) {
    // Another process may have created it between the stat and the mkdir.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statOrNull(path)?.isDirectory()) return;
    throw new MarsadError(`cannot create the data folder ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new InputError(`the data folder ${path} is inside a file`, { file: path, field: '--data' });
    throw new MarsadError(`cannot inspect the data folder ${path}: ${(error as Error).message}`, { cause: error });
  }
}
